#!/usr/bin/env python3
"""What every command does with input files that are not what they claim: a FIFO, a device or a
folder is refused at once (never a hang), a file over its kind's size limit is refused before it
is read, NUL bytes and text that is not UTF-8 are refused at their line and column, a scenario too
large for the machine's memory is refused with the estimate, and a large sweep with unknown keys
reports each key once. Every refusal is exit status 2 with the message on stderr."""
import os
import subprocess
import sys
import time

TIMEOUT = 30


def run(primsim, *args):
    try:
        return subprocess.run([primsim, *args], capture_output=True, text=True, timeout=TIMEOUT,
                              errors="replace")
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{' '.join(args)}: still running after {TIMEOUT} s (blocked on its input?)")


def expect_refusal(primsim, args, *messages):
    result = run(primsim, *args)
    if result.returncode != 2:
        raise AssertionError(f"{args}: exit {result.returncode}, expected 2\n{result.stderr}")
    for message in messages:
        if message not in result.stderr:
            raise AssertionError(f"{args}: stderr lacks {message!r}:\n{result.stderr}")
    if result.stdout:
        raise AssertionError(f"{args}: stdout not empty:\n{result.stdout}")
    print(f"ok: {' '.join(args)}")
    return result.stderr


def main(primsim, fixtures, work, mode="full"):
    os.makedirs(work, exist_ok=True)
    fixtures = os.path.abspath(fixtures)
    base = os.path.join(fixtures, "good", "base.yaml")
    priors = os.path.join(fixtures, "good", "priors.yaml")
    out = os.path.join(work, "out.h5")

    fifo = os.path.join(work, "fifo")
    if os.path.exists(fifo):
        os.remove(fifo)
    os.mkfifo(fifo)
    # A scenario whose parent is the FIFO.
    child = os.path.join(work, "child_of_fifo.yaml")
    with open(child, "w") as f:
        f.write("extends: fifo\nname: child\n")
    refused_fifo = "a FIFO (named pipe)"
    expect_refusal(primsim, ["report", fifo], refused_fifo)
    expect_refusal(primsim, ["report", fifo, "--html", os.path.join(work, "r.html")], refused_fifo)
    expect_refusal(primsim, ["compare", fifo, fifo], refused_fifo)
    expect_refusal(primsim, ["tally", "--rule", "borda", fifo], refused_fifo)
    expect_refusal(primsim, ["allocate", "--method", "dhondt", "--seats", "3", fifo], refused_fifo)
    expect_refusal(primsim, ["validate", fifo], refused_fifo)
    expect_refusal(primsim, ["run", fifo, "-o", out], refused_fifo)
    expect_refusal(primsim, ["run", child, "-o", out], f"{child}:1:10: extends:", refused_fifo)
    expect_refusal(primsim, ["run", priors, "--posterior", fifo, "-o", out, "--replicates", "1"], refused_fifo)
    expect_refusal(primsim, ["merge", out, fifo], refused_fifo)
    # A device never ends and a folder has no content: both are refused like the FIFO.
    expect_refusal(primsim, ["tally", "--rule", "borda", "/dev/zero"], "a character device")
    expect_refusal(primsim, ["validate", "/dev/zero"], "a character device")
    expect_refusal(primsim, ["report", "/dev/zero"], "a character device")
    expect_refusal(primsim, ["allocate", "--method", "dhondt", "--seats", "3", work], "a folder")

    # A 3 GB sparse file takes no disk, yet is over every text reader's limit.
    sparse = os.path.join(work, "sparse.soc")
    with open(sparse, "wb") as f:
        f.truncate(3 << 30)
    started = time.monotonic()
    expect_refusal(primsim, ["tally", "--rule", "borda", sparse],
                   f"{sparse} is 3221225472 bytes; primsim reads at most 268435456 bytes (256 MiB) for a PrefLib "
                   "ballot file")
    expect_refusal(primsim, ["allocate", "--method", "dhondt", "--seats", "3", sparse],
                   f"{sparse} is 3221225472 bytes; primsim reads at most 16777216 bytes (16 MiB) for a party votes "
                   "CSV file")
    expect_refusal(primsim, ["validate", sparse],
                   f"{sparse}:1:1: (file): expected a scenario file of at most 4194304 bytes (4 MiB), found "
                   f"\"{sparse}\", 3221225472 bytes")
    # Refused from its size, not after reading it: three commands in well under the time to read 3 GB.
    elapsed = time.monotonic() - started
    if elapsed > 20:
        raise AssertionError(f"refusing the sparse file took {elapsed:.1f} s")
    os.remove(sparse)

    # NUL bytes and bytes that are not UTF-8, at their line and column.
    nul_votes = os.path.join(work, "nul.csv")
    with open(nul_votes, "wb") as f:
        f.write(b"party,votes\nA,10\nB\x00x,20\n")
    expect_refusal(primsim, ["allocate", "--method", "dhondt", "--seats", "3", nul_votes],
                   f"{nul_votes}:3:2: expected UTF-8 text without NUL bytes, found a NUL byte")
    latin1_votes = os.path.join(work, "latin1.csv")
    with open(latin1_votes, "wb") as f:
        f.write(b"party,votes\nA,10\nK\xf6k,20\n")
    expect_refusal(primsim, ["allocate", "--method", "dhondt", "--seats", "3", latin1_votes],
                   f"{latin1_votes}:3:2: expected UTF-8 text without NUL bytes, found the byte 0xf6, which is "
                   "not UTF-8")
    latin1_ballots = os.path.join(work, "latin1.soc")
    with open(latin1_ballots, "wb") as f:
        f.write(b"# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: K\xf6k\n# ALTERNATIVE NAME 2: B\n1: 1,2\n")
    expect_refusal(primsim, ["tally", "--rule", "borda", latin1_ballots],
                   f"{latin1_ballots}:2:24: expected UTF-8 text without NUL bytes, found the byte 0xf6")
    nul_ballots = os.path.join(work, "nul.soc")
    with open(nul_ballots, "wb") as f:
        f.write(b"# NUMBER ALTERNATIVES: 2\n1: 1,2\x00\n")
    expect_refusal(primsim, ["tally", "--rule", "borda", nul_ballots],
                   f"{nul_ballots}:2:7: expected UTF-8 text without NUL bytes, found a NUL byte")

    # A membership no machine holds: refused with the estimate and the limit, not std::bad_alloc.
    huge = ["--set", "territory.regions.Atyrau.members=1000000000000", "--set", "membership.size=1000000060000"]
    for args in (["validate", base, *huge], ["run", base, *huge, "-o", out, "--replicates", "1"]):
        stderr = expect_refusal(primsim, args, f"{base}: expected a scenario whose replicate fits in memory, found "
                                "one of 1e+12 persons (members, other selectors, every party) that needs about",
                                "more than the")
        if "bad_alloc" in stderr:
            raise AssertionError(stderr)

    # A sweep of many points and 200 unknown keys: each key reported once, not once per point.
    axis = 100 if mode == "full" else 40
    keys = 200
    sweep = os.path.join(work, "big_sweep.yaml")
    with open(sweep, "w") as f:
        f.write(f"extends: {base}\nname: big\n")
        for k in range(keys):
            f.write(f"unknown_key_{k:03d}: {k}\n")
        f.write("sweep:\n")
        f.write(f"  voting.channels.online.capacity: [{', '.join(str(500 + i) for i in range(axis))}]\n")
        f.write(f"  turnout.mobilisation: [{', '.join(f'{i / axis:.3f}' for i in range(axis))}]\n")
    started = time.monotonic()
    stderr = expect_refusal(primsim, ["validate", sweep], f"{sweep}: {keys} mistakes")
    elapsed = time.monotonic() - started
    lines = [line for line in stderr.splitlines() if ": expected " in line]
    if len(lines) != keys:
        raise AssertionError(f"{axis * axis} points, {keys} unknown keys: {len(lines)} lines")
    for k in range(keys):
        if sum(f"unknown_key_{k:03d}" in line for line in lines) != 1:
            raise AssertionError(f"unknown_key_{k:03d} is not reported exactly once")
    print(f"ok: {axis * axis} sweep points, {keys} unknown keys: {len(lines)} lines in {elapsed:.1f} s")


if __name__ == "__main__":
    main(*sys.argv[1:])
