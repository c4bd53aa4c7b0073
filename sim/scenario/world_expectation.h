#pragma once
/// @file Expectations over receiver worlds, written in `expect:` lists beside the per-run ones and checked
/// by `delivsim check` and `delivsim compare --robust`:
/// - `share_of_worlds(<expectation>) <op> <share>`: the share of worlds in which the inner expectation (any
///   per-run expectation, with its statistic over the world's replications) passes, e.g.
///   `share_of_worlds(providers.gmail.delivered_share > 0.9) >= 0.95`. In a strategy's list it is that
///   strategy's; in the file's own list, the base scenario's (the file without strategy overrides).
/// - `wins(<strategy>, <rival>, <figure>) <op> <share>`: the share of worlds in which the strategy's figure
///   (mean over the world's replications) is strictly better than the rival's, by the figure's direction,
///   e.g. `wins(warmup, cold-blast, totals.delivered_share) >= 0.9`. The figure is `totals.<key>` for a
///   headline figure's key (sim/output/headline.h; the parser keeps its own list, pinned to it by a test:
///   delivered_share, deferral_rate, max_queue, time_to_drain_s, p95_latency_s, final_tier, bounced,
///   expired), the run-wide value. Allowed in any `expect:` list of a file with those strategies (two
///   different ones).
/// The share is a number in [0, 1].
#include <optional>
#include <string>
#include <string_view>

#include "sim/scenario/expectation.h"

namespace delivsim {

/// One parsed expectation over worlds and where it was written.
struct WorldExpectation {
  enum class Kind { ShareOfWorlds, Wins } kind = Kind::ShareOfWorlds;
  std::string text;  ///< as written
  int line = 0;      ///< 1-based position of the string in its file; 0 when unknown
  int column = 0;
  Expectation condition;    ///< ShareOfWorlds: the per-world condition
  std::string strategy;     ///< Wins: the strategy whose wins are counted
  std::string rival;        ///< Wins: the strategy it is compared with
  std::string figure;       ///< Wins: a headline figure's key (headline_figures()), e.g. "delivered_share"
  std::string figure_text;  ///< Wins: the figure path as written, e.g. "totals.delivered_share"
  CompareOp op = CompareOp::GreaterEqual;
  double share = 0;  ///< the share compared with, in [0, 1]
};

/// Whether `text` is an expectation over worlds (starts with `share_of_worlds(` or `wins(`, spaces
/// allowed), so read_expectation_list hands it to parse_world_expectation.
bool is_world_expectation(std::string_view text);

/// Parses a `share_of_worlds(...)` or `wins(...)` expectation (text, line and column are left empty; strategy
/// names are checked by the caller, who knows the file's strategies). Throws ExpectationSyntaxError.
WorldExpectation parse_world_expectation(std::string_view text);

}  // namespace delivsim
