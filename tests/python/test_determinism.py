# The same seed gives the same DataFrames, run again or on another number of threads; another
# seed gives others.
import pandas as pd
import pytest

import primsim


@pytest.fixture(scope="module")
def one_thread(small):
    return primsim.run(small, replicates=4, seed=21, threads=1, progress=False)


def assert_same(a, b):
    assert a.tables == b.tables
    for name in a.tables:
        pd.testing.assert_frame_equal(a[name], b[name], check_exact=True)


def test_the_same_seed_gives_the_same_tables(one_thread, small):
    assert_same(one_thread, primsim.run(small, replicates=4, seed=21, threads=1, progress=False))


def test_the_thread_count_changes_nothing(one_thread, small):
    assert_same(one_thread, primsim.run(primsim.load(small), replicates=4, seed=21, threads=2, progress=False))


def test_another_seed_gives_other_replicates(one_thread, small):
    other = primsim.run(small, replicates=4, seed=22, threads=2, progress=False)
    assert not one_thread.summary.equals(other.summary)


def test_the_scenario_seed_is_the_default(small):
    results = primsim.run(small, replicates=1, progress=False)
    assert results.attrs["seed"] == 11  # small.yaml's ensemble.seed
