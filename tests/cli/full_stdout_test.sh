#!/usr/bin/env bash
# A command whose results cannot reach stdout (a full disk; /dev/full here) fails: exit 1 and a
# message on stderr, never exit 0 with the results lost. Each command that prints its results is
# run with stdout on /dev/full, and once on a regular file to show that the same command succeeds.
set -euo pipefail
primsim=$1
scenario=$2
data=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$primsim" run "$scenario" -o "$work/a.h5" --replicates 2 --seed 1 --threads 1 --quiet
"$primsim" run "$scenario" -o "$work/b.h5" --replicates 2 --seed 1 --threads 1 --quiet --set turnout.mobilisation=0.5

# full NAME ARGS...: exit 0 on a file with something printed, exit 1 with the message on /dev/full.
full() {
  local status=0
  "$primsim" "$@" >"$work/out" 2>"$work/err" || status=$?
  if [[ $status -ne 0 || ! -s "$work/out" ]]; then
    echo "primsim $*: expected exit 0 and output on a file, got $status"; cat "$work/err"; exit 1
  fi
  status=0
  "$primsim" "$@" >/dev/full 2>"$work/err" || status=$?
  if [[ $status -ne 1 ]]; then
    echo "primsim $* >/dev/full: expected exit 1, got $status"; cat "$work/err"; exit 1
  fi
  grep -qF "primsim: error: cannot write to standard output" "$work/err" ||
    { echo "primsim $* >/dev/full: stderr lacks the message"; cat "$work/err"; exit 1; }
}

full report "$work/a.h5"
full tally --rule borda "$data/food_election.soi"
full allocate --method dhondt --seats 8 "$data/standard_example.csv"
full validate --print-resolved "$scenario"
full compare "$work/a.h5" "$work/b.h5" --json
full run "$scenario" -o "$work/c.h5" --replicates 2 --seed 1 --threads 1 --json
echo "report, tally, allocate, validate --print-resolved, compare --json and run --json exit 1 on a full stdout"
