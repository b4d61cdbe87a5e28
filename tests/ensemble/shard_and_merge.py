"""--shard i/n runs one block of the ensemble; `primsim merge` joins the blocks into a file whose
datasets equal a single run's, by copy or (--virtual) by reference, and refuses missing, repeated,
foreign or non-shard files; a virtual merge whose shard has gone is refused by report."""
import os
import pathlib
import shutil
import sys

import h5py

from h5_datasets import assert_same_datasets, fail, run

primsim, scenario, workdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
workdir.mkdir(parents=True, exist_ok=True)
common = ["--replicates", "5", "--seed", "3", "--threads", "2", "--quiet"]
single = workdir / "single.h5"
run([primsim, "run", scenario, "-o", single, *common])

shards = []
for index in range(3):
    shards.append(workdir / f"shard_{index}.h5")
    run([primsim, "run", scenario, "-o", shards[-1], "--shard", f"{index}/3", *common])

# A batch array task picks its shard from SLURM's variables, counted from the array's first id.
slurm = workdir / "slurm_1.h5"
environment = dict(os.environ, SLURM_ARRAY_TASK_ID="2", SLURM_ARRAY_TASK_COUNT="3", SLURM_ARRAY_TASK_MIN="1")
run([primsim, "run", scenario, "-o", slurm, *common], env=environment)
assert_same_datasets(shards[1], slurm)

merged = workdir / "merged.h5"
run([primsim, "merge", merged, shards[2], shards[0], shards[1]])
count = assert_same_datasets(single, merged)


def refused(arguments, message):
    done = run([primsim, "merge", workdir / "refused.h5", *arguments], expect=2)
    if done.stderr.strip() != f"primsim: {message}":
        fail(f"merge {arguments}: stderr {done.stderr.strip()!r}, expected {message!r}")
    if (workdir / "refused.h5").exists():
        fail("a refused merge left an output file")


refused([shards[0], shards[2]], "cannot merge: shard 1/3 is missing (2 of 3 given)")
refused([shards[0], shards[1], shards[1], shards[2]],
        f"cannot merge: '{shards[1]}' and '{shards[1]}' are both shard 1/3")
refused([shards[0], single], f"cannot merge '{single}': not a shard (it has no root attribute 'shard_count'; "
        "shards are written by primsim run --shard i/n)")
other_seed = workdir / "other_seed.h5"
run([primsim, "run", scenario, "-o", other_seed, "--shard", "1/3", "--replicates", "5", "--seed", "4", "--quiet"])
refused([shards[0], other_seed, shards[2]],
        f"cannot merge: '{other_seed}' belongs to another run than '{shards[0]}': seed 4, not 3")
half = workdir / "half.h5"
run([primsim, "run", scenario, "-o", half, "--shard", "4/5", *common])
refused([shards[0], half], f"cannot merge: '{half}' is shard 4/5 but '{shards[0]}' is shard 0/3: shards of "
        "different splits")
refused([shards[0], workdir / "absent.h5"], f"cannot merge '{workdir / 'absent.h5'}': no such file")
# A shard of an older results layout would make a file this primsim cannot read: refused up front.
older = workdir / "older_shard_0.h5"
shutil.copyfile(shards[0], older)
with h5py.File(older, "r+") as f:
    f.attrs["schema_version"] = f.attrs["schema_version"].dtype.type(2)
refused([older, shards[1], shards[2]], f"cannot merge '{older}': it has schema version 2; this primsim merges "
        "schema version 5 (run the shard again with this primsim)")

# --virtual: the tables refer to the shards' rows, and read the same from any working folder.
virtual = workdir / "virtual.h5"
run([primsim, "merge", "--virtual", virtual, shards[1], shards[2], shards[0]])
assert_same_datasets(merged, virtual)
with h5py.File(virtual, "r") as f:
    # A table without rows (/warnings of a run that did what its scenario said) maps nothing.
    tables = ("summary", "funnel", "turnout", "platform", "list", "democracy", "candidates", "warnings")
    copies = [name for name in tables if f[name].shape[0] > 0 and not f[name].is_virtual]
    if copies:
        fail(f"merge --virtual copied {copies} instead of referring to the shards")
    if "shard_count" in f.attrs:
        fail("the virtual merge still carries a shard attribute")
if virtual.stat().st_size >= merged.stat().st_size:
    fail(f"the virtual merge ({virtual.stat().st_size} bytes) is not smaller than the copy "
         f"({merged.stat().st_size} bytes)")
elsewhere = run([primsim, "report", virtual.resolve()], cwd="/").stdout
copied_report = run([primsim, "report", merged.resolve()]).stdout
if elsewhere.splitlines()[1:] != copied_report.splitlines()[1:]:
    fail(f"report of the virtual merge differs from the copy's:\n{elsewhere}\n{copied_report}")
moved = workdir / "moved.h5"
shutil.move(shards[2], moved)
done = run([primsim, "report", virtual], expect=2)
expected = (f"primsim: '{virtual}' was merged with --virtual and reads its rows from '{shards[2]}', which is "
            "missing: keep the shard files where they were, or merge them again without --virtual")
shutil.move(moved, shards[2])
if done.stderr.strip() != expected:
    fail(f"report of a virtual merge without its shard: {done.stderr.strip()!r}, expected {expected!r}")
print(f"3 shards merged: {count} datasets equal the single run's, by copy and by virtual datasets; bad merges "
      "refused")
