#include "sim/cli/validate_command.h"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/scenario/scenario_loader.h"

namespace delivsim {

namespace {

struct ValidateArgs {
  std::vector<std::string> files;
  std::vector<std::string> overrides;
};

int validate_files(const ValidateArgs& args) {
  for (const std::string& file : args.files) {
    const Scenario scenario = load_scenario(file, args.overrides);
    std::cout << file << ": ok (" << scenario.name << ", " << scenario.traffic.size() << " traffic sources, "
              << scenario.providers.size() << " providers)\n";
  }
  return kExitOk;
}

}  // namespace

CliCommand add_validate_command(CLI::App& app) {
  auto args = std::make_shared<ValidateArgs>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario files without running them");
  cmd->add_option("files", args->files, "Scenario YAML files")->required();
  cmd->add_option("--set", args->overrides, "Override a scenario value: path.to.key=VALUE");
  return {cmd, [args] { return validate_files(*args); }};
}

}  // namespace delivsim
