"""Golden digests: runs `primsim run` on a scenario and compares a SHA-256 of every dataset of the
results file with the digests pinned in a JSON file, so that every change of a prediction shows.

    golden_digests.py PRIMSIM SCENARIO DIGESTS.json [--replicates R] [--seed S] [--threads N]
                      [--reference-dir DIR] [--regenerate]

Replicates and seed default to those pinned in DIGESTS.json; --regenerate writes the digests
instead of checking them. With --reference-dir, the results file of a run that matches the pinned
digests is kept there, so that a later mismatch can show the first differing row, old and new.
Attributes (root and per dataset) are left out on purpose: they hold wall times and the command
line. Exit status: 0 match (or regenerated), 1 mismatch, 2 usage or run error."""
import argparse
import hashlib
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

import h5py
import numpy as np
from numpy.lib.recfunctions import repack_fields


def read_datasets(path):
    """Every dataset of an HDF5 file as a numpy array, keyed by its absolute path, sorted."""
    found = {}
    with h5py.File(path, "r") as f:
        def visit(name, obj):
            if isinstance(obj, h5py.Dataset):
                found["/" + name] = np.asarray(obj[()])
        f.visititems(visit)
    return dict(sorted(found.items()))


def enum_names(dtype):
    """{code: name} of an HDF5 enum type, else None."""
    mapping = h5py.check_enum_dtype(dtype)
    return {code: name for name, code in mapping.items()} if mapping else None


def field_type(dtype):
    """One element type as text: `<f8`, `string`, or `enum |u1 {0: female, 1: male}`."""
    names = enum_names(dtype)
    if names is not None:
        return f"enum {dtype.str} {{" + ", ".join(f"{code}: {name}" for code, name in sorted(names.items())) \
            + "}"
    if h5py.check_string_dtype(dtype) is not None and dtype.hasobject:
        return "string"
    return dtype.str


def type_signature(dtype):
    """A dataset's element type as text: each column's name and type, in order (padding left out)."""
    if not dtype.names:
        return field_type(dtype)
    return ", ".join(f"{name} {field_type(dtype.fields[name][0])}" for name in dtype.names)


def plain(value):
    """Strings as str whether h5py gives bytes or str (its choice has changed between versions)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogateescape")
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    return value


def digest(array):
    """SHA-256 of a dataset's type, shape and values: the bytes for numbers (so that NaN equals NaN
    and -0.0 differs from 0.0), the values themselves for strings (not the pointers to them)."""
    h = hashlib.sha256()
    h.update(type_signature(array.dtype).encode())
    h.update(repr(array.shape).encode())
    if array.dtype.hasobject:
        h.update(repr(plain(array.tolist())).encode())
    else:
        # Packed, so that padding bytes (never written by HDF5 and so arbitrary) stay out.
        h.update(np.ascontiguousarray(repack_fields(array) if array.dtype.names else array).tobytes())
    return h.hexdigest()


def layout(array):
    """Shape and columns on one line, pinned next to the digests so that a change of either reads
    plainly in a diff of the JSON file."""
    return f"shape {list(array.shape)}: {type_signature(array.dtype)}"


def describe(value, dtype):
    """One value as text: enum codes by name, strings decoded, floats to the last digit."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bytes):
        return repr(value.decode("utf-8", "replace"))
    names = enum_names(dtype)
    if names is not None and isinstance(value, int) and value in names:
        return names[value]
    return repr(value)


def row_text(array, row):
    item = array.reshape(-1)[row]
    if not array.dtype.names:
        return describe(item, array.dtype)
    return ", ".join(f"{c}={describe(item[c], array.dtype.fields[c][0])}" for c in array.dtype.names)


def same(x, y):
    """Equality by bytes for numbers (NaN equals NaN), by value for strings."""
    if isinstance(x, (np.generic, np.ndarray)):
        return np.asarray(x).tobytes() == np.asarray(y).tobytes()
    return x == y


def first_difference(old, new):
    """Lines naming how a dataset changed between two files and its first differing row, old and new."""
    lines = []
    old_columns, new_columns = list(old.dtype.names or []), list(new.dtype.names or [])
    common = [c for c in old_columns if c in new_columns]
    if old_columns != new_columns:
        added = [c for c in new_columns if c not in old_columns]
        removed = [c for c in old_columns if c not in new_columns]
        lines.append(f"  columns added: {added or 'none'}; removed: {removed or 'none'}")
    for c in common:
        before, after = type_signature(old.dtype.fields[c][0]), type_signature(new.dtype.fields[c][0])
        if before != after:
            lines.append(f"  column {c}: type {before} -> {after}")
    if old.shape != new.shape:
        lines.append(f"  shape {old.shape} -> {new.shape}")
    a, b = old.reshape(-1), new.reshape(-1)
    for row in range(min(len(a), len(b))):
        if old.dtype.names:
            differing = [c for c in common if not same(a[row][c], b[row][c])]
        else:
            differing = [] if same(a[row], b[row]) else ["the value"]
        if differing:
            lines.append(f"  first differing row: {row} (of {len(a)} old, {len(b)} new rows), "
                         f"in {', '.join(differing)}")
            lines.append(f"    old: {row_text(old, row)}")
            lines.append(f"    new: {row_text(new, row)}")
            return lines
    if len(a) != len(b):
        row = min(len(a), len(b))
        label, longer = ("new", new) if len(b) > len(a) else ("old", old)
        lines.append(f"  the first {row} rows agree; the first extra {label} row: {row_text(longer, row)}")
    elif not lines:
        lines.append("  every value agrees column by column; only the layout of the bytes differs")
    return lines


