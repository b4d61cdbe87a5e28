"""primsim from Python: load a scenario, run an ensemble, and get its tables as DataFrames.

    import primsim
    results = primsim.run("scenarios/presets/nur_otan_2020.yaml", replicates=8)
    results.summary.groupby("party").turnout.mean()

``load`` validates a scenario (``ScenarioError`` names every mistake with its file, line,
column and key), ``run`` runs it, ``read`` opens an existing results file, and ``tally`` and
``allocate`` count ballots and votes as ``primsim tally`` and ``primsim allocate`` do.
"""

from ._errors import InputError, ScenarioError
from ._results import Results, read
from ._rules import TieNotice, allocate, tally
from ._run import run
from ._scenario import Scenario, load

__all__ = [
    "InputError",
    "Results",
    "Scenario",
    "ScenarioError",
    "TieNotice",
    "allocate",
    "load",
    "read",
    "run",
    "tally",
]
