#!/usr/bin/env bash
# Sets up, builds and runs every test: the optimised `ci` preset (warnings are errors), then the
# `dev` preset under AddressSanitizer and UndefinedBehaviorSanitizer, then fuzzes every input
# reader for a fixed time. Fails on any failure, sanitizer report or fuzzer finding. This is what
# CI runs. The long fuzzing campaign is `ctest -L fuzz-long` in build/ci.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== ci preset: optimised, warnings as errors =="
cmake --workflow --preset ci
echo "== dev preset: AddressSanitizer + UndefinedBehaviorSanitizer =="
cmake --workflow --preset dev
echo "== fuzzing the scenario loader for 60 s, the other input readers for 15 s each =="
bash scripts/fuzz.sh scenarios 60
for target in preflib party-votes results partial; do
  bash scripts/fuzz.sh "$target" 15
done
