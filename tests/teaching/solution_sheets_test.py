#!/usr/bin/env python3
"""The solution sheets of docs/teaching quote what primsim prints: every `$ ` command in their
```console check blocks is run, in sheet order, from a scratch folder that sees the repository's
docs/ and scenarios/ as the repository's root does, and every line shown under a command must be
a line of what it printed (stdout or stderr; runs of spaces count as one, and a line `...` stands
for lines left out). A command must exit with status 0. `primsim` is the program under test and
`python3` is /usr/bin/python3 (docs/output.md). A command repeated word for word in a later sheet
is run once: the program is deterministic for a given seed, and the repetition saves seconds.

usage: solution_sheets_test.py PRIMSIM REPOSITORY_ROOT"""
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile
import time

primsim, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
sheets = sorted((root / "docs" / "teaching").glob("[0-9][0-9]-*-solutions.md"))
if len(sheets) != 3:
    sys.exit(f"docs/teaching: expected 3 solution sheets (NN-topic-solutions.md), found {len(sheets)}")


def examples(text):
    """(command, expected lines) of the ```console check blocks, continuation lines joined."""
    found, in_block, pending = [], False, None
    for line in text.splitlines():
        if line.startswith("```"):
            in_block = line.strip() == "```console check"
            continue
        if not in_block:
            continue
        if pending is not None:
            pending += " " + line.strip().rstrip("\\")
            if not line.endswith("\\"):
                found.append((pending, []))
                pending = None
        elif line.startswith("$ "):
            if line.endswith("\\"):
                pending = line[2:].rstrip("\\")
            else:
                found.append((line[2:], []))
        elif found and line.strip() not in ("", "..."):
            found[-1][1].append(line)
    return found


def exercise_commands(text):
    """The commands of an exercise's ```sh blocks, continuation lines joined."""
    found, in_block, pending = [], False, None
    for line in text.splitlines():
        if line.startswith("```"):
            in_block = line.strip() == "```sh"
            continue
        if not in_block or not line.strip():
            continue
        pending = line.rstrip("\\") if pending is None else pending + " " + line.strip().rstrip("\\")
        if not line.endswith("\\"):
            found.append(pending)
            pending = None
    return found


def squeeze(line):
    return re.sub(r"\s+", " ", line.strip())


started = time.monotonic()
done = {}  # command -> printed lines, for commands a later sheet repeats
took = {}  # command -> seconds
checked = 0
with tempfile.TemporaryDirectory(prefix="primsim-teaching-") as scratch:
    for folder in ("docs", "scenarios"):
        (pathlib.Path(scratch) / folder).symlink_to(root / folder)
    for sheet in sheets:
        name = sheet.relative_to(root)
        found = examples(sheet.read_text())
        if len(found) < 3:
            sys.exit(f"{name}: expected at least 3 checked commands (```console check blocks), found {len(found)}")
        # The exercise's commands are the ones its solution sheet runs, so that a student's
        # figures are the teacher's.
        exercise = sheet.with_name(sheet.name.replace("-solutions.md", ".md"))
        checked_commands = {squeeze(command) for command, _ in found}
        for command in exercise_commands(exercise.read_text()):
            if squeeze(command) not in checked_commands:
                sys.exit(f"{exercise.relative_to(root)}: `{command}` is not among the commands {name} checks")
        for command, expected in found:
            key = squeeze(command)
            if key not in done:
                words = shlex.split(command)
                if words[0] == "primsim":
                    words[0] = primsim
                elif words[0] == "python3":
                    words[0] = "/usr/bin/python3"
                else:
                    sys.exit(f"{name}: `{command}`: a checked command runs primsim or python3, found {words[0]}")
                began = time.monotonic()
                run = subprocess.run(words, cwd=scratch, capture_output=True, text=True)
                took[key] = time.monotonic() - began
                if run.returncode != 0:
                    sys.exit(f"{name}: `{command}` exited with status {run.returncode}:\n{run.stdout}{run.stderr}")
                done[key] = {squeeze(line) for line in (run.stdout + run.stderr).splitlines()}
            missing = [line for line in expected if squeeze(line) not in done[key]]
            if missing:
                sys.exit(f"{name}: `{command}` no longer prints\n" + "\n".join(missing) +
                         "\nrun it and update the sheet (and the figures its text quotes)")
            checked += 1
print(f"teaching solution sheets: {checked} commands checked, {len(done)} run, "
      f"in {time.monotonic() - started:.1f} s; the slowest:")
for command in sorted(took, key=took.get, reverse=True)[:5]:
    print(f"  {took[command]:5.1f} s  {command[:100]}")
