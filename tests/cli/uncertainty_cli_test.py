#!/usr/bin/env python3
"""The uncertainty chain as a user runs it, from priors to posterior, on a small demo:

- `run --draw-priors` writes /parameters, inside the priors' supports, identical for 1 and 2
  threads, and the same draws for a what-if on the same seed (common random numbers);
- `explore` designs are identical for 1 and 2 threads and for two shards merged, with /points;
- `sensitivity --json` keeps its contract and ranks the base logit first for turnout;
- `calibrate` writes a posterior that is identical for 1 and 2 threads, whose weights sum to 1,
  with predictive checks of the validation target it never fitted; `run --posterior` draws from
  it and `report` prints it.

With `quick` (the sanitizer build, where a replicate costs ten times more) each command runs once
on the smallest sizes: the invariance checks across threads and shards are left to the ci build.

usage: uncertainty_cli_test.py PRIMSIM SCENARIO WHATIF WORK_DIR [quick]"""
import json
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np
import pandas as pd

primsim, scenario, whatif, work = sys.argv[1:5]
quick = sys.argv[5:6] == ["quick"]
shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def run(*args, expect=0):
    result = subprocess.run([primsim, *args], capture_output=True, text=True)
    if result.returncode != expect:
        fail(f"{' '.join(args)}: exit {result.returncode}, expected {expect}\n{result.stdout}\n{result.stderr}")
    return result


def path(name):
    return os.path.join(work, name)


def tables(file):
    """Every dataset of a results file: the bytes of numeric tables, the values of string tables."""
    found = {}

    def keep(name, obj):
        if isinstance(obj, h5py.Dataset):
            data = obj[()]
            found[name] = data.tolist() if data.dtype.hasobject else data.tobytes()

    with h5py.File(file, "r") as f:
        f.visititems(keep)
    return found


# --print-resolved shows the block; the printed scenario validates again.
printed = run("validate", scenario, "--print-resolved").stdout
if "priors:\n  voting.channels.online.capacity: {distribution: uniform, low: 5, high: 150}" not in printed:
    fail("--print-resolved does not show the priors block")
with open(path("resolved.yaml"), "w") as out:
    out.write(printed)
run("validate", path("resolved.yaml"))

# --draw-priors: one set per replicate, in the supports, the same for any thread count.
common = ["--replicates", "6", "--seed", "5", "--quiet"]
run("run", scenario, "-o", path("prior1.h5"), "--draw-priors", "--threads", "1", *common)
if not quick:
    run("run", scenario, "-o", path("prior2.h5"), "--draw-priors", "--threads", "2", *common)
    if tables(path("prior1.h5")) != tables(path("prior2.h5")):
        fail("--draw-priors: 1 and 2 threads give different datasets")
with h5py.File(path("prior1.h5"), "r") as f:
    if f.attrs["parameter_draws"] != "prior":
        fail(f"parameter_draws is {f.attrs['parameter_draws']!r}, expected 'prior'")
    names = [n.decode() for n in f["meta/parameters"]["name"]]
    par = pd.DataFrame(f["parameters"][:]).pivot(index="replicate", columns="parameter", values="value")
    turnout = pd.DataFrame(f["summary"][:]).set_index("replicate")["turnout"]
if names != ["voting.channels.online.capacity", "turnout.base_logit"] or par.shape != (6, 2):
    fail(f"/parameters: {names}, {par.shape}")
capacity, base_logit = par[0], par[1]
if not ((capacity >= 5) & (capacity <= 150) & (capacity == capacity.round())).all():
    fail(f"capacities outside the uniform prior or not whole: {list(capacity)}")
if base_logit.nunique() != 6 or capacity.nunique() < 5:
    fail("the replicates did not draw their own parameters")
# Parameter uncertainty reaches the outputs: turnout follows the drawn base logit.
if np.corrcoef(base_logit, turnout)[0, 1] <= 0.3 and np.corrcoef(capacity, turnout)[0, 1] <= 0.3:
    fail("turnout does not respond to the drawn parameters")
# A what-if on the same seed draws the same parameters replicate by replicate.
run("run", whatif, "-o", path("prior_whatif.h5"), "--draw-priors", *common)
with h5py.File(path("prior_whatif.h5"), "r") as f:
    if not np.array_equal(f["parameters"][:], h5py.File(path("prior1.h5"), "r")["parameters"][:]):
        fail("a what-if on the same seed drew other parameters")
# Compared paired, the what-if's effect is shown as a distribution over the drawn parameters.
compared = json.loads(run("compare", path("prior1.h5"), path("prior_whatif.h5"), "--json").stdout)
votes = next(stat for stat in compared["statistics"] if stat["key"] == "votes")
if compared["method"] != "paired" or votes["effect_low"] is None or not votes["effect_low"] <= votes["effect_high"]:
    fail(f"compare of two --draw-priors runs: {compared['method']}, {votes}")
if "effect over the draws" not in run("compare", path("prior1.h5"), path("prior_whatif.h5")).stdout:
    fail("compare of two --draw-priors runs does not show the effect's distribution")
# Another seed draws others.
run("run", scenario, "-o", path("prior_seed6.h5"), "--draw-priors", "--replicates", "6", "--seed", "6", "--quiet")
with h5py.File(path("prior_seed6.h5"), "r") as f:
    if np.array_equal(f["parameters"][:]["value"], h5py.File(path("prior1.h5"), "r")["parameters"][:]["value"]):
        fail("another seed drew the same parameters")

