"""I/O fault injection over a whole small run, after SQLite's I/O-error tests: the run is counted
once through the LD_PRELOAD shim (io_fault_shim.c), then run again with call N failing, for every N
(or every STEP-th), and with every call from N on failing (a disk that stays full) for every
fifth of those N. Every fault must end in exit 1 with a message, no crash and no sanitizer report,
the -o path untouched (absent, or the same bytes when it existed), no temporary file left, and a
partial file that --resume, without faults, completes to the datasets of a run without faults. A
fault that loses nothing may end in exit 0 with the complete file: closing a descriptor that only
read and synced, or the partial file once the results file is in place. A failed sync of the
folder after the rename ends in exit 1 with the complete file in place, since the rename cannot be
undone. Usage: io_fault_sweep.py PRIMSIM SHIM SCENARIO WORKDIR
[STEP]"""
import os
import pathlib
import shutil
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "ensemble"))
from h5_datasets import assert_same_datasets, fail, run  # noqa: E402

primsim, shim, scenario, workdir = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
step = int(sys.argv[5]) if len(sys.argv) > 5 else 1
shutil.rmtree(workdir, ignore_errors=True)
workdir.mkdir(parents=True)
output = workdir / "out.h5"
partial = pathlib.Path(f"{output}.partial")
log = workdir / "calls.log"
common = [scenario, "--replicates", "3", "--seed", "5", "--threads", "1", "--quiet"]
started = time.monotonic()

reference = workdir / "reference.h5"
run([primsim, "run", "-o", reference, *common])


def shim_env(**variables):
    env = dict(os.environ, LD_PRELOAD=shim, PRIMSIM_FAULT_LOG=str(log), **variables)
    # The shim is not instrumented and comes before the sanitizers' runtime in the library list.
    env["ASAN_OPTIONS"] = ":".join(filter(None, [env.get("ASAN_OPTIONS", ""), "verify_asan_link_order=0"]))
    return env


def calls_in_log():
    lines = log.read_text().splitlines()
    calls = [line.split() for line in lines if not line.startswith("calls ")]
    return calls, next((line for line in calls if line[-1] == "FAILED"), None)


def clean():
    for path in workdir.iterdir():
        if path.name.startswith(("out.h5", ".out.h5")):
            path.unlink()


# Counting: the shim must change nothing when it injects nothing.
run([primsim, "run", "-o", output, *common], env=shim_env())
assert_same_datasets(reference, output)
calls, _ = calls_in_log()
total = len(calls)
renames = [int(call[0]) for call in calls if call[1] == "rename"]
if total < 20 or len(renames) != 1:
    fail(f"the counting run made {total} calls with renames at {renames}: the shim does not see the run's I/O")
published = renames[0]
existing = workdir / "existing.h5"
shutil.copyfile(output, existing)
clean()

tally = {"exit 1": 0, "exit 1, folder sync after the rename": 0, "exit 0 after the rename": 0,
         "exit 0, nothing lost": 0}
faults = [(n, False) for n in range(1, total + 1, step)] + [(n, True) for n in range(1, total + 1, step * 5)]
for n, persistent in faults:
    code = "ENOSPC" if n % 2 else "EIO"
    had_output = (n // 2) % 2 == 1
    clean()
    if had_output:
        shutil.copyfile(existing, output)
    before = output.read_bytes() if had_output else None
    done = subprocess.run([primsim, "run", "-o", output, *common], capture_output=True, text=True,
                          env=shim_env(PRIMSIM_FAULT_AT=str(n), PRIMSIM_FAULT_ERRNO=code,
                                       PRIMSIM_FAULT_PERSIST="1" if persistent else "0"))
    _, failed = calls_in_log()
    what = (f"{'persistent ' if persistent else ''}fault {n} of {total} "
            f"({code}, {' '.join(failed[1:3]) if failed else 'no call failed'})")
    if failed is None:
        fail(f"{what}: the run made fewer calls than the counting run")
    if done.returncode < 0 or "Sanitizer" in done.stderr or "runtime error" in done.stderr:
        fail(f"{what}: the run crashed (status {done.returncode}): {done.stderr}")
    folder_sync = failed[1] == "fsync" and failed[2] == "folder"
    if done.returncode == 0:
        harmless = failed[1] == "close" and failed[2] in ("read-only-file", "folder")
        if n <= published and not harmless:
            fail(f"{what}: exit 0 for a fault before the results file was in place")
        assert_same_datasets(reference, output)
        if partial.exists():
            fail(f"{what}: exit 0 but the partial file is left")
        tally["exit 0, nothing lost" if harmless else "exit 0 after the rename"] += 1
        continue
    if done.returncode != 1 or "primsim: error:" not in done.stderr:
        fail(f"{what}: status {done.returncode}, stderr {done.stderr!r}")
    if folder_sync and n > published:
        assert_same_datasets(reference, output)
        tally["exit 1, folder sync after the rename"] += 1
    elif had_output:
        if output.read_bytes() != before:
            fail(f"{what}: the results file that was there before changed")
        tally["exit 1"] += 1
    else:
        if output.exists():
            fail(f"{what}: exit 1 but '{output.name}' was written")
        tally["exit 1"] += 1
    leftovers = [p.name for p in workdir.iterdir() if p.name.startswith(".out.h5.tmp-")]
    if leftovers:
        fail(f"{what}: temporary files left: {leftovers}")
    resumed = run([primsim, "run", "-o", output, *common, "--resume"])
    if partial.exists():
        fail(f"{what}: the resumed run left the partial file")
    assert_same_datasets(reference, output)

once = sum(1 for _, persistent in faults if not persistent)
print(f"{total} calls counted, {len(faults)} faults injected ({once} single, every {step} calls; "
      f"{len(faults) - once} persistent, every {step * 5}): "
      f"{', '.join(f'{count} {outcome}' for outcome, count in tally.items())}; "
      f"every resumed run equals the run without faults ({time.monotonic() - started:.1f} s)")
