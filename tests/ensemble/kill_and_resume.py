"""A real run killed with SIGKILL, and runs stopped with SIGINT and with SIGHUP (a closed terminal
or ssh session), each resumed with --resume, end with the same datasets as an uninterrupted run,
and the resumed runs simulate only what was missing."""
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

from h5_datasets import assert_same_datasets, fail, run, whole_records

primsim, scenario, workdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
workdir.mkdir(parents=True, exist_ok=True)
replicates = 8
common = ["--replicates", str(replicates), "--seed", "5", "--threads", "1"]


def events(done):
    return json.loads(done.stdout)["events"]


uninterrupted = workdir / "uninterrupted.h5"
full_events = events(run([primsim, "run", scenario, "-o", uninterrupted, *common, "--json"]))

for name, how in (("killed", signal.SIGKILL), ("interrupted", signal.SIGINT), ("hung up", signal.SIGHUP)):
    output = workdir / f"{name.replace(' ', '_')}.h5"
    partial = pathlib.Path(f"{output}.partial")
    for stale in (output, partial):
        stale.unlink(missing_ok=True)
    process = subprocess.Popen([primsim, "run", scenario, "-o", output, *common, "--quiet"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while whole_records(partial) < 2:
        if process.poll() is not None or time.monotonic() > deadline:
            fail(f"{name}: the run ended (status {process.returncode}) before 2 replicates were saved")
        time.sleep(0.02)
    process.send_signal(how)
    _, stderr = process.communicate(timeout=120)
    saved = whole_records(partial)
    if output.exists():
        fail(f"{name}: the run finished before the signal; raise the replicate count")
    if how in (signal.SIGINT, signal.SIGHUP):
        if process.returncode != 1 or "interrupted" not in stderr or "--resume" not in stderr:
            fail(f"{name}: status {process.returncode}, stderr {stderr!r}")
    elif process.returncode != -signal.SIGKILL:
        fail(f"{name}: status {process.returncode}, expected death by SIGKILL")
    if not 2 <= saved < replicates:
        fail(f"{name}: {saved} replicates in the partial file")
    leftovers = sorted(p.name for p in workdir.iterdir() if p.name.startswith(f".{output.name}.tmp-"))
    resumed = run([primsim, "run", scenario, "-o", output, *common, "--resume", "--json"])
    if partial.exists():
        fail(f"{name}: the partial file is still there after the resumed run finished")
    if any((workdir / leftover).exists() for leftover in leftovers):
        fail(f"{name}: the killed run's temporary file {leftovers} was not cleaned up")
    assert_same_datasets(uninterrupted, output)
    resumed_events = events(resumed)
    if not 0 < resumed_events < full_events:
        fail(f"{name}: the resumed run simulated {resumed_events} events of {full_events}: it did not "
             "continue from the partial file")
    again = run([primsim, "run", scenario, "-o", output, *common, "--resume"])
    if "is complete: nothing to resume" not in again.stderr:
        fail(f"{name}: resuming a finished run said {again.stderr!r}")
    assert_same_datasets(uninterrupted, output)
    print(f"{name} after {saved} of {replicates} replicates: resumed with {resumed_events} of {full_events} "
          "events; datasets equal the uninterrupted run's")

# Resuming with another seed is refused before anything runs.
output = workdir / "other.h5"
pathlib.Path(f"{output}.partial").unlink(missing_ok=True)
process = subprocess.Popen([primsim, "run", scenario, "-o", output, *common, "--quiet"])
while whole_records(pathlib.Path(f"{output}.partial")) < 1:
    if process.poll() is not None:
        fail("the run to refuse ended too early")
    time.sleep(0.02)
process.kill()
process.wait()
done = run([primsim, "run", scenario, "-o", output, "--replicates", str(replicates), "--seed", "6", "--resume"],
           expect=2)
expected = f"primsim: cannot resume from '{output}.partial': it belongs to another run (its seed is 5, not 6)"
if done.stderr.strip() != expected:
    fail(f"resume with another seed: {done.stderr.strip()!r}, expected {expected!r}")

# A partial file written by a primsim of another results layout holds rows of another shape: it is
# refused the same way, naming the schema version.
partial = pathlib.Path(f"{output}.partial")
header = partial.read_bytes()
older = header.replace(b'"schema_version":5', b'"schema_version":2', 1)
if older == header:
    fail("the partial file's header names no schema_version 5")
partial.write_bytes(older)
done = run([primsim, "run", scenario, "-o", output, *common, "--resume"], expect=2)
expected = (f"primsim: cannot resume from '{output}.partial': it belongs to another run (its schema_version is 2, "
            "not 5)")
if done.stderr.strip() != expected:
    fail(f"resume of a schema 2 partial file: {done.stderr.strip()!r}, expected {expected!r}")
print("resuming with another seed or from a partial file of schema 2 is refused")
