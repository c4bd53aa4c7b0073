#!/usr/bin/env bash
# Builds the non-GUI targets with AddressSanitizer + UndefinedBehaviorSanitizer and runs the tests there, but
# the validation suite's robustness cases (hundreds of whole runs; the release build runs them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j "$jobs"
ctest --preset asan-ubsan -j "$jobs" --label-exclude validation-robustness
