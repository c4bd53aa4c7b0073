#!/usr/bin/env bash
# Set-up and every test: installs what is missing, builds (warnings are errors) and runs the test suite,
# then runs it again built with AddressSanitizer + UndefinedBehaviorSanitizer (scripts/test-sanitizers.sh), the
# multi-threaded batch tests under ThreadSanitizer (scripts/test-tsan.sh), and each libFuzzer target for 30 seconds
# (scripts/test-fuzz.sh; docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs=$(nproc)
cmake --preset release >/dev/null
cmake --build --preset release -j "$jobs"
QT_QPA_PLATFORM=offscreen ctest --preset release -j "$jobs"
bash scripts/test-sanitizers.sh
bash scripts/test-tsan.sh
bash scripts/test-fuzz.sh
