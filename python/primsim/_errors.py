"""The exceptions bad input raises: the message the CLI prints, and where the mistake is."""

import re

# FILE:LINE:COLUMN: key.path: expected ..., found ...  (the key is absent in some readers' lines)
_LINE = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+):(?P<column>\d+): "
    r"(?:(?P<key>[^:\s][^:]*?): )?expected (?P<expected>.*), found (?P<found>.*)$"
)


def _parse(line):
    match = _LINE.match(line)
    if match is None:
        return {"message": line, "file": None, "line": None, "column": None, "key": None,
                "expected": None, "found": None}
    return {
        "message": line,
        "file": match["file"],
        "line": int(match["line"]),
        "column": int(match["column"]),
        "key": match["key"],
        "expected": match["expected"],
        "found": match["found"],
    }


class InputError(ValueError):
    """Bad input: a ballot or votes file, an option, a value. The CLI exits with status 2 on it.

    ``file``, ``line``, ``column``, ``key``, ``expected`` and ``found`` describe the first
    mistake (None where the message does not say); ``errors`` lists every mistake as a dict.
    """

    def __init__(self, message, lines=None):
        super().__init__(message)
        self.errors = [_parse(line) for line in (lines or [message])]
        first = self.errors[0]
        self.file = first["file"]
        self.line = first["line"]
        self.column = first["column"]
        self.key = first["key"]
        self.expected = first["expected"]
        self.found = first["found"]


class ScenarioError(InputError):
    """A scenario with mistakes: every mistake found, one line each, in file order."""
