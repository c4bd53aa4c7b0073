#!/usr/bin/env bash
# Issue 17's sweep figure: `delivsim sweep` over 100 points of whatif-100k (a 10 x 10 grid of Gmail's
# max_smtp_out and bounce_after, added to a copy of the scenario in a temporary folder), timed with
# /usr/bin/time on 2 threads and on 1, best of 3 each. Needs the release build of delivsim.
#   bash scripts/bench-sweep.sh
set -euo pipefail
cd "$(dirname "$0")/.."
delivsim=build/release/sim/cli/delivsim
[ -x "$delivsim" ] || { echo "bench-sweep: build $delivsim first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
{
  cat scenarios/whatif-100k.yaml
  echo "sweep:"
  echo "  - {path: sender.destinations.gmail.max_smtp_out, values: [2, 4, 6, 8, 10, 12, 14, 16, 18, 20]}"
  echo "  - {path: sender.destinations.gmail.bounce_after, values: [24h, 36h, 48h, 60h, 72h, 84h, 96h, 108h, 120h, 132h]}"
} >"$work/sweep-100.yaml"
for threads in 2 1; do
  for run in 1 2 3; do
    /usr/bin/time -f "%e %U %M" -o "$work/time" \
      "$delivsim" sweep "$work/sweep-100.yaml" -q --threads "$threads" --out "$work/out-$threads-$run"
    cat "$work/time"
  done | sort -n | head -1 | awk -v t="$threads" '{ printf "%d thread(s): %.2f s wall, %.2f s user, %d MB peak (best of 3)\n", t, $1, $2, $3 / 1024 }'
done
