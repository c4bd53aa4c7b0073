#pragma once
/// @file Reading a `delivsim compare --robust` folder's robust.json (docs/batch-outputs.md) into plain
/// structs without trusting it: every field is checked for presence, type, range and size, and a problem is
/// a ReportInputError naming the file and the JSON path ("strategies[1].figures[0].best_share: missing").
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sim/output/headline.h"

namespace delivsim::report {

/// The robust.json version this reader understands.
inline constexpr std::int64_t kRobustJsonVersion = 1;

/// One varied receiver parameter: its label ("gmail.quota_floor_medium") and range as written.
struct RobustVaried {
  std::string label;
  std::string provider;
  std::string param;
  std::string low, high;  ///< the range's ends as the scenario writes them ("1000", "2d")
  std::string scale;      ///< "log" or "linear"
};

/// One headline figure of the comparison.
struct RobustFigureKey {
  std::string key;    ///< headline figure key, e.g. "delivered_share"
  std::string label;  ///< e.g. "Delivered share"
  Better better = Better::Higher;
};

/// Shares of the worlds in which a strategy beats, ties with or loses to the first (each 0..1).
struct RobustWinShares {
  double wins = 0, ties = 0, losses = 0;
};

/// The paired difference (strategy - first) over the worlds, in the figure's units.
struct RobustDifference {
  double p5 = 0, p50 = 0, p95 = 0, mean = 0;
};

/// How one varied parameter's draws rank-correlate with a figure's paired difference.
struct RobustSensitivity {
  std::string param;            ///< a RobustVaried label
  double rank_correlation = 0;  ///< Spearman's rho, -1..1
};

/// One strategy's standing in one figure over the worlds.
struct RobustStanding {
  double best_share = 0;                        ///< share of worlds in which it is best (0..1)
  std::optional<RobustWinShares> versus_first;  ///< nullopt for the first strategy
  std::optional<RobustDifference> difference;   ///< nullopt for the first strategy or no paired world
  std::optional<std::string> verdict;           ///< the verdict line; nullopt for the first strategy
  std::vector<RobustSensitivity> sensitivity;   ///< most influential first, as written
};

/// One strategy over the worlds.
struct RobustStrategyFile {
  std::string name;
  std::string description;
  /// [world][figure] the world's value (mean over its replications); nullopt when missing.
  std::vector<std::vector<std::optional<double>>> worlds;
  std::vector<RobustStanding> figures;  ///< in RobustFile::figures order
};

/// A whole robust.json.
struct RobustFile {
  std::string scenario;
  std::string path;  ///< the scenario file
  std::uint64_t seed = 0;
  std::uint64_t uncertainty_seed = 0;  ///< the Latin hypercube's seed
  std::int64_t worlds = 0;             ///< N, at least 1
  std::int64_t replications = 0;       ///< per world, at least 1
  double noise_rank_correlation = 0;   ///< |rho| below this is within sampling noise
  std::vector<RobustVaried> varied;
  std::vector<std::vector<double>> world_values;  ///< [world][varied] the parameter's number
  std::vector<RobustFigureKey> figures;
  std::vector<RobustStrategyFile> strategies;  ///< at least one; the first is the reference
};

/// The RobustFile of `robust` (a parsed robust.json). Throws ReportInputError "<source>: not a robust.json:
/// <json path>: <problem>" when a key is missing, has the wrong type or range, an array has the wrong
/// length, a figure key or sensitivity parameter names nothing in the file, or format/version are not
/// "delivsim-robust" / kRobustJsonVersion.
RobustFile robust_from_json(const nlohmann::ordered_json& robust, const std::filesystem::path& source);

/// robust_from_json of the robust.json at `path` (read with read_json_object_file's bounds).
RobustFile read_robust_file(const std::filesystem::path& path);

}  // namespace delivsim::report
