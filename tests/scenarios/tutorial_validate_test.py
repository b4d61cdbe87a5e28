#!/usr/bin/env python3
"""docs/tutorial.md shows what `primsim validate` prints: every `$ primsim validate ...` command in
its console blocks is run from the repository's root and must print exactly the lines shown under
it (stdout, then stderr)."""
import pathlib
import shlex
import subprocess
import sys

primsim, root = sys.argv[1], pathlib.Path(sys.argv[2])
text = (root / "docs" / "tutorial.md").read_text()

examples = []  # (command, expected lines)
in_block = False
for line in text.splitlines():
    if line.startswith("```"):
        in_block = line.strip() == "```console"
        continue
    if not in_block:
        continue
    if line.startswith("$ "):
        examples.append((line[2:], []))
    elif examples:
        examples[-1][1].append(line)

checked = 0
for command, expected in examples:
    words = shlex.split(command)
    if words[:2] != ["primsim", "validate"]:
        continue
    run = subprocess.run([primsim] + words[1:], cwd=root, capture_output=True, text=True)
    shown = run.stdout.splitlines() + run.stderr.splitlines()
    if shown != expected:
        print(f"docs/tutorial.md: `{command}` prints\n" + "\n".join(shown) + "\nbut the tutorial shows\n" +
              "\n".join(expected))
        sys.exit(1)
    checked += 1
if checked < 2:
    print(f"docs/tutorial.md: expected at least 2 console examples of primsim validate, found {checked}")
    sys.exit(1)
print(f"tutorial validate examples: {checked} ok")
