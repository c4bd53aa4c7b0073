#!/usr/bin/env bash
# Runs a delivsim batch (run -r, compare, sweep, with or without --robust) on a Slurm cluster: a job array of
# SHARDS tasks, each running one shard (shard.sbatch), then a merge job that waits for all of them
# (merge.sbatch) and writes OUT_DIR/result, byte-identical to the same command on one machine.
#   scripts/slurm/submit.sh [--wait] SHARDS OUT_DIR COMMAND SCENARIO [OPTION...]
#   e.g. scripts/slurm/submit.sh 32 runs/sweep-on-slurm sweep scenarios/gmail-sweep.yaml --replications 20
# OUT_DIR gets parts/shard-<i>/ (each task's part), logs/ (Slurm's output files) and result/ (the merged
# outputs). Slurm options go in SBATCH_* variables (SBATCH_PARTITION, SBATCH_TIMELIMIT, SBATCH_ACCOUNT...),
# DELIVSIM_CPUS_PER_TASK gives each task CPUs (its threads; default 1), DELIVSIM names the binary (default:
# delivsim on PATH). --wait returns when the merge job has ended, with
# its exit code (0: merged; 1: an expectation failed; 2: runs missing, named in logs/merge.out).
# Progress: `squeue --me`, the progress lines in logs/shard-*.out, and
#   delivsim merge --status OUT_DIR/parts/shard-*
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wait_flag=()
if [[ ${1:-} == --wait ]]; then
  wait_flag=(--wait)
  shift
fi
if (($# < 4)); then
  sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
shards=$1 out=$2
shift 2
if ! [[ $shards =~ ^[1-9][0-9]*$ ]]; then
  echo "submit.sh: SHARDS must be a whole number of at least 1, got '$shards'" >&2
  exit 2
fi
mkdir -p "$out/parts" "$out/logs"
array=$(sbatch --parsable --array="0-$((shards - 1))" --cpus-per-task="${DELIVSIM_CPUS_PER_TASK:-1}" \
  --output="$out/logs/shard-%a.out" "$here/shard.sbatch" "$out/parts" "$shards" "$@")
array=${array%%;*}
echo "shards: job $array (array 0-$((shards - 1))), logs in $out/logs/"
merge_args=(--parsable --dependency="afterany:$array" --output="$out/logs/merge.out")
if ((${#wait_flag[@]})); then
  echo "merge: waiting for the merge job (after job $array) to end"
  set +e
  sbatch "${merge_args[@]}" "${wait_flag[@]}" "$here/merge.sbatch" "$out/parts" "$shards" "$out/result" |
    sed 's/^\([0-9]*\).*/merge: job \1/'
  status=$?
  set -e
  echo "merge: ended with exit code $status (log: $out/logs/merge.out)"
  exit "$status"
fi
merge=$(sbatch "${merge_args[@]}" "$here/merge.sbatch" "$out/parts" "$shards" "$out/result")
echo "merge: job ${merge%%;*} (runs when every shard has ended), outputs in $out/result/"
