# primsim.tally and primsim.allocate print what `primsim tally` and `primsim allocate` print, for
# the same files and for the same ballots and votes given as Python lists, dicts and DataFrames,
# tie notices included.
import re

import pandas as pd
import pytest

import primsim

SOURCE_RULES_DATA = "tests/models/rules/data"


def read_preflib(path):
    """Names, ballots (tiers of names) and counts of a PrefLib file, to hand over as lists."""
    names, ballots, counts = {}, [], []
    for line in path.read_text().splitlines():
        named = re.match(r"# ALTERNATIVE NAME (\d+): (.*)", line)
        if named:
            names[int(named[1])] = named[2]
        elif line and not line.startswith("#"):
            count, order = line.split(":", 1)
            tiers = re.findall(r"\{[^}]*\}|\d+", order)
            ballots.append([[names[int(c)] for c in re.findall(r"\d+", tier)] if tier.startswith("{")
                            else names[int(tier)] for tier in tiers])
            counts.append(int(count))
    return [names[i] for i in sorted(names)], ballots, counts


def printed_tally(frame):
    lines = [",".join(frame.columns)]
    for row in frame.itertuples(index=False):
        fields = [row.candidate, f"{row.score:.10g}", str(row.rank)]
        if "elected" in frame.columns:
            fields.append("1" if row.elected else "0")
        lines.append(",".join(fields))
    return lines


def printed_allocation(frame):
    return ["party,votes,share,seats"] + [f"{r.party},{r.votes},{r.share:.6f},{r.seats}"
                                          for r in frame.itertuples(index=False)]


TALLIES = [
    ("tests/cli/data/tennessee.soc", "irv", []),
    ("tests/cli/data/tennessee.soc", "two-round", []),
    ("tests/cli/data/tennessee.soc", "borda", ["--winners", "2"]),
    ("tests/cli/data/tennessee.soc", "plackett-luce", []),
    ("tests/cli/data/three_way.soc", "irv", []),
    ("tests/cli/data/three_way.soc", "plurality", []),
    ("tests/cli/data/three_way.soc", "irv", ["--tie-break", "lot", "--seed", "1"]),
    ("tests/cli/data/food_election.soi", "stv", ["--winners", "3"]),
    ("tests/cli/data/food_election.soi", "approval", []),
    (SOURCE_RULES_DATA + "/debian_2010_leader.soi", "copeland", []),
    (SOURCE_RULES_DATA + "/debian_2010_leader.toc", "borda", []),
]


def options_of(arguments):
    options = {}
    for flag, value in zip(arguments[::2], arguments[1::2]):
        name = flag[2:].replace("-", "_")
        options[name] = value if name == "tie_break" else int(value)
    return options


@pytest.mark.parametrize("file,rule,arguments", TALLIES)
def test_tally_agrees_with_the_cli(cli, source, file, rule, arguments, recwarn):
    path = source / file
    done = cli("tally", "--rule", rule, *arguments, path)
    expected, notices = done.stdout.splitlines(), done.stderr.splitlines()
    options = options_of(arguments)

    from_file = primsim.tally(path, rule, **options)
    assert printed_tally(from_file) == expected
    assert from_file.attrs["ties"] == notices
    assert [str(w.message) for w in recwarn if w.category is primsim.TieNotice] == notices

    names, ballots, counts = read_preflib(path)
    from_lists = primsim.tally(ballots, rule, candidates=names, counts=counts, **options)
    assert printed_tally(from_lists) == expected
    assert from_lists.attrs["ties"] == notices


def test_tally_takes_a_dataframe_of_rankings(cli, source):
    path = source / "tests/cli/data/tennessee.soc"
    names, ballots, counts = read_preflib(path)
    frame = pd.DataFrame(ballots, columns=["first", "second", "third", "fourth"])
    frame["count"] = counts
    expected = cli("tally", "--rule", "irv", path).stdout.splitlines()
    assert printed_tally(primsim.tally(frame, "irv", candidates=names)) == expected


ALLOCATIONS = [
    ("standard_example.csv", ["--method", "dhondt", "--seats", "8"]),
    ("standard_example.csv", ["--method", "sainte-lague", "--seats", "8", "--first-divisor", "1.4"]),
    ("standard_example.csv", ["--method", "droop", "--seats", "8"]),
    ("majilis_2021.csv", ["--method", "hare", "--seats", "98", "--threshold", "0.07"]),
    ("majilis_2021.csv", ["--method", "dhondt", "--seats", "98", "--threshold", "0.07",
                          "--threshold-base", "9000000"]),
    ("last_seat_votes.csv", ["--method", "dhondt", "--seats", "3"]),
    ("last_seat_votes.csv", ["--method", "dhondt", "--seats", "3", "--tie-break", "lot", "--seed", "3"]),
]


@pytest.mark.parametrize("file,arguments", ALLOCATIONS)
def test_allocate_agrees_with_the_cli(cli, cli_data, file, arguments, recwarn):
    path = cli_data / file
    done = cli("allocate", *arguments, path)
    expected, notices = done.stdout.splitlines(), done.stderr.splitlines()
    options = {}
    for flag, value in zip(arguments[::2], arguments[1::2]):
        name = flag[2:].replace("-", "_")
        options[name] = value if name in ("method", "tie_break") else float(value) if "." in value else int(value)
    method = options.pop("method")

    from_file = primsim.allocate(path, method, **options)
    assert printed_allocation(from_file) == expected
    assert from_file.attrs["ties"] == notices

    frame = pd.read_csv(path, dtype={"party": str})
    for given in (frame, dict(zip(frame.party, frame.votes)), list(zip(frame.party, frame.votes))):
        from_python = primsim.allocate(given, method, **options)
        assert printed_allocation(from_python) == expected
        assert from_python.attrs["ties"] == notices
    assert [str(w.message) for w in recwarn if w.category is primsim.TieNotice] == notices * 4


def test_a_party_given_twice_is_refused():
    with pytest.raises(primsim.InputError, match="party: expected each party once, found 'A' again"):
        primsim.allocate([("A", 10), ("B", 5), ("A", 3)], "dhondt", seats=2)


def test_a_candidate_twice_on_a_ballot_is_refused():
    with pytest.raises(primsim.InputError, match="ballot 2: expected each candidate at most once, found 'Bo' again"):
        primsim.tally([["Ali", "Bo"], ["Bo", "Cem", "Bo"]], "borda")
