#!/usr/bin/env bash
# Fuzzes the scenario loader for N seconds (default 60); scripts/fuzz.sh does the work.
set -euo pipefail
exec bash "$(dirname "$0")/fuzz.sh" scenarios "${1:-60}"
