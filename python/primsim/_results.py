"""A results file as pandas DataFrames: every table of the file, its category columns named from
the lookup tables under /meta (docs/output.md), and the run's root attributes. ``primsim.run``
and ``primsim.read`` both give one."""

import os
import secrets
import shutil
import weakref

import h5py
import numpy as np
import pandas as pd

# Which /meta table names the codes of a column (docs/output.md, "Lookup tables under /meta").
_COLUMN_LOOKUPS = {
    "party": "parties",
    "region": "regions",
    "office": "offices",
    "stage": "stages",
    "reached": "stages",
    "route": "routes",
    "gender": "genders",
    "channel": "channels",
    "reason": "reasons",
    "outcome": "outcomes",
    "kind": "warning_kinds",
    "selection_stage": "selection_stages",
    "parameter": "parameters",
    "statistic": "statistics",
    "check": "checks",
}
# `group` means a different thing in two tables.
_TABLE_LOOKUPS = {
    ("selectors", "group"): "selector_groups",
    ("warnings", "group"): "quota_groups",
}


def _text(value):
    return value.decode() if isinstance(value, bytes) else value


def _attribute(value):
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _lookup(dataset):
    """A /meta lookup table as (codes, names), or None when it is not one (/meta/sweep)."""
    if dataset.dtype.names != ("code", "name"):
        return None
    rows = dataset[:]
    return rows["code"].astype(np.int64), [_text(name) for name in rows["name"]]


def _categorical(values, lookup, table, column):
    codes, names = lookup
    order = np.argsort(codes, kind="stable")
    sorted_codes = codes[order]
    positions = np.searchsorted(sorted_codes, values)
    inside = positions < len(sorted_codes)
    known = inside.copy()
    known[inside] = sorted_codes[positions[inside]] == values[inside]
    if not known.all():
        missing = sorted(set(np.asarray(values)[~known].tolist()))
        raise ValueError(f"/{table}.{column}: expected codes of its /meta table, found {missing[:5]}")
    return pd.Categorical.from_codes(order[positions], categories=names)


class Results:
    """The tables of one run: ``results.summary``, ``results["funnel"]``, ``results.tables``.

    Category columns (party, region, office, stage, gender, ...) are pandas categoricals whose
    categories are the names under /meta, in code order. ``attrs`` holds the root attributes
    (seed, replicates, scenario_name, scenario_yaml, command_line, ...), ``meta`` the lookup tables.
    """

    def __init__(self, path, owned_directory=None):
        self.path = os.fspath(path)
        # A run's file lives in a private folder that goes with the object: on close(), when it
        # is garbage-collected, or when the interpreter exits.
        self._cleanup = weakref.finalize(self, shutil.rmtree, owned_directory, True) if owned_directory else None
        self._frames = {}
        with h5py.File(self.path, "r") as f:
            self.attrs = {key: _attribute(value) for key, value in f.attrs.items()}
            self.tables = [
                name for name, item in f.items()
                if isinstance(item, h5py.Dataset) and item.dtype.names is not None and item.ndim == 1
            ]
            self._lookups = {}
            self.meta = {}
            for name, item in f.get("meta", {}).items():
                lookup = _lookup(item)
                if lookup is not None:
                    self._lookups[name] = lookup
                    self.meta[name] = pd.DataFrame({"code": lookup[0], "name": lookup[1]})
                else:
                    self.meta[name] = pd.DataFrame(item[:])
        # A table is read on first use; a closed run keeps the tables read before.
        self._closed = False

    def table(self, name):
        """The table `name` as a DataFrame (read once, then cached)."""
        if name in self._frames:
            return self._frames[name]
        if name not in self.tables:
            raise KeyError(f"{name}: expected one of the tables {', '.join(self.tables)}")
        if self._closed:
            raise ValueError(f"{name}: the results were closed before this table was read")
        with h5py.File(self.path, "r") as f:
            rows = f[name][:]
        frame = pd.DataFrame({column: rows[column] for column in rows.dtype.names})
        for column in frame.columns:
            lookup_name = _TABLE_LOOKUPS.get((name, column), _COLUMN_LOOKUPS.get(column))
            if lookup_name in self._lookups:
                frame[column] = _categorical(frame[column].to_numpy(), self._lookups[lookup_name], name, column)
        self._frames[name] = frame
        return frame

    def __getitem__(self, name):
        return self.table(name)

    def __getattr__(self, name):
        # Only called for names that are not attributes: the tables.
        if name.startswith("_") or "tables" not in self.__dict__ or name not in self.tables:
            raise AttributeError(name)
        return self.table(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    @property
    def sweep(self):
        """The grid points of a sweep (/meta/sweep), or None without one."""
        return self.meta.get("sweep")

    def to_hdf5(self, path):
        """Copies the results file to `path`, atomically: a reader never sees half a file."""
        if self._closed:
            raise ValueError("to_hdf5: the results were closed, and their file with them")
        target = os.path.abspath(os.fspath(path))
        folder, base = os.path.split(target)
        temporary = os.path.join(folder, f".{base}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
        try:
            shutil.copyfile(self.path, temporary)
            os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        return target

    def close(self):
        """Removes the run's temporary file now (a file given to ``read`` is left alone)."""
        self._closed = True
        if self._cleanup is not None:
            self._cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return (f"<primsim.Results {self.attrs.get('scenario_name')!r}: {self.attrs.get('replicates')} replicates, "
                f"seed {self.attrs.get('seed')}, tables {', '.join(self.tables)}>")


def read(path):
    """The tables of an existing results file (``primsim run -o``, ``Results.to_hdf5``)."""
    return Results(path)
