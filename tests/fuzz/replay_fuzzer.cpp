// libFuzzer target: an accounting log replayed as traffic (`traffic[].replay`, sim/scenario/replay_log.h).
// The input is the log's text, written beside two fixed scenarios that replay it, the whole log and the part
// between a `from` and an `until`. Each scenario must load or be refused with a ScenarioError, and one that
// loads must run: the run itself checks that every injected message ends delivered, bounced, expired or still
// queued (a RunInvariantError, which fails the target, if not), in bounded time and memory.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"
#include "sim/yaml/scenario_error.h"
#include "tests/fuzz/own_folder.h"

namespace {

namespace fs = std::filesystem;

/// A scenario that replays log.csv beside it; `window` is added to its `replay:` mapping.
std::string replay_scenario(std::string_view window) {
  return "name: replay-fuzz\n"
         "seed: 1\n"
         "duration: 30d\n"
         "identities:\n"
         "  ips:\n"
         "    - {address: 203.0.113.70, age: new}\n"
         "  domains:\n"
         "    - {name: news.example.com, age: warm, established_per_day: 1000}\n"
         "pools:\n"
         "  main: [203.0.113.70]\n"
         "traffic:\n"
         "  - name: replayed\n"
         "    pool: main\n"
         "    dkim_domain: news.example.com\n"
         "    replay: {log: log.csv" +
         std::string(window) + "}\n";
}

/// Writes the two scenarios into `folder`, and returns it.
const fs::path& with_scenarios(const fs::path& folder) {
  std::ofstream(folder / "whole.yaml") << replay_scenario("");
  // The window falls inside the seed logs' times (tests/fuzz/corpus/acctlog).
  std::ofstream(folder / "window.yaml")
      << replay_scenario(", from: 2026-01-05T00:00:00Z, until: 2026-01-15T05:05:00Z");
  return folder;
}

/// A folder of this process's own holding the two scenarios, made once.
const fs::path& own_folder() {
  static const delivsim::fuzz::OwnFolder folder("delivsim_replay_fuzz_");
  static const fs::path& scenarios_written = with_scenarios(folder.path());
  return scenarios_written;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const fs::path& folder = own_folder();
  delivsim::fuzz::write_bytes(folder / "log.csv",
                              std::string_view(reinterpret_cast<const char*>(data), size));
  for (const char* name : {"whole.yaml", "window.yaml"}) {
    try {
      delivsim::run_scenario(delivsim::load_scenario(folder / name));
    } catch (const delivsim::ScenarioError&) {
    }
  }
  return 0;
}
