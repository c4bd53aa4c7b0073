#pragma once
// Shared by the live report tests: a real live run's folder (tests/report/fixtures/live-gmail, written by
// `delivsim serve scenarios/live-gmail.yaml --time-scale 3600` while swaks sent 12 transactions of 25
// recipients from the scenario's live_source 127.0.0.1 and one from 127.0.0.2, refused as unknown, then
// SIGTERM), and copies of it with summary.json edited.
#include <filesystem>
#include <functional>

#include <nlohmann/json.hpp>

#include "tests/report/report_fixture.h"

namespace delivsim::testing {

inline const std::filesystem::path kLiveFolder = DELIVSIM_SOURCE_DIR "/tests/report/fixtures/live-gmail";

/// A copy of kLiveFolder in fresh_test_dir() whose summary.json is the fixture's with `edit` applied.
inline std::filesystem::path live_folder_with_summary(
    const std::function<void(nlohmann::ordered_json&)>& edit) {
  const std::filesystem::path dir = fresh_test_dir() / "live";
  std::filesystem::copy(kLiveFolder, dir);
  nlohmann::ordered_json summary = nlohmann::ordered_json::parse(read_file(kLiveFolder / "summary.json"));
  edit(summary);
  write_file(dir / "summary.json", summary.dump(2));
  return dir;
}

}  // namespace delivsim::testing
