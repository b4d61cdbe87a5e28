"""Shared by the ensemble checks: every dataset of a results file as bytes, an exact comparison
that names the first dataset and row that differ, and the replicates saved in a partial file. Root attributes carry times and the command line,
so they are left out on purpose."""
import struct
import subprocess
import sys

import h5py
import numpy as np


def datasets(path):
    found = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                found[name] = obj[()]
        f.visititems(visit)
    return found


def first_difference(a, b):
    if a.dtype != b.dtype:
        return f"dtype {a.dtype} != {b.dtype}"
    if a.shape != b.shape:
        return f"shape {a.shape} != {b.shape}"
    if a.dtype.hasobject:
        # Variable-length strings: compare the values, not the pointers to them.
        if a.tolist() == b.tolist():
            return None
        rows = zip(a.tolist(), b.tolist())
    else:
        # Bytes, so that NaN equals NaN and -0.0 differs from 0.0.
        if a.tobytes() == b.tobytes():
            return None
        rows = ((x.tobytes(), y.tobytes()) for x, y in zip(a.reshape(-1), b.reshape(-1)))
    for row, (x, y) in enumerate(rows):
        if x != y:
            return f"row {row}: {a.reshape(-1)[row]} != {b.reshape(-1)[row]}"
    return "values differ"


def assert_same_datasets(path_a, path_b):
    a, b = datasets(path_a), datasets(path_b)
    if sorted(a) != sorted(b):
        fail(f"{path_a} and {path_b} hold different datasets: {sorted(a)} != {sorted(b)}")
    for name in sorted(a):
        difference = first_difference(np.asarray(a[name]), np.asarray(b[name]))
        if difference:
            fail(f"/{name} differs between {path_a} and {path_b}: {difference}")
    return len(a)


def whole_records(partial):
    """Replicates in a partial file: complete records after the header (see checkpoint_log.cpp)."""
    try:
        data = partial.read_bytes()
    except FileNotFoundError:
        return 0
    if len(data) < 16:
        return 0
    offset = 16 + struct.unpack_from("<Q", data, 8)[0]
    count = 0
    while offset + 24 <= len(data):
        size = struct.unpack_from("<Q", data, offset + 8)[0]
        if offset + 24 + size > len(data):
            break
        offset += 24 + size
        count += 1
    return count


def run(command, expect=0, **kwargs):
    done = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if done.returncode != expect:
        fail(f"{' '.join(map(str, command))} exited {done.returncode}, expected {expect}\n"
             f"stdout: {done.stdout}\nstderr: {done.stderr}")
    return done


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)

