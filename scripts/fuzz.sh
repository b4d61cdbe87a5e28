#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build/fuzz and runs one of them on a corpus seeded
# with the test fixtures of its kind: `fuzz.sh TARGET SECONDS` for a fixed time, `fuzz.sh TARGET
# --runs N` for N executions. TARGET is scenarios, preflib, party-votes, results or partial. Fails
# on a crash, a hang (over 10 s for one input), a leak or a sanitizer report; prints libFuzzer's
# final statistics (executions, cov and ft).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: fuzz.sh TARGET SECONDS | fuzz.sh TARGET --runs N}
if [[ ${2:-} == --runs ]]; then
  budget=(-runs="${3:?--runs needs a count}")
else
  budget=(-max_total_time="${2:-15}")
fi

case $target in
  scenarios) binary=scenarios/fuzz/primsim-fuzz-scenarios ;;
  preflib) binary=models/fuzz/primsim-fuzz-preflib-reader ;;
  party-votes) binary=models/fuzz/primsim-fuzz-party-votes-reader ;;
  results) binary=output/fuzz/primsim-fuzz-results-file ;;
  partial) binary=output/fuzz/primsim-fuzz-partial-file ;;
  *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac

# One configure and build at a time: the long campaign runs the targets in parallel under ctest.
mkdir -p build
exec 9>build/fuzz.lock
flock 9
cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang \
  -DCMAKE_CXX_COMPILER=clang++ -DPRIMSIM_FUZZ=ON -DPRIMSIM_BUILD_TESTS=OFF -DPRIMSIM_BUILD_BENCH=OFF >/dev/null
cmake --build build/fuzz -j2 --target "$(basename "$binary")"
flock -u 9

corpus=build/fuzz/corpus-$target
mkdir -p "$corpus"
extra=()
case $target in
  scenarios)
    cp scenarios/demo.yaml scenarios/examples/*.yaml tests/scenarios/good/*.yaml tests/scenarios/bad/*.yaml \
      "$corpus/" ;;
  preflib)
    # The reader takes its extension from the first byte (0 soc, 1 soi, 2 toc, 3 toi).
    for file in tests/models/rules/data/*.so? tests/models/rules/data/*.to? tests/cli/data/*.so? \
                tests/cli/data/*.to?; do
      [[ -f $file ]] || continue
      case ${file##*.} in soc) prefix='\x00' ;; soi) prefix='\x01' ;; toc) prefix='\x02' ;; *) prefix='\x03' ;; esac
      { printf "$prefix"; cat "$file"; } >"$corpus/$(basename "$file")"
    done ;;
  party-votes)
    cp tests/cli/data/*.csv "$corpus/" 2>/dev/null || true
    find tests/models/rules/data -name '*.csv' -exec cp {} "$corpus/" \; ;;
  results)
    # Edit scripts: each byte string is read as a sequence of edits to a complete file.
    printf '\x00' >"$corpus/none"
    printf '\x02\x01\xff\x01' >"$corpus/meta"
    # Longer scripts from the start: a short input makes no edit worth the file's cost.
    for byte in 1 2 3 4 5 6; do head -c 1024 /dev/zero | tr '\0' "\00$byte" >"$corpus/edits-$byte"; done
    extra=(-len_control=0) ;;
  partial)
    # Bit 0 of the first byte puts a valid header first, bit 1 fixes the records' checksums.
    printf '\x00PRIMCKP1' >"$corpus/magic"
    printf '\x03\x4c\x50\x45\x52\x00\x00\x00\x00\x10\x00\x00\x00\x00\x00\x00\x00' >"$corpus/record" ;;
esac

# The results target writes a whole HDF5 file per execution: in memory, where there is a tmpfs.
if [[ $target == results && -d /dev/shm && -w /dev/shm ]]; then
  export TMPDIR=/dev/shm
fi
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1
"build/fuzz/$binary" "$corpus" "${budget[@]}" "${extra[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -print_final_stats=1 -artifact_prefix="build/fuzz/$target-"
