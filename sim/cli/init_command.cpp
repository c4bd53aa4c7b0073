#include "sim/cli/init_command.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "sim/cli/option_checks.h"
#include "sim/cli/scenario_templates.h"
#include "sim/cli/schema_line.h"
#include "sim/output/text_file.h"
#include "sim/yaml/did_you_mean.h"
#include "sim/yaml/source_text.h"

namespace delivsim {

namespace {

struct InitArgs {
  std::string file;
  std::string template_name{scenario_templates().front().name};
  bool list = false;
};

int list_templates() {
  std::size_t width = 0;
  for (const std::string_view name : scenario_template_names()) width = std::max(width, name.size());
  for (const ScenarioTemplate& entry : scenario_templates()) {
    std::cout << entry.name << std::string(width + 2 - entry.name.size(), ' ') << entry.description
              << (&entry == &scenario_templates().front() ? " (default)" : "") << "\n";
  }
  return kExitOk;
}

int refuse(const std::string& why) {
  std::cerr << "delivsim init: " << why << "\n";
  return kExitBadInput;
}

std::string template_names_text() {
  std::string names;
  for (const std::string_view name : scenario_template_names()) {
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  return names;
}

int init_file(const InitArgs& args) {
  if (args.list) return list_templates();
  if (args.file.empty()) return refuse("expected FILE, the scenario to write (or --list)");
  const ScenarioTemplate* chosen = find_scenario_template(args.template_name);
  if (chosen == nullptr) {
    const std::string hint = closest_name(args.template_name, scenario_template_names());
    return refuse("no template \"" + args.template_name + "\"" +
                  (hint.empty() ? "" : " (did you mean \"" + hint + "\"?)") +
                  "; templates: " + template_names_text() + " (delivsim init --list describes them)");
  }
  const std::filesystem::path target(args.file);
  std::error_code error;
  if (std::filesystem::exists(std::filesystem::symlink_status(target, error))) {
    return refuse(args.file + " exists; init never replaces a file (choose a new name)");
  }
  const std::filesystem::path folder = std::filesystem::absolute(target).parent_path();
  if (!std::filesystem::is_directory(folder, error)) {
    return refuse(args.file + ": the folder " + folder.string() +
                  " does not exist (init creates no folders; make it first)");
  }
  const TemplateHome home = find_template_home();
  const std::filesystem::path source = home.scenarios / chosen->file;
  const std::filesystem::path schema = std::filesystem::weakly_canonical(home.schema, error);
  write_text_file_atomically(target,
                             with_schema_line(read_scenario_file(source), error ? home.schema : schema));
  std::cout << "wrote " << args.file << " from template " << chosen->name << " (" << source.string() << ")\n"
            << "next: delivsim run " << args.file << " --out runs/" << target.stem().string() << "\n";
  return kExitOk;
}

}  // namespace

CliCommand add_init_command(CLI::App& app) {
  auto args = std::make_shared<InitArgs>();
  CLI::App* cmd = app.add_subcommand("init", "Write a commented starter scenario from a shipped template");
  cmd->add_option("file", args->file, "The scenario YAML file to write (a new file in an existing folder)")
      ->type_name(kScenarioValue);
  cmd->add_option("--template", args->template_name,
                  "The template: " + template_names_text() + " (default " + args->template_name + ")")
      ->type_name(kTemplateValue);
  cmd->add_flag("--list", args->list, "List the templates with what each shows, and write nothing");
  cmd->footer("Example: delivsim init my-warmup.yaml --template warmup");
  return {cmd, [args] { return init_file(*args); }};
}

}  // namespace delivsim
