"""primsim.tally and primsim.allocate: `primsim tally` and `primsim allocate` on Python lists,
dicts and DataFrames as well as on files, through the same C++ rules, checks and tie breaks."""

import numbers
import os
import warnings

import pandas as pd

from . import _core
from ._errors import InputError

# models/rules/count_limits.hpp's kMaxVotes: above it a number is a typo, and sums stay exact.
_MAX_VOTES = 10**18


class TieNotice(UserWarning):
    """A tie the tie break settled: the notice `primsim tally` and `allocate` print on stderr."""


def _listed(names):
    """"Bo", "Bo and Cem", "Ali, Bo and Cem", as the CLI's notices name them."""
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _tie_name(tie_break, seed):
    return f"lot (seed {seed})" if tie_break == "lot" else tie_break


def _is_path(value):
    return isinstance(value, (str, os.PathLike))


def _ballot_entries(ballot):
    """A ballot's tiers, best first: a name is a tier of one, a list/tuple/set of names a tie."""
    if isinstance(ballot, pd.Series):
        ballot = ballot.tolist()
    tiers = []
    for entry in ballot:
        if entry is None or (isinstance(entry, float) and entry != entry):
            break  # an empty cell ends the ranking, as a short PrefLib order does
        if isinstance(entry, (list, tuple, set, frozenset)):
            tiers.append(sorted(entry, key=str) if isinstance(entry, (set, frozenset)) else list(entry))
        else:
            tiers.append([entry])
    return tiers


def _ballots_from(ballots, counts):
    if isinstance(ballots, pd.DataFrame):
        frame = ballots
        if "count" in frame.columns:
            if counts is not None:
                raise InputError("counts: expected either a count column or counts, found both")
            counts = frame["count"].tolist()
            frame = frame.drop(columns="count")
        return [_ballot_entries(row) for _, row in frame.iterrows()], counts
    return [_ballot_entries(ballot) for ballot in ballots], counts


