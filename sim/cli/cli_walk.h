#pragma once
/// @file What the man pages and the shell completion read from the CLI11 app of cli_app.h: its commands at
/// every depth, each option's names, whether it takes a value, and what kind of value to complete.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace delivsim {

/// A subcommand with the words that reach it ("log stats" is {"log", "stats"}).
struct CliCommandPath {
  const CLI::App* app;
  std::vector<std::string> words;
  /// "delivsim-log-stats": the man page's name.
  std::string page_name() const;
  /// "delivsim log stats".
  std::string command_line() const;
};

/// Every subcommand of `root`, depth first in the order registered.
std::vector<CliCommandPath> cli_commands(const CLI::App& root);

/// The subcommands directly below `app`, in the order registered.
std::vector<const CLI::App*> subcommands_of(const CLI::App& app);

/// `app`'s options, the help flag first, then in the order registered; positionals separately.
std::vector<const CLI::Option*> named_options(const CLI::App& app);
std::vector<const CLI::Option*> positional_options(const CLI::App& app);

/// Every name of a named option: "-q", "--quiet" (short ones first).
std::vector<std::string> option_names(const CLI::Option& option);

/// True when the option is a flag (takes no value).
bool is_flag(const CLI::Option& option);

/// The value's placeholder in a synopsis: the option's type name ("DIR", "FILE", "PATH=VALUE", "INT"), or
/// the positional's name upper-cased ("FILE", "RUN_DIR"); empty for a flag.
std::string value_placeholder(const CLI::Option& option);

/// What completes an option's value, or a positional argument: read from its type name (option_checks.h's
/// kFolderValue, ...), which the option's definition sets.
enum class ValueKind {
  None,          ///< a flag
  ScenarioFile,  ///< a scenario: *.yaml and *.yml files (and folders to walk into)
  File,          ///< any file
  Folder,        ///< a folder
  TemplateName,  ///< a template of `delivsim init`
  SetPath,       ///< `--set path=VALUE`: the paths of the scenario already on the command line
  Text,          ///< anything: nothing to offer
};
ValueKind value_kind(const CLI::Option& option);

}  // namespace delivsim
