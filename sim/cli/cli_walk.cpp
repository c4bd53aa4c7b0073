#include "sim/cli/cli_walk.h"

#include <algorithm>
#include <cctype>

#include "sim/cli/option_checks.h"

namespace delivsim {

namespace {

/// The option's type name without what its validators add ("DIR" of "DIR:..."), as option_checks.h sets it.
std::string base_type_name(const CLI::Option& option) {
  const std::string name = option.get_type_name();
  return name.substr(0, name.find(':'));
}

void add_commands_below(const CLI::App& app, std::vector<std::string> words,
                        std::vector<CliCommandPath>& out) {
  for (const CLI::App* sub : subcommands_of(app)) {
    std::vector<std::string> sub_words = words;
    sub_words.push_back(sub->get_name());
    out.push_back({sub, sub_words});
    add_commands_below(*sub, sub_words, out);
  }
}

}  // namespace

std::string CliCommandPath::page_name() const {
  std::string name = "delivsim";
  for (const std::string& word : words) name += "-" + word;
  return name;
}

std::string CliCommandPath::command_line() const {
  std::string line = "delivsim";
  for (const std::string& word : words) line += " " + word;
  return line;
}

std::vector<CliCommandPath> cli_commands(const CLI::App& root) {
  std::vector<CliCommandPath> commands;
  add_commands_below(root, {}, commands);
  return commands;
}

std::vector<const CLI::App*> subcommands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); });
}

std::vector<const CLI::Option*> named_options(const CLI::App& app) {
  return app.get_options([](const CLI::Option* option) { return option->nonpositional(); });
}

std::vector<const CLI::Option*> positional_options(const CLI::App& app) {
  return app.get_options([](const CLI::Option* option) { return !option->nonpositional(); });
}

std::vector<std::string> option_names(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const std::string& name : option.get_snames()) names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) names.push_back("--" + name);
  return names;
}

bool is_flag(const CLI::Option& option) {
  return option.get_expected_max() == 0;
}

std::string value_placeholder(const CLI::Option& option) {
  if (is_flag(option)) return "";
  std::string name = option.nonpositional() ? base_type_name(option) : option.get_name(true);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
  return name.empty() ? "VALUE" : name;
}

ValueKind value_kind(const CLI::Option& option) {
  if (is_flag(option)) return ValueKind::None;
  const std::string type = base_type_name(option);
  if (type == kScenarioValue) return ValueKind::ScenarioFile;
  if (type == kFileValue) return ValueKind::File;
  if (type == kFolderValue) return ValueKind::Folder;
  if (type == kTemplateValue) return ValueKind::TemplateName;
  if (type == kSetValue) return ValueKind::SetPath;
  return ValueKind::Text;
}

}  // namespace delivsim
