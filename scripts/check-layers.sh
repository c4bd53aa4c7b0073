#!/usr/bin/env bash
# The layer rules, executable: every `#include` in models/, sim/ and
# gui/ and every link line (target_link_libraries) of their CMakeLists.txt is checked against
# - the directions design.md forbids whatever a link line says (the `forbidden` table below), and
# - "no include runs back up": a folder includes only its own headers and those of the folders its link lines
#   name, with what those link PUBLIC; and it links only folders above it in the `layers` table;
# and sim/README.md, which walks the folders, is checked to name the same folders in the same order, each
# with what it may use.
# Each violation is printed as `file:line: <the include or link>: <the rule it breaks>`; the exit status is 1
# when there is any. ctest runs this as layer_rules, and layer_rules_catch_a_violation
# (tests/layer_rules_test.sh) plants one violation of each rule in a copy of the tree.
# Usage: scripts/check-layers.sh [source root]   (default: the repository holding this script)
set -euo pipefail
root=$(cd "${1:-$(dirname "$0")/..}" && pwd)
cd "$root"

# The folders in dependency order, one CMake library (or program) each: a folder links only folders above it.
# A new folder is one line here, at its place (and its section in sim/README.md).
layers=(
  models
  sim/kernel
  sim/stats
  sim/acctlog
  sim/yaml
  sim/import
  sim/scenario
  sim/output
  sim/check
  sim/world
  sim/live
  sim/batch
  sim/report
  sim/cli
  gui
)

# Wings of one folder: its subfolders in dependency order, as "folder|wing wing ...". A file in a wing includes,
# of its own folder, only its wing and the wings after it; the folder's top level (the application, for gui)
# may include every wing. A new wing is a word here, at its place (and in the folder's section of sim/README.md).
wings=(
  "gui|run form charts figures document"
)

# Directions forbidden whatever the link lines say, as "files under|includes or links under|rule". A link to
# delivsim::<name> counts as the folder defining that alias; a Qt include or link (<Q...>, Qt6::...) as "<Q".
forbidden=(
  "models/|sim/ gui/|models/ includes no sim/ or gui/ header"
  "sim/kernel/|models/ sim/ gui/|sim/kernel includes nothing of email and no other folder but itself"
  "sim/yaml/|models/ sim/import/ sim/kernel/ sim/stats/ sim/scenario/ sim/output/ sim/check/ sim/world/ sim/batch/ sim/report/ sim/cli/ gui/|sim/yaml (positioned YAML and its errors) includes no other folder"
  "sim/ models/|gui/ <Q|nothing under sim/ or models/ includes gui/ or Qt"
  "sim/scenario/|sim/check/ sim/world/ sim/output/ sim/batch/ sim/report/ sim/cli/|sim/scenario (the parser) includes no sim/check, sim/world, sim/output, sim/batch, sim/report or sim/cli header"
)

violations=0
violation() {
  echo "$1:$2: $3"
  violations=$((violations + 1))
}

