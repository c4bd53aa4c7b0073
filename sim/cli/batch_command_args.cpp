#include "sim/cli/batch_command_args.h"

#include "sim/cli/option_checks.h"
#include "sim/cli/work_limit_options.h"
#include "sim/scenario/scenario_reader.h"
#include "sim/scenario/uncertainty.h"

namespace delivsim {

void add_batch_command_options(CLI::App& cmd, BatchCommandArgs& args, const std::string& unit,
                               const std::string& file_help) {
  cmd.add_option("file", args.file, file_help)->required()->type_name(kScenarioValue);
  cmd.add_option("--replications,-r", args.replications,
                 "Replications per " + unit + " (default: the file's)")
      ->transform(whole_number_from_to(1, kMaxReplications));
  cmd.add_option("--threads,-j", args.driver.threads, "Threads (default: the number of cores)")
      ->transform(whole_number_at_least(0));
  cmd.add_option(
         "--out", args.driver.out_dir,
         "Output folder (default: runs/<scenario name>/); replaces only an empty folder or an earlier "
         "delivsim output")
      ->check(not_empty("a folder path"))
      ->type_name(kFolderValue);
  add_force_flag(cmd, args.driver.force);
  add_set_option(cmd, args.overrides);
  cmd.add_flag("--quiet,-q", args.driver.quiet, "Print nothing but errors");
  add_work_limit_options(cmd, args.driver.limits);
  add_distribution_options(cmd, args.driver.distribution);
}

BatchRequest batch_request(const BatchCommandArgs& args, const std::string& command) {
  BatchRequest request;
  request.command = command;
  request.scenario = args.file;
  request.overrides = args.overrides;
  request.replications = args.replications;
  return request;
}

void add_robust_option(CLI::App& cmd, RobustArgs& robust, const std::string& help) {
  robust.option = cmd.add_option("--robust", robust.worlds, help)
                      ->expected(0, 1)
                      ->transform(whole_number_from_to(1, kMaxWorlds));
}

BatchRequest batch_request(const BatchCommandArgs& args, const RobustArgs& robust,
                           const std::string& plain_command, const std::string& robust_command) {
  const bool is_robust = robust.option->count() > 0;
  BatchRequest request = batch_request(args, is_robust ? robust_command : plain_command);
  if (is_robust && robust.worlds > 0) request.worlds = robust.worlds;
  return request;
}

}  // namespace delivsim
