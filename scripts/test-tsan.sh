#!/usr/bin/env bash
# Builds the batch engine's tests and the delivsim binary with ThreadSanitizer and runs the tests that run
# scenarios on several threads (run_in_parallel, replications, the `run --replications` command line).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs"
ctest --preset tsan -j "$jobs"
