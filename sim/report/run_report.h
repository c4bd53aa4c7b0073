#pragma once
/// @file The report of one run folder: a single run, or replications (headline figures as mean with their
/// p5–p95, charts as mean lines over p5–p95 bands).
#include <string>
#include <vector>

#include "sim/report/chart_series.h"
#include "sim/report/html_page.h"
#include "sim/report/run_folder.h"

namespace delivsim::report {

/// The GUI's charts for `view`: queue depth and attempts by outcome, then for each provider with
/// identities its reputation, daily spam rate and quota charts. Time in hours, or days for spans over 72 h
/// (sim/output/days_axis.h).
std::string run_charts_html(const RunView& view);

/// The headline cards of one run, computed by headline_of (sim/output/headline.h) from the RunResult read
/// back from summary.json, so they are exactly the GUI's and the batch commands' figures.
std::vector<HeadlineCard> run_headline_cards(const RunResult& run);

/// The headline cards of replications: each figure's mean over the replications' headline_of, with its
/// p5–p95. A figure missing in some replications (never drained) shows as missing, as in the aggregate
/// summary.json, with how many lack it and the p5–p95 of the others.
std::vector<HeadlineCard> replication_headline_cards(const std::vector<RunResult>& replications);

/// The report body (title, headline, charts, tables) of the run folder `folder`.
std::string run_folder_html(const RunFolder& folder);

}  // namespace delivsim::report
