// delivsim: the command line. Each subcommand lives in its own <name>_command.cpp and registers itself
// here. Exit codes: 0 ok, 1 the run itself failed (or, for check, an expectation failed), 2 bad input or
// usage.
#include <CLI/CLI.hpp>
#include <iostream>
#include <vector>

#include "sim/batch/batch_part.h"
#include "sim/cli/check_command.h"
#include "sim/cli/compare_command.h"
#include "sim/cli/import_command.h"
#include "sim/cli/log_command.h"
#include "sim/cli/merge_command.h"
#include "sim/cli/report_command.h"
#include "sim/cli/run_command.h"
#include "sim/cli/run_executor.h"
#include "sim/cli/serve_command.h"
#include "sim/cli/sweep_command.h"
#include "sim/cli/validate_command.h"
#include "sim/output/output_path_error.h"
#include "sim/world/run.h"
#include "sim/yaml/scenario_error.h"

int main(int argc, char** argv) {
  delivsim::start_distribution(argc, argv);
  CLI::App app{"delivsim: a discrete-event simulator of email deliverability"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "delivsim 0.1.0");

  const std::vector<delivsim::CliCommand> commands{
      delivsim::add_run_command(app),     delivsim::add_validate_command(app),
      delivsim::add_check_command(app),   delivsim::add_report_command(app),
      delivsim::add_compare_command(app), delivsim::add_sweep_command(app),
      delivsim::add_import_command(app),  delivsim::add_log_command(app),
      delivsim::add_serve_command(app),   delivsim::add_merge_command(app),
  };

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
