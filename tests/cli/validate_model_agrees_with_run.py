#!/usr/bin/env python3
"""`primsim validate --model --json` against `primsim run` of the same scenario, replicates and seed:
every target's per-replicate value must equal the same figure computed from the results file (read
with h5py + pandas as docs/output.md shows), and the last voting day's turnout the run's turnout.

usage: validate_model_agrees_with_run.py PRIMSIM SCENARIO WORK_DIR"""
import json
import math
import os
import subprocess
import sys

import h5py
import pandas as pd

primsim, scenario, work = sys.argv[1:4]
os.makedirs(work, exist_ok=True)
args = ["--replicates", "3", "--seed", "11", "--threads", "2"]
doc = json.loads(subprocess.run([primsim, "validate", "--model", scenario, "--json", *args], check=True,
                                capture_output=True, text=True).stdout)
out = os.path.join(work, "run.h5")
subprocess.run([primsim, "run", scenario, "-o", out, "--quiet", *args], check=True)
with h5py.File(out, "r") as f:
    t = {name: pd.DataFrame(f[name][:]) for name in ("summary", "funnel", "turnout", "list", "democracy")}
    regions = [s.decode() for s in f["meta"]["regions"]["name"][:]]
    offices = [s.decode() for s in f["meta"]["offices"]["name"][:]]
    stages = [s.decode() for s in f["meta"]["stages"]["name"][:]]
    routes = [s.decode() for s in f["meta"]["routes"]["name"][:]]

s = t["summary"].set_index("replicate")


def reached(region, stage):
    funnel = t["funnel"]
    rows = funnel[(funnel["region"] == regions.index(region)) & (funnel["stage"] == stages.index(stage))]
    return rows.groupby("replicate")["count"].sum()


def from_file(target):
    name = target["statistic"]
    if name == "turnout":
        return s["votes"] / s["eligible"]
    if name == "applicants":
        return s["applicants"]
    if name == "extended":
        return (s["extension_hours"] > 0).astype(float)
    if name == "registered_in_region":
        return reached(target["region"], "registered")
    if name == "attrition_in_region":
        return 1 - reached(target["region"], "on_ballot") / reached(target["region"], "registered")
    if name == "votes_in_region":
        turnout = t["turnout"]
        return turnout[turnout["region"] == regions.index(target["region"])].groupby("replicate")[
            "votes_cumulative"].max()
    if name == "selected_women_share":
        d = t["democracy"]
        return d[d["office"] == offices.index(target["office"])].set_index("replicate")["women_share_list"]
    if name == "list_leadership_in_top":
        lst = t["list"]
        top = lst[(lst["position"] <= target["top"]) & (lst["route"] == routes.index("leadership_quota"))]
        return top.groupby("replicate").size().reindex(s.index, fill_value=0)
    raise SystemExit(f"no file computation for {name}: add one")


failures = 0
for target in doc["calibration"] + doc["validation"]:
    expected = list(from_file(target).sort_index())
    got = target["replicates"]
    same = len(got) == len(expected) and all(math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
                                             for a, b in zip(got, expected))
    print(("ok    " if same else "FAIL  ") + f"{target['label']}: validate {got}, file {expected}")
    failures += not same
final = doc["voting_days"][-1]["turnout"]
mean_turnout = (s["votes"] / s["eligible"]).mean()
same = math.isclose(final, mean_turnout, rel_tol=1e-12)
print(("ok    " if same else "FAIL  ") + f"last voting day's turnout {final} = the run's {mean_turnout}")
failures += not same
sys.exit(1 if failures else 0)
