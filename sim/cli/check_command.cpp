#include "sim/cli/check_command.h"

#include <iostream>
#include <memory>

#include "sim/check/check_report.h"
#include "sim/check/text_file.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace delivsim {

int check_command(const CheckArgs& args) {
  std::vector<Scenario> scenarios;
  for (const std::string& file : args.files) {
    scenarios.push_back(load_scenario(file, args.overrides));
    if (scenarios.back().expectations.empty()) {
      throw ScenarioError(file, 1, 1, "expect", "is missing (delivsim check needs expectations)",
                          "a list of '<figure> <op> <value>' strings");
    }
  }
  std::vector<CheckedFile> checked;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const RunResult result = run_scenario(scenarios[i]);
    CheckedFile file{args.files[i], scenarios[i].name, {}};
    for (const Expectation& expectation : scenarios[i].expectations) {
      file.checks.push_back({expectation, evaluate_expectation(expectation, result)});
    }
    std::cout << format_checked_file(file) << std::flush;
    checked.push_back(std::move(file));
  }
  const CheckCounts counts = count_checks(checked);
  std::cout << counts.passed << " passed, " << counts.failed << " failed\n";
  if (!args.junit_path.empty()) write_text_file_atomically(args.junit_path, junit_xml(checked));
  return counts.failed == 0 ? kExitOk : kExitFailed;
}

CliCommand add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd =
      app.add_subcommand("check", "Run scenarios and check their expect: lists (exit 1 when any fails)");
  cmd->add_option("files", args->files, "Scenario YAML files with expect: lists")->required();
  cmd->add_option("--junit", args->junit_path, "Also write the results as JUnit XML to this file");
  cmd->add_option("--set", args->overrides, "Override a scenario value: path.to.key=VALUE");
  return {cmd, [args] { return check_command(*args); }};
}

}  // namespace delivsim
