# Ctrl-C during a run: KeyboardInterrupt within the replicates in flight, no file left behind,
# and the next run works; and how a run shows its progress (stderr, Jupyter, or not at all).
import os
import signal
import threading
import time

import pytest

import primsim


def test_ctrl_c_stops_the_run_and_leaves_nothing(small, private_tmp, monkeypatch):
    started = time.monotonic()
    primsim.run(small, replicates=20, threads=2, progress=False)
    twenty = time.monotonic() - started
    # SIGINT once the run is under way (two replicates done), as Ctrl-C or Jupyter's interrupt sends it.
    under_way = threading.Event()
    shown = primsim._progress.Progress.__call__

    def watch(self, done, total, events):
        if done >= 2:
            under_way.set()
        shown(self, done, total, events)

    monkeypatch.setattr(primsim._progress.Progress, "__call__", watch)
    sent = []

    def interrupt():
        if under_way.wait(60):
            sent.append(time.monotonic())
            os.kill(os.getpid(), signal.SIGINT)

    sender = threading.Thread(target=interrupt)
    sender.start()
    with pytest.raises(KeyboardInterrupt):
        primsim.run(small, replicates=2000, threads=2, progress=False)
    stopped = time.monotonic()
    sender.join()
    assert sent, "the run never got under way"
    # It stopped after the replicates in flight: far sooner than the 100 x twenty the run takes.
    assert stopped - sent[0] < twenty, (stopped - sent[0], twenty)
    assert os.listdir(private_tmp) == []
    monkeypatch.undo()
    again = primsim.run(small, replicates=2, seed=4, threads=2, progress=False)
    assert len(again.summary) == 2


def test_an_error_in_the_progress_callback_stops_the_run(small, private_tmp, monkeypatch):
    class Broken(RuntimeError):
        pass

    def raise_on_first(self, done, total, events):
        raise Broken("display failed")

    monkeypatch.setattr(primsim._progress.Progress, "__call__", raise_on_first)
    with pytest.raises(Broken):
        primsim.run(small, replicates=40, threads=2, progress=True)
    assert os.listdir(private_tmp) == []


def test_progress_is_a_line_on_stderr_outside_jupyter(small, private_tmp, capfd):
    primsim.run(small, replicates=3, threads=2)
    err = capfd.readouterr().err
    assert err.endswith("\n") and "3/3 replicates" in err
    primsim.run(small, replicates=3, threads=2, progress=False)
    assert capfd.readouterr().err == ""


def test_progress_is_an_html_bar_in_jupyter(small, private_tmp, monkeypatch):
    import IPython.display

    shown = []

    class Handle:
        def update(self, html):
            shown.append(html.data)

    def display(html, display_id):
        shown.append(html.data)
        return Handle()

    monkeypatch.setattr(primsim._progress, "_ipython_kernel", lambda: object())
    monkeypatch.setattr(IPython.display, "display", display)
    primsim.run(small, replicates=3, threads=2)
    assert '<progress value="0" max="1">' in shown[0]
    assert '<progress value="3" max="3">' in shown[-1] and "3/3 replicates" in shown[-1]
