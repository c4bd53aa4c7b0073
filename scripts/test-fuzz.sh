#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan) and runs each for FUZZ_SECONDS seconds
# (default 20, which keeps the whole test command under an hour in CI) from its seed corpus; fails when a target
# finds a crash, a leak, a timeout or runs out of memory.
# docs/fuzzing.md says how to run them longer and how to replay a finding.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
seconds="${FUZZ_SECONDS:-20}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

work=build/fuzz/run
rm -rf "$work"
mkdir -p "$work/artifacts"

# Seed corpora: every shipped and test scenario (some with --set overrides after NUL bytes), every expectation
# written in them (world expectations too), the run folders in tests/fuzz/corpus/report, the robust.json
# files in tests/fuzz/corpus/robust_report, the output folders in tests/fuzz/corpus/report_folder, the
# accounting logs in tests/fuzz/corpus/acctlog (replayed too, with the head of the shipped replay log) and the
# MTA configurations in tests/import/fixtures (each behind the byte that picks its format: 0 pmta, 1 postfix,
# 2 kumomta; several files of one import with a NUL between them).
mkdir -p "$work/scenario" "$work/expectation" "$work/report" "$work/robust_report" "$work/acctlog" "$work/import"
n=0
for f in scenarios/*.yaml scenarios/regression/*.yaml tests/scenario/good/*.yaml tests/scenario/bad/*.yaml; do
  [ -f "$f" ] || continue
  n=$((n + 1))
  cp "$f" "$work/scenario/$n.yaml"
  { cat "$f"; printf '\0duration=3d\0sender.destinations.gmail.max_smtp_out=3'; } >"$work/scenario/$n-set.yaml"
done
# run_fuzzer runs what is small: the same seeds, and each over one day (most shipped scenarios are larger).
mkdir -p "$work/run"
cp "$work"/scenario/* "$work/run/"
for f in "$work"/scenario/*[0-9].yaml; do { cat "$f"; printf '\0duration=1d'; } >"${f/scenario/run}-1d"; done
grep -hoE '^ *- *((mean|min|max|p5|p50|p95|share_of_worlds)\(|wins\()?(totals|providers|traffic|identities|[a-z0-9-]+,)[^#]*' \
  scenarios/*.yaml scenarios/regression/*.yaml |
  sed -E 's/^ *- *//; s/ *$//' | sort -u | split -l 1 - "$work/expectation/e-"
cp tests/fuzz/corpus/report/* "$work/report/"
cp tests/fuzz/corpus/robust_report/* "$work/robust_report/"
cp tests/fuzz/corpus/acctlog/* "$work/acctlog/"
for f in tests/import/fixtures/pmta-*.conf; do { printf '\0'; cat "$f"; } >"$work/import/$(basename "$f")"; done
for f in tests/import/fixtures/*main*.cf; do
  [ -f "$f" ] || continue
  { printf '\1'; cat "$f"; } >"$work/import/$(basename "$f")"
done
for f in tests/import/fixtures/*.toml; do { printf '\2'; cat "$f"; } >"$work/import/$(basename "$f")"; done
# Several files of one import, NUL between them: Postfix's main.cf, master.cf and transport map, each
# format's configurations two at a time.
fixtures=tests/import/fixtures
{ printf '\1'; cat "$fixtures/postfix-main.cf"; printf '\0'; cat "$fixtures/postfix-master.cf"; printf '\0'
  cat "$fixtures/postfix-transport"; } >"$work/import/postfix-main-master-transport"
{ printf '\1'; cat "$fixtures/postfix-timers-main.cf"; printf '\0'; cat "$fixtures/postfix-timers-master.cf"; } \
  >"$work/import/postfix-timers-main-master"
{ printf '\0'; cat "$fixtures/pmta-example.conf"; printf '\0'; cat "$fixtures/pmta-variant.conf"; } \
  >"$work/import/pmta-example-variant"
{ printf '\2'; cat "$fixtures/kumomta-shaping.toml"; printf '\0'; cat "$fixtures/kumomta-community-style.toml"; } \
  >"$work/import/kumomta-shaping-community"

mkdir -p "$work/smtp_session"
cp tests/fuzz/corpus/smtp_session/* "$work/smtp_session/"
mkdir -p "$work/run_record"
cp tests/fuzz/corpus/run_record/* "$work/run_record/"
mkdir -p "$work/report_folder"
cp tests/fuzz/corpus/report_folder/* "$work/report_folder/"
mkdir -p "$work/replay"
cp tests/fuzz/corpus/acctlog/* "$work/replay/"
head -n 200 scenarios/data/last-week-accounting.csv >"$work/replay/last-week-head.csv"

status=0
for target in scenario run expectation report robust_report report_folder acctlog replay import smtp_session \
  run_record; do
  echo "fuzzing ${target}_fuzzer for ${seconds}s"
  if ! "build/fuzz/tests/fuzz/${target}_fuzzer" "$work/$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/artifacts/${target}-" -print_final_stats=1 \
    >"$work/${target}.log" 2>&1; then
    echo "${target}_fuzzer found a problem:"
    tail -n 60 "$work/${target}.log"
    status=1
  fi
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^#[0-9]+.*DONE' "$work/${target}.log" || true
done
exit "$status"