# Sets `found` to the layer a path (a file, or "<folder>/") is in: the longest table folder it lies under;
# empty when none. (Functions set a variable rather than print, so the loop over every include forks nothing.)
layer_of() {
  local layer
  found=""
  for layer in "${layers[@]}"; do
    if [[ $1 == "$layer"/* && ${#layer} -gt ${#found} ]]; then found=$layer; fi
  done
}

# Sets `rule` to the rule of `forbidden` that a file at $1 breaks by using $2 (a path, or "<Q..." for Qt);
# empty when none.
forbidden_rule() {
  local entry from to f t
  rule=""
  for entry in "${forbidden[@]}"; do
    from=${entry%%|*}
    to=${entry#*|}
    to=${to%%|*}
    for f in $from; do
      [[ $1 == "$f"* ]] || continue
      for t in $to; do
        if [[ $2 == "$t"* ]]; then
          rule=${entry##*|}
          return
        fi
      done
    done
  done
}

# Sets `rule` to the wing rule that a file at $1 in folder $2 breaks by including $3 of the same folder; empty
# when none. A path's wing is its first subfolder under the folder when that is one of the folder's wings.
wing_rule() {
  local entry order file_wing used_wing rest
  rule=""
  for entry in "${wings[@]}"; do
    [[ ${entry%%|*} == "$2" ]] || continue
    order=" ${entry#*|} "
    rest=${1#"$2"/}
    file_wing=${rest%%/*}
    [[ $rest == */* && $order == *" $file_wing "* ]] || return 0
    rest=${3#"$2"/}
    used_wing=${rest%%/*}
    if [[ $rest != */* || $order != *" $used_wing "* ]]; then
      rule="a wing of $2 includes nothing of $2's top level"
      return 0
    fi
    [[ $used_wing == "$file_wing" || " ${order#* "$file_wing" }" == *" $used_wing "* ]] ||
      rule="$2/$file_wing includes, of $2, only itself and the wings after it in: ${entry#*|}"
    return 0
  done
}

declare -A index_of alias_layer direct public
for i in "${!layers[@]}"; do index_of[${layers[$i]}]=$i; done
for layer in "${layers[@]}"; do
  [[ -f $layer/CMakeLists.txt ]] || { violation "$layer" 0 "no CMakeLists.txt: every folder of the table is one library"; continue; }
  while read -r alias; do alias_layer[$alias]=$layer; done < <(
    grep -oE 'add_library\(delivsim::[A-Za-z_]+ +ALIAS' "$layer/CMakeLists.txt" | sed -E 's/add_library\(([^ ]+).*/\1/')
done

