"""A sweep writes one file: every table has the point column, /meta/sweep holds each point's
values, and the rows of a point are exactly those of a plain run of that point with --set."""
import pathlib
import sys

import json

import h5py
import numpy as np

from h5_datasets import fail, run

primsim, scenario, demo, workdir = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
workdir.mkdir(parents=True, exist_ok=True)
replicates = 2
swept = workdir / "sweep.h5"
line = json.loads(run([primsim, "run", scenario, "-o", swept, "--replicates", str(replicates), "--seed", "11",
                       "--threads", "2", "--json"]).stdout)

with h5py.File(swept, "r") as f:
    grid = f["meta/sweep"][:]
    names = list(grid.dtype.names)
    if names != ["point", "voting.channels.online.capacity", "turnout.mobilisation"]:
        fail(f"/meta/sweep columns {names}")
    if list(grid["point"]) != [0, 1, 2, 3]:
        fail(f"/meta/sweep points {list(grid['point'])}")
    expected = [(5.0, 0.0), (5.0, 0.8), (4000.0, 0.0), (4000.0, 0.8)]
    found = [(float(row[1]), float(row[2])) for row in grid]
    if found != expected:
        fail(f"/meta/sweep values {found}, expected {expected} (first key slowest)")
    if f.attrs["points"] != 4 or f.attrs["replicates"] != replicates:
        fail(f"root attributes points={f.attrs['points']} replicates={f.attrs['replicates']}")
    tables = {name: f[name][:] for name in ("summary", "funnel", "turnout", "platform", "list", "democracy",
                                            "candidates", "warnings")}

for name, rows in tables.items():
    if rows.dtype.names[:2] != ("point", "replicate"):
        fail(f"/{name} starts with columns {rows.dtype.names[:2]}, expected point, replicate")
summary = tables["summary"]
if [(int(p), int(r)) for p, r in zip(summary["point"], summary["replicate"])] != [
        (p, r) for p in range(4) for r in range(replicates)]:
    fail(f"/summary keys {list(zip(summary['point'], summary['replicate']))}")

# The headline pools the points without mixing them: mean failed logins per replicate.
pooled = tables["platform"]["failures"].sum() / (4 * replicates)
if tables["platform"]["failures"].sum() == 0 or abs(line["headline"]["platform_failures"] - pooled) > 1e-9 * pooled:
    fail(f"--json platform_failures {line['headline']['platform_failures']}, the file says {pooled}")

# Point 2 (capacity 4000, mobilisation 0.0) against a plain run of the same values.
single = workdir / "point2.h5"
run([primsim, "run", demo, "-o", single, "--replicates", str(replicates), "--seed", "11", "--quiet",
     "--set", "voting.channels.online.capacity=4000", "--set", "turnout.mobilisation=0.0"])
with h5py.File(single, "r") as f:
    for name, rows in tables.items():
        mine = rows[rows["point"] == 2]
        plain = f[name][:]
        columns = list(plain.dtype.names)
        if mine.shape != plain.shape:
            fail(f"/{name}: point 2 has {mine.shape[0]} rows, the plain run {plain.shape[0]}")
        for column in columns:
            if mine[column].tobytes() != plain[column].tobytes():
                fail(f"/{name} column {column} of point 2 differs from the plain run")
# The points are really different runs: workplace mobilisation (points 1 and 3) raises turnout.
turnout = [summary[summary["point"] == p]["turnout"].mean() for p in range(4)]
if not (turnout[1] > turnout[0] and turnout[3] > turnout[2]):
    fail(f"mean turnout by point {turnout}: mobilisation 0.8 did not raise it over 0.0")
print(f"sweep of 4 points x {replicates} replicates in one file; point 2 equals its plain run; turnout {turnout}")
