#!/usr/bin/env bash
# No command writes over one of its own inputs or over anything that is not a regular file: each
# case must exit 2 with a message naming the option, print nothing on stdout, and leave the path
# as it was. Everything happens on copies in a scratch folder.
set -euo pipefail
primsim=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$fixtures/good/base.yaml" "$fixtures/good/child.yaml" "$work/"
mkdir "$work/sub"
printf 'not a results file\n' >"$work/results.h5"
printf 'a shard\n' >"$work/shard0.h5"
printf 'another shard\n' >"$work/shard1.h5"
mkfifo "$work/fifo"
cp -p "$work"/*.yaml "$work"/*.h5 "$work/sub/"

# refused EXPECTED_STDERR COMMAND...: exit 2, the text on stderr, nothing on stdout.
refused() {
  local expected=$1
  shift
  local status=0
  timeout 20 "$primsim" "$@" >"$work/out" 2>"$work/err" </dev/null || status=$?
  if [[ $status -ne 2 ]]; then
    echo "primsim $*: expected exit 2, got $status"; cat "$work/err"; exit 1
  fi
  grep -qF -- "$expected" "$work/err" || { echo "primsim $*: stderr lacks '$expected'"; cat "$work/err"; exit 1; }
  [[ ! -s "$work/out" ]] || { echo "primsim $*: stdout not empty"; exit 1; }
}

# An output that cannot be written at all is refused before any work, leaving no partial file.
refused "-o: expected the path of a file to write, found an empty path" run "$work/base.yaml" -o ''
refused "-o: expected a file in an existing folder, found no folder '$work/missing'" \
  run "$work/base.yaml" -o "$work/missing/out.h5"
refused "--html: expected a file in an existing folder, found no folder '$work/missing'" \
  report "$work/results.h5" --html "$work/missing/report.html"
[[ ! -e "$work/missing" ]] || { echo "a missing folder was created"; exit 1; }

same_input="expected a file other than the inputs"
refused "-o: $same_input, found '$work/base.yaml', which is the input '$work/base.yaml'" \
  run "$work/base.yaml" -o "$work/base.yaml"
# A parent in the extends chain, spelt another way.
refused "-o: $same_input, found '$work/sub/../base.yaml', which is the input '$work/base.yaml'" \
  run "$work/child.yaml" -o "$work/sub/../base.yaml"
ln -s "$work/child.yaml" "$work/link.yaml"
refused "-o: $same_input" run "$work/child.yaml" -o "$work/link.yaml"
refused "--html: $same_input, found '$work/results.h5', which is the input '$work/results.h5'" \
  report "$work/results.h5" --html "$work/results.h5"
refused "OUT.h5: $same_input, found '$work/shard1.h5', which is the input '$work/shard1.h5'" \
  merge "$work/shard1.h5" "$work/shard0.h5" "$work/shard1.h5"

not_regular="expected a regular file or a new name to write, found"
refused "-o: $not_regular a FIFO '$work/fifo'" run "$work/base.yaml" -o "$work/fifo"
refused "-o: $not_regular a character device '/dev/null'" run "$work/base.yaml" -o /dev/null
refused "-o: $not_regular a directory '$work/sub'" run "$work/base.yaml" -o "$work/sub"
refused "--html: $not_regular a FIFO '$work/fifo'" report "$work/results.h5" --html "$work/fifo"
refused "OUT.h5: $not_regular a character device '/dev/null'" merge /dev/null "$work/shard0.h5"

# Every input is as it was, the FIFO is still one, and nothing was left beside them.
for file in base.yaml child.yaml results.h5 shard0.h5 shard1.h5; do
  cmp "$work/$file" "$work/sub/$file"
done
[[ -p "$work/fifo" && -c /dev/null ]]
[[ "$(LC_ALL=C ls -A "$work" | tr '\n' ' ')" == "base.yaml child.yaml err fifo link.yaml out results.h5 shard0.h5 shard1.h5 sub " ]]
echo "ok"
