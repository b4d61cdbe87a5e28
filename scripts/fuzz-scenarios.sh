#!/usr/bin/env bash
# Builds the scenario loader's libFuzzer target with clang in build/fuzz and runs it for N
# seconds (default 60) on a corpus seeded with every scenario fixture. Fails on a crash, a hang
# (over 10 s for one input) or a sanitizer report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DPRIMSIM_FUZZ=ON -DPRIMSIM_BUILD_TESTS=OFF -DPRIMSIM_BUILD_BENCH=OFF >/dev/null
cmake --build build/fuzz -j2 --target primsim-fuzz-scenarios

corpus=build/fuzz/corpus
mkdir -p "$corpus"
cp scenarios/demo.yaml scenarios/examples/*.yaml tests/scenarios/good/*.yaml tests/scenarios/bad/*.yaml "$corpus/"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build/fuzz/scenarios/fuzz/primsim-fuzz-scenarios "$corpus" -max_total_time="$seconds" -timeout=10 \
  -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix=build/fuzz/
