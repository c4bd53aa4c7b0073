#include "sim/cli/import_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "sim/import/import_config.h"
#include "sim/import/import_warning_text.h"
#include "sim/import/imported_scenario.h"
#include "sim/output/output_path_error.h"
#include "sim/output/text_file.h"
#include "sim/yaml/scenario_error.h"

namespace delivsim {

namespace {

struct ImportArgs {
  std::string format;
  std::vector<std::string> files;
  std::string output;  ///< empty: standard output
  bool strict = false;
};

/// Refuses to replace a file `delivsim import` did not write (its first line is not the marker).
void check_replaceable(const std::filesystem::path& path) {
  check_output_file(path);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return;
  std::ifstream existing(path);
  std::string first_line;
  std::getline(existing, first_line);
  if (first_line.rfind(kImportedScenarioMarker, 0) != 0) {
    throw OutputPathError(path.string() +
                          " exists and was not written by delivsim import; expected a new file " +
                          "or one an earlier import wrote (its first line is \"" +
                          std::string(kImportedScenarioMarker) + "\")");
  }
}

int import_files(const ImportArgs& args) {
  const MtaFormat format = mta_format_named(args.format, SourcePosition{"delivsim import", 0, 0}, "FORMAT");
  if (!args.output.empty()) check_replaceable(args.output);
  const std::vector<std::filesystem::path> paths(args.files.begin(), args.files.end());
  const ImportedConfig imported = import_config(format, paths);
  if (args.strict && !imported.warnings.empty()) {
    for (const ImportWarning& warning : imported.warnings) {
      std::cerr << import_warning_text(warning, "error") << " (--strict)\n";
    }
    return kExitBadInput;
  }
  for (const ImportWarning& warning : imported.warnings) std::cerr << import_warning_text(warning) << "\n";
  const std::string text = imported_scenario_text(imported, format, args.files);
  if (args.output.empty()) {
    std::cout << text;
  } else {
    write_text_file_atomically(args.output, text);
    std::cerr << "wrote " << args.output << " (" << imported.warnings.size() << " warnings)\n";
  }
  return kExitOk;
}

}  // namespace

CliCommand add_import_command(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Write a scenario from an MTA configuration: pmta (PowerMTA config), postfix (main.cf, "
      "master.cf, transport maps) or kumomta (shaping.toml)");
  cmd->add_option("format", args->format, "pmta, postfix or kumomta")->required();
  cmd->add_option("files", args->files, "The configuration file(s)")->required();
  cmd->add_option(
      "-o,--output", args->output,
      "Write the scenario here (a new file, or one an earlier import wrote) instead of to stdout");
  cmd->add_flag("--strict", args->strict, "Directives not modelled are errors (exit 2), not warnings");
  return {cmd, [args] { return import_files(*args); }};
}

}  // namespace delivsim
