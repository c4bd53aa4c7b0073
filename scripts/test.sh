#!/usr/bin/env bash
# Set-up and every test: installs what is missing, then
# 1. the release build (warnings are errors; MPI on) of the programs users run, the benchmarks, and the tests
#    that need full speed or the GUI: the GUI's tests, the validation suite and its robustness cases, the policy
#    regression scenarios, the live mode's loads (100,000 messages over 200 connections and a real Postfix
#    relaying to `delivsim serve`), batches spread over shards, MPI ranks and a single-node Slurm cluster, and
#    the README's and docs' command examples run against the output they quote (tests/docs)
#    (`ctest -L 'validation|gui|regression|live-release|distributed|docs'`);
# 2. the Debian packages (delivsim, delivsim-gui) built from that release build with CPack and installed with
#    apt; the installed `delivsim init` and `delivsim run`, man page, desktop entry and GUI are tried, then the
#    packages are removed (scripts/test-package.sh);
# 3. every other test (unit, parser, hostile input, whole runs, the validation lessons once more), built with
#    AddressSanitizer + UndefinedBehaviorSanitizer and warnings as errors (scripts/test-sanitizers.sh);
# 4. the multi-threaded batch tests under ThreadSanitizer (scripts/test-tsan.sh);
# 5. each libFuzzer target for 20 seconds (scripts/test-fuzz.sh; docs/fuzzing.md).
# Each test is compiled once for CI (two builds of the whole test suite took a third of the hour). A developer's
# `cmake --build --preset release && ctest --preset release` still builds and runs everything.
set -euo pipefail
cd "$(dirname "$0")/.."
# Each phase's wall time is printed as it ends (and all of them at the end), to see where the hour goes.
phase_times=()
phase() {
  local name=$1 start=$SECONDS
  shift
  "$@"
  phase_times+=("$name: $((SECONDS - start)) s")
  echo "== phase $name took $((SECONDS - start)) s"
}
release_tests() {
  cmake --preset release -DDELIVSIM_MPI=ON >/dev/null
  cmake --build --preset release-ci -j "$jobs"
  QT_QPA_PLATFORM=offscreen ctest --preset release -j "$jobs" -L 'validation|gui|regression|live-release|distributed|docs'
}
jobs=$(nproc)
phase install-deps bash scripts/install-deps.sh
phase release release_tests
phase package bash scripts/test-package.sh
phase asan-ubsan bash scripts/test-sanitizers.sh
phase tsan bash scripts/test-tsan.sh
phase fuzz bash scripts/test-fuzz.sh
printf '== %s\n' "${phase_times[@]}"
