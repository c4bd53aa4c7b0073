#!/usr/bin/env bash
# Set-up and the main job: installs what is missing, builds the command-line tool alone in build/cli (the
# preset cli: the GUI, tests and benchmarks build in build/release with `cmake --build --preset release`),
# and runs the default scenario (a new IP warming up to Gmail over three weeks). Outputs go to
# runs/gmail-warmup/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset cli >/dev/null
cmake --build --preset cli -j "$(nproc)"
./build/cli/sim/cli/delivsim run scenarios/gmail-warmup.yaml "$@"
