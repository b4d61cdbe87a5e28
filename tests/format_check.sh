#!/usr/bin/env bash
# Fails when any tracked C++ file is not clang-format clean, and names the files.
set -euo pipefail
cd "$1"
files=$(git ls-files '*.cpp' '*.hpp')
[[ -n "$files" ]] || { echo "no C++ files found under $1"; exit 1; }
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
echo "clang-format: $(echo "$files" | wc -l) files clean"
