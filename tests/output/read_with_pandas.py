#!/usr/bin/env python3
"""Opens a results file the way docs/output.md tells a user to, with h5py and pandas, builds a
DataFrame of every table and checks the contract: names, columns, codes, units, filters."""
import sys

import h5py
import numpy as np
import pandas as pd

CONTRACT = {
    "summary": ["replicate", "party", "eligible", "votes", "turnout", "votes_online", "votes_paper",
                "votes_in_person", "extension_hours", "applicants", "registered", "removed",
                "on_ballot", "selected", "removed_ineligible", "removed_registration_error",
                "removed_skipped_debates", "removed_complaint_upheld", "withdrawn",
                "removed_loyalty_screening", "vetoed", "complaints_filed", "complaints_upheld",
                "memberships_voided", "vote_share", "attempts", "voters_intending", "voters_gave_up",
                "voters_pending_at_close"],
    "funnel": ["replicate", "party", "region", "office", "stage", "count"],
    "turnout": ["replicate", "party", "region", "time", "eligible", "votes_cumulative"],
    "platform": ["replicate", "party", "time", "attempts", "failures", "sessions"],
    "list": ["replicate", "party", "office", "position", "candidate", "gender", "age", "route", "region"],
    "democracy": ["replicate", "party", "office", "participation", "candidates_per_place", "margin_last_selected",
                  "incumbents_running", "incumbents_defeated", "women_share_list",
                  "women_share_selectorate", "under35_share_list", "under35_share_selectorate",
                  "regional_disproportionality", "turnover", "candidates_per_place_contest", "places",
                  "places_by_vote", "places_leadership", "places_empty", "regional_disproportionality_vote",
                  "regional_disproportionality_proportional", "regional_disproportionality_random"],
    "candidates": ["replicate", "party", "candidate", "office", "region", "branch", "gender", "age", "route",
                   "incumbent", "reached", "outcome", "reason", "contest", "contest_candidates", "votes",
                   "share", "contest_rank", "scaled_share", "conferences", "list_position"],
    "warnings": ["replicate", "party", "kind", "group", "selection_stage", "office", "occurrences", "expected",
                 "found"],
    "selectors": ["replicate", "party", "group", "region", "eligible", "votes"],
}
# A run that does what its scenario says has no /warnings rows.
MAY_BE_EMPTY = {"warnings"}
META = ["regions", "parties", "stages", "routes", "genders", "channels", "reasons", "offices",
        "selection_stages", "outcomes", "warning_kinds", "quota_groups", "selector_groups"]
