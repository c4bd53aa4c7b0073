#!/usr/bin/env bash
# Re-runs the validation suite's lessons and robustness cases and pastes the tables into docs/validation.md,
# between its "validation_table" markers. Run after a model change, then read the diff: a new flip needs an
# explanation in the notes below the tables (tests/validation/robustness_test checks the "flipped by" cells).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --build --preset release --target validation_table >/dev/null
table=$(mktemp)
trap 'rm -f "$table"' EXIT
build/release/tests/validation/validation_table "$(nproc)" >"$table"
python3 - docs/validation.md "$table" <<'PY'
import sys
doc_path, table_path = sys.argv[1], sys.argv[2]
doc = open(doc_path).read()
begin, end = "<!-- validation_table: begin -->\n", "<!-- validation_table: end -->"
head, rest = doc.split(begin)
_, tail = rest.split(end)
open(doc_path, "w").write(head + begin + open(table_path).read() + end + tail)
PY
echo "docs/validation.md updated"
