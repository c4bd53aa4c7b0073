// delivsim: the command line. Each subcommand lives in its own <name>_command.cpp and registers itself
// in cli_app.cpp. Exit codes: 0 ok, 1 the run itself failed (or, for check, an expectation failed), 2 bad
// input or usage.
#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "sim/batch/batch_part.h"
#include "sim/cli/cli_app.h"
#include "sim/cli/run_executor.h"
#include "sim/output/output_path_error.h"
#include "sim/world/run.h"
#include "sim/yaml/scenario_error.h"

int main(int argc, char** argv) {
  delivsim::start_distribution(argc, argv);
  CLI::App app;
  const std::vector<delivsim::CliCommand> commands = delivsim::build_cli_app(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? delivsim::kExitOk : delivsim::kExitBadInput;
  }

  try {
    for (const delivsim::CliCommand& command : commands) {
      if (*command.app) return command.run();
    }
    return delivsim::kExitBadInput;
  } catch (const delivsim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return delivsim::exit_after_error(delivsim::kExitBadInput);
  } catch (const delivsim::OutputPathError& e) {
    std::cerr << "delivsim: " << e.what() << "\n";
    return delivsim::exit_after_error(delivsim::kExitBadInput);
  } catch (const CLI::ValidationError& e) {  // an option a command checks once the scenario is loaded
    std::cerr << "delivsim: " << e.what() << "\n";
    return delivsim::exit_after_error(delivsim::kExitBadInput);
  } catch (const delivsim::BatchPartError& e) {
    std::cerr << "delivsim: " << e.what() << "\n";
    return delivsim::exit_after_error(delivsim::kExitBadInput);
  } catch (const delivsim::RunInvariantError& e) {
    std::cerr << "delivsim: run failed: " << e.what() << "\n";
    return delivsim::exit_after_error(delivsim::kExitFailed);
  } catch (const std::exception& e) {
    std::cerr << "delivsim: " << e.what() << "\n";
    return delivsim::exit_after_error(delivsim::kExitFailed);
  }
}
