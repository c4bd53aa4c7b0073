#pragma once
/// @file The starter scenarios `delivsim init` copies: which shipped files they are, and where they are found
/// (an installed `<prefix>/share/delivsim/`, else the source tree of a build).
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace delivsim {

/// One template: a shipped scenario a new file starts from.
struct ScenarioTemplate {
  std::string_view name;         ///< as given to `--template`
  std::string_view file;         ///< relative to the templates' folder
  std::string_view description;  ///< one line for `init --list`
};

/// Every template, the default first.
std::span<const ScenarioTemplate> scenario_templates();

/// The names of scenario_templates(), in order.
std::vector<std::string_view> scenario_template_names();

/// The template called `name`, or nullptr.
const ScenarioTemplate* find_scenario_template(std::string_view name);

/// Where the templates and the scenario schema are.
struct TemplateHome {
  std::filesystem::path scenarios;  ///< the folder of ScenarioTemplate::file
  std::filesystem::path schema;     ///< scenario.schema.json (it may be missing)
};

/// The homes looked at, in order: `<prefix>/share/delivsim` of the running executable
/// (`<prefix>/bin/delivsim`), then the source tree the executable was built from.
std::vector<TemplateHome> template_homes();

/// The first of template_homes() whose scenarios folder holds every template's file. Throws
/// std::runtime_error naming every folder searched when none does.
TemplateHome find_template_home();

}  // namespace delivsim
