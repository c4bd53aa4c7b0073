#pragma once
/// @file The files `delivsim compare` writes (docs/batch-outputs.md): compare.json, compare.csv and each
/// strategy's run folder.
#include <string>
#include <vector>

#include "sim/batch/compare.h"
#include "sim/output/output_dir.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

/// Version of compare.json's layout.
inline constexpr int kCompareSchemaVersion = 1;

/// compare.json: the scenario, seed and replications, the headline figures with their directions, per
/// strategy its description, settings, each figure's mean, sd and values, its top replies, its paired
/// differences from the first strategy (null for the first) and its expectations' outcomes, then the best
/// strategy per figure. Doubles rounded to 6 significant digits; fixed key order.
std::string compare_json(const CompareResult& result);

/// compare.csv: the header `strategy,figure,mean,sd,diff_vs_first,ci95_low,ci95_high,best`, then a row per
/// strategy and headline figure; a missing number is an empty field, `best` is true or false.
std::string compare_csv(const CompareResult& result);

/// compare.json, compare.csv and every strategy's replication_output_files under "<strategy name>/" (with
/// accounting.csv when the strategy's scenario asks for it). The writers refer to `result`, which must
/// outlive them; `batch` is the one `result` was run from.
std::vector<OutputFile> compare_output_files(const CompareResult& result, const ScenarioBatch& batch);

}  // namespace delivsim
