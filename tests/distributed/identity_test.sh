#!/usr/bin/env bash
# The issue's acceptance check on the shipped scenarios: scenarios/gmail-sweep.yaml and
# scenarios/gmail-strategies.yaml (plain and --robust) run on one machine, and spread over processes, give
# byte-identical output folders, the same table and the same exit code. MODE says how they are spread:
#   shards  3 shards (--shard i/3) merged with `delivsim merge`
#   mpi     `mpirun --oversubscribe -np 3` (an MPI build); then a bad output folder under mpirun must end every
#           rank with exit code 2 at once, not leave ranks waiting
# Usage: identity_test.sh DELIVSIM SOURCE_DIR WORK_DIR MODE
set -u
delivsim=$1 source_dir=$2 work=$3 mode=$4
rm -rf "$work" && mkdir -p "$work"
failures=0
# OpenMPI refuses to start as root (CI containers) without these.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
mpirun=(mpirun --oversubscribe -np 3)

fail() {
  echo "FAIL $1"
  failures=$((failures + 1))
}

# spread DIR COMMAND SCENARIO [OPTION...]: the batch spread over processes into DIR/merged; its table (stdout)
# in DIR.merged.txt; returns the exit code of the step that gives the outputs.
spread() {
  local dir=$1 command=$2 scenario=$3
  shift 3
  if [[ $mode == mpi ]]; then
    "${mpirun[@]}" "$delivsim" "$command" "$scenario" "$@" --out "$dir/merged" >"$dir.merged.txt" 2>"$dir.merged.err"
    return
  fi
  for shard in 0 1 2; do
    "$delivsim" "$command" "$scenario" "$@" --threads 1 --quiet --shard "$shard/3" --out "$dir/part$shard" ||
      return 99
  done
  "$delivsim" merge "$dir/part0" "$dir/part1" "$dir/part2" --out "$dir/merged" >"$dir.merged.txt" 2>"$dir.merged.err"
}

# check NAME COMMAND SCENARIO [OPTION...]
check() {
  local name=$1 command=$2 scenario=$source_dir/scenarios/$3
  shift 3
  local dir=$work/$name
  "$delivsim" "$command" "$scenario" "$@" --out "$dir/whole" >"$dir.whole.txt" 2>"$dir.whole.err"
  local whole_rc=$?
  spread "$dir" "$command" "$scenario" "$@"
  local merged_rc=$?
  if [[ $whole_rc != "$merged_rc" ]]; then
    fail "$name: exit code $whole_rc on one machine, $merged_rc spread ($mode)"
    cat "$dir.merged.txt" "$dir.merged.err"
  elif ! diff -r "$dir/whole" "$dir/merged"; then
    fail "$name: the folder differs"
  elif ! diff <(grep -v '^outputs: ' "$dir.whole.txt") <(grep -v '^outputs: ' "$dir.merged.txt"); then
    fail "$name: the table differs"
  else
    echo "ok   $name ($mode): $(find "$dir/whole" -type f | wc -l) files identical, exit code $whole_rc"
  fi
}

check sweep sweep gmail-sweep.yaml
check strategies compare gmail-strategies.yaml
check strategies-robust compare gmail-strategies.yaml --robust 8
check sweep-robust sweep gmail-sweep.yaml --robust 4 --set 'sweep=[{path: sender.destinations.gmail.max_smtp_out, values: [4, 12]}]'

if [[ $mode == mpi ]]; then
  mkdir -p "$work/foreign" && echo "a user's file" >"$work/foreign/notes.txt"
  timeout 60 "${mpirun[@]}" "$delivsim" sweep "$source_dir/scenarios/gmail-sweep.yaml" --out "$work/foreign" \
    >"$work/foreign.txt" 2>&1
  rc=$?
  if [[ $rc != 2 ]] || ! grep -q "refusing to replace" "$work/foreign.txt"; then
    fail "a refused output folder under mpirun: exit code $rc (expected 2 with the reason)"
    cat "$work/foreign.txt"
  else
    echo "ok   a refused output folder under mpirun ends every rank with exit code 2"
  fi
fi
exit $((failures > 0))
