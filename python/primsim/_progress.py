"""How a run shows its progress: an HTML progress bar under IPython and Jupyter, one line on
stderr elsewhere, nothing when asked for none."""

import html
import sys
import time


def _ipython_kernel():
    """The IPython shell when the code runs in a Jupyter kernel, else None."""
    shell = sys.modules.get("IPython")
    if shell is None:
        return None
    try:
        ip = shell.get_ipython()
    except AttributeError:
        return None
    if ip is None or type(ip).__name__ != "ZMQInteractiveShell":
        return None
    return ip


class Progress:
    """Called with (done, total, events) after replicates finish; `finish` ends the display."""

    # Redrawing more often than this only costs time: a person reads a bar a few times a second.
    _interval = 0.25

    def __init__(self, label, enabled=True):
        self.label = label
        self.enabled = enabled
        self._started = time.monotonic()
        self._last = 0.0
        self._handle = None
        self._text = False
        self._shown = (0, 0, 0)  # what the last redraw said, for abandon()
        self._drawn = False
        if not enabled:
            return
        if _ipython_kernel() is not None:
            from IPython.display import HTML, display

            self._html = HTML
            self._handle = display(HTML(self._markup(0, 0)), display_id=True)
        else:
            self._text = True

    def _markup(self, done, total, ending=""):
        maximum = max(total, 1)
        return (f'<div><label>{html.escape(self.label)} <progress value="{done}" max="{maximum}"></progress> '
                f"{done}/{total} replicates, {time.monotonic() - self._started:.1f} s{ending}</label></div>")

    def __call__(self, done, total, events):
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self._last < self._interval:
            return
        self._last = now
        self._shown = (done, total, events)
        self._drawn = True
        if self._handle is not None:
            self._handle.update(self._html(self._markup(done, total)))
        elif self._text:
            sys.stderr.write(f"\r{self.label}: {done}/{total} replicates, {events:,} events, "
                             f"{now - self._started:.1f} s")
            sys.stderr.flush()

    def finish(self, done, total, events):
        if not self.enabled:
            return
        self._last = 0.0
        self(done, total, events)
        if self._text:
            sys.stderr.write("\n")
            sys.stderr.flush()

    def abandon(self):
        """The run ended without results: say so where the progress was shown."""
        if self._handle is not None:
            self._handle.update(self._html(self._markup(*self._shown[:2], ending=", stopped")))
        elif self._text and self._drawn:
            sys.stderr.write(", stopped\n")
            sys.stderr.flush()
