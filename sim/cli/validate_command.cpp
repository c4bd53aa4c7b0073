#include "sim/cli/validate_command.h"
#include "sim/cli/import_warnings_out.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/cli/option_checks.h"
#include "sim/cli/settable_paths.h"
#include "sim/cli/work_limit_options.h"
#include "sim/output/number_format.h"
#include "sim/scenario/scenario_batch.h"

namespace delivsim {

namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  std::vector<std::string> overrides;
  WorkLimits limits;
  bool list_set_paths = false;  ///< print the `--set` paths of each valid file instead of "ok"
};

/// The work checks of `delivsim run`, `compare` and `sweep` on this file, one run at a time.
void check_batch_work(const ScenarioBatch& batch, const WorkLimits& limits) {
  const int replications = batch.base.replications;
  check_work_limits({&batch.base}, replications, 1, limits);
  for (const auto* variants : {&batch.strategies, &batch.sweep_points}) {
    std::vector<const Scenario*> runs;
    for (const ScenarioVariant& variant : *variants) runs.push_back(&variant.scenario);
    check_work_limits(runs, replications, 1, limits);
  }
}

int validate_files(const ValidateArgs& args) {
  for (const std::string& file : args.files) {
    const ScenarioBatch batch = load_scenario_batch(file, args.overrides);
    print_import_warnings(batch.base);
    check_batch_work(batch, args.limits);
    if (args.list_set_paths) {
      for (const std::string& path : settable_paths_of_file(file)) std::cout << path << "\n";
      continue;
    }
    const Scenario& scenario = batch.base;
    std::cout << file << ": ok (" << scenario.name << ", "
              << format_count_noun(scenario.traffic.size(), "traffic source", "traffic sources") << ", "
              << format_count_noun(scenario.providers.size(), "provider", "providers") << "; "
              << describe_work(estimate_work(scenario, scenario.accounting)) << ")\n";
  }
  return kExitOk;
}

}  // namespace

CliCommand add_validate_command(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario files without running them");
  cmd->add_option("files", args->files, "Scenario YAML files")->required()->type_name(kScenarioValue);
  add_set_option(*cmd, args->overrides);
  cmd->add_flag(kListSetPathsFlag, args->list_set_paths,
                "Print the paths --set can name in each valid file (every key and list item, one a line; "
                "keys with dots in double quotes) instead of the summary");
  add_work_limit_options(*cmd, args->limits);
  cmd->footer(
      "Example: delivsim validate scenarios/gmail-warmup.yaml --set traffic[0].campaign.recipients=5000");
  return {cmd, [args] { return validate_files(*args); }};
}

}  // namespace delivsim