ROOT_ATTRIBUTES = ["schema_version", "program_version", "scenario_name", "scenario_yaml", "seed",
                   "replicates", "command_line", "start_time", "end_time"]


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main(path):
    with h5py.File(path, "r") as f:
        for name in ROOT_ATTRIBUTES:
            check(name in f.attrs, f"root attribute {name} missing")
        replicates = int(f.attrs["replicates"])
        check(replicates >= 2, "the run should be an ensemble")

        meta = {name: pd.DataFrame(f["meta"][name][:]) for name in META}
        for name, frame in meta.items():
            check(list(frame.columns) == ["code", "name"], f"/meta/{name} columns {list(frame.columns)}")
            check(len(frame) > 0, f"/meta/{name} is empty")
            check(list(frame["code"]) == list(range(len(frame))), f"/meta/{name} codes are not 0..n-1")
        names = {n: [s.decode() for s in meta[n]["name"]] for n in META}

        frames = {}
        for name, columns in CONTRACT.items():
            dataset = f[name]
            frame = pd.DataFrame(dataset[:])
            frames[name] = frame
            check(list(frame.columns) == columns, f"/{name} columns {list(frame.columns)} != {columns}")
            if name not in MAY_BE_EMPTY:
                check(len(frame) > 0, f"/{name} is empty")
                check(sorted(frame["replicate"].unique()) == list(range(replicates)),
                      f"/{name} does not hold replicates 0..{replicates - 1}")
            check(dataset.compression == "gzip" and dataset.shuffle, f"/{name} is not shuffle + deflate")
            check(dataset.chunks is not None, f"/{name} is not chunked")
            check("description" in dataset.attrs, f"/{name} has no description")
            for column in columns:
                check(f"{column}_description" in dataset.attrs, f"/{name} column {column} undocumented")
            if "time" in columns:
                check(dataset.attrs["epoch"] == f.attrs["epoch"], f"/{name} epoch attribute")
                check(dataset.attrs["time_units"] == "s", f"/{name} time units")

        # Enums carry their names (R reads factors); pandas sees the integer codes.
        stage_enum = h5py.check_enum_dtype(f["funnel"].dtype["stage"])
        check(stage_enum is not None, "/funnel stage is not an HDF5 enum")
        check(sorted(stage_enum, key=stage_enum.get) == names["stages"], "stage enum != /meta/stages")
        check(h5py.check_enum_dtype(f["list"].dtype["gender"]) is not None, "/list gender is not an enum")
        check(h5py.check_enum_dtype(f["list"].dtype["route"]) is not None, "/list route is not an enum")
        for table, column, lookup in [("candidates", "outcome", "outcomes"), ("candidates", "reason", "reasons"),
                                      ("candidates", "reached", "stages"), ("warnings", "kind", "warning_kinds"), ("warnings", "group", "quota_groups")]:
            enum = h5py.check_enum_dtype(f[table].dtype[column])
            check(enum is not None, f"/{table} {column} is not an HDF5 enum")
            check(sorted(enum, key=enum.get) == names[lookup], f"/{table} {column} enum != /meta/{lookup}")

    summary = frames["summary"]
    check(((summary["turnout"] > 0) & (summary["turnout"] <= 1)).all(), "turnout outside (0, 1]")
    check((summary["votes"] == summary["votes_online"] + summary["votes_paper"]
           + summary["votes_in_person"]).all(), "votes do not add up over channels")
    # Every registered candidate is on a ballot, removed or withdrawn; removals add up by reason.
    check((summary["registered"] == summary["on_ballot"] + summary["removed"] + summary["withdrawn"]).all(),
          "registered != on_ballot + removed + withdrawn")
    check((summary["removed"] == summary["removed_skipped_debates"] + summary["removed_complaint_upheld"]).all(),
          "removed != removed_skipped_debates + removed_complaint_upheld")
    check((summary["applicants"] == summary["registered"] + summary["removed_ineligible"]
           + summary["removed_registration_error"] + summary["removed_loyalty_screening"]).all(), "applicants do not add up to registered + screened out")
    check((summary["complaints_upheld"] <= summary["complaints_filed"]).all(), "more complaints upheld than filed")
    # Every selector who tried ends voted, given up or still trying at the close.
    check((summary["voters_intending"] == summary["votes"] + summary["voters_gave_up"]
           + summary["voters_pending_at_close"]).all(), "voters_intending != votes + gave up + pending at close")
    check((summary["attempts"] >= summary["voters_intending"]).all(), "fewer attempts than voters who tried")
    selectors = frames["selectors"].groupby(["replicate", "party"])[["eligible", "votes"]].sum()
    check((selectors["eligible"].to_numpy() == summary.set_index(["replicate", "party"])["eligible"].to_numpy()).all(),
          "/selectors does not add up to /summary eligible")
    check((selectors["votes"].to_numpy() == summary.set_index(["replicate", "party"])["votes"].to_numpy()).all(),
          "/selectors does not add up to /summary votes")
    check(summary["complaints_filed"].sum() > 0, "the demo run files no complaints")

    turnout = frames["turnout"]
    rising = turnout.groupby(["replicate", "party", "region"])["votes_cumulative"].apply(
        lambda s: bool(np.all(np.diff(s.to_numpy()) >= 0)))
    check(rising.all(), "votes_cumulative decreases")

    funnel = frames["funnel"]
    funnel["stage_name"] = pd.Categorical.from_codes(funnel["stage"], names["stages"])
    national = funnel.groupby(["replicate", "stage_name"])["count"].sum().unstack()
    check((national["nominated"] >= national["selected"]).all(), "funnel widens")

    for name, frame in frames.items():
        check(len(frame) == 0 or frame["party"].max() < len(names["parties"]), f"/{name} party code without a name")
    check((summary.groupby("replicate")["vote_share"].sum() - 1.0).abs().max() < 1e-9,
          "the parties' vote shares do not add up to 1")

    listing = frames["list"]
    check(listing["region"].max() < len(names["regions"]), "list region code without a name")
    check("turnover" in frames["democracy"].columns, "/democracy has no turnover column")
    for name in ("funnel", "list", "democracy", "candidates", "warnings"):
        check(len(frames[name]) == 0 or frames[name]["office"].max() < len(names["offices"]),
              f"/{name} office code without a name")
    democracy = frames["democracy"]
    check(not democracy.duplicated(["replicate", "party", "office"]).any(), "/democracy repeats an office")
    check((democracy["places_by_vote"] + democracy["places_leadership"] + democracy["places_empty"]
           == democracy["places"]).all(), "/democracy places do not add up")

    # /candidates and /list name the same people: every list place is a candidate of that place.
    candidates = frames["candidates"]
    candidates["outcome_name"] = pd.Categorical.from_codes(candidates["outcome"], names["outcomes"])
    joined = listing.merge(candidates, on=["replicate", "party", "candidate"], suffixes=("", "_candidate"))
    check(len(joined) == len(listing), "a /list place has no row in /candidates")
    check((joined["position"] == joined["list_position"]).all(), "/list position != /candidates list_position")
    check((joined["office"] == joined["office_candidate"]).all(), "/list office != /candidates office")
    check(joined["outcome_name"].isin(["listed", "appointed"]).all(), "a list place whose outcome is not listed")
    list_offices = listing[["party", "office"]].drop_duplicates()
    on_list = candidates[candidates["list_position"] > 0].merge(list_offices, on=["party", "office"])
    check(len(on_list) == len(listing), "/candidates lists more or fewer than /list holds")
    warnings = frames["warnings"]
    if len(warnings):
        check(warnings["selection_stage"].max() < len(names["selection_stages"]),
              "/warnings selection stage without a name")
        check((warnings["occurrences"] > 0).all(), "a /warnings row that happened nowhere")

    # The example of docs/output.md: who was selected by the vote, and why.
    f = h5py.File(path, "r")
    lookup = lambda table, key: pd.DataFrame({key: f[table]["code"], key + "_name": [n.decode() for n in f[table]["name"]]})
    c = pd.DataFrame(f["candidates"][:]).merge(lookup("meta/regions", "region")).merge(lookup("meta/outcomes", "outcome"))
    listed = c[(c.replicate == 0) & (c.party == 0) & (c.outcome_name == "listed")].sort_values("list_position")
    print(listed[["list_position", "region_name", "contest", "votes", "share", "contest_rank", "scaled_share"]])
    expected = candidates[(candidates.replicate == 0) & (candidates.party == 0)
                          & (candidates.outcome_name == "listed")]
    check(len(listed) == len(expected) > 0, "the docs example finds no one listed by the vote")
    check(list(listed["list_position"]) == sorted(expected["list_position"]), "the docs example's order")
    platform = frames["platform"]
    check((platform["failures"] <= platform["attempts"]).all(), "more failures than attempts")

    print(f"{path}: " + ", ".join(f"/{n} {len(df)} rows" for n, df in frames.items()))


if __name__ == "__main__":
    main(sys.argv[1])
