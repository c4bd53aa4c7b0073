#!/usr/bin/env bash
# The generated bash completion (delivsim-docgen) driven in a real bash, as readline drives it: the script is
# sourced, COMP_WORDS and COMP_CWORD are set to a command line, _delivsim is called and COMPREPLY checked.
# Usage: bash_completion_test.sh DELIVSIM COMPLETION_SCRIPT SOURCE_DIR
set -uo pipefail
delivsim=$1
script=$2
source_dir=$3
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# shellcheck source=/dev/null
source "$script" || { echo "FAIL: sourcing $script"; exit 1; }
[[ $(complete -p delivsim) == "complete -F _delivsim delivsim" ]] || fail "_delivsim is not registered for delivsim"

# complete_line WORD... : COMPREPLY for the command line "delivsim WORD...", the last word being completed,
# or the word at AT (1-based among the WORDs) when AT is set.
complete_line() {
  COMP_WORDS=("$delivsim" "$@")
  COMP_CWORD=${AT:-$#}
  COMPREPLY=()
  _delivsim
}

# offered WORD: WORD is one of COMPREPLY. A loop, not `printf | grep -q`: under pipefail grep's early exit on
# a match can kill printf with SIGPIPE and turn the match into a failure.
offered() {
  local reply
  for reply in "${COMPREPLY[@]}"; do [[ $reply == "$1" ]] && return 0; done
  return 1
}

# expect DESCRIPTION WORD_EXPECTED... -- LINE_WORD...: every expected word is offered.
expect() {
  local what=$1 expected=() word
  shift
  while [[ $1 != -- ]]; do expected+=("$1"); shift; done
  shift
  complete_line "$@"
  for word in "${expected[@]}"; do
    offered "$word" || fail "$what: \"$word\" not offered (got: ${COMPREPLY[*]})"
  done
}

# refuse DESCRIPTION WORD -- LINE_WORD...: WORD is not offered.
refuse() {
  local what=$1 word=$2
  shift 3
  complete_line "$@"
  offered "$word" && fail "$what: \"$word\" offered (got: ${COMPREPLY[*]})"
}

expect "subcommands" init run validate check report compare sweep import log serve merge -- ""
expect "subcommands by prefix" run -- "r"
refuse "a subcommand not matching the prefix" validate -- "r"
expect "options of run" --out --seed --set --accounting --quiet -q --replications -r --threads -j --help -- run scenarios/x.yaml -
refuse "an option of another command" --listen -- run scenarios/x.yaml --
expect "options of serve" --listen --time-scale --tls-cert -- serve x.yaml --
expect "nested subcommand" stats -- log ""
expect "options of the nested one" --json --from -- log stats --
expect "template names" warmup cold-blast strategies sweep regression -- init new.yaml --template ""
expect "template names by prefix" cold-blast -- init new.yaml --template c
refuse "a template not matching" warmup -- init new.yaml --template c

warmup=$source_dir/scenarios/gmail-warmup.yaml
# Offered quoted for the shell (brackets and double quotes escaped), so the line runs as completed.
expect "--set paths of the scenario" seed 'traffic\[0\].campaign.recipients' 'traffic\[0\].domains.\"gmail.com\"' \
  sender.destinations.gmail.max_smtp_out -- run "$warmup" --set ""
expect "--set paths by an escaped prefix" 'traffic\[0\].campaign.recipients' -- run "$warmup" --set 'traffic\[0\].camp'
expect "--set paths by an unescaped prefix" 'traffic\[0\].campaign.recipients' -- run "$warmup" --set 'traffic[0].camp'
expect "--set paths by prefix" sender.destinations.gmail.max_smtp_out -- run "$warmup" --set sender.destinations.gmail.max
refuse "--set paths not matching" seed -- run "$warmup" --set sender.
AT=3 expect "--set paths with the scenario after" seed -- validate --set "" "$warmup"
complete_line run "$warmup" --set 'traffic[0].domains.'
eval "set -- ${COMPREPLY[0]:-none}"
[[ $1 == 'traffic[0].domains."gmail.com"' ]] || fail "the completed --set path reads back as $1"
complete_line run --set ""
((${#COMPREPLY[@]} == 0)) || fail "--set without a scenario offers ${COMPREPLY[*]}"

# Files: scenarios for the scenario argument, folders for --out.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/runs"
touch "$work/a.yaml" "$work/b.yml" "$work/notes.txt"
expect "scenario files" "$work/a.yaml" "$work/b.yml" "$work/runs" -- run "$work/"
refuse "a file that is no scenario" "$work/notes.txt" -- run "$work/"
expect "folders for --out" "$work/runs" -- run "$work/a.yaml" --out "$work/"
refuse "files for --out" "$work/a.yaml" -- run "$work/a.yaml" --out "$work/"
expect "folders for --out=DIR" "$work/runs" -- run "$work/a.yaml" --out = "$work/"
expect "an option after --out's value" --seed -- run "$work/a.yaml" --out "$work/runs" --s

echo "bash completion: $failures failures"
((failures == 0))
