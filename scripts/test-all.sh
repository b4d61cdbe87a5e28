#!/usr/bin/env bash
# Sets up, builds and runs every test: the optimised `ci` preset (warnings are errors), then the
# `dev` preset under AddressSanitizer and UndefinedBehaviorSanitizer. Fails on any failure or
# sanitizer report. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
echo "== ci preset: optimised, warnings as errors =="
cmake --workflow --preset ci
echo "== dev preset: AddressSanitizer + UndefinedBehaviorSanitizer =="
cmake --workflow --preset dev
echo "== fuzzing the scenario loader for 60 s =="
bash scripts/fuzz-scenarios.sh 60
