"""How a run shares its files between this process and its helpers (policylint.parallel):
every file is linted exactly once, by this process or a helper, whatever the count.
The output of a parallel run is compared with a serial one in test_gate.py."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from conftest import FIXTURES, all_gone_soon, children_of

from policylint import parallel
from policylint.interrupts import Interrupts

_started_with: tuple[object, ...] = ()


def _start(*args: object) -> None:
    global _started_with
    _started_with = args


def _here(item: int) -> tuple[int, int, tuple[object, ...]]:
    return item * item, os.getpid(), ()


def _batch(items: list[int]) -> list[tuple[int, int, tuple[object, ...]]]:
    return [(item * item, os.getpid(), _started_with) for item in items]


@pytest.mark.parametrize("count,jobs", [(1, 2), (2, 2), (17, 2), (70, 3), (400, 2)])
def test_every_item_comes_back_once_with_its_own_result(count, jobs):
    items = list(range(count))
    done = list(parallel.share(items, jobs, _here, _batch, _start, ("options",)))
    assert sorted(index for index, _ in done) == items
    assert all(result[0] == items[index] ** 2 for index, result in done)
    # Helpers were started with the arguments given; this process lints without them.
    assert all(result[2] == (("options",) if result[1] != os.getpid() else ()) for _, result in done)


def test_this_process_lints_beside_its_helpers():
    done = list(parallel.share(list(range(400)), 2, _here, _batch, _start, ()))
    by = {pid for _, (_, pid, _) in done}
    assert os.getpid() in by and len(by) == 2


def _fail(items: list[int]) -> list[int]:
    raise ValueError("broken helper")


def test_a_helper_error_reaches_the_caller():
    with pytest.raises(ValueError, match="broken helper"):
        list(parallel.share(list(range(50)), 2, lambda item: item, _fail, _start, ()))


def _start_long_run(folder, **popen):
    """`policylint --jobs 2` on 600 policies, once its helper has started: (the run,
    its helpers' process ids)."""
    sources = sorted(p for p in FIXTURES.rglob("*.md") if p.name != "README.md")
    for i in range(600):
        shutil.copy(sources[i % len(sources)], folder / f"{i:03d}.md")
    run = subprocess.Popen([sys.executable, "-m", "policylint", "--no-cache", "--jobs", "2", str(folder)], stdout=subprocess.DEVNULL, **popen)
    helpers: list[int] = []
    deadline = time.monotonic() + 30
    while not helpers and run.poll() is None and time.monotonic() < deadline:
        helpers = children_of(run.pid)
        time.sleep(0.02)
    assert helpers, "the run ended before a helper was seen"
    return run, helpers


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_helpers_do_not_outlive_a_killed_run(tmp_path):
    """A CI job cancelled, a hook stopped: the run killed outright must not leave its
    helpers waiting for ever for work that will never come."""
    run, helpers = _start_long_run(tmp_path)
    run.kill()
    run.wait()
    assert all_gone_soon(helpers)


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="reads /proc")
def test_ctrl_c_stops_the_run_says_so_and_is_not_read_as_findings(tmp_path):
    # A group of its own with SIGINT at its default, as a terminal's Ctrl-C finds it.
    run, helpers = _start_long_run(
        tmp_path, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: (signal.signal(signal.SIGINT, signal.SIG_DFL), os.setpgrp())
    )
    os.killpg(run.pid, signal.SIGINT)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130, stderr
    assert "policylint: interrupted" in stderr and "Traceback" not in stderr
    assert all_gone_soon(helpers)


class _Finaliser:
    def __del__(self) -> None:
        signal.raise_signal(signal.SIGINT)  # to this thread
        for _ in range(10_000):  # Python runs the signal handler here, inside __del__
            pass


def test_a_ctrl_c_dropped_inside_a_finaliser_is_raised_again_between_files(monkeypatch):
    # Python drops what a __del__ raises (the regex module's compiler has some), and
    # reports it as "Exception ignored" through sys.unraisablehook: without Interrupts,
    # such a Ctrl-C would be lost and the run would go on to the end.
    # Python's own handler, as a terminal's Ctrl-C finds it: a test run started in the
    # background (`make test &`) inherits SIGINT ignored, and Interrupts rightly leaves
    # an ignored Ctrl-C alone.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        reported: list[object] = []
        monkeypatch.setattr(sys, "unraisablehook", reported.append)
        with pytest.raises(KeyboardInterrupt):
            with Interrupts() as interrupts:
                _Finaliser()
                interrupts.check()
        assert reported == []  # not reported as ignored: it was raised again
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        assert sys.unraisablehook == reported.append
    finally:
        signal.signal(signal.SIGINT, previous)
