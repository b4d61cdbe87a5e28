#!/usr/bin/env python3
"""What `primsim report` and `primsim compare` do with files that are not usable results: a
clear message naming the file, exit status 2, and never an HDF5 error stack."""
import json
import os
import shutil
import subprocess
import sys

import h5py
import numpy as np


def run(primsim, *args):
    return subprocess.run([primsim, *args], capture_output=True, text=True, timeout=60)


def expect_refusal(primsim, args, message):
    result = run(primsim, *args)
    if result.returncode != 2:
        raise AssertionError(f"{args}: exit {result.returncode}, expected 2\n{result.stderr}")
    if message not in result.stderr:
        raise AssertionError(f"{args}: stderr lacks {message!r}:\n{result.stderr}")
    if "HDF5-DIAG" in result.stderr or "#000" in result.stderr:
        raise AssertionError(f"{args}: HDF5 error stack printed:\n{result.stderr}")
    print(f"ok: {' '.join(args)} -> {result.stderr.strip()}")


def main(primsim, sample, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    missing = os.path.join(work, "missing.h5")
    text = os.path.join(work, "notes.h5")
    with open(text, "w") as f:
        f.write("replicate,turnout\n0,0.84\n")
    truncated = os.path.join(work, "truncated.h5")
    with open(sample, "rb") as f:
        data = f.read()
    with open(truncated, "wb") as f:
        f.write(data[: len(data) // 3])
    foreign = os.path.join(work, "foreign.h5")
    with h5py.File(foreign, "w") as f:
        f["x"] = np.arange(10)
    newer = os.path.join(work, "newer.h5")
    shutil.copyfile(sample, newer)
    with h5py.File(newer, "r+") as f:
        f.attrs["schema_version"] = np.int64(6)
    # Schema 2 (an older layout): one /democracy row per replicate and party, no office column, no /candidates.
    older = os.path.join(work, "older.h5")
    shutil.copyfile(sample, older)
    with h5py.File(older, "r+") as f:
        f.attrs["schema_version"] = np.int64(2)

    incomplete = os.path.join(work, "incomplete.h5")
    shutil.copyfile(sample, incomplete)
    with h5py.File(incomplete, "r+") as f:
        del f["democracy"]
    no_candidates = os.path.join(work, "no_candidates.h5")
    shutil.copyfile(sample, no_candidates)
    with h5py.File(no_candidates, "r+") as f:
        del f["candidates"]
    no_offices = os.path.join(work, "no_offices.h5")
    shutil.copyfile(sample, no_offices)
    with h5py.File(no_offices, "r+") as f:
        del f["meta/offices"]

    # Forged dimensions: read as they claim, 100,000 parties kept report busy for minutes (it reads
    # the tables once per party). Refused from the claim, within run()'s timeout.
    def forge_meta(table, count, label):
        forged = os.path.join(work, f"forged_{table}.h5")
        shutil.copyfile(sample, forged)
        with h5py.File(forged, "r+") as f:
            dtype = f[f"meta/{table}"].dtype
            del f[f"meta/{table}"]
            rows = np.zeros(count, dtype=dtype)
            rows["code"] = np.arange(count)
            rows["name"] = [f"{label} {i}".encode() for i in range(count)]
            f.create_dataset(f"meta/{table}", data=rows)
        return forged

    forged_parties = forge_meta("parties", 100_000, "party")
    forged_regions = forge_meta("regions", 70_000, "region")
    forged_points = os.path.join(work, "forged_points.h5")
    shutil.copyfile(sample, forged_points)
    with h5py.File(forged_points, "r+") as f:
        f.attrs["points"] = np.uint64(4_000_000_000)
    forged_replicates = os.path.join(work, "forged_replicates.h5")
    shutil.copyfile(sample, forged_replicates)
    with h5py.File(forged_replicates, "r+") as f:
        f.attrs["replicates"] = np.uint64(1 << 40)
    expect_refusal(primsim, ["report", forged_parties],
                   f"'{forged_parties}' claims 100000 parties (/meta/parties); a primsim results file has at "
                   "most 100")
    expect_refusal(primsim, ["compare", sample, forged_parties], "claims 100000 parties")
    expect_refusal(primsim, ["report", forged_regions], "claims 70000 regions (/meta/regions)")
    expect_refusal(primsim, ["report", forged_points],
                   f"'{forged_points}' claims 4000000000 points but holds 4 replicates")
    expect_refusal(primsim, ["report", forged_replicates],
                   "claims 1099511627776 replicates (root attribute 'replicates'); a primsim results file has "
                   "at most 1000000")

    expect_refusal(primsim, ["report", incomplete],
                   f"'{incomplete}' has no dataset '/democracy': not a complete primsim results file")
    expect_refusal(primsim, ["report", no_candidates],
                   f"'{no_candidates}' has no dataset '/candidates': not a complete primsim results file")
    expect_refusal(primsim, ["report", no_offices],
                   f"'{no_offices}' has no dataset '/meta/offices': not a complete primsim results file")
    expect_refusal(primsim, ["report", missing], f"cannot open results file '{missing}': no such file")
    expect_refusal(primsim, ["report", text], f"cannot open results file '{text}': not an HDF5 file")
    expect_refusal(primsim, ["report", truncated], "the HDF5 file is truncated or damaged")
    expect_refusal(primsim, ["report", foreign],
                   f"'{foreign}' is an HDF5 file but not a primsim results file")
    expect_refusal(primsim, ["report", newer],
                   f"'{newer}' has schema version 6; this primsim reads schema version 5")
    expect_refusal(primsim, ["report", older],
                   f"'{older}' has schema version 2; this primsim reads schema version 5")
    expect_refusal(primsim, ["compare", sample, newer],
                   f"cannot compare '{sample}' (schema version 5) with '{newer}' (schema version 6)")
    expect_refusal(primsim, ["compare", older, sample],
                   f"cannot compare '{older}' (schema version 2) with '{sample}' (schema version 5)")
    expect_refusal(primsim, ["compare", sample, foreign], "not a primsim results file")
    expect_refusal(primsim, ["compare", missing, sample], "no such file")

    # The same file against itself: zero difference; paired (the same seed), an interval of zero
    # width; --unpaired, Welch's interval centred on zero; --json parses.
    def turnout_against_itself(*options):
        result = run(primsim, "compare", sample, sample, "--json", *options)
        if result.returncode != 0:
            raise AssertionError(f"compare --json: exit {result.returncode}\n{result.stderr}")
        return {s["key"]: s for s in json.loads(result.stdout)["statistics"]}["turnout"]

    turnout = turnout_against_itself()
    if turnout["method"] != "paired" or turnout["difference"] != 0 or turnout["low"] != 0 \
            or turnout["high"] != 0:
        raise AssertionError(f"a file against itself, paired: {turnout}")
    turnout = turnout_against_itself("--unpaired")
    if turnout["method"] != "welch" or turnout["difference"] != 0 or not turnout["low"] < 0 < turnout["high"] \
            or abs(turnout["low"] + turnout["high"]) > 1e-12:
        raise AssertionError(f"a file against itself, unpaired: {turnout}")
    print("ok: compare --json of a file with itself: zero difference, paired [0, 0], Welch centred on zero")


if __name__ == "__main__":
    main(*sys.argv[1:4])