def _whole(name, value, least=None):
    """An integer, also from a whole float of a DataFrame; the C++ checks the range of options."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        if isinstance(value, numbers.Real) and float(value).is_integer():
            value = int(value)
        else:
            raise InputError(f"{name}: expected a whole number, found \"{value}\"")
    if least is not None and value < least:
        raise InputError(f"{name}: expected a whole number of at least {least}, found \"{value}\"")
    return int(value)


def tally(ballots, rule, winners=1, candidates=None, counts=None, tie_break="index", seed=1):
    """Counts ballots with a rule, as ``primsim tally --rule RULE [--winners K]`` does.

    ballots: a PrefLib file (.soc, .soi, .toc, .toi); or a list of ballots, each a ranking of
    candidate names best first, where a list, tuple or set of names is a tie; or a DataFrame with
    one ballot per row, its columns in preference order (an empty cell ends the ranking) and an
    optional ``count`` column. counts: voters per ballot (1 each when None). candidates: every
    candidate in index order, which decides ties with tie_break="index"; by default, the names in
    the order they first appear. Rules: plurality, borda, approval, two-round, irv, stv, copeland,
    plackett-luce.

    Returns a DataFrame candidate, score, rank (and elected for multi-winner counts), best first;
    each tie the tie break settled is a TieNotice warning and is listed in ``.attrs["ties"]``.
    """
    winners = _whole("winners", winners)
    if _is_path(ballots):
        result = _core.tally_file(os.fspath(ballots), rule, winners, tie_break, seed)
    else:
        rankings, counts = _ballots_from(ballots, counts)
        names = list(candidates) if candidates is not None else []
        index = {name: i for i, name in enumerate(names)}
        if len(index) != len(names):
            repeated = next(name for i, name in enumerate(names) if index[name] != i)
            raise InputError(f"candidates: expected each candidate once, found '{repeated}' again")
        tiers = []
        for number, ranking in enumerate(rankings, start=1):
            ballot = []
            for tier in ranking:
                indices = []
                for name in tier:
                    if name not in index:
                        if candidates is not None:
                            raise InputError(f"ballot {number}: expected one of the candidates, found '{name}'")
                        index[name] = len(names)
                        names.append(name)
                    indices.append(index[name])
                ballot.append(indices)
            tiers.append(ballot)
        if counts is not None:
            counts = [_whole(f"ballot {b + 1}: count", c, 1) for b, c in enumerate(counts)]
            if len(counts) != len(tiers):
                raise InputError(f"counts: expected one count per ballot ({len(tiers)}), found {len(counts)}")
        result = _core.tally_ballots([str(name) for name in names], tiers, counts or [], rule, winners,
                                     tie_break, seed)
    names = result["names"]
    order = result["order"]
    frame = pd.DataFrame({
        "candidate": [names[c] for c in order],
        "score": [result["scores"][c] for c in order],
        "rank": [result["ranks"][c] for c in order],
    })
    if result["multi_winner"]:
        frame["elected"] = [bool(result["elected"][c]) for c in order]
    notices = []
    for round_number, tied, score in result["ties"]:
        prefix = f"round {round_number}: " if round_number > 0 else ""
        notices.append(f"{prefix}{_listed([names[c] for c in tied])} tied at {score:.10g}, "
                       f"broken by {_tie_name(tie_break, seed)}")
    frame.attrs["ties"] = notices
    for notice in notices:
        warnings.warn(notice, TieNotice, stacklevel=2)
    return frame


def _votes_from(votes):
    if isinstance(votes, pd.DataFrame):
        missing = [column for column in ("party", "votes") if column not in votes.columns]
        if missing:
            raise InputError(f"votes: expected the columns party and votes, found {', '.join(map(str, votes.columns))}")
        pairs = list(zip(votes["party"].tolist(), votes["votes"].tolist()))
    elif isinstance(votes, dict):
        pairs = list(votes.items())
    else:
        pairs = [tuple(pair) for pair in votes]
    parties, counts, seen = [], [], set()
    for party, count in pairs:
        party = str(party)
        if party in seen:
            raise InputError(f"party: expected each party once, found '{party}' again")
        seen.add(party)
        parties.append(party)
        counts.append(_whole(f"votes of '{party}'", count, 0))
    if not parties:
        raise InputError("votes: expected at least one party, found none")
    if sum(counts) > _MAX_VOTES:
        raise InputError(f"votes: expected at most {_MAX_VOTES} votes in all, found {sum(counts)}")
    return parties, counts


def allocate(votes, method, seats, threshold=0.0, threshold_base=None, first_divisor=None,
             tie_break="index", seed=1):
    """List seats from party votes, as ``primsim allocate --method METHOD --seats N`` does.

    votes: a party,votes CSV file; a dict {party: votes}; a list of (party, votes) pairs; or a
    DataFrame with party and votes columns. Methods: dhondt, sainte-lague, hare, droop.
    threshold: least share of the votes (of threshold_base when given) a party needs.

    Returns a DataFrame party, votes, share, seats in the order given; a last seat the tie
    break gave is a TieNotice warning and is listed in ``.attrs["ties"]``.
    """
    seats = _whole("seats", seats)
    if threshold_base is not None:
        threshold_base = _whole("threshold_base", threshold_base)
    arguments = (method, seats, float(threshold), threshold_base,
                 None if first_divisor is None else float(first_divisor), tie_break, seed)
    if _is_path(votes):
        result = _core.allocate_file(os.fspath(votes), *arguments)
    else:
        parties, counts = _votes_from(votes)
        result = _core.allocate_votes(parties, counts, *arguments)
    frame = pd.DataFrame({
        "party": result["parties"],
        "votes": result["votes"],
        "share": [v / result["base"] for v in result["votes"]],
        "seats": result["seats"],
    })
    notices = [f"seat {seat}: {_listed([result['parties'][p] for p in tied])} tied at {tie_votes} votes, "
               f"broken by {_tie_name(tie_break, seed)}" for seat, tied, tie_votes in result["ties"]]
    frame.attrs["ties"] = notices
    for notice in notices:
        warnings.warn(notice, TieNotice, stacklevel=2)
    return frame
