#!/usr/bin/env bash
# The issue's acceptance check on the shipped scenarios: scenarios/gmail-sweep.yaml and
# scenarios/gmail-strategies.yaml (plain and --robust) run on one machine, and as 3 shards merged with
# `delivsim merge`, give byte-identical output folders, the same table and the same exit code.
# Usage: shards_merge_identity_test.sh DELIVSIM SOURCE_DIR WORK_DIR
set -u
delivsim=$1 source_dir=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
failures=0

# check NAME COMMAND SCENARIO [OPTION...]
check() {
  local name=$1 command=$2 scenario=$source_dir/scenarios/$3
  shift 3
  local dir=$work/$name
  "$delivsim" "$command" "$scenario" "$@" --out "$dir/whole" >"$dir.whole.txt" 2>&1
  local whole_rc=$?
  for shard in 0 1 2; do
    if ! "$delivsim" "$command" "$scenario" "$@" --threads 1 --quiet --shard "$shard/3" --out "$dir/part$shard"; then
      echo "FAIL $name: shard $shard/3 failed"
      failures=$((failures + 1))
      return
    fi
  done
  "$delivsim" merge "$dir/part0" "$dir/part1" "$dir/part2" --out "$dir/merged" >"$dir.merged.txt" 2>&1
  local merged_rc=$?
  if [[ $whole_rc != "$merged_rc" ]]; then
    echo "FAIL $name: exit code $whole_rc on one machine, $merged_rc merged"
    failures=$((failures + 1))
  elif ! diff -r "$dir/whole" "$dir/merged"; then
    echo "FAIL $name: the merged folder differs"
    failures=$((failures + 1))
  elif ! diff <(grep -v '^outputs: ' "$dir.whole.txt") <(grep -v '^outputs: ' "$dir.merged.txt"); then
    echo "FAIL $name: the merged table differs"
    failures=$((failures + 1))
  else
    echo "ok   $name: $(find "$dir/whole" -type f | wc -l) files identical, exit code $whole_rc"
  fi
}

check sweep sweep gmail-sweep.yaml
check strategies compare gmail-strategies.yaml
check strategies-robust compare gmail-strategies.yaml --robust 8
check sweep-robust sweep gmail-sweep.yaml --robust 4 --set 'sweep=[{path: sender.destinations.gmail.max_smtp_out, values: [4, 12]}]'
exit $((failures > 0))
