"""primsim.run: an ensemble of a scenario into a private temporary file, read as DataFrames."""

import os
import shutil
import tempfile

from . import _core
from ._progress import Progress
from ._results import Results
from ._scenario import Scenario, load


def _command_line(scenario, replicates, seed, threads):
    shown = f", set={scenario.overrides!r}" if scenario.overrides else ""
    return (f"primsim.run(primsim.load({scenario.path!r}{shown}), replicates={replicates}, seed={seed}, "
            f"threads={threads})")


def run(scenario, replicates=8, seed=None, threads=None, set=None, progress=True):  # noqa: A002
    """Runs `replicates` replicates of a scenario (a ``primsim.load`` result or a path) and
    returns its Results. The same seed gives the same tables for any number of threads.

    seed: the scenario's ``ensemble.seed`` when None. threads: every core when None.
    set: overrides on top of the scenario's own, {"key.path": value}, as ``--set`` does.
    progress: a bar in Jupyter, a line on stderr elsewhere; False for none.
    Ctrl-C stops the run after the replicates in flight, removes its files and raises
    KeyboardInterrupt.
    """
    if not isinstance(scenario, Scenario):
        scenario = load(scenario, set=set)
    elif set:
        scenario = scenario.with_set(set)
    if seed is None:
        seed = scenario.seed
    threads = 0 if threads is None else threads
    for name, value, least in (("replicates", replicates, 1), ("seed", seed, 0), ("threads", threads, 0)):
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            from ._errors import InputError

            raise InputError(f"{name}: expected a whole number of at least {least}, found \"{value}\"")
    display = Progress(scenario.name, enabled=bool(progress))
    directory = tempfile.mkdtemp(prefix="primsim-run-")
    try:
        output = os.path.join(directory, "results.h5")
        outcome = _core.run_ensemble(scenario._loaded, output, seed, replicates, threads,
                                     _command_line(scenario, replicates, seed, threads), display)
        display.finish(outcome["done"], outcome["total"], outcome["events"])
        if outcome["status"] != "completed":
            raise RuntimeError(f"run: the ensemble ended {outcome['status']}, without a results file")
        results = Results(output, owned_directory=directory)
    except BaseException:
        # Interrupted or failed: the finished replicates' partial file goes too.
        shutil.rmtree(directory, ignore_errors=True)
        display.abandon()
        raise
    results.events = outcome["events"]
    results.seconds = outcome["seconds"]
    return results