# Link lines: "<line> <PUBLIC|PRIVATE|INTERFACE> <item>" for every item of every target_link_libraries call in
# $1 (comments dropped; items before a keyword count as PUBLIC, as CMake's plain signature propagates them).
link_items() {
  awk '
    { sub(/#.*/, "") }
    !open && /target_link_libraries\(/ { open = 1; sub(/.*target_link_libraries\(/, ""); first = 1; scope = "PUBLIC" }
    open {
      closing = index($0, ")") > 0
      if (closing) sub(/\).*/, "")
      for (i = 1; i <= NF; ++i) {
        if (first) { first = 0; continue }  # the target being linked
        if ($i ~ /^(PUBLIC|PRIVATE|INTERFACE)$/) scope = $i
        else print NR, scope, $i
      }
      if (closing) open = 0
    }' "$1"
}

for layer in "${layers[@]}"; do
  [[ -f $layer/CMakeLists.txt ]] || continue
  while read -r line scope item; do
    if [[ $item == Qt6::* ]]; then
      used="<$item>"
    elif [[ $item == delivsim::* ]]; then
      [[ -n ${alias_layer[$item]:-} ]] || { violation "$layer/CMakeLists.txt" "$line" "links $item: no folder of the layer table defines it"; continue; }
      used=${alias_layer[$item]}/
    else
      continue
    fi
    [[ $used == "$layer/" ]] && continue
    forbidden_rule "$layer/" "$used"
    if [[ -n $rule ]]; then violation "$layer/CMakeLists.txt" "$line" "links $item: $rule"; continue; fi
    [[ $used == "<"* ]] && continue
    dep=${used%/}
    if ((${index_of[$dep]} >= ${index_of[$layer]})); then
      violation "$layer/CMakeLists.txt" "$line" "links $item: no include runs back up ($dep is not above $layer in the layer table)"
      continue
    fi
    direct[$layer]+=" $dep"
    [[ $scope == PRIVATE ]] || public[$layer]+=" $dep"
  done < <(link_items "$layer/CMakeLists.txt")
done

# What each folder may include besides itself: what it links, and what those link PUBLIC, transitively
# (the table's order lets one pass in order finish every folder's PUBLIC closure before it is needed).
declare -A public_closure allowed
for layer in "${layers[@]}"; do
  closure=""
  for dep in ${public[$layer]:-}; do closure+=" $dep ${public_closure[$dep]:-}"; done
  public_closure[$layer]=$(tr ' ' '\n' <<<"$closure" | sort -u | xargs)
  uses=""
  for dep in ${direct[$layer]:-}; do uses+=" $dep ${public_closure[$dep]:-}"; done
  allowed[$layer]=$(tr ' ' '\n' <<<"$uses" | sort -u | xargs)
done

declare -A unplaced
checked=0
while IFS=: read -r file line text; do
  layer_of "$file"
  layer=$found
  if [[ -z $layer ]]; then
    [[ -n ${unplaced[$file]:-} ]] || violation "$file" 1 "in no folder of the layer table (scripts/check-layers.sh)"
    unplaced[$file]=1
    continue
  fi
  if [[ $text =~ \#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]]; then
    used=${BASH_REMATCH[1]}
    quoted="\"$used\""
    [[ $used == models/* || $used == sim/* || $used == gui/* ]] || continue
  elif [[ $text =~ \#[[:space:]]*include[[:space:]]*(\<Q[^\>]*\>) ]]; then
    used=${BASH_REMATCH[1]}
    quoted=$used
  else
    continue
  fi
  checked=$((checked + 1))
  if [[ $used == "$layer"/* ]]; then
    wing_rule "$file" "$layer" "$used"
    [[ -z $rule ]] || violation "$file" "$line" "#include $quoted: $rule"
    continue
  fi
  forbidden_rule "$file" "$used"
  if [[ -n $rule ]]; then violation "$file" "$line" "#include $quoted: $rule"; continue; fi
  [[ $used == "<"* ]] && continue
  layer_of "$used"
  dep=$found
  if [[ -z $dep ]]; then
    violation "$file" "$line" "#include $quoted: in no folder of the layer table (scripts/check-layers.sh)"
  elif [[ " ${allowed[$layer]} " != *" $dep "* ]]; then
    violation "$file" "$line" "#include $quoted: no include runs back up ($layer uses only: ${allowed[$layer]:-itself}; its CMakeLists.txt links)"
  fi
done < <(grep -rnE --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include' models sim gui 2>/dev/null || true)

# sim/README.md walks the same table: one "## `<folder>`" section per folder, in the table's order, each with
# a "Uses:" paragraph naming (in backquotes) exactly what that folder may include.
readme=sim/README.md
sections=()
while read -r line folder uses; do
  sections+=("$folder")
  uses=$(tr ' ' '\n' <<<"$uses" | sort -u | xargs)
  if [[ -z ${index_of[$folder]:-} ]]; then
    violation "$readme" "$line" "section \`$folder\` is not a folder of the layer table (scripts/check-layers.sh)"
  elif [[ $uses != "${allowed[$folder]}" ]]; then
    violation "$readme" "$line" "\`$folder\` uses ${uses:-no other folder}, its link lines say ${allowed[$folder]:-no other folder}"
  fi
done < <(awk '
  function flush() { if (name != "") print start, name, uses; name = "" }
  /^# / { flush(); next }
  /^## `/ { flush(); name = $2; gsub(/`/, "", name); uses = ""; reading = 0; start = NR; next }
  /^Uses:/ { reading = 1 }
  /^$/ { reading = 0 }
  reading { text = $0; while (match(text, /`[^`]+`/)) { uses = uses " " substr(text, RSTART + 1, RLENGTH - 2); text = substr(text, RSTART + RLENGTH) } }
  END { flush() }' "$readme" 2>/dev/null || true)
if [[ "${sections[*]}" != "${layers[*]}" ]]; then
  violation "$readme" 1 "its sections (${sections[*]:-none}) are not the layer table's folders in order (${layers[*]})"
fi

if ((violations > 0)); then
  echo "$violations layer rule violation(s)" >&2
  exit 1
fi
echo "layer rules hold: $checked includes of models/, sim/ and gui/ checked against ${#layers[@]} folders"
