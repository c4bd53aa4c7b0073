#include "sim/cli/bash_completion.h"

#include <sstream>

#include "sim/cli/cli_walk.h"
#include "sim/cli/scenario_templates.h"
#include "sim/cli/validate_command.h"

namespace delivsim {

namespace {

/// The word a value kind is known by inside the script (none for a flag).
std::string kind_word(ValueKind kind) {
  switch (kind) {
    case ValueKind::None:
      return "";
    case ValueKind::ScenarioFile:
      return "scenario";
    case ValueKind::File:
      return "file";
    case ValueKind::Folder:
      return "folder";
    case ValueKind::TemplateName:
      return "template";
    case ValueKind::SetPath:
      return "setpath";
    case ValueKind::Text:
      return "text";
  }
  return "";
}

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

/// `(path, app)` of the root ("") and every command.
std::vector<std::pair<std::string, const CLI::App*>> every_app(const CLI::App& root) {
  std::vector<std::pair<std::string, const CLI::App*>> apps{{"", &root}};
  for (const CliCommandPath& command : cli_commands(root))
    apps.emplace_back(joined(command.words), command.app);
  return apps;
}

// The fixed part of the script: how the words typed so far are read, and how each kind of value completes.
// The generated functions above it say, per command path ("" for delivsim itself, "log stats" for a
// nested one): _delivsim_commands its subcommands, _delivsim_options its option names, _delivsim_value_kind
// the kind of an option's value (nothing for a flag), _delivsim_positional_kind that of its Nth argument.
constexpr const char* kDriver = R"BASH(
# Adds to COMPREPLY the words of "$2" (one a line) that start with "$1", as they are (no quote removal).
_delivsim_add_matching() {
  local word
  while IFS= read -r word; do
    [[ -n $word && $word == "$1"* ]] && COMPREPLY+=("$word")
  done <<<"$2"
}

# Completes the value "$2" of kind "$1"; "$3" is the scenario on the command line (for --set paths) and
# "$4" the delivsim to ask.
_delivsim_complete_value() {
  local kind=$1 cur=$2 scenario=$3 program=$4 entry
  case $kind in
    scenario)
      compopt -o filenames 2>/dev/null
      while IFS= read -r entry; do
        [[ -d $entry || $entry == *.yaml || $entry == *.yml ]] && COMPREPLY+=("$entry")
      done < <(compgen -f -- "$cur")
      ;;
    file)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    folder)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      ;;
    template)
      _delivsim_add_matching "$cur" "$(_delivsim_templates)"
      ;;
    setpath)
      # Offered quoted as the shell needs (traffic\[0\].domains.\"gmail.com\"), matched as typed unquoted.
      [[ -n $scenario && -f $scenario ]] || return 0
      compopt -o nospace 2>/dev/null
      local typed=${cur//\\/} quoted
      while IFS= read -r entry; do
        [[ -n $entry && $entry == "$typed"* ]] || continue
        printf -v quoted '%q' "$entry"
        COMPREPLY+=("$quoted")
      done < <("$program" validate "$scenario" @LIST_SET_PATHS@ 2>/dev/null)
      ;;
  esac
}

# Reads COMP_WORDS[$1] up to before $2 into the caller's path (the command's words), positionals (how many
# arguments) and scenario (the first scenario argument); an option's value is skipped (bash splits
# --out=DIR into --out, =, DIR).
_delivsim_scan() {
  local i word
  for ((i = $1; i < $2; i++)); do
    word=${COMP_WORDS[i]}
    if [[ $word == -* ]]; then
      if [[ -n $(_delivsim_value_kind "$path" "$word") ]]; then
        ((i++))
        [[ ${COMP_WORDS[i]} == "=" ]] && ((i++))
      elif [[ ${COMP_WORDS[i + 1]} == "=" ]]; then
        ((i += 2))
      fi
      continue
    fi
    if ((positionals == 0)) && [[ " $(_delivsim_commands "$path") " == *" $word "* ]]; then
      path=${path:+$path }$word
      continue
    fi
    if [[ -z $scenario && $(_delivsim_positional_kind "$path" "$positionals") == scenario ]]; then
      scenario=$word
    fi
    ((positionals++))
  done
}

