"""Under `mpirun -np 2` each rank runs a block of replicates and rank 0 joins them: the file's
datasets equal a single process's for the same seed, no rank file is left behind, and --json
counts the events of both ranks."""
import json
import pathlib
import sys

import h5py

from h5_datasets import assert_same_datasets, fail, run

primsim, mpirun, scenario, workdir = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
workdir.mkdir(parents=True, exist_ok=True)
common = ["--replicates", "5", "--seed", "9", "--threads", "1", "--json"]
single = workdir / "single.h5"
alone = json.loads(run([primsim, "run", scenario, "-o", single, *common]).stdout)
parallel = workdir / "mpi.h5"
# Root may run OpenMPI only when it says so; --oversubscribe lets two ranks share fewer cores.
done = run([mpirun, "--allow-run-as-root", "--oversubscribe", "-np", "2", primsim, "run", scenario, "-o", parallel,
            *common])
lines = done.stdout.strip().splitlines()
if len(lines) != 1:
    fail(f"expected one JSON line from rank 0, got {lines}")
together = json.loads(lines[0])
if together["events"] != alone["events"]:
    fail(f"the ranks simulated {together['events']} events, a single process {alone['events']}")
count = assert_same_datasets(single, parallel)
with h5py.File(parallel, "r") as f:
    if "shard_count" in f.attrs:
        fail("the joined file still carries a shard attribute")
leftovers = [p.name for p in workdir.iterdir() if p.name.startswith(".mpi.h5")]
if leftovers:
    fail(f"rank files left behind: {leftovers}")
print(f"mpirun -np 2: {count} datasets equal the single process's")
