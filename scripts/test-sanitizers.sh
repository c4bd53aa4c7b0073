#!/usr/bin/env bash
# Builds the non-GUI targets with AddressSanitizer + UndefinedBehaviorSanitizer (warnings are errors) and runs
# the tests there, but the validation suite's robustness cases (hundreds of whole runs) and the policy
# regression scenarios, which the release build runs (the asan-ubsan test preset leaves them out).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j "$jobs"
ctest --preset asan-ubsan -j "$jobs"
