#!/usr/bin/env bash
# The Debian packages as a user gets them: builds delivsim_<version>_amd64.deb and delivsim-gui_<version>_amd64.deb
# with CPack from the release build (build/release, scripts/test.sh's release phase), installs them with apt,
# runs the INSTALLED programs only (from a temporary folder, the build tree not on PATH): `delivsim --version`,
# `delivsim init` + `delivsim run` of a shipped template, the man page, the desktop entry, the GUI opening a
# template; then removes them and checks the programs are gone. Needs root or sudo: skips (exit 0) without.
# Usage: scripts/test-package.sh [RELEASE_BUILD_DIR]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}

sudo_cmd=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo_cmd="sudo"
  else
    echo "test-package: SKIPPED: installing a package needs root or password-less sudo, and neither is available"
    exit 0
  fi
fi
if dpkg-query -W -f='${Status}' delivsim 2>/dev/null | grep -q "ok installed"; then
  echo "test-package: a delivsim package is already installed here; this test installs and removes its own," \
    "so remove it first (apt-get remove delivsim)" >&2
  exit 1
fi

fail() {
  echo "test-package: FAILED: $*" >&2
  exit 1
}

# Fails unless the schema named on FILE's first line (`# yaml-language-server: $schema=PATH`) is there.
check_schema_line() {
  local schema
  schema=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "$1")
  [ -n "$schema" ] || fail "$1 names no schema on its first line"
  [[ $schema == /* ]] || schema="$(dirname "$1")/$schema"
  [ -s "$schema" ] || fail "$1 names the schema $schema, which is not there"
}

tmp=$(mktemp -d)
installed=false
cleanup() {
  if $installed; then
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get remove -y -qq delivsim >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# The build is a no-op after the release phase.
bash scripts/build-packages.sh "$tmp/debs" "$build" >/dev/null
cli_deb=$(echo "$tmp"/debs/delivsim_*_amd64.deb)
gui_deb=$(echo "$tmp"/debs/delivsim-gui_*_amd64.deb)
[ -f "$cli_deb" ] && [ -f "$gui_deb" ] || fail "cpack wrote $(ls "$tmp/debs"), not both packages"
for deb in "$cli_deb" "$gui_deb"; do
  echo "== dpkg-deb -I $(basename "$deb")"
  dpkg-deb -I "$deb"
done
cli_depends=$(dpkg-deb -f "$cli_deb" Depends)
gui_depends=$(dpkg-deb -f "$gui_deb" Depends)
version=$(dpkg-deb -f "$cli_deb" Version)
[[ $cli_depends == *libyaml-cpp* ]] || fail "delivsim's Depends lacks the libraries it links: $cli_depends"
[[ $cli_depends != *qt6* ]] || fail "delivsim (the CLI) must not pull in Qt: $cli_depends"
[[ $gui_depends == *"delivsim (= $version)"* && $gui_depends == *libqt6charts6* ]] ||
  fail "delivsim-gui's Depends lacks delivsim (= $version) or Qt: $gui_depends"

installed=true  # from here on, whatever fails, the packages are removed on exit
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$cli_deb" "$gui_deb"

# From here on only the installed files: a bare PATH and a folder outside the source tree.
cd "$tmp"
export PATH=/usr/bin:/bin
[ "$(command -v delivsim)" = /usr/bin/delivsim ] || fail "delivsim is not /usr/bin/delivsim"
for program in /usr/bin/delivsim /usr/bin/delivsim-gui; do
  if readelf -d "$program" | grep -E 'RPATH|RUNPATH' >/dev/null; then fail "$program carries an RPATH"; fi
done
delivsim --version | tee "$tmp/version.txt"
grep -q "$version" "$tmp/version.txt" || fail "delivsim --version does not say $version"
delivsim init "$tmp/first.yaml" --template warmup
[ -s "$tmp/first.yaml" ] || fail "delivsim init wrote no $tmp/first.yaml"
check_schema_line "$tmp/first.yaml"
check_schema_line /usr/share/delivsim/scenarios/gmail-warmup.yaml
check_schema_line /usr/share/delivsim/scenarios/regression/warmup.yaml
delivsim run "$tmp/first.yaml" --out "$tmp/out" | tee "$tmp/run.txt"
grep -qE '^TOTAL +[0-9,]+ +[0-9,]+' "$tmp/run.txt" || fail "delivsim run printed no totals line"
[ -s "$tmp/out/summary.json" ] || fail "delivsim run wrote no summary.json"
if command -v man >/dev/null; then
  page=$(man -w delivsim) || fail "man -w finds no delivsim page"
  echo "man page: $page"
else
  echo "man-db is not installed: man -w not tried"
fi
[ -f /usr/share/icons/hicolor/scalable/apps/delivsim.svg ] || fail "the icon is not installed"
desktop-file-validate /usr/share/applications/delivsim-gui.desktop
QT_QPA_PLATFORM=offscreen delivsim-gui --screenshot "$tmp/gui.png" /usr/share/delivsim/scenarios/whatif-100k.yaml
[ -s "$tmp/gui.png" ] || fail "delivsim-gui did not open and render an installed template"

DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get remove -y -qq delivsim
installed=false
for gone in /usr/bin/delivsim /usr/bin/delivsim-gui /usr/share/delivsim /usr/share/applications/delivsim-gui.desktop; do
  [ ! -e "$gone" ] || fail "$gone is still there after apt-get remove delivsim"
done
echo "test-package: the packages install, run from /usr/bin and remove cleanly"
