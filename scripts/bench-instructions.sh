#!/usr/bin/env bash
# Instruction counts of whole runs (valgrind's callgrind: exact and repeatable, unlike wall time on a shared
# machine), against the counts recorded in bench/instructions.txt, so that a change that makes the
# simulator a few percent slower shows in review. Needs the release build (cmake --build --preset release
# --target delivsim) and valgrind.
#   bash scripts/bench-instructions.sh            # prints each scenario's count and its change
#   bash scripts/bench-instructions.sh --update   # also rewrites bench/instructions.txt (commit it)
# Scenarios: whatif-100k (a few seconds under callgrind) and bench-1m (under a minute).
set -euo pipefail
cd "$(dirname "$0")/.."
update=false
[ "${1:-}" = "--update" ] && update=true
delivsim=build/release/sim/cli/delivsim
record=bench/instructions.txt
[ -x "$delivsim" ] || { echo "bench-instructions: build $delivsim first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "bench-instructions: valgrind is not installed" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-14s %18s %18s %9s\n' scenario instructions recorded change
new_record="# Instructions (callgrind Ir) of \`delivsim run scenarios/NAME.yaml -q\`, written by scripts/bench-instructions.sh --update"
for name in whatif-100k bench-1m; do
  valgrind --tool=callgrind --callgrind-out-file="$work/$name.out" \
    "$delivsim" run "scenarios/$name.yaml" -q --out "$work/$name" >/dev/null 2>"$work/$name.log"
  count=$(sed -n 's/^summary: \([0-9]*\).*/\1/p' "$work/$name.out")
  recorded=$(awk -v n="$name" '$1 == n { print $2 }' "$record" 2>/dev/null || true)
  change=-
  [ -n "$recorded" ] && change=$(awk -v a="$count" -v b="$recorded" 'BEGIN { printf "%+.2f%%", (a - b) * 100 / b }')
  printf '%-14s %18s %18s %9s\n' "$name" "$count" "${recorded:--}" "$change"
  new_record+=$'\n'"$name $count"
done
if $update; then
  printf '%s\n' "$new_record" >"$record"
  echo "wrote $record"
fi
