#include "sim/cli/batch_command_args.h"

#include "sim/cli/option_checks.h"
#include "sim/cli/work_limit_options.h"
#include "sim/scenario/scenario_reader.h"

namespace delivsim {

void add_batch_command_options(CLI::App& cmd, BatchCommandArgs& args, const std::string& unit,
                               const std::string& file_help) {
  cmd.add_option("file", args.file, file_help)->required();
  cmd.add_option("--replications,-r", args.replications,
                 "Replications per " + unit + " (default: the file's)")
      ->transform(whole_number_from_to(1, kMaxReplications));
  cmd.add_option("--threads,-j", args.threads, "Threads (default: the number of cores)")
      ->transform(whole_number_at_least(0));
  cmd.add_option(
         "--out", args.out_dir,
         "Output folder (default: runs/<scenario name>/); replaces only an empty folder or an earlier "
         "delivsim output")
      ->check(not_empty("a folder path"));
  add_force_flag(cmd, args.force);
  cmd.add_option("--set", args.overrides, "Override a scenario value: path.to.key=VALUE (repeatable)");
  cmd.add_flag("--quiet,-q", args.quiet, "Print nothing but errors");
  add_work_limit_options(cmd, args.limits);
}

std::filesystem::path batch_out_dir(const BatchCommandArgs& args, const std::string& scenario_name) {
  return args.out_dir.empty() ? std::filesystem::path("runs") / scenario_name
                              : std::filesystem::path(args.out_dir);
}

}  // namespace delivsim