_delivsim() {
  COMPREPLY=()
  local cur=${COMP_WORDS[COMP_CWORD]} path="" scenario="" kind="" positionals=0
  _delivsim_scan 1 "$COMP_CWORD"
  # The scenario may also come after the word being completed (`--set <TAB> FILE`).
  local before=$positionals
  [[ -n $scenario ]] || _delivsim_scan $((COMP_CWORD + 1)) ${#COMP_WORDS[@]}
  positionals=$before
  # The option whose value is being typed: the word before, or the one before "=".
  local option=${COMP_WORDS[COMP_CWORD - 1]}
  if [[ $cur == "=" ]]; then
    option=${COMP_WORDS[COMP_CWORD - 1]}
    cur=""
  elif [[ $option == "=" ]]; then
    option=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  ((COMP_CWORD > 1)) && [[ $option == -* ]] && kind=$(_delivsim_value_kind "$path" "$option")
  if [[ -z $kind ]]; then
    if [[ $cur == -* ]]; then
      _delivsim_add_matching "$cur" "$(_delivsim_options "$path" | tr ' ' '\n')"
      return 0
    fi
    local commands
    commands=$(_delivsim_commands "$path")
    if [[ -n $commands ]] && ((positionals == 0)); then
      _delivsim_add_matching "$cur" "$(tr ' ' '\n' <<<"$commands")"
      return 0
    fi
    kind=$(_delivsim_positional_kind "$path" "$positionals")
  fi
  _delivsim_complete_value "$kind" "$cur" "$scenario" "${COMP_WORDS[0]}"
  return 0
}
complete -F _delivsim delivsim
)BASH";

}  // namespace

std::string bash_completion(const CLI::App& root) {
  const auto apps = every_app(root);
  std::ostringstream out;
  out << "# bash completion for delivsim. Generated by delivsim-docgen from the command line's own "
         "definitions; do not edit.\n\n";
  out << "_delivsim_commands() {\n  case $1 in\n";
  for (const auto& [path, app] : apps) {
    std::vector<std::string> names;
    for (const CLI::App* sub : subcommands_of(*app)) names.push_back(sub->get_name());
    if (!names.empty()) out << "    \"" << path << "\") echo \"" << joined(names) << "\" ;;\n";
  }
  out << "  esac\n}\n\n_delivsim_options() {\n  case $1 in\n";
  for (const auto& [path, app] : apps) {
    std::vector<std::string> names;
    for (const CLI::Option* option : named_options(*app)) {
      for (const std::string& name : option_names(*option)) names.push_back(name);
    }
    out << "    \"" << path << "\") echo \"" << joined(names) << "\" ;;\n";
  }
  out << "  esac\n}\n\n_delivsim_value_kind() {\n  case \"$1 $2\" in\n";
  for (const auto& [path, app] : apps) {
    for (const CLI::Option* option : named_options(*app)) {
      const std::string kind = kind_word(value_kind(*option));
      if (kind.empty()) continue;
      for (const std::string& name : option_names(*option)) {
        out << "    \"" << path << " " << name << "\") echo " << kind << " ;;\n";
      }
    }
  }
  out << "  esac\n}\n\n_delivsim_positional_kind() {\n  case \"$1 $2\" in\n";
  for (const auto& [path, app] : apps) {
    const std::vector<const CLI::Option*> positionals = positional_options(*app);
    for (std::size_t i = 0; i < positionals.size(); ++i) {
      const bool last_takes_many =
          i + 1 == positionals.size() && positionals[i]->get_items_expected_max() > 1;
      out << "    \"" << path << " " << (last_takes_many ? "\"*" : std::to_string(i) + "\"") << ") echo "
          << kind_word(value_kind(*positionals[i])) << " ;;\n";
    }
  }
  out << "  esac\n}\n\n_delivsim_templates() {\n  echo \"";
  for (const std::string_view name : scenario_template_names()) out << name << "\n";
  std::string driver = kDriver;
  const std::string placeholder = "@LIST_SET_PATHS@";
  driver.replace(driver.find(placeholder), placeholder.size(), kListSetPathsFlag);
  out << "\"\n}\n" << driver;
  return out.str();
}

}  // namespace delivsim
