"""A scenario loaded and validated once, to be run as often as wanted."""

import json
import os

from . import _core


def _override_text(key, value):
    if isinstance(value, bool):
        value = "true" if value else "false"
    elif isinstance(value, (list, tuple, dict)):
        value = json.dumps(value)  # JSON is YAML's flow style
    return f"{key}={value}"


def overrides_from(set_values):
    """``{"key.path": value}`` or an iterable of ``"key.path=value"`` as --set arguments."""
    if set_values is None:
        return []
    if isinstance(set_values, dict):
        return [_override_text(key, value) for key, value in set_values.items()]
    if isinstance(set_values, str):
        return [set_values]
    return [str(item) for item in set_values]


class Scenario:
    """A validated scenario: ``primsim.load(path, set={...})``."""

    def __init__(self, path, overrides):
        self.path = os.fspath(path)
        self.overrides = list(overrides)
        self._loaded = _core.load_scenario(self.path, self.overrides)

    @property
    def name(self):
        return self._loaded.name

    @property
    def resolved_yaml(self):
        """The scenario after extends and set, every default filled in."""
        return self._loaded.resolved_yaml

    @property
    def files(self):
        """The scenario file and its extends parents."""
        return self._loaded.files

    @property
    def notes(self):
        """Remarks on the valid scenario, as ``primsim validate`` prints them."""
        return self._loaded.notes

    @property
    def seed(self):
        """The scenario's ``ensemble.seed``: what ``run`` uses when given none."""
        return self._loaded.default_seed

    def with_set(self, set_values):
        """The same file with more overrides: a what-if of this scenario."""
        return Scenario(self.path, self.overrides + overrides_from(set_values))

    def __repr__(self):
        shown = f", set={self.overrides!r}" if self.overrides else ""
        return f"primsim.load({self.path!r}{shown})  # scenario {self.name!r}"


def load(path, set=None):  # noqa: A002 - `set` is the name --set has on the command line
    """Reads and validates a scenario; raises ScenarioError naming every mistake."""
    return Scenario(path, overrides_from(set))