def run_primsim(primsim, scenario, output, replicates, seed, threads):
    command = [str(primsim.resolve()), "run", str(scenario.resolve()), "-o", str(output),
               "--replicates", str(replicates), "--seed", str(seed), "--threads", str(threads), "--quiet"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=output.parent)
    if done.returncode != 0:
        print(f"ERROR: {' '.join(command)} exited {done.returncode}\n"
              f"stdout: {done.stdout}\nstderr: {done.stderr}", file=sys.stderr)
        sys.exit(2)


def changed_datasets(pinned, digests):
    """(name, what) for every dataset that changed, appeared or disappeared, in path order."""
    changes = []
    for name in sorted(set(pinned) | set(digests)):
        if name not in digests:
            changes.append((name, "disappeared"))
        elif name not in pinned:
            changes.append((name, "appeared"))
        elif pinned[name] != digests[name]:
            changes.append((name, "changed"))
    return changes


def keep(output, directory, name):
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(output, directory / name)
    return directory / name


def explain_first_change(name, pinned, datasets, reference):
    """Layout change and first differing row of one changed dataset, using the kept results of the
    pinned run when there is one and it still matches every pinned digest."""
    old_layout = pinned.get("layout", {}).get(name)
    if old_layout and old_layout != layout(datasets[name]):
        print(f"{name}: layout changed\n  old: {old_layout}\n  new: {layout(datasets[name])}")
    if reference is None or not reference.exists():
        print(f"{name}: no results of the pinned run are kept" + (f" at {reference}" if reference else "")
              + ", so its old rows cannot be shown; run the check once on the previous commit to keep them")
        return
    old = read_datasets(reference)
    if {n: digest(a) for n, a in old.items()} != pinned["datasets"]:
        print(f"{name}: the results kept at {reference} are not those of the pinned run, "
              "so its old rows cannot be shown")
        return
    print(f"{name} against the results of the pinned run ({reference}):")
    print("\n".join(first_difference(old[name], datasets[name])))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("primsim", type=pathlib.Path)
    parser.add_argument("scenario", type=pathlib.Path)
    parser.add_argument("digests", type=pathlib.Path, help="the pinned digests (JSON)")
    parser.add_argument("--replicates", type=int, help="default: as pinned")
    parser.add_argument("--seed", type=int, help="default: as pinned")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--reference-dir", type=pathlib.Path,
                        help="keep the results of a matching run here, to show the rows of a later mismatch")
    parser.add_argument("--regenerate", action="store_true", help="write DIGESTS instead of checking it")
    args = parser.parse_args()

    pinned = json.loads(args.digests.read_text()) if args.digests.exists() else None
    if pinned is None and not args.regenerate:
        parser.error(f"{args.digests} does not exist (write it with --regenerate)")
    replicates = args.replicates if args.replicates is not None else (pinned or {}).get("replicates")
    seed = args.seed if args.seed is not None else (pinned or {}).get("seed")
    if replicates is None or seed is None:
        parser.error("--replicates and --seed are needed when DIGESTS does not pin them")
    # The scenario as seen from the digests file, so that the record reads the same on every machine.
    scenario = pathlib.Path(os.path.relpath(args.scenario.resolve(),
                                            args.digests.resolve().parent)).as_posix()
    stem = args.digests.name.removesuffix(".json").removesuffix(".digests")
    reference = args.reference_dir / f"{stem}.h5" if args.reference_dir else None
    run_label = f"{scenario}, {replicates} replicates, seed {seed}, {args.threads} thread" + \
        ("s" if args.threads != 1 else "")

    with tempfile.TemporaryDirectory(prefix="primsim-golden-") as tmp:
        output = pathlib.Path(tmp) / "run.h5"
        run_primsim(args.primsim, args.scenario, output, replicates, seed, args.threads)
        datasets = read_datasets(output)
        digests = {name: digest(array) for name, array in datasets.items()}
        changes = changed_datasets(pinned["datasets"], digests) if pinned else []

        if args.regenerate:
            for name, what in changes:
                print(f"  {name}: {what}")
            first_changed = next((name for name, what in changes if what == "changed"), None)
            if first_changed:
                explain_first_change(first_changed, pinned, datasets, reference)
            record = {"scenario": scenario, "replicates": replicates, "seed": seed, "datasets": digests,
                      "layout": {name: layout(array) for name, array in datasets.items()}}
            args.digests.write_text(json.dumps(record, indent=2) + "\n")
            print(f"{args.digests}: wrote {len(digests)} digests ({run_label}); "
                  + (f"{len(changes)} dataset(s) changed, appeared or disappeared" if pinned else "a new file"))
            if reference:
                keep(output, args.reference_dir, reference.name)
            return 0

        if not changes:
            print(f"{len(digests)} datasets match {args.digests.name} ({run_label})")
            if reference:
                keep(output, args.reference_dir, reference.name)
                (args.reference_dir / f"{stem}.new.h5").unlink(missing_ok=True)
            return 0

        print(f"FAIL: {len(changes)} of {len(set(pinned['datasets']) | set(digests))} datasets differ from "
              f"{args.digests} ({run_label}):")
        for name, what in changes:
            print(f"  {name}: {what}")
        for key, value in (("scenario", scenario), ("replicates", replicates), ("seed", seed)):
            if pinned.get(key) != value:
                print(f"  note: {key} is {value!r} in this run but {pinned.get(key)!r} in the pinned file")
        first_changed = next((name for name, what in changes if what == "changed"), None)
        if first_changed:
            explain_first_change(first_changed, pinned, datasets, reference)
        if args.reference_dir:
            new = keep(output, args.reference_dir, f"{stem}.new.h5")
            print(f"The new results are in {new}"
                  + (f"; `primsim compare {reference} {new}` compares the two runs" if reference.exists() else ""))
        print("If the change is intended, run scripts/regenerate-golden.sh and say why in the commit message.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
