"""Shared helpers: run the real command line, in-process or as a separate program."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from policylint.cli import main

ROOT = Path(__file__).resolve().parent.parent

# The results cache is on in every test, as for users, but in a folder of the test run's
# own: never the repository's, never one left over from an earlier run.
os.environ["POLICYLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="policylint-test-cache-")
os.environ.pop("POLICYLINT_NO_CACHE", None)
# Nor is a daemon the developer started ever asked to make the suite's runs, nor does a
# run start one for the runs after it, as on a developer's machine (tests/test_daemon.py
# starts daemons of its own, in folders of its own).
os.environ["POLICYLINT_DAEMON_DIR"] = tempfile.mkdtemp(prefix="policylint-test-daemon-")
os.environ["POLICYLINT_NO_DAEMON"] = "1"
# Both go when the process that made them ends (each pytest-xdist worker makes its own):
# every run of the suite had left two folders, one holding a results cache, in /tmp.
for _made in (os.environ["POLICYLINT_CACHE_DIR"], os.environ["POLICYLINT_DAEMON_DIR"]):
    atexit.register(shutil.rmtree, _made, True)
FIXTURES = ROOT / "fixtures"
TODAY = "2026-11-23"


def real_texts() -> list[str]:
    """Every example policy and both seed articles: the real text to compare on."""
    paths = [*sorted(FIXTURES.rglob("*.md")), *sorted((ROOT.parent / "shared/seeds").glob("*.txt"))]
    return [path.read_text(encoding="utf-8") for path in paths]


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)

    @property
    def findings(self) -> list[dict]:
        return self.json["findings"]

    def codes(self) -> list[str]:
        return [f["code"] for f in self.findings]


def run(*args: str, input: str | None = None, cwd: Path | None = None, env: dict[str, str] | None = None) -> Result:
    """`policylint ARGS...` in this process, through click, as a user would type it."""
    runner = CliRunner()
    old = Path.cwd()
    try:
        if cwd:
            os.chdir(cwd)
        result = runner.invoke(main, list(args), input=input, env=env, catch_exceptions=False)
    finally:
        os.chdir(old)
    return Result(result.exit_code, result.stdout, result.stderr)


def run_program(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    """`policylint ARGS...` as a separate program, the way a shell or CI runs it; a run
    that hangs fails its test instead of the whole suite."""
    proc = subprocess.run(
        [sys.executable, "-m", "policylint", *args],
        capture_output=True, text=True, cwd=cwd, env=env, input=input, encoding="utf-8", timeout=300,
    )  # fmt: skip
    return Result(proc.returncode, proc.stdout, proc.stderr)


def _stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first, then the
    parent), or None for no such process (Linux)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def process_state(pid: int) -> str | None:
    """"R", "S", "T" (stopped), "Z" (a zombie), ...; None when there is no such process."""
    fields = _stat_fields(pid)
    return fields[0] if fields else None


def children_of(pid: int) -> list[int]:
    """The live processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        fields = _stat_fields(int(entry)) if entry.isdigit() else None
        if fields and int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry))
    return found


def soon(condition: Callable[[], bool], seconds: float = 10) -> bool:
    """Whether `condition` holds within `seconds`, looked at every 20 ms."""
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def all_gone_soon(pids: list[int], seconds: float = 10) -> bool:
    return soon(lambda: all(process_state(pid) in (None, "Z") for pid in pids), seconds)


@pytest.fixture
def lint_json():
    """Lint files as JSON with a fixed today."""

    def _lint(*args: str, **kwargs) -> Result:
        return run("--format", "json", "--today", TODAY, *args, **kwargs)

    return _lint
