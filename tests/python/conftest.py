# Shared fixtures of the Python suite: the primsim CLI to compare with, the fixtures' folders, and
# a private temporary folder, so that a test sees every file a run leaves behind.
import os
import pathlib
import subprocess
import tempfile

import pytest

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = HERE.parent.parent


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("PRIMSIM_CLI")
    if not path:
        pytest.fail("PRIMSIM_CLI must name the primsim binary (ctest sets it)")

    def run(*arguments, check=True):
        done = subprocess.run([path, *map(str, arguments)], capture_output=True, text=True)
        if check and done.returncode != 0:
            raise AssertionError(f"primsim {' '.join(map(str, arguments))}: {done.returncode}\n{done.stderr}")
        return done

    return run


@pytest.fixture(scope="session")
def source():
    return SOURCE


@pytest.fixture(scope="session")
def small():
    return HERE / "data" / "small.yaml"


@pytest.fixture(scope="session")
def cli_data():
    return SOURCE / "tests" / "cli" / "data"


@pytest.fixture(scope="session")
def bad_scenarios():
    return SOURCE / "tests" / "scenarios" / "bad"


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """TMPDIR for the code under test: empty at the start, so leftovers are visible."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder
