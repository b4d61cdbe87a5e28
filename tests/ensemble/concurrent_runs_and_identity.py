"""Two runs on one -o, and --resume of another run's files. While a run holds OUT.h5.partial a
second run on the same -o is refused with exit 2, whatever its seed and with or without --resume,
and leaves the first run's partial file as it was. --resume refuses, naming what differs, a partial
file or a finished results file of another seed, scenario or replicate count, and leaves the
finished file's bytes as they were. A partial file whose record index was changed on disk resumes
to the uninterrupted run's datasets, without a replicate written twice."""
import os
import pathlib
import signal
import struct
import subprocess
import sys
import time

from h5_datasets import assert_same_datasets, fail, run, whole_records

primsim, scenario, workdir = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
workdir.mkdir(parents=True, exist_ok=True)
replicates = 6

def options(seed=5, count=replicates):
    return [scenario, "--replicates", str(count), "--seed", str(seed), "--threads", "1", "--quiet"]


common = options()
other_seed = options(seed=6)

reference = workdir / "reference.h5"
run([primsim, "run", "-o", reference, *common])
output = workdir / "out.h5"
partial = pathlib.Path(f"{output}.partial")
for stale in (output, partial):
    stale.unlink(missing_ok=True)


def start_and_wait(records):
    process = subprocess.Popen([primsim, "run", "-o", output, *common], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while whole_records(partial) < records:
        if process.poll() is not None or time.monotonic() > deadline:
            fail(f"the run ended (status {process.returncode}) before {records} replicates were saved")
        time.sleep(0.02)
    return process


def refused(command, expected):
    done = run(command, expect=2)
    if done.stderr.strip() != expected:
        fail(f"{' '.join(map(str, command))}: stderr {done.stderr.strip()!r}, expected {expected!r}")


# A second writer while the first runs.
first = start_and_wait(1)
busy = (f"primsim: another primsim run is writing '{output}' (partial file '{partial}'); wait for it to end "
        "or write to another file")
refused([primsim, "run", "-o", output, *other_seed], busy)
refused([primsim, "run", "-o", output, *common, "--resume"], busy)
if first.poll() is not None:
    fail("the first run ended before the second was refused: raise the replicate count")
first.kill()
first.wait()
if whole_records(partial) < 1:
    fail("the refused runs emptied the first run's partial file")

# Another run's partial file.
refused([primsim, "run", "-o", output, *other_seed, "--resume"],
        f"primsim: cannot resume from '{partial}': it belongs to another run (its seed is 5, not 6)")
refused([primsim, "run", "-o", output, *common, "--set", "membership.size=300000", "--resume"],
        f"primsim: cannot resume from '{partial}': it belongs to another run (its scenario differs)")
run([primsim, "run", "-o", output, *common, "--resume"])
assert_same_datasets(reference, output)
print("a second run on the same -o is refused while the first runs; the first resumes to the reference")

# Another run's finished file.
finished = output.read_bytes()
for other, difference in (
        (other_seed, "its seed is 5, not 6"),
        ([*common, "--set", "membership.size=300000"], "its scenario differs"),
        (options(count=5), "its replicates is 6, not 5")):
    command = [primsim, "run", "-o", output, *other, "--resume"]
    refused(command, f"primsim: cannot resume: '{output}' is there and complete, but it is another run's "
                     f"({difference}); run without --resume to replace it")
    if output.read_bytes() != finished:
        fail(f"resume refused for '{difference}' changed the finished file")
run([primsim, "run", "-o", output, *common, "--resume"])
if output.read_bytes() != finished:
    fail("resuming the same run over its finished file changed it")
print("--resume refuses another seed's, scenario's or replicate count's partial and finished files")

# A changed record index: the record no longer matches its checksum and runs again.
output.unlink()
killed = start_and_wait(2)
killed.kill()
killed.wait()
data = bytearray(partial.read_bytes())
offset = 16 + struct.unpack_from("<Q", data, 0 + 8)[0]
offset += 24 + struct.unpack_from("<Q", data, offset + 8)[0]
index = struct.unpack_from("<I", data, offset + 4)[0]
struct.pack_into("<I", data, offset + 4, replicates - 1 if index != replicates - 1 else 0)
partial.write_bytes(bytes(data))
run([primsim, "run", "-o", output, *common, "--resume"])
assert_same_datasets(reference, output)
print(f"a partial file whose second record's index {index} was changed resumes to the reference")
