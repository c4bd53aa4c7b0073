#pragma once
/// @file The rows of the Figures tab: which figures, in which groups, in which units and directions, read
/// from a RunResult. The table (compare_table.h) only lays them out.
#include <QString>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "sim/output/headline.h"
#include "sim/output/run_result.h"

namespace delivsim::gui {

/// One figure of a run; nullopt when the run lacks it (a provider or traffic source it does not have,
/// not drained, no identities, no mail delivered for a latency or an inbox share).
using FigureValue = std::function<std::optional<double>(const RunResult&, const Headline&)>;

/// The counts behind a share, "part of whole" (delivered of injected); nullopt when the run lacks them.
struct ShareCounts {
  std::int64_t part = 0;
  std::int64_t whole = 0;
};
using FigureCounts = std::function<std::optional<ShareCounts>(const RunResult&)>;

/// One row of the Figures tab: a group header when `value` is empty.
struct FigureRow {
  QString name;  ///< unique in the table: "Attempts", "gmail · 421 4.7.28", "receipts · p50 latency"
  /// How its value and differences are written (compare_table.cpp): counts "1,234", differences "+12";
  /// shares "96.68%", differences in percentage points "+0.125 pp"; latencies "3d 4h" (format_elapsed),
  /// differences exact "+1h 2m 3.5s"; drain times as latencies, a missing one "steady state" or "not
  /// drained"; tiers "HIGH", differences "+1 tier".
  FigureUnit unit = FigureUnit::Count;
  std::optional<Better> better;  ///< which way B − A is better; nullopt when neither (injected)
  FigureValue value;
  FigureCounts counts = {};  ///< Share rows: the counts the share divides, for the cell's tooltip; else empty
  bool header() const { return !value; }
};

/// The rows for `current` and, when given, `pinned` (A): totals, then deferrals by reply code for each
/// provider and reply either run has, then per provider max queue and p95 latency, then per traffic source
/// delivered share, inbox share, p50 and p95 latency. Providers and traffic sources in `current`'s order,
/// then any only `pinned` has; replies in key order.
std::vector<FigureRow> figure_rows(const RunResult& current, const RunResult* pinned);

}  // namespace delivsim::gui
