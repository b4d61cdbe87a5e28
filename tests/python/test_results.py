# primsim.run and primsim.read give the file's tables as DataFrames whose category columns carry
# the names of /meta; the run's file lives in a private folder until the results are closed.
import gc
import os

import h5py
import numpy as np
import pandas as pd
import pytest

import primsim

# Every table a run of the small scenario writes, with its category columns (docs/output.md).
CATEGORIES = {
    "summary": {"party": "parties"},
    "funnel": {"party": "parties", "region": "regions", "office": "offices", "stage": "stages"},
    "turnout": {"party": "parties", "region": "regions"},
    "platform": {"party": "parties"},
    "list": {"party": "parties", "office": "offices", "gender": "genders", "route": "routes", "region": "regions"},
    "candidates": {"party": "parties", "office": "offices", "region": "regions", "gender": "genders",
                   "route": "routes", "reached": "stages", "outcome": "outcomes", "reason": "reasons"},
    "democracy": {"party": "parties", "office": "offices"},
    "selectors": {"party": "parties", "group": "selector_groups", "region": "regions"},
    "warnings": {"party": "parties", "kind": "warning_kinds", "group": "quota_groups",
                 "selection_stage": "selection_stages", "office": "offices"},
    "parameters": {"parameter": "parameters"},
}


@pytest.fixture(scope="module")
def cli_file(cli, small, tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "small.h5"
    cli("run", small, "-o", path, "--replicates", 3, "--seed", 5, "--threads", 2, "--quiet")
    return path


def test_every_table_of_the_file_is_there(cli_file):
    results = primsim.read(cli_file)
    with h5py.File(cli_file, "r") as f:
        in_file = {name for name, item in f.items() if isinstance(item, h5py.Dataset)}
        assert set(results.tables) == in_file
        assert set(results.tables) == set(CATEGORIES)
        for name in results.tables:
            assert len(results[name]) == len(f[name])
        assert results.attrs["seed"] == 5
        assert results.attrs["replicates"] == 3
        assert results.attrs["scenario_name"] == "python_small"
        assert results.attrs["scenario_yaml"] == f.attrs["scenario_yaml"]


def test_category_columns_name_the_codes_of_meta(cli_file):
    results = primsim.read(cli_file)
    with h5py.File(cli_file, "r") as f:
        for table, columns in CATEGORIES.items():
            frame = results[table]
            rows = f[table][:]
            categorical = {c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)}
            assert categorical == set(columns), table
            for column, lookup in columns.items():
                names = {code: name.decode() for code, name in f["meta/" + lookup][:]}
                assert list(frame[column].cat.categories) == [names[c] for c in sorted(names)]
                assert frame[column].astype(str).tolist() == [names[c] for c in rows[column]], (table, column)
            for column in frame.columns:
                if column not in columns:
                    values = frame[column].to_numpy()
                    assert values.dtype == rows[column].dtype, (table, column)
                    assert np.array_equal(values, rows[column], equal_nan=values.dtype.kind == "f"), (table, column)


def test_a_run_gives_the_file_the_cli_writes(cli_file, small, private_tmp):
    ran = primsim.run(small, replicates=3, seed=5, threads=1, progress=False)
    read = primsim.read(cli_file)
    assert ran.tables == read.tables
    for name in read.tables:
        pd.testing.assert_frame_equal(ran[name], read[name], check_exact=True)
    assert ran.attrs["scenario_yaml"] == read.attrs["scenario_yaml"]


def test_to_hdf5_copies_the_file_whole(small, private_tmp, tmp_path):
    results = primsim.run(small, replicates=2, seed=3, progress=False)
    target = tmp_path / "out" / "copy.h5"
    target.parent.mkdir()
    target.write_text("an older file")
    results.to_hdf5(target)
    assert os.listdir(target.parent) == ["copy.h5"]
    again = primsim.read(target)
    for name in results.tables:
        pd.testing.assert_frame_equal(again[name], results[name], check_exact=True)
    assert again.attrs == results.attrs


def test_the_temporary_file_goes_with_the_results(small, private_tmp):
    results = primsim.run(small, replicates=2, seed=3, progress=False)
    assert len(os.listdir(private_tmp)) == 1
    summary = results.summary
    results.close()
    assert os.listdir(private_tmp) == []
    assert len(results.summary) == len(summary) == 2  # a table read before stays readable
    dropped = primsim.run(small, replicates=2, seed=3, progress=False)
    assert len(os.listdir(private_tmp)) == 1
    del dropped
    gc.collect()
    assert os.listdir(private_tmp) == []


def test_a_what_if_is_a_set_away(small, private_tmp):
    base = primsim.load(small)
    narrow = primsim.run(base, replicates=2, seed=3, set={"voting.channels.online.capacity": 5}, progress=False)
    assert "capacity: 5\n" in narrow.attrs["scenario_yaml"]
    assert narrow.platform.failures.sum() > 0
    assert base.overrides == []
