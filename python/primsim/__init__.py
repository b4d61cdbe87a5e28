"""primsim from Python: ``load`` validates a scenario (``ScenarioError`` names every mistake
with its file, line, column and key), and ``tally`` and ``allocate`` count ballots and votes as
``primsim tally`` and ``primsim allocate`` do.
"""

from ._errors import InputError, ScenarioError
from ._rules import TieNotice, allocate, tally
from ._scenario import Scenario, load

__all__ = [
    "InputError",
    "Scenario",
    "ScenarioError",
    "TieNotice",
    "allocate",
    "load",
    "tally",
]
