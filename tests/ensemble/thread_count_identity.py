"""`primsim run` writes the same datasets whatever the thread count: runs the scenario with
--threads 1, 2 and 4 and compares every dataset of the three files byte for byte. A single
replicate, whose regions run in parallel when threads are spare, is compared on 1 and 2 threads."""
import pathlib
import sys

import h5py

from h5_datasets import assert_same_datasets, fail, run

primsim, scenario, workdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
replicates = 4
workdir.mkdir(parents=True, exist_ok=True)
files = {}
for threads in (1, 2, 4):
    files[threads] = workdir / f"threads_{threads}.h5"
    run([primsim, "run", scenario, "-o", files[threads], "--replicates", str(replicates), "--seed", "7",
         "--threads", str(threads), "--quiet"])
with h5py.File(files[1], "r") as f:
    replicate_column = sorted(set(f["summary"]["replicate"]))
if replicate_column != list(range(replicates)):
    fail(f"/summary replicates {replicate_column}, expected 0..{replicates - 1}")
for threads in (2, 4):
    count = assert_same_datasets(files[1], files[threads])
single = {}
for threads in (1, 2):
    single[threads] = workdir / f"single_threads_{threads}.h5"
    run([primsim, "run", scenario, "-o", single[threads], "--replicates", "1", "--seed", "7",
         "--threads", str(threads), "--quiet"])
single_count = assert_same_datasets(single[1], single[2])
print(f"{count} datasets identical for 1, 2 and 4 threads; one replicate's {single_count} for 1 and 2")
