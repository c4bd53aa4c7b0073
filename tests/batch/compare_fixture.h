#pragma once
// Small scenario batches for the compare and sweep tests: a new IP sending 3,000 messages to Gmail over two
// simulated days (a few hundredths of a second per run; 5% unknown users, so that seeds differ), and
// hand-made run results whose headline figures are known.
#include <gtest/gtest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "sim/output/headline.h"
#include "sim/output/run_result.h"
#include "sim/scenario/scenario_batch.h"
#include "tests/test_id.h"

namespace delivsim::testing {

/// The small Gmail scenario's text followed by `batch_keys` (strategies:, sweep:, objective:, expect:).
inline std::string small_batch_text(const std::string& batch_keys) {
  return "name: small-gmail\nseed: 5\nduration: 2d\n"
         "identities:\n  ips: [{address: 203.0.113.10, age: new}]\n"
         "  domains: [{name: news.example.com, age: new}]\n"
         "pools: {main: [203.0.113.10]}\n"
         "traffic:\n  - name: t\n    pool: main\n    dkim_domain: news.example.com\n"
         "    campaign: {recipients: 3000, at: 0h}\n    domains: {gmail.com: 1.0}\n"
         "    list: {unknown_user_share: 0.05}\n"
         "sender:\n  destinations:\n    gmail: {max_smtp_out: 20}\n" +
         batch_keys;
}

inline ScenarioBatch small_batch(const std::string& batch_keys) {
  return parse_scenario_batch(small_batch_text(batch_keys), "small-gmail.yaml");
}

/// Two strategies of the small batch: 20 connections, and 2 connections retried every 30 minutes.
inline const std::string kTwoStrategies =
    "strategies:\n"
    "  - {name: blast, set: {sender.destinations.gmail.max_smtp_out: 20}}\n"
    "  - {name: gentle, set: {sender.destinations.gmail.max_smtp_out: 2, "
    "sender.destinations.gmail.retry_after: 30m}}\n";

/// The index of headline figure `key` in headline_figures().
inline std::size_t figure_index(std::string_view key) {
  const std::optional<std::size_t> index = headline_figure_index(key);
  if (!index) throw std::out_of_range(std::string(key));
  return *index;
}

/// A fresh folder named after the running test (suite and name) holding scenario.yaml: the small batch with
/// `batch_keys`.
inline std::filesystem::path scenario_file(const std::string& batch_keys) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("delivsim_batch_cli_" + current_test_id());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "scenario.yaml") << small_batch_text(batch_keys);
  return dir / "scenario.yaml";
}

/// The whole text of the file at `path` (empty when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A run of one provider "gmail" with the given figures (injected 100).
struct MadeRun {
  std::int64_t delivered = 100;
  std::int64_t attempts = 100;
  std::int64_t deferrals = 0;
  std::optional<double> time_to_drain_s = 3600;

  RunResult result() const {
    RunResult run;
    run.scenario = "made";
    ProviderResult gmail;
    gmail.name = "gmail";
    gmail.counts = {100, delivered, 0, 0, 100 - delivered, attempts, deferrals};
    gmail.deferral_rate = gmail.counts.deferral_rate();
    gmail.time_to_drain_s = time_to_drain_s;
    gmail.deferrals_by_reply = {{"421 4.7.28", deferrals}};
    run.providers.push_back(gmail);
    run.totals = gmail.counts;
    return run;
  }
};

/// The results of several made runs.
inline std::vector<RunResult> made_runs(const std::vector<MadeRun>& runs) {
  std::vector<RunResult> results;
  for (const MadeRun& run : runs) results.push_back(run.result());
  return results;
}

}  // namespace delivsim::testing
