// delivsim: the command line. `run` simulates a scenario and writes its outputs; `validate` checks files;
// `check` runs scenarios and compares their figures with their `expect:` lists.
// Exit codes: 0 ok, 1 the run itself failed, 2 bad input or usage.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "sim/cli/check_command.h"
#include "sim/output/output_dir.h"
#include "sim/output/summary_table.h"
#include "sim/scenario/scenario_error.h"
#include "sim/scenario/scenario_loader.h"
#include "sim/world/run.h"

namespace {

constexpr int kExitRunFailed = 1;
constexpr int kExitBadInput = 2;

struct RunArgs {
  std::string file;
  std::string out_dir;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> overrides;
  bool accounting = false;
  bool quiet = false;
};

/// A progress bar on stderr, redrawn in place; only used when stderr is a terminal.
void show_progress(const delivsim::RunProgress& progress) {
  const double fraction =
      static_cast<double>(progress.now.count()) / static_cast<double>(progress.end.count());
  const int filled = static_cast<int>(fraction * 30);
  std::fprintf(stderr, "\r[%-30s] %3d%%  day %.1f of %.1f", std::string(filled, '#').c_str(),
               static_cast<int>(fraction * 100), delivsim::to_seconds(progress.now) / 86400.0,
               delivsim::to_seconds(progress.end) / 86400.0);
  if (progress.now == progress.end) std::fputs("\n", stderr);
}

int run_command(const RunArgs& args) {
  const delivsim::Scenario scenario = delivsim::load_scenario(args.file, args.overrides);
  delivsim::RunOptions options;
  options.seed = args.seed;
  if (args.accounting) options.accounting = true;
  if (!args.quiet && isatty(STDERR_FILENO)) options.on_progress = show_progress;
  const delivsim::RunResult result = delivsim::run_scenario(scenario, options);
  const std::filesystem::path out_dir = args.out_dir.empty() ? std::filesystem::path("runs") / scenario.name
                                                             : std::filesystem::path(args.out_dir);
  delivsim::write_run_outputs(result, out_dir, options.accounting.value_or(scenario.accounting));
  if (!args.quiet) {
    std::cout << delivsim::format_summary_table(result);
    std::cout << "outputs: " << out_dir.string() << "/\n";
  }
  return 0;
}

int validate_command(const std::vector<std::string>& files, const std::vector<std::string>& overrides) {
  for (const std::string& file : files) {
    const delivsim::Scenario scenario = delivsim::load_scenario(file, overrides);
    std::cout << file << ": ok (" << scenario.name << ", " << scenario.traffic.size() << " traffic sources, "
              << scenario.providers.size() << " providers)\n";
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"delivsim: a discrete-event simulator of email deliverability"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "delivsim 0.1.0");

  RunArgs run;
  CLI::App* run_cmd =
      app.add_subcommand("run", "Run a scenario and write summary.json, timeseries.csv (and accounting.csv)");
  run_cmd->add_option("file", run.file, "Scenario YAML file")->required();
  run_cmd->add_option("--out", run.out_dir, "Output folder (default: runs/<scenario name>/)");
  run_cmd->add_option("--seed", run.seed, "Seed (overrides the scenario's)");
  run_cmd->add_option("--set", run.overrides, "Override a scenario value: path.to.key=VALUE (repeatable)");
  run_cmd->add_flag("--accounting", run.accounting, "Also write accounting.csv (PowerMTA field order)");
  run_cmd->add_flag("--quiet,-q", run.quiet, "Print nothing but errors");

  std::vector<std::string> validate_files, validate_overrides;
  CLI::App* validate_cmd = app.add_subcommand("validate", "Check scenario files without running them");
  validate_cmd->add_option("files", validate_files, "Scenario YAML files")->required();
  validate_cmd->add_option("--set", validate_overrides, "Override a scenario value: path.to.key=VALUE");

  delivsim::CheckArgs check;
  CLI::App* check_cmd =
      app.add_subcommand("check", "Run scenarios and check their expect: lists (exit 1 when any fails)");
  check_cmd->add_option("files", check.files, "Scenario YAML files with expect: lists")->required();
  check_cmd->add_option("--junit", check.junit_path, "Also write the results as JUnit XML to this file");
  check_cmd->add_option("--set", check.overrides, "Override a scenario value: path.to.key=VALUE");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadInput;
  }

  try {
    if (*run_cmd) return run_command(run);
    if (*check_cmd) return delivsim::check_command(check);
    return validate_command(validate_files, validate_overrides);
  } catch (const delivsim::ScenarioError& e) {
    std::cerr << e.what() << "\n";
    return kExitBadInput;
  } catch (const delivsim::RunInvariantError& e) {
    std::cerr << "delivsim: run failed: " << e.what() << "\n";
    return kExitRunFailed;
  } catch (const std::exception& e) {
    std::cerr << "delivsim: " << e.what() << "\n";
    return kExitRunFailed;
  }
}
