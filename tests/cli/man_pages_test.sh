#!/usr/bin/env bash
# The generated man pages (delivsim-docgen): each renders without a warning (groff -ww, man --warnings) and
# lists every option its command's --help prints, so a page cannot miss an option the CLI accepts.
# Usage: man_pages_test.sh DELIVSIM MAN1_DIR
set -uo pipefail
delivsim=$1
man1=$2
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

pages=("$man1"/*.1)
[[ -f ${pages[0]} ]] || { echo "FAIL: no man pages in $man1"; exit 1; }
[[ -f $man1/delivsim.1 && -f $man1/delivsim-run.1 && -f $man1/delivsim-init.1 && -f $man1/delivsim-log-stats.1 ]] ||
  fail "expected delivsim.1, delivsim-run.1, delivsim-init.1 and delivsim-log-stats.1 in $man1"

for page in "${pages[@]}"; do
  name=$(basename "$page" .1)
  warnings=$(groff -man -ww -z "$page" 2>&1)
  [[ -z $warnings ]] || fail "$name: groff warns: $warnings"
  if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "$name: man warns: $warnings"
  fi
  text=$(groff -man -Tascii "$page" 2>/dev/null | col -b)
  for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" "SEE ALSO"; do
    grep -q "^$section" <<<"$text" || fail "$name: no $section section"
  done
  # The command's words: delivsim-log-stats is `delivsim log stats`.
  read -ra words <<<"$(tr '-' ' ' <<<"${name#delivsim}")"
  help=$("$delivsim" "${words[@]}" --help 2>&1)
  # The option lines of CLI11's help: "  -q,--quiet  Print nothing ...", "  --out TEXT  Output folder ...".
  options=$(grep -E '^ +-' <<<"$help" | awk '{print $1}' | tr ',' '\n' | sort -u)
  [[ -n $options ]] || fail "$name: no options found in \`delivsim ${words[*]} --help\`"
  for option in $options; do
    grep -qE -- "(^|[^a-zA-Z-])$option([^a-zA-Z-]|\$)" <<<"$text" || fail "$name: does not list $option"
  done
done
grep -q "delivsim init my-warmup.yaml --template warmup" <(groff -man -Tascii "$man1/delivsim-init.1" | col -b) ||
  fail "delivsim-init: no EXAMPLES line"

echo "${#pages[@]} man pages checked, $failures failures"
((failures == 0))
