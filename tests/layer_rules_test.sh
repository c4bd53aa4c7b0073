#!/usr/bin/env bash
# layer_rules_catch_a_violation: scripts/check-layers.sh passes on a copy of models/, sim/ and gui/, then
# fails on the same copy with one planted violation of each rule (gui's wing order too, and a sim/README.md
# that disagrees with the link lines), naming each at its file and line with the rule it breaks; includes the
# link lines and the wing order allow stay silent.
# Usage: tests/layer_rules_test.sh [source root]   (default: the repository holding this script)
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$root/models" "$root/sim" "$root/gui" "$copy"

if ! "$root/scripts/check-layers.sh" "$copy" >"$copy/clean.txt"; then
  echo "the unchanged copy already fails:"
  cat "$copy/clean.txt"
  exit 1
fi

printf '#include "sim/kernel/sim_time.h"\n' >"$copy/models/planted.h"
printf '#include "models/tier.h"\n' >"$copy/sim/kernel/planted.h"
printf '#include <vector>\n#include <QString>\n#include "sim/world/world.h"\n' >"$copy/sim/output/planted.h"
printf '#include "sim/check/check_report.h"\n' >"$copy/sim/scenario/planted.h"
printf '#include "gui/main_window.h"\n' >"$copy/sim/cli/planted.h"
printf '#include "sim/yaml/yaml_tree.h"\n' >"$copy/sim/cli/allowed.h"
printf '#include "models/tier.h"\n' >"$copy/gui/allowed.h"
printf '#include "gui/run/run_pace.h"\n' >"$copy/gui/charts/planted.h"
printf '#include "gui/main_window.h"\n' >"$copy/gui/document/planted.h"
printf '#include "gui/figures/headline.h"\n#include "gui/charts/run_chart.h"\n' >"$copy/gui/charts/allowed.h"
mkdir "$copy/sim/unlisted"
printf '#include "sim/yaml/yaml_tree.h"\n' >"$copy/sim/unlisted/reader.cpp"
printf '#include "sim/unlisted/reader.h"\n' >"$copy/sim/batch/planted.h"
stats_link_line=$(($(wc -l <"$copy/sim/stats/CMakeLists.txt") + 1))
printf 'target_link_libraries(delivsim_stats PRIVATE delivsim::batch)\n' >>"$copy/sim/stats/CMakeLists.txt"
scenario_link_line=$(($(wc -l <"$copy/sim/scenario/CMakeLists.txt") + 1))
printf 'target_link_libraries(delivsim_scenario PUBLIC\n  delivsim::world)\n' >>"$copy/sim/scenario/CMakeLists.txt"

# A README that says sim/output uses sim/stats too (the backquotes are Markdown, not shell).
# shellcheck disable=SC2016
output_section_line=$(grep -n '^## `sim/output`' "$copy/sim/README.md" | cut -d: -f1)
# shellcheck disable=SC2016
sed -i '/^## `sim\/output`/,/^Uses:/ s/^Uses: `models`, `sim\/kernel`\./Uses: `models`, `sim\/kernel`, `sim\/stats`./' "$copy/sim/README.md"

scenario_rule="sim/scenario (the parser) includes no sim/check, sim/world, sim/output, sim/batch, sim/report or"
scenario_rule+=" sim/cli header"
expected=(
  'models/planted.h:1: #include "sim/kernel/sim_time.h": models/ includes no sim/ or gui/ header'
  'sim/kernel/planted.h:1: #include "models/tier.h": sim/kernel includes nothing of email and no other folder but itself'
  'sim/output/planted.h:2: #include <QString>: nothing under sim/ or models/ includes gui/ or Qt'
  'sim/output/planted.h:3: #include "sim/world/world.h": no include runs back up (sim/output uses only: models sim/kernel; its CMakeLists.txt links)'
  "sim/scenario/planted.h:1: #include \"sim/check/check_report.h\": $scenario_rule"
  'sim/cli/planted.h:1: #include "gui/main_window.h": nothing under sim/ or models/ includes gui/ or Qt'
  'gui/charts/planted.h:1: #include "gui/run/run_pace.h": gui/charts includes, of gui, only itself and the wings after it in: run form charts figures document'
  "gui/document/planted.h:1: #include \"gui/main_window.h\": a wing of gui includes nothing of gui's top level"
  'sim/unlisted/reader.cpp:1: in no folder of the layer table (scripts/check-layers.sh)'
  'sim/batch/planted.h:1: #include "sim/unlisted/reader.h": in no folder of the layer table (scripts/check-layers.sh)'
  "sim/stats/CMakeLists.txt:$stats_link_line: links delivsim::batch: no include runs back up (sim/batch is not above sim/stats in the layer table)"
  "sim/scenario/CMakeLists.txt:$((scenario_link_line + 1)): links delivsim::world: $scenario_rule"
  "sim/README.md:$output_section_line: \`sim/output\` uses models sim/kernel sim/stats, its link lines say models sim/kernel"
)

if "$root/scripts/check-layers.sh" "$copy" >"$copy/planted.txt" 2>&1; then
  echo "check-layers.sh passed a tree with planted violations"
  exit 1
fi
missing=0
for line in "${expected[@]}"; do
  if ! grep -qxF "$line" "$copy/planted.txt"; then
    echo "not reported: $line"
    missing=$((missing + 1))
  fi
done
reported=$(grep -c ': ' "$copy/planted.txt" || true)
if ((missing > 0 || reported != ${#expected[@]})); then
  echo "check-layers.sh said ($reported violations for ${#expected[@]} planted):"
  cat "$copy/planted.txt"
  exit 1
fi
echo "each of the ${#expected[@]} planted violations is reported, nothing else"
