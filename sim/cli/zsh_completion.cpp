#include "sim/cli/zsh_completion.h"

#include <sstream>

#include "sim/cli/cli_walk.h"
#include "sim/cli/scenario_templates.h"
#include "sim/cli/validate_command.h"

namespace delivsim {

namespace {

/// `text` inside single quotes.
std::string single_quoted_text(const std::string& text) {
  std::string out;
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

/// An option's description inside a single-quoted `_arguments` spec's brackets: ']' and '\\' escaped.
std::string description_text(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == ']' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return single_quoted_text(escaped);
}

/// A value's message in a single-quoted `_arguments` spec: ':' escaped.
std::string message_text(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    if (c == ':') escaped += '\\';
    escaped += c;
  }
  return single_quoted_text(escaped);
}

/// The `_arguments` action completing a value of `kind`.
std::string action(ValueKind kind) {
  switch (kind) {
    case ValueKind::ScenarioFile:
      return "_files -g \"*.(yaml|yml)\"";
    case ValueKind::File:
      return "_files";
    case ValueKind::Folder:
      return "_files -/";
    case ValueKind::TemplateName: {
      std::string names;
      for (const std::string_view name : scenario_template_names())
        names += (names.empty() ? "" : " ") + std::string(name);
      return "(" + names + ")";
    }
    case ValueKind::SetPath:
      return "_delivsim_set_paths";
    case ValueKind::None:
    case ValueKind::Text:
      return " ";
  }
  return " ";
}

/// The `_arguments` spec of a named option, e.g. `'(-q --quiet)'{-q,--quiet}'[Print nothing]'`.
std::string option_spec(const CLI::Option& option) {
  const std::vector<std::string> names = option_names(option);
  const bool repeatable = option.get_items_expected_max() > 1;
  std::string spec;
  if (names.size() > 1 && !repeatable) {
    std::string group;
    for (const std::string& name : names) group += (group.empty() ? "" : " ") + name;
    spec += "'(" + group + ")'";
  }
  std::string brace;
  for (const std::string& name : names) brace += (brace.empty() ? "" : ",") + name;
  const std::string name_part = names.size() > 1 ? "{" + brace + "}" : brace;
  spec += (repeatable ? "'*'" : "") + name_part + "'[" + description_text(option.get_description()) + "]";
  if (!is_flag(option)) {
    spec += ":" + message_text(value_placeholder(option)) + ":" + action(value_kind(option));
  }
  return spec + "'";
}

std::string function_name(const std::vector<std::string>& words) {
  std::string name = "_delivsim";
  for (const std::string& word : words) name += "_" + word;
  return name;
}

/// One function per command: a command with subcommands offers them, then hands the rest of the line to
/// the chosen one's function; a leaf command lists its options and arguments.
void write_function(std::ostream& out, const CLI::App& app, const std::vector<std::string>& words) {
  out << function_name(words) << "() {\n";
  const std::vector<const CLI::App*> subs = subcommands_of(app);
  // The delivsim typed, for _delivsim_set_paths (zsh's locals are seen by the functions called).
  if (words.empty()) out << "  local _delivsim_program=$words[1]\n";
  if (!subs.empty()) out << "  local curcontext=$curcontext state line\n  typeset -A opt_args\n";
  out << "  _arguments -s -C";
  for (const CLI::Option* option : named_options(app)) out << " \\\n    " << option_spec(*option);
  for (const CLI::Option* option : positional_options(app)) {
    const bool many = option->get_items_expected_max() > 1;
    out << " \\\n    '" << (many ? "*" : "") << ":" << message_text(value_placeholder(*option)) << ":"
        << action(value_kind(*option)) << "'";
  }
  if (subs.empty()) {
    out << "\n}\n\n";
    return;
  }
  out << " \\\n    ': :->command' \\\n    '*:: :->argument'\n"
      << "  case $state in\n    command)\n      local -a commands=(\n";
  for (const CLI::App* sub : subs) {
    out << "        '" << message_text(sub->get_name()) << ":" << single_quoted_text(sub->get_description())
        << "'\n";
  }
  out << "      )\n      _describe -t commands 'delivsim command' commands ;;\n"
      << "    argument)\n      curcontext=${curcontext%:*:*}:" << function_name(words).substr(1)
      << "-$line[1]:\n      case $line[1] in\n";
  for (const CLI::App* sub : subs) {
    std::vector<std::string> sub_words = words;
    sub_words.push_back(sub->get_name());
    out << "        " << sub->get_name() << ") " << function_name(sub_words) << " ;;\n";
  }
  out << "      esac ;;\n  esac\n}\n\n";
  for (const CLI::App* sub : subs) {
    std::vector<std::string> sub_words = words;
    sub_words.push_back(sub->get_name());
    write_function(out, *sub, sub_words);
  }
}

}  // namespace

std::string zsh_completion(const CLI::App& root) {
  std::ostringstream out;
  out << "#compdef delivsim\n"
      << "# zsh completion for delivsim. Generated by delivsim-docgen from the command line's own "
         "definitions; do not edit.\n\n"
      << "# --set PATH=VALUE: the paths of the first scenario (*.yaml, *.yml) on the command line.\n"
      << "_delivsim_set_paths() {\n"
      << "  local scenario=${${(M)words:#*.(yaml|yml)}[1]}\n"
      << "  [[ -n $scenario && -f $scenario ]] || return 1\n"
      << "  local -a paths=(${(f)\"$($_delivsim_program validate $scenario " << kListSetPathsFlag
      << " 2>/dev/null)\"})\n"
      << "  compadd -S '=' -- $paths  # quoted as the shell needs: traffic\\[0\\].domains.\\\"gmail.com\\\"\n"
      << "}\n\n";
  write_function(out, root, {});
  out << "_delivsim \"$@\"\n";
  return out.str();
}

}  // namespace delivsim
