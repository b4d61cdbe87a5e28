#!/usr/bin/env python3
"""`primsim compare` pairs runs with the same seed and `report`/`compare` treat sweep points apart,
on small runs of the demo scenario: what a user would see if either broke.

- the demo against itself (same seed): every paired interval has zero width, and the text says so;
- the demo against a smaller platform (same seed): the paired interval of the votes cast is
  narrower than the --unpaired (Welch) one, read from --json;
- a two-point sweep: `report` prints one row per point for each statistic and no pooled figure,
  `compare` a "points" list; --point out of range exits 2 naming the file and its points.

usage: compare_and_report_points_test.py PRIMSIM DEMO_YAML SWEEP_YAML WORK_DIR"""
import json
import os
import re
import subprocess
import sys

primsim, demo, sweep, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)
common = ["--replicates", "4", "--seed", "3", "--threads", "2", "--quiet"]


def run(*args):
    return subprocess.run([primsim, *args], capture_output=True, text=True)


def ok(*args):
    done = run(*args)
    if done.returncode != 0:
        sys.exit(f"primsim {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
    return done.stdout


def refused(needle, *args):
    done = run(*args)
    if done.returncode != 2 or needle not in done.stderr or done.stdout:
        sys.exit(f"primsim {' '.join(args)}: expected exit 2 with '{needle}', got {done.returncode}\n"
                 f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}")


def width(stat):
    return stat["high"] - stat["low"]


failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


a = os.path.join(work, "demo.h5")
b = os.path.join(work, "demo_small_platform.h5")
points = os.path.join(work, "demo_sweep.h5")
ok("run", demo, "-o", a, *common)
ok("run", demo, "-o", b, "--set", "voting.channels.online.capacity=300", *common)
ok("run", sweep, "-o", points, "--replicates", "3", "--seed", "3", "--threads", "2", "--quiet")

# The same run twice: nothing differs, and the paired interval says exactly that.
same = json.loads(ok("compare", a, a, "--json"))
check(same["method"] == "paired" and same["pairs"] == 4, f"self-compare not paired: {same['method']}")
for stat in same["statistics"]:
    if stat["low"] is None:
        continue
    check(stat["method"] == "paired", f"{stat['key']}: method {stat['method']}")
    check(stat["low"] == 0 and stat["high"] == 0, f"{stat['key']}: [{stat['low']}, {stat['high']}], not [0, 0]")
text = ok("compare", a, a)
check("paired: 4 pairs sharing seed 3 (common random numbers)" in text, "text lacks the paired line")
check("intervals: Monte Carlo noise of a fixed parameter set" in text, "text lacks the intervals line")
votes_line = next(line for line in text.splitlines() if line.startswith("votes cast"))
check(votes_line.rstrip().endswith("[0, 0]"), f"votes cast against itself: {votes_line}")
welch_same = json.loads(ok("compare", a, a, "--json", "--unpaired"))
check(welch_same["method"] == "welch", "--unpaired is not Welch")

# A real what-if: the paired interval is the narrower one.
paired = {s["key"]: s for s in json.loads(ok("compare", a, b, "--json"))["statistics"]}
welch = {s["key"]: s for s in json.loads(ok("compare", a, b, "--json", "--unpaired"))["statistics"]}
for key in ("votes", "votes_online"):
    check(paired[key]["method"] == "paired", f"{key}: not paired")
    check(paired[key]["difference"] == welch[key]["difference"], f"{key}: the two methods move the mean")
    check(width(paired[key]) < width(welch[key]),
          f"{key}: paired width {width(paired[key])} not below Welch {width(welch[key])}")
print(f"votes cast: paired {paired['votes']['difference']:+.1f} [{paired['votes']['low']:+.1f}, "
      f"{paired['votes']['high']:+.1f}], Welch [{welch['votes']['low']:+.1f}, {welch['votes']['high']:+.1f}]")

# A sweep: one row per point under every statistic, and no pooled figure beside the label.
report = ok("report", points).splitlines()
check(any("point 0: voting.channels.online.capacity=300" in line for line in report), "report lacks point 0")
check(any("point 1: voting.channels.online.capacity=2000" in line for line in report), "report lacks point 1")
label = next(i for i, line in enumerate(report) if line.strip() == "voting extended by")
rows = report[label + 1:label + 3]
check([re.search(r"point (\d)", row).group(1) for row in rows] == ["0", "1"], f"rows: {rows}")
check(not re.search(r"\d", report[label]), f"a pooled figure: {report[label]}")
one = ok("report", points, "--point", "1")
check("sweep point 1 of 2: voting.channels.online.capacity=2000" in one, "report --point 1 lacks its point")
check("(3 replicates)" in one, "report --point 1 does not count one point's replicates")
by_point = json.loads(ok("compare", points, points, "--json"))
check([p["point"] for p in by_point["points"]] == [0, 1], "compare of the sweep lacks its points")
check(by_point["points"][0]["sweep"] == {"voting.channels.online.capacity": "300"}, "point 0's assignments")
check("statistics" not in by_point, "compare of a sweep pooled the points")
# Point 1 is the demo itself (capacity 2000): against the plain run, replicate by replicate.
against = json.loads(ok("compare", points, a, "--point", "1", "--json"))
check(against["method"] == "paired" and against["pairs"] == 3, "point 1 against the demo is not paired")
check(all(s["low"] in (0, None) and s["high"] in (0, None) for s in against["statistics"]),
      "point 1 of the sweep differs from the demo it repeats")

refused("has 2 sweep points, 0 to 1", "report", points, "--point", "2")
refused("has 2 sweep points, 0 to 1", "compare", points, a, "--point", "7")
refused("is not a sweep", "report", a, "--point", "1")
refused("is a sweep of 2 points", "report", points, "--html", os.path.join(work, "pooled.html"))

if failures:
    sys.exit("\n".join(failures))
print("ok")
