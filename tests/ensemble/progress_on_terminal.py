"""A progress line (replicates done, events per second, ETA) on stderr when it is a terminal;
nothing there with --quiet, and only the run's warnings (/warnings) when stderr is a pipe; --json
prints one JSON line on stdout, with the same warnings."""
import json
import os
import pathlib
import pty
import subprocess
import sys

from h5_datasets import fail, run

primsim, scenario, workdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
workdir.mkdir(parents=True, exist_ok=True)
common = ["--replicates", "3", "--seed", "2", "--threads", "1"]


def on_terminal(extra):
    """Runs primsim with stderr on a pseudo-terminal; returns (stdout, what the terminal got)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([primsim, "run", scenario, "-o", workdir / "tty.h5", *common, *extra],
                               stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the follower side closed: the process is gone
            break
        if not chunk:
            break
        screen += chunk
    stdout = process.stdout.read()
    process.wait()
    os.close(leader)
    if process.returncode != 0:
        fail(f"run {extra} on a terminal exited {process.returncode}: {screen!r}")
    return stdout, screen.decode(errors="replace")


stdout, screen = on_terminal(["--json"])
if "/3 replicates" not in screen or "events/s" not in screen or "ETA" not in screen:
    fail(f"no progress line on the terminal: {screen!r}")
if "3/3 replicates" not in screen:
    fail(f"the progress line never reached 3/3: {screen!r}")
line = json.loads(stdout)
keys = ["scenario", "replicates", "seed", "wall_seconds", "events", "events_per_second", "output", "headline"]
if list(line)[:len(keys)] != keys or line["replicates"] != 3 or line["seed"] != 2 or line["events"] <= 0:
    fail(f"--json line {stdout!r}")

_, screen = on_terminal(["--quiet"])
if screen.strip():
    fail(f"--quiet still drew on the terminal: {screen!r}")

piped = run([primsim, "run", scenario, "-o", workdir / "pipe.h5", *common])
warnings = [f"primsim: warning: {warning['message']}" for warning in line["warnings"]]
if piped.stderr.splitlines() != warnings:
    fail(f"stderr of a run into a pipe is not its warnings {warnings!r}: {piped.stderr!r}")
if "3 replicates" not in piped.stdout:
    fail(f"no report on stdout: {piped.stdout!r}")
if bool(warnings) != ("WARNING: the run departed from the scenario" in piped.stdout):
    fail(f"the report on stdout and the {len(warnings)} warnings on stderr disagree: {piped.stdout!r}")
print(f"progress on a terminal only, --quiet silent, --json one line; {len(warnings)} warnings on stderr and "
      "in --json")
