#!/usr/bin/env python3
"""Who the members' vote selected in two results files of primsim run, and how many of them the
two runs share: `who_changed.py A.h5 B.h5`. For each office, the ensemble mean per replicate of
the candidates the vote selected (won their contest), how many of them the party branches had
nominated (the leadership's endorsement), were sitting deputies, women or under 35, and, when
both runs drew the same candidates (the same seed and the same candidacy rules), how many were
selected in both. Reads the /candidates table of the first party (docs/output.md); needs h5py."""
import sys

import h5py
import numpy as np

# Outcomes of a candidate the vote did not select (docs/output.md, /meta/outcomes).
NOT_SELECTED = ("removed", "withdrew", "lost", "vetoed")
IDENTITY = ("replicate", "candidate", "gender", "age", "region")


def load(path):
    with h5py.File(path, "r") as f:
        rows = f["candidates"][:]
        rows = rows[rows["party"] == 0]
        codes = {table: {name.decode(): code for code, name in f["meta/" + table][:]}
                 for table in ("outcomes", "offices", "routes", "genders")}
    return rows, codes


def selected_by_vote(rows, codes, office):
    """The rows of the office's candidates the members' vote selected (the centre's appointees
    are not candidates of the vote)."""
    lost = np.isin(rows["outcome"], [codes["outcomes"][name] for name in NOT_SELECTED])
    return rows[(rows["office"] == codes["offices"][office]) & ~lost &
                (rows["route"] != codes["routes"]["leadership_quota"])]


def share(mask):
    return f"{mask.mean():.1%}" if mask.size else "-"


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: who_changed.py A.h5 B.h5")
    (a, codes), (b, codes_b) = load(sys.argv[1]), load(sys.argv[2])
    if codes != codes_b:
        sys.exit("who_changed.py: the two files name their categories differently (/meta)")
    same_candidates = len(a) == len(b) and all((a[column] == b[column]).all() for column in IDENTITY)
    replicates = len(np.unique(a["replicate"]))
    print(f"candidates the members' vote selected, mean per replicate ({replicates} replicates)")
    print(f"{'office':10} {'file':2} {'selected':>9} {'endorsed':>9} {'deputies':>9} {'women':>7} {'under 35':>9}")
    for office in sorted(codes["offices"]):
        won = {}
        for label, rows in (("A", a), ("B", b)):
            w = selected_by_vote(rows, codes, office)
            won[label] = w
            print(f"{office:10} {label:2} {len(w) / replicates:9.1f} "
                  f"{share(w['route'] == codes['routes']['party_branch']):>9} {share(w['incumbent'] != 0):>9} "
                  f"{share(w['gender'] == codes['genders']['female']):>7} {share(w['age'] < 35):>9}")
        if same_candidates:
            key = {label: w["replicate"].astype(np.uint64) << np.uint64(32) | w["candidate"].astype(np.uint64)
                   for label, w in won.items()}
            both = len(np.intersect1d(key["A"], key["B"]))
            print(f"{office:10} selected in both runs: {both / replicates:.1f}, "
                  f"in one only: {(len(won['A']) - both) / replicates:.1f} of A's")
    if not same_candidates:
        print("the two runs drew different candidates: no one can be followed from A to B")


main()
