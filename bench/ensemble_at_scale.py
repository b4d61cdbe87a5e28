"""The issue's "done when" at full scale, as a benchmark rather than a test (it takes most of an
hour on two cores): an ensemble of the 2020 preset is killed with SIGKILL part-way, finished with
--resume, run again under `mpirun -np 2`, and the two files' datasets are compared byte for byte.
Prints one JSON line per step (seconds, replicates, events, peak memory) and a last line with the
verdict; exits 1 if the datasets differ or a step fails.

usage: ensemble_at_scale.py PRIMSIM SCENARIO WORKDIR [--replicates N] [--kill-after K]
                            [--threads T] [--mpirun PATH]
"""
import argparse
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "tests" / "ensemble"))
from h5_datasets import assert_same_datasets, fail, whole_records  # noqa: E402


def timed(command, **kwargs):
    """Runs a command to its end; returns (status, seconds, peak RSS in MB of it and its children, stdout)."""
    start = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, **kwargs)
    _, status, usage = os.wait4(process.pid, 0)
    out = process.stdout.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, time.monotonic() - start, usage.ru_maxrss / 1024, out


def report(step, **fields):
    print(json.dumps({"step": step, **fields}), flush=True)


parser = argparse.ArgumentParser()
parser.add_argument("primsim")
parser.add_argument("scenario")
parser.add_argument("workdir", type=pathlib.Path)
parser.add_argument("--replicates", type=int, default=1000)
parser.add_argument("--kill-after", type=int, default=100, help="replicates saved before the SIGKILL")
parser.add_argument("--threads", type=int, default=2)
parser.add_argument("--mpirun", default="mpirun")
args = parser.parse_args()
args.workdir.mkdir(parents=True, exist_ok=True)
common = ["--replicates", str(args.replicates), "--quiet"]

resumed = args.workdir / "resumed.h5"
partial = pathlib.Path(f"{resumed}.partial")
for stale in (resumed, partial):
    stale.unlink(missing_ok=True)
start = time.monotonic()
process = subprocess.Popen([args.primsim, "run", args.scenario, "-o", resumed, *common, "--threads",
                            str(args.threads)])
while whole_records(partial) < args.kill_after:
    if process.poll() is not None:
        fail(f"the run ended (status {process.returncode}) before {args.kill_after} replicates were saved")
    time.sleep(0.5)
process.send_signal(signal.SIGKILL)
process.wait()
saved = whole_records(partial)
report("killed", seconds=round(time.monotonic() - start, 1), saved=saved, result_file_exists=resumed.exists())
if resumed.exists():
    fail("a killed run left a result file at the requested path")

status, seconds, peak, out = timed([args.primsim, "run", args.scenario, "-o", resumed, *common, "--threads",
                                    str(args.threads), "--resume", "--json"])
if status != 0:
    fail(f"--resume exited {status}")
summary = json.loads(out)
report("resumed", seconds=round(seconds, 1), replicates_run=args.replicates - saved, events=summary["events"],
       seconds_per_replicate=round(seconds / max(1, args.replicates - saved), 3), peak_mb=round(peak))

together = args.workdir / "mpi.h5"
together.unlink(missing_ok=True)
status, seconds, peak, out = timed([args.mpirun, "--allow-run-as-root", "--oversubscribe", "-np", "2", args.primsim,
                                    "run", args.scenario, "-o", together, *common, "--threads", "1", "--json"])
if status != 0:
    fail(f"mpirun exited {status}")
summary = json.loads(out.strip().splitlines()[-1])
report("mpirun -np 2", seconds=round(seconds, 1), replicates=args.replicates, events=summary["events"],
       seconds_per_replicate=round(seconds / args.replicates, 3), peak_mb_largest_process=round(peak))

count = assert_same_datasets(resumed, together)
report("verdict", identical_datasets=count, replicates=args.replicates)
