"""A run under `mpirun -np 2` stopped with SIGINT to mpirun, and one whose every process is killed
with SIGKILL (as a batch system ends a job), each rerun under mpirun with --resume, end with the
datasets of an uninterrupted single process, simulate only what was missing and leave no rank
file behind."""
import json
import os
import pathlib
import signal
import subprocess
import sys
import time

from h5_datasets import assert_same_datasets, fail, run, whole_records

primsim, mpirun, scenario, workdir = sys.argv[1], sys.argv[2], sys.argv[3], pathlib.Path(sys.argv[4])
workdir.mkdir(parents=True, exist_ok=True)
# mpirun relays SIGINT to the ranks about a second late (SIGCONT, then SIGTERM after
# odls_base_sigkill_timeout): the ranks must still be busy then on a machine several times faster
# than this project's CI machine, where a replicate of long_replicates.yaml takes about 0.2 s.
replicates = 64
ensemble = ["--replicates", str(replicates), "--seed", "9"]
common = [*ensemble, "--threads", "1"]
# Root may run OpenMPI only when it says so; --oversubscribe lets two ranks share fewer cores.
launcher = [mpirun, "--allow-run-as-root", "--oversubscribe", "-np", "2"]

single = workdir / "single.h5"
# The reference may use both cores: the datasets do not depend on the thread count.
full_events = json.loads(run([primsim, "run", scenario, "-o", single, *ensemble, "--threads", "2", "--json"]).stdout)[
    "events"]


def rank_partials(output):
    return [output.parent / f".{output.name}.rank-{rank}-of-2.partial" for rank in range(2)]


def session_members(session):
    """Every process of the session mpirun leads: mpirun and its ranks, each in its own group."""
    members = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == session:
            members.append(int(entry.name))
    return members


for name, how in (("interrupted", "SIGINT to mpirun"), ("killed", "SIGKILL to every process")):
    output = workdir / f"{name}.h5"
    for stale in workdir.iterdir():
        if stale.name == output.name or stale.name.startswith(f".{output.name}"):
            stale.unlink()
    process = subprocess.Popen([*launcher, primsim, "run", scenario, "-o", output, *common, "--quiet"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    deadline = time.monotonic() + 120
    while min(whole_records(partial) for partial in rank_partials(output)) < 2:
        if process.poll() is not None or time.monotonic() > deadline:
            fail(f"{name}: the job ended (status {process.returncode}) before each rank saved 2 replicates")
        time.sleep(0.02)
    if how.startswith("SIGINT"):
        process.send_signal(signal.SIGINT)
    else:
        for pid in session_members(process.pid):
            os.kill(pid, signal.SIGKILL)
    _, stderr = process.communicate(timeout=120)
    if output.exists():
        fail(f"{name}: the job finished before the signal; raise the replicate count")
    # mpirun relays the ranks' "interrupted ... --resume" message only when it drains their
    # output before exiting, so the status and the partial files are what is checked.
    if process.returncode == 0:
        fail(f"{name}: status 0 after {how}, stderr {stderr!r}")
    saved = sum(whole_records(partial) for partial in rank_partials(output))
    if not 4 <= saved < replicates:
        fail(f"{name}: {saved} replicates in the ranks' partial files")

    resumed = run([*launcher, primsim, "run", scenario, "-o", output, *common, "--resume", "--json"])
    lines = resumed.stdout.strip().splitlines()
    if len(lines) != 1:
        fail(f"{name}: expected one JSON line from rank 0, got {lines}")
    resumed_events = json.loads(lines[0])["events"]
    if not 0 < resumed_events < full_events:
        fail(f"{name}: the resumed job simulated {resumed_events} events of {full_events}: it did not "
             "continue from the ranks' partial files")
    count = assert_same_datasets(single, output)
    leftovers = sorted(p.name for p in workdir.iterdir() if p.name.startswith(f".{output.name}"))
    if leftovers:
        fail(f"{name}: left behind after the resumed job: {leftovers}")
    print(f"mpirun -np 2, {how} after {saved} of {replicates} replicates: resumed with {resumed_events} of "
          f"{full_events} events; {count} datasets equal the single process's")
