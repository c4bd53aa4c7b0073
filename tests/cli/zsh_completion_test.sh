#!/usr/bin/env bash
# The generated zsh completion (delivsim-docgen) parses, compiles (zcompile) and loads through compinit as
# the function for delivsim, and defines the function of every subcommand; its --set paths come from the
# scenario on the command line. Skipped (77) without zsh.
# Usage: zsh_completion_test.sh COMPLETION_FILE DELIVSIM SOURCE_DIR
set -uo pipefail
file=$1
delivsim=$2
source_dir=$3
command -v zsh >/dev/null || { echo "zsh is not installed: skipped"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$file" "$work/_delivsim"
zsh -n "$work/_delivsim" || { echo "FAIL: zsh -n"; exit 1; }
zsh -fc "zcompile '$work/_delivsim'" || { echo "FAIL: zcompile"; exit 1; }
[[ -f $work/_delivsim.zwc ]] || { echo "FAIL: no _delivsim.zwc"; exit 1; }
rm "$work/_delivsim.zwc"
out=$(HOME=$work zsh -fc "
  fpath=('$work' \$fpath)
  autoload -U compinit && compinit -u -d '$work/zcompdump'
  print -r -- \"delivsim=\${_comps[delivsim]}\"
  autoload -Uz +X _delivsim 2>&1
  source '$work/_delivsim' 2>/dev/null
  for f in _delivsim_run _delivsim_init _delivsim_log _delivsim_log_stats _delivsim_serve; do
    (( \${+functions[\$f]} )) && print -r -- \"defined \$f\"
  done
" 2>&1)
echo "$out"
failures=0
grep -qx "delivsim=_delivsim" <<<"$out" || { echo "FAIL: compinit does not map delivsim to _delivsim"; failures=1; }
for f in _delivsim_run _delivsim_init _delivsim_log _delivsim_log_stats _delivsim_serve; do
  grep -qx "defined $f" <<<"$out" || { echo "FAIL: $f is not defined"; failures=1; }
done
# --set paths: _delivsim_set_paths with compadd replaced by one printing what it is given.
paths=$(zsh -fc "
  source '$work/_delivsim' 2>/dev/null
  compadd() { print -rl -- \"\${@[\${@[(i)--]}+1,-1]}\" }
  words=(run '$source_dir/scenarios/gmail-warmup.yaml' --set '')
  _delivsim_program='$delivsim'
  _delivsim_set_paths
" 2>&1)
for path in seed 'traffic[0].domains."gmail.com"' sender.destinations.gmail.max_smtp_out; do
  grep -qxF -- "$path" <<<"$paths" || { echo "FAIL: --set path $path not offered (got: $(head -c 300 <<<"$paths"))"; failures=1; }
done
((failures == 0))
