#include "sim/cli/report_command.h"

#include <filesystem>
#include <iostream>
#include <memory>

#include "sim/cli/option_checks.h"
#include "sim/output/text_file.h"
#include "sim/report/report.h"
#include "sim/report/report_error.h"

namespace delivsim {

int report_command(const ReportArgs& args) {
  const std::filesystem::path out = args.out_path.empty()
                                        ? std::filesystem::path(args.run_dir) / report::kDefaultReportName
                                        : std::filesystem::path(args.out_path);
  if (!args.out_path.empty()) check_output_file(out);
  try {
    report::write_report(args.run_dir, out);
  } catch (const report::ReportInputError& e) {
    std::cerr << "delivsim report: " << e.what() << "\n";
    return kExitBadInput;
  }
  std::cout << "report: " << out.string() << "\n";
  return kExitOk;
}

CliCommand add_report_command(CLI::App& app) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write a self-contained HTML report of a run, compare, sweep or live (serve) folder");
  cmd->add_option("run_dir", args->run_dir, "The folder delivsim run, compare, sweep or serve wrote")
      ->type_name(kFolderValue)
      ->required();
  cmd->add_option("--out", args->out_path,
                  "Where to write the HTML (default: RUN_DIR/report.html); replaces only a regular file")
      ->check(not_empty("a file path"))
      ->type_name(kFileValue);
  cmd->footer("Example: delivsim report runs/gmail-warmup");
  return {cmd, [args] { return report_command(*args); }};
}

}  // namespace delivsim
