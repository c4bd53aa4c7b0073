#pragma once
/// @file A scenario's `expect:` entries: "<figure> <op> <value>" conditions on a run's summary figures,
/// such as `providers.gmail.max_queue <= 50000` or `identities[ip=203.0.113.10].final_tier >= MEDIUM`.
/// The grammar is documented in docs/scenario-format.md.
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "models/reply_catalog.h"

namespace delivsim {

/// Which part of the summary a figure belongs to.
enum class FigureScope { Totals, Provider, Traffic, Identity };

/// What kind of value a figure holds, which decides the values it can be compared with.
enum class FigureType {
  Count,           ///< a whole number
  Number,          ///< any number
  NullableNumber,  ///< a number, or null (time_to_drain_s of a provider that never drained)
  Tier,            ///< BAD < LOW < MEDIUM < HIGH
};

/// One summary figure, as addressed by a figure path.
struct Figure {
  FigureScope scope = FigureScope::Totals;
  /// Provider or traffic name, or the identity's IP or domain; empty for totals.
  std::string name;
  IdentityKind identity_kind = IdentityKind::Ip;  ///< Identity only
  std::string identity_provider;  ///< Identity only; empty: the only one, else the judging provider's
  /// The figure below its scope as written, e.g. "delivered", "delivery_latency_s.p95",
  /// "deferrals_by_reply" (with `reply`), "final_tier".
  std::string field;
  std::string reply;  ///< the reply key of deferrals_by_reply / bounces_by_reply, e.g. "421 4.7.28"
  FigureType type = FigureType::Count;
};

/// Over several replications, what an expectation compares: Each (no function written: every replication's
/// own value must pass; with one replication, just its value), or a statistic of the values:
/// mean(...), min(...), max(...), p5(...), p50(...), p95(...) (percentiles as in
/// sim/stats/sample_statistics.h; a null value, i.e. never drained, counts as +infinity). A tier figure takes
/// min and max only.
enum class Statistic { Each, Mean, Min, Max, P5, P50, P95 };

/// A comparison operator of an expectation.
enum class CompareOp { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

/// One parsed expectation and where it was written.
struct Expectation {
  std::string text;  ///< as written, e.g. "providers.gmail.max_queue <= 50000"
  int line = 0;      ///< 1-based line of the string in its scenario file; 0 when unknown
  int column = 0;    ///< 1-based column of the string; 0 when unknown
  Statistic statistic = Statistic::Each;
  Figure figure;
  CompareOp op = CompareOp::Equal;
  /// The value compared with: a number, a tier as its order (BAD = 0 ... HIGH = 3), or nullopt for null.
  std::optional<double> value;
};

/// Why an expectation text is malformed: the problem, quoting what was given, and what would be accepted.
struct ExpectationSyntaxError : std::runtime_error {
  /// what() is "<problem>; expected <expected>".
  ExpectationSyntaxError(std::string problem, std::string expected, std::string unknown_name = {},
                         std::vector<std::string> allowed_names = {});
  std::string problem;   ///< e.g. "unknown operator '=<'"
  std::string expected;  ///< e.g. "one of < <= > >= == !="
  /// For an unknown name (a function): the name as written, and the names allowed there, from which a
  /// caller can pick a "did you mean" hint. Both empty otherwise.
  std::string unknown_name;
  std::vector<std::string> allowed_names;  ///< see unknown_name
};

/// Parses "<figure> <op> <value>" or "<function>(<figure>) <op> <value>" (text, line and column are left
/// empty). Throws ExpectationSyntaxError for an unknown figure path, function or operator, a function that
/// does not suit the figure, or a value that does not suit the figure.
Expectation parse_expectation(std::string_view text);

/// Parses a comparison operator ("<", "<=", ">", ">=", "==", "!="). Throws ExpectationSyntaxError for any
/// other text.
CompareOp parse_compare_op(std::string_view text);

/// Parses a bare figure path such as "providers.gmail.time_to_drain_s" (no function, operator or value).
/// Throws ExpectationSyntaxError for an unknown figure path.
Figure parse_figure_path(std::string_view path);

}  // namespace delivsim
