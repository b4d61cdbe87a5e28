#!/usr/bin/env bash
# Regenerates the golden digests (tests/golden/*.digests.json) with an existing build's primsim,
# on purpose, after a change of the model's predictions; builds nothing. Usage:
#   scripts/regenerate-golden.sh [BUILD_DIR]   (default build/ci)
# Prints each dataset that changed and a diffstat of the digest files; the commit must say why.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
primsim=$build/cli/primsim
python=/usr/bin/python3
if [[ ! -x "$primsim" ]]; then
  echo "regenerate-golden: no $primsim; build it first (cmake --build --preset ci)" >&2
  exit 2
fi

for digests in tests/golden/*.digests.json; do
  # Each file names its scenario (relative to its folder), replicates and seed: they are kept.
  scenario=$("$python" -c 'import json, sys; print(json.load(open(sys.argv[1]))["scenario"])' "$digests")
  echo "== $digests"
  "$python" tests/golden/golden_digests.py "$primsim" "tests/golden/$scenario" "$digests" --regenerate \
    --reference-dir "$build/tests/golden"
done

echo "== digest files against git (?? new, M changed; nothing below: unchanged)"
git status --short -- 'tests/golden/*.digests.json'
git diff --stat -- 'tests/golden/*.digests.json'
