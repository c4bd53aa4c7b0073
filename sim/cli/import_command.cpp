#include "sim/cli/import_command.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/cli/option_checks.h"
#include "sim/import/config_time_scale.h"
#include "sim/import/import_config.h"
#include "sim/import/import_warning_text.h"
#include "sim/import/imported_scenario.h"
#include "sim/output/number_format.h"
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
  std::string time_scale;  ///< empty: no scaled copy
  std::string config_out;  ///< the folder of the scaled copies
};

/// Refuses to replace a file delivsim did not write (its first line does not start with `marker`).
void check_replaceable(const std::filesystem::path& path, std::string_view marker) {
  check_output_file(path);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return;
  std::ifstream existing(path);
  std::string first_line;
  std::getline(existing, first_line);
  if (first_line.rfind(marker, 0) != 0) {
    throw OutputPathError(
        path.string() + " exists and was not written by delivsim import; expected a new file " +
        "or one an earlier import wrote (its first line starts \"" + std::string(marker) + "\")");
  }
}

/// The copies' paths in `folder`: each file's base name, which must differ from file to file.
std::vector<std::filesystem::path> copy_paths(const std::vector<std::string>& files,
                                              const std::filesystem::path& folder) {
  std::map<std::filesystem::path, std::string> seen;
  std::vector<std::filesystem::path> paths;
  for (const std::string& file : files) {
    const std::filesystem::path name = std::filesystem::path(file).filename();
    if (name.empty() || name == "." || name == "..") {
      throw OutputPathError(file + " has no file name for its copy in --config-out " + folder.string());
    }
    if (const auto [at, added] = seen.emplace(name, file); !added) {
      throw OutputPathError(file + " and " + at->second + " have the same name, " + name.string() +
                            ": their copies in --config-out " + folder.string() +
                            " would overwrite each other (import them separately)");
    }
    paths.push_back(folder / name);
  }
  return paths;
}

/// The folder of the copies: an existing folder, or nothing yet (created when the copies are written).
void check_config_out(const std::filesystem::path& folder, const std::vector<std::filesystem::path>& paths) {
  std::error_code error;
  const auto status = std::filesystem::symlink_status(folder, error);
  if (std::filesystem::exists(status) &&
      !std::filesystem::is_directory(std::filesystem::status(folder, error))) {
    throw OutputPathError("--config-out " + folder.string() + " exists and is not a folder");
  }
  if (!std::filesystem::exists(status)) return;
  for (const std::filesystem::path& path : paths) check_replaceable(path, kScaledConfigMarker);
}

void print_warnings(const std::vector<ImportWarning>& warnings, bool strict) {
  for (const ImportWarning& warning : warnings) {
    std::cerr << import_warning_text(warning, strict ? "error" : "warning") << (strict ? " (--strict)" : "")
              << "\n";
  }
}

int import_files(const ImportArgs& args) {
  if (args.time_scale.empty() != args.config_out.empty()) {
    std::cerr
        << "delivsim import: --time-scale K and --config-out DIR go together: the first says how much faster "
           "`delivsim serve --time-scale K` runs the model, the second where the scaled copy of the "
           "configuration goes\n";
    return kExitBadInput;
  }
  const MtaFormat format = mta_format_named(args.format, SourcePosition{"delivsim import", 0, 0}, "FORMAT");
  std::optional<TimeScale> scale;
  if (!args.time_scale.empty()) scale = parse_time_scale(args.time_scale);  // checked by time_scale_value
  if (!args.output.empty()) check_replaceable(args.output, kImportedScenarioMarker);
  const std::vector<std::filesystem::path> copies_at =
      scale ? copy_paths(args.files, args.config_out) : std::vector<std::filesystem::path>{};
  if (scale) check_config_out(args.config_out, copies_at);
  const std::vector<std::filesystem::path> paths(args.files.begin(), args.files.end());
  const ImportedConfig imported = import_config(format, paths);
  std::vector<ImportWarning> warnings = imported.warnings;
  std::vector<std::string> copy_texts;
  std::size_t scaled_values = 0;
  if (scale) {
    for (const ScaledConfig& copy : time_scaled_configs(format, paths, *scale)) {
      warnings.insert(warnings.end(), copy.warnings.begin(), copy.warnings.end());
      copy_texts.push_back(scaled_config_text(copy, *scale));
      scaled_values += copy.values.size();
    }
  }
  print_warnings(warnings, args.strict);
  if (args.strict && !warnings.empty()) return kExitBadInput;
  const std::string text = imported_scenario_text(imported, format, args.files);
  if (args.output.empty()) {
    std::cout << text;
  } else {
    write_text_file_atomically(args.output, text);
    std::cerr << "wrote " << args.output << " ("
              << format_count_noun(imported.warnings.size(), "warning", "warnings") << ")\n";
  }
  if (scale) {
    std::filesystem::create_directories(args.config_out);
    for (std::size_t i = 0; i < copies_at.size(); ++i)
      write_text_file_atomically(copies_at[i], copy_texts[i]);
    std::cerr << "wrote " << format_count_noun(copies_at.size(), "file", "files") << " to " << args.config_out
              << " (" << format_count_noun(scaled_values, "value", "values") << " scaled by " << scale->text
              << ")\n";
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
  cmd->add_option("files", args->files, "The configuration file(s)")->required()->type_name(kFileValue);
  cmd->add_option("-o,--output", args->output,
                  "Write the scenario here (a new file, or one an earlier import wrote) instead of to stdout")
      ->type_name(kFileValue);
  cmd->add_flag("--strict", args->strict, "Directives not modelled are errors (exit 2), not warnings");
  cmd->add_option(
         "--time-scale", args->time_scale,
         "With --config-out: write a copy of each FILE for `delivsim serve --time-scale K`, its timers "
         "divided by K and its rates multiplied by K (SMTP timeouts are not scaled)")
      ->check(time_scale_value());
  cmd->add_option("--config-out", args->config_out,
                  "With --time-scale: the folder of the scaled copies (created if missing); a file there is "
                  "replaced only if an earlier --time-scale import wrote it")
      ->type_name(kFolderValue);
  cmd->footer("Example: delivsim import pmta /etc/pmta/config -o from-pmta.yaml");
  return {cmd, [args] { return import_files(*args); }};
}

}  // namespace delivsim
