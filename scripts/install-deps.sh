#!/usr/bin/env bash
# Installs the Debian 12 packages delivsim builds and tests with (needs root or sudo). RE2 gives reply-pattern
# regexes linear-time matching; toml++ reads KumoMTA shaping files with positions; clang and its runtime build
# the libFuzzer targets; util-linux has prlimit; OpenSSL gives `delivsim serve` STARTTLS; python3 and swaks are
# the SMTP clients of the live-mode tests, and Postfix the real MTA one of them relays through; Boost.MPI with
# OpenMPI builds and runs `mpirun -np P delivsim ...`, and munge with Slurm's daemons and clients run the
# job-array scripts of scripts/slurm/ on a single-node cluster the tests start themselves; python3-jsonschema and
# python3-yaml validate the scenarios against docs/scenario.schema.json in tests/schema, independently of the
# parser; desktop-file-utils checks the installed menu entry of delivsim-gui (scripts/test-package.sh); groff-base
# and man-db render the generated man pages in tests/cli (groff -ww, man --warnings) and zsh loads and compiles
# the generated zsh completion there.
set -euo pipefail
packages=(
  build-essential cmake ninja-build
  libboost-random-dev libeigen3-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libre2-dev
  libtomlplusplus-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  qt6-base-dev qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
  clang libclang-rt-14-dev util-linux
  libssl-dev python3 swaks postfix python3-jsonschema python3-yaml
  desktop-file-utils groff-base man-db zsh
  libboost-mpi-dev openmpi-bin munge slurmctld slurmd slurm-client
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  # Postfix (the live-mode test runs its own instance) is installed without a system configuration.
  echo "postfix postfix/main_mailer_type select No configuration" | $sudo_cmd debconf-set-selections
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