# explore: the same file for 1 and 2 threads and for two shards merged.
base_rows = 2 if quick else 8
design = ["--design", "saltelli", "--samples", str(base_rows), "--seed", "3", "--quiet"]
run("explore", scenario, "-o", path("sobol1.h5"), "--threads", "1", *design)
if not quick:
    run("explore", scenario, "-o", path("sobol2.h5"), "--threads", "2", *design)
    if tables(path("sobol1.h5")) != tables(path("sobol2.h5")):
        fail("explore: 1 and 2 threads give different datasets")
    run("explore", scenario, "-o", path("shard0.h5"), "--shard", "0/2", *design)
    run("explore", scenario, "-o", path("shard1.h5"), "--shard", "1/2", *design)
    run("merge", path("merged.h5"), path("shard0.h5"), path("shard1.h5"))
    whole, merged = tables(path("sobol1.h5")), tables(path("merged.h5"))
    for name in ("summary", "points", "parameters", "meta/sweep", "list"):
        if whole[name] != merged[name]:
            fail(f"explore: /{name} of two merged shards differs from one run")
with h5py.File(path("sobol1.h5"), "r") as f:
    points = pd.DataFrame(f["points"][:])
    summary = pd.DataFrame(f["summary"][:])
    if f.attrs["design"] != "saltelli" or f.attrs["parameter_draws"] != "design":
        fail("explore: the design's attributes are missing")
if len(points) != base_rows * 4 * 2 or summary["point"].nunique() != base_rows * 4:
    fail(f"explore: {len(points)} /points rows and {summary['point'].nunique()} points for {base_rows} base rows")

# sensitivity: the --json contract, and the base logit drives turnout here.
indices = json.loads(run("sensitivity", path("sobol1.h5"), "--statistic", "turnout", "--json").stdout)["indices"]
if not indices or any(set(row) != {"statistic", "parameter", "method", "index", "estimate", "low", "high"}
                      for row in indices):
    fail(f"sensitivity --json rows: {indices[:2]}")
if {(row["method"], row["index"]) for row in indices} != {("sobol", "first"), ("sobol", "total")}:
    fail("sensitivity: a Saltelli design gives first and total Sobol indices")
total = {row["parameter"]: row["estimate"] for row in indices if row["index"] == "total"}
if not quick and not total["turnout.base_logit"] > 0.2:
    fail(f"sensitivity: base logit's total index for turnout is {total['turnout.base_logit']}")
run("explore", scenario, "-o", path("morris.h5"), "--design", "morris", "--samples", "1" if quick else "4", "--quiet")
morris = json.loads(run("sensitivity", path("morris.h5"), "--statistic", "turnout", "--json").stdout)["indices"]
if {row["index"] for row in morris} != {"mu_star", "mu", "sigma"}:
    fail("sensitivity: a Morris design gives mu_star, mu and sigma")
run("sensitivity", path("prior1.h5"), expect=2)

# calibrate: deterministic for any thread count; a posterior, its checks, and runs over it.
budget = 30 if quick else 100
fit = ["--budget", str(budget), "--particles", "10" if quick else "20", "--predictive", "2" if quick else "6",
       "--seed", "9", "--json", "--quiet"]
one = json.loads(run("calibrate", scenario, "-o", path("post1.h5"), "--threads", "1", *fit).stdout)
if not quick:
    two = json.loads(run("calibrate", scenario, "-o", path("post2.h5"), "--threads", "2", *fit).stdout)
    for doc in (one, two):
        doc.pop("wall_seconds")
    if one != two:
        fail("calibrate: 1 and 2 threads give different posteriors")
if one["fitted"] != ["turnout", "extended"] or one["simulations"] > budget:
    fail(f"calibrate: fitted {one['fitted']}, {one['simulations']} simulations")
complete = [g for g in one["generations"] if g["complete"]]
if not quick and (len(complete) < 2 or not complete[-1]["epsilon"] < complete[0]["epsilon"]):
    fail(f"calibrate: the posterior is not past the prior: {one['generations']}")
checks = {check["target"]: check for check in one["checks"]}
if checks["paper_share"]["role"] != "validation" or checks["paper_share"]["fitted"]:
    fail("calibrate: the validation target must be checked and never fitted")
with h5py.File(path("post1.h5"), "r") as f:
    weights = f["samples"][:]["weight"]
    if f.attrs["file_kind"] != "posterior" or abs(weights.sum() - 1) > 1e-9 or len(f["generations"]) < 2:
        fail("calibrate: the posterior file lacks its samples, weights or generations")
    samples = pd.DataFrame(f["posterior"][:]).pivot(index="sample", columns="parameter", values="value")
run("run", scenario, "-o", path("over_posterior.h5"), "--posterior", path("post1.h5"), *common)
with h5py.File(path("over_posterior.h5"), "r") as f:
    if f.attrs["parameter_draws"] != "posterior":
        fail("run --posterior: parameter_draws is not 'posterior'")
    drawn = pd.DataFrame(f["parameters"][:]).pivot(index="replicate", columns="parameter", values="value")
known = {tuple(row) for row in samples.itertuples(index=False)}
if not all(tuple(row) in known for row in drawn.itertuples(index=False)):
    fail("run --posterior drew parameter sets that are not posterior samples")
text = run("report", path("post1.h5")).stdout
if "predictive checks" not in text or "validation" not in text:
    fail("report of a posterior file lacks its predictive checks")
run("run", scenario, "-o", path("bad.h5"), "--posterior", path("prior1.h5"), *common, expect=2)
if os.path.exists(path("bad.h5")):
    fail("a refused --posterior left an output file")
print("uncertainty chain: OK")
