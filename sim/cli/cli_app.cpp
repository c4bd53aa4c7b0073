#include "sim/cli/cli_app.h"

#include "sim/cli/check_command.h"
#include "sim/cli/compare_command.h"
#include "sim/cli/import_command.h"
#include "sim/cli/init_command.h"
#include "sim/cli/log_command.h"
#include "sim/cli/merge_command.h"
#include "sim/cli/report_command.h"
#include "sim/cli/run_command.h"
#include "sim/cli/serve_command.h"
#include "sim/cli/sweep_command.h"
#include "sim/cli/validate_command.h"

namespace delivsim {

std::vector<CliCommand> build_cli_app(CLI::App& app) {
  app.name(kProgramName);
  app.description("delivsim: a discrete-event simulator of email deliverability");
  app.require_subcommand(1);
  app.set_version_flag("--version", kVersionText);
  return {
      add_init_command(app),   add_run_command(app),     add_validate_command(app), add_check_command(app),
      add_report_command(app), add_compare_command(app), add_sweep_command(app),    add_import_command(app),
      add_log_command(app),    add_serve_command(app),   add_merge_command(app),
  };
}

}  // namespace delivsim
