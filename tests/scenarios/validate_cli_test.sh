#!/usr/bin/env bash
# `primsim validate` as a user runs it: exit 0 and a summary for a good scenario, exit 2 with one
# stderr line per mistake and nothing on stdout for a bad one, and --print-resolved output that
# validates again to the same text.
set -euo pipefail
primsim=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$primsim" validate "$fixtures/good/sweep.yaml" >"$work/out"
grep -q "valid: 2 regions, 80,000 members, 3 phases, 2 stages (members_vote, congress), 1 channel (online), 6 sweep points" "$work/out"

status=0
"$primsim" validate "$fixtures/bad/three_mistakes.yaml" >"$work/out" 2>"$work/err" || status=$?
[[ $status -eq 2 ]] || { echo "expected exit 2, got $status"; exit 1; }
[[ ! -s "$work/out" ]] || { echo "stdout not empty"; exit 1; }
[[ $(grep -c ': expected ' "$work/err") -eq 3 ]] || { cat "$work/err"; exit 1; }

status=0
"$primsim" validate "$fixtures/good/base.yaml" --set ensemble.replicates=0 2>"$work/err" || status=$?
[[ $status -eq 2 ]] && grep -q -- '--set:1:21: ensemble.replicates' "$work/err"

"$primsim" validate "$fixtures/good/grandchild.yaml" --set ensemble.seed=7 --print-resolved >"$work/resolved.yaml"
grep -q '^  seed: 7$' "$work/resolved.yaml"
"$primsim" validate "$work/resolved.yaml" --print-resolved | diff - "$work/resolved.yaml"
# Selector groups with their channels and overrides print and read back to the same text.
"$primsim" validate "$fixtures/good/groups.yaml" --print-resolved >"$work/groups.yaml"
grep -q '^ *supporters:$' "$work/groups.yaml" && grep -q '^ *source: supporters$' "$work/groups.yaml"
"$primsim" validate "$work/groups.yaml" --print-resolved | diff - "$work/groups.yaml"
# The 2020 preset's published figures: both blocks are printed, and read back to the same text.
"$primsim" validate "$fixtures/../../scenarios/presets/nur_otan_2020.yaml" --print-resolved >"$work/2020.yaml"
grep -q '^calibration:$' "$work/2020.yaml" && grep -q '^validation:$' "$work/2020.yaml"
grep -q '    sets: "turnout.base_logit"' "$work/2020.yaml"
"$primsim" validate "$work/2020.yaml" --print-resolved | diff - "$work/2020.yaml"
# Every preset and example a user is pointed to validates.
for scenario in "$fixtures"/../../scenarios/presets/*.yaml "$fixtures"/../../scenarios/examples/*.yaml; do
  "$primsim" validate "$scenario" >/dev/null || { echo "$scenario does not validate"; exit 1; }
done
# The tutorial's one-line selectorate: members plus 30,000 registered supporters who vote online.
"$primsim" validate "$fixtures/../../scenarios/presets/nur_otan_2020.yaml" --print-resolved --set \
  'selection.stages[0].selectorate.groups={members: {source: members},
   supporters: {source: supporters, size: 30000, channels: [online], turnout: {base_share: 0.5},
                choice: {endorsement_weight: 0.1, incumbency_weight: 0.8}}}' >"$work/supporters.yaml"
grep -q '^          supporters:$' "$work/supporters.yaml"
echo "validate CLI: ok"
