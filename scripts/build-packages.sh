#!/usr/bin/env bash
# Builds the Debian packages delivsim_<version>_amd64.deb (the CLI, templates, schema, docs, man pages,
# completion) and delivsim-gui_<version>_amd64.deb (the desktop application) with CPack, into OUT_DIR.
# Installs the build's Debian packages first (scripts/install-deps.sh) and builds only what the packages hold.
# Usage: scripts/build-packages.sh [OUT_DIR [RELEASE_BUILD_DIR]]   (defaults build/packages, build/release)
# Then: sudo apt-get install ./OUT_DIR/delivsim_*_amd64.deb ./OUT_DIR/delivsim-gui_*_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/packages}
build=${2:-build/release}
bash scripts/install-deps.sh
if [ ! -f "$build/CMakeCache.txt" ]; then
  [ "$build" = build/release ] || { echo "build-packages: $build is not a configured build folder" >&2; exit 2; }
  cmake --preset release -DDELIVSIM_MPI=ON >/dev/null
fi
# cpack builds nothing itself (Ninja): the packages' inputs first.
cmake --build "$build" --target delivsim delivsim-gui delivsim-docs
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
(cd "$build" && cpack -G DEB -B "$staging" >/dev/null)
mkdir -p "$out"
cp "$staging"/*.deb "$out"/
ls -1 "$out"/*.deb
