"""`policylint daemon start`: runs made by the daemon's copies are the runs a fresh
`policylint` makes, on the user's own files, folder, environment and terminal; and the
daemon never makes a run fail that would have worked without it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, TODAY, Result, all_gone_soon, children_of, process_state, run_program, soon

from policylint.daemon import CI_ENVS, control, server, socket_path
from policylint.daemon import folder as daemon_folder

pytestmark = pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="forks, and reads /proc")

ARABIC = FIXTURES / "ar/customer-service-policy.md"


@pytest.fixture(autouse=True)
def _runs_use_a_daemon_but_start_none(monkeypatch):
    """Here runs go through a daemon when one is running (the rest of the suite turns
    that off), but, as in CI, start none unless a test lets them."""
    monkeypatch.delenv("POLICYLINT_NO_DAEMON", raising=False)
    for name in CI_ENVS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CI", "true")


def _policylint(*args: str, env: dict[str, str | None] | None = None, cwd: Path | None = None, input: str | None = None) -> Result:
    """`policylint ARGS...` as a separate program; `env` adds to this one's (None: unset)."""
    merged = {**os.environ, **(env or {})}
    return run_program(*args, cwd=cwd, env={name: value for name, value in merged.items() if value is not None}, input=input)


def _without_daemon(*args: str, env: dict[str, str] | None = None, **kwargs) -> Result:
    return _policylint(*args, env={**(env or {}), "POLICYLINT_NO_DAEMON": "1"}, **kwargs)


def _answering() -> dict | None:
    """The state of a daemon that answers; None while it is starting, or none runs."""
    state = control.status()
    return None if state is None or state.get("starting") else state


def _served() -> int:
    state = _answering()
    return state["served"] if state else -1


def _start_daemon() -> dict:
    started = _policylint("daemon", "start", "--idle-timeout", "5m")
    assert started.exit_code == 0, started.stderr
    assert "daemon started" in started.stderr
    state = control.status()
    assert state is not None
    return state


@pytest.fixture(scope="module")
def shared_daemon(tmp_path_factory):
    """A daemon started as a user starts one, for the tests that leave it as they found
    it (each start costs a second of warming up); stopped after."""
    before = os.environ.get("POLICYLINT_DAEMON_DIR")
    os.environ["POLICYLINT_DAEMON_DIR"] = str(tmp_path_factory.mktemp("shared") / "daemon")
    try:
        yield _start_daemon()
        _policylint("daemon", "stop")
    finally:
        if before is None:
            del os.environ["POLICYLINT_DAEMON_DIR"]
        else:
            os.environ["POLICYLINT_DAEMON_DIR"] = before


@pytest.fixture
def daemon(tmp_path, monkeypatch):
    """A daemon of this test's own, for the tests that kill or stop it."""
    monkeypatch.setenv("POLICYLINT_DAEMON_DIR", str(tmp_path / "daemon"))
    yield _start_daemon()
    _policylint("daemon", "stop")


def _same_through_daemon(*args: str, **kwargs) -> Result:
    """Run once through the daemon and once without it: the same output, errors and exit
    code, and the daemon did make the first."""
    before = _served()
    through = _policylint(*args, **kwargs)
    assert _served() == before + 1, "the daemon did not make the run"
    alone = _without_daemon(*args, **kwargs)
    assert (through.exit_code, through.stdout, through.stderr) == (alone.exit_code, alone.stdout, alone.stderr)
    return through


# JSON in every run of the suite; the others (the same path, other formatters) with the
# slow tests, to keep `make test` within its time.
@pytest.mark.parametrize("fmt", ["json", pytest.param("text", marks=pytest.mark.slow), pytest.param("sarif", marks=pytest.mark.slow)])
def test_a_folder_linted_through_the_daemon_is_reported_as_without_it(shared_daemon, fmt):
    # Every example policy, Arabic and English, in parallel helpers forked by the copy.
    result = _same_through_daemon("--no-cache", "--format", fmt, "--today", TODAY, str(FIXTURES))
    assert result.exit_code == 1 and result.stdout


def test_the_other_commands_through_the_daemon(shared_daemon):
    _same_through_daemon("--no-cache", "--show-source", "--statistics", "--today", TODAY, str(FIXTURES / "new/ar-policy-draft.md"))
    assert "within 10 working days" in _same_through_daemon("sla", "--locale", "en", str(FIXTURES / "complaints")).stdout
    _same_through_daemon("stats", "--format", "json", str(ARABIC))
    _same_through_daemon("explain", "PLH101", "--locale", "ar")
    assert _same_through_daemon("no-such-file.md").exit_code == 2


def test_a_run_through_the_daemon_is_in_the_user_s_folder_and_environment(shared_daemon, tmp_path):
    work = tmp_path / "repo"
    work.mkdir()
    shutil.copy(FIXTURES / "incomplete/en-no-scope.md", work / "policy.md")
    # Relative paths, the folder's own cache, the date from the environment: each is the
    # client's, not the daemon's (started in /, with none of these set).
    first = _same_through_daemon("--format", "json", "policy.md", cwd=work, env={"POLICYLINT_TODAY": TODAY, "POLICYLINT_CACHE_DIR": None})
    assert "CSP104" in first.codes() and (work / ".policylint_cache").is_dir()
    # A year later the review date is overdue: the daemon's copy reads the new date.
    later = _same_through_daemon("--format", "json", "policy.md", cwd=work, env={"POLICYLINT_TODAY": "2027-11-24"})
    assert set(later.codes()) - set(first.codes())
    # A configuration written after the daemon started is read by the next run.
    (work / "pyproject.toml").write_text('[tool.policylint]\nignore = ["CSP104"]\n', encoding="utf-8")
    configured = _same_through_daemon("--format", "json", "policy.md", cwd=work, env={"POLICYLINT_TODAY": TODAY})
    assert "CSP104" not in configured.codes()
    # Standard input, and a report written to a file in the user's folder.
    text = ARABIC.read_text(encoding="utf-8")
    _same_through_daemon("--today", TODAY, "-", "--stdin-filename", "from-stdin.md", input=text, cwd=work)
    written = _policylint("--today", TODAY, "--format", "json", "-o", "report.json", "policy.md", cwd=work)
    assert written.exit_code == configured.exit_code and written.stdout == ""
    assert (work / "report.json").read_text(encoding="utf-8") == configured.stdout


def test_the_daemon_steps_aside_and_restarts_when_a_package_is_installed_beside_it(tmp_path, monkeypatch):
    """An upgrade or an install changes a folder on the import path: the daemon's copy
    of the code may be old, so it makes no run on it; the run is made in the client, and
    the daemon starts again on the new code."""
    packages = tmp_path / "site-packages"
    packages.mkdir()
    monkeypatch.setenv("PYTHONPATH", str(packages))
    monkeypatch.setenv("POLICYLINT_DAEMON_DIR", str(tmp_path / "daemon"))
    assert _policylint("daemon", "start").exit_code == 0
    first = control.status()
    _same_through_daemon("--today", TODAY, str(ARABIC))
    (packages / "newly_installed.py").write_text("", encoding="utf-8")
    result = _policylint("--format", "json", "--today", TODAY, str(FIXTURES / "incomplete/ar-no-scope.md"))
    assert result.exit_code == 1 and "CSP104" in result.codes()
    deadline = time.monotonic() + 30
    while not (state := _answering()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert state and state["daemon"] == first["daemon"] and state["served"] == 0 and state["started"] > first["started"]
    _same_through_daemon("--today", TODAY, str(ARABIC))
    _policylint("daemon", "stop")


def test_a_killed_daemon_leaves_every_run_working(daemon):
    os.kill(daemon["daemon"], signal.SIGKILL)
    assert all_gone_soon([daemon["daemon"]])
    assert os.path.exists(daemon["socket"])  # nobody removed it
    result = _policylint("--format", "json", "--today", TODAY, str(FIXTURES / "incomplete/ar-no-scope.md"))
    assert result.exit_code == 1 and "CSP104" in result.codes()
    again = _policylint("daemon", "start")
    assert again.exit_code == 0 and "daemon started" in again.stderr


def _start_long_run_through(daemon, folder: Path, **popen) -> tuple[subprocess.Popen, int]:
    """A run of some 9 s made by the daemon, one policy repeated to 5 MB: (the client,
    the daemon's copy)."""
    text = ARABIC.read_text(encoding="utf-8")
    big = folder / "big.md"
    big.write_text(text * (5_000_000 // len(text.encode("utf-8"))), encoding="utf-8")
    earlier = set(children_of(daemon["daemon"]))  # another test's run, ending
    client = subprocess.Popen([sys.executable, "-m", "policylint", "--no-cache", "--max-file-size", "100MB", str(big)], stdout=subprocess.DEVNULL, **popen)
    copies: list[int] = []
    deadline = time.monotonic() + 30
    while not copies and client.poll() is None and time.monotonic() < deadline:
        copies = [pid for pid in children_of(daemon["daemon"]) if pid not in earlier]
        time.sleep(0.02)
    assert copies, "the run ended before the daemon's copy was seen"
    return client, copies[0]


def test_ctrl_c_stops_the_daemon_s_run_as_it_stops_a_run_without_it(shared_daemon, tmp_path):
    # A group of its own with SIGINT at its default, as a terminal's Ctrl-C finds it: the
    # daemon's copy is in no terminal's group, so only the client sees the Ctrl-C.
    client, copy = _start_long_run_through(
        shared_daemon, tmp_path, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: (signal.signal(signal.SIGINT, signal.SIG_DFL), os.setpgrp())
    )
    os.killpg(client.pid, signal.SIGINT)
    _, stderr = client.communicate(timeout=30)
    assert client.returncode == 130, stderr
    assert "policylint: interrupted" in stderr and "Traceback" not in stderr
    assert all_gone_soon([copy], seconds=3)


def test_a_killed_client_takes_its_run_with_it(shared_daemon, tmp_path):
    client, copy = _start_long_run_through(shared_daemon, tmp_path)
    client.kill()
    client.wait()
    assert all_gone_soon([copy], seconds=3)
    assert control.status() is not None  # the daemon itself lives on


def test_stop_and_status(daemon):
    stopped = _policylint("daemon", "stop")
    assert stopped.exit_code == 0 and f"process {daemon['daemon']}" in stopped.stderr
    assert not os.path.exists(daemon["socket"])
    status = _policylint("daemon", "status")
    assert status.exit_code == 1 and "no daemon is running" in status.stdout
    assert "no daemon was running" in _policylint("daemon", "stop").stderr


def test_status_says_a_daemon_is_starting_while_it_loads(tmp_path, monkeypatch):
    """Between the run that starts a daemon and its first answer (it is importing
    policylint and reading the rules), `daemon status` says it is starting, not that
    none runs; a daemon starting holds the lock beside its socket, as this test does."""
    monkeypatch.setenv("POLICYLINT_DAEMON_DIR", str(tmp_path / "daemon"))
    path = socket_path(make=True)
    held = server._lock(path)
    assert held is not None
    try:
        starting = _policylint("daemon", "status")
        assert starting.exit_code == 0 and "daemon starting" in starting.stdout, starting.stdout
    finally:
        os.close(held)
    gone = _policylint("daemon", "status")
    assert gone.exit_code == 1 and "no daemon is running" in gone.stdout


def test_a_starting_daemon_waits_out_a_look_at_its_lock(tmp_path):
    """`daemon status` and `daemon stop` look whether a daemon holds the lock by taking
    it for an instant: a daemon starting at that instant waits instead of stopping, and
    gives up only on a lock held for good."""
    path = str(tmp_path / "x.sock")
    look = server._lock(path)
    threading.Timer(0.1, os.close, (look,)).start()
    assert server._lock(path) is None  # held: a look says so at once
    started = server._lock(path, server._LOCK_SECONDS)
    assert started is not None  # the look ended within the start's wait
    assert server._lock(path, 0.05) is None  # and a second start waits, then gives up
    os.close(started)


def test_the_daemon_stops_itself_when_idle(tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYLINT_DAEMON_DIR", str(tmp_path / "daemon"))
    assert _policylint("daemon", "start", "--idle-timeout", "1s").exit_code == 0
    state = control.status()
    assert state and all_gone_soon([state["daemon"]])
    assert not os.path.exists(state["socket"])
    assert _policylint("daemon", "start", "--idle-timeout", "soon").exit_code == 2


def test_a_socket_in_a_folder_others_may_enter_is_never_used(daemon):
    """Anyone who can write in the folder could put a socket of their own at the
    daemon's name, to be handed the user's terminal and files."""
    assert _policylint("daemon", "stop").exit_code == 0
    folder = Path(daemon["socket"]).parent
    folder.chmod(0o777)
    planted = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    planted.bind(daemon["socket"])
    planted.listen(1)
    planted.setblocking(False)
    with planted:
        result = _policylint("--format", "json", "--today", TODAY, str(FIXTURES / "incomplete/ar-no-scope.md"))
        assert result.exit_code == 1 and "CSP104" in result.codes()
        with pytest.raises(BlockingIOError):
            planted.accept()
    refused = _policylint("daemon", "start")
    assert refused.exit_code == 2 and str(folder) in refused.stderr and "chmod 700" in refused.stderr


def test_a_folder_too_deep_for_a_socket_is_named_with_what_to_do(tmp_path, monkeypatch):
    folder = tmp_path / ("deep" * 30)
    monkeypatch.setenv("POLICYLINT_DAEMON_DIR", str(folder))
    refused = _policylint("daemon", "start")
    assert refused.exit_code == 2 and "too long for a socket" in refused.stderr and "POLICYLINT_DAEMON_DIR" in refused.stderr


def _servers_at(socket_path: str) -> list[int]:
    """The daemon processes started for `socket_path` that are alive (Linux's /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            arguments = Path("/proc", entry, "cmdline").read_bytes().split(b"\0") if entry.isdigit() else []
        except OSError:
            continue  # it ended meanwhile
        if b"policylint.daemon.server" in arguments and os.fsencode(socket_path) in arguments and process_state(int(entry)) not in (None, "Z"):
            found.append(int(entry))
    return found


@pytest.fixture
def developer_machine(tmp_path, monkeypatch):
    """Not in CI, with a daemon folder of the test's own; whatever daemon the test's
    runs started is stopped after."""
    monkeypatch.setenv("POLICYLINT_DAEMON_DIR", str(tmp_path / "daemon"))
    for name in CI_ENVS:
        monkeypatch.delenv(name, raising=False)
    yield tmp_path / "daemon"
    _policylint("daemon", "stop")


def test_a_run_without_a_daemon_starts_one_and_the_next_run_goes_through_it(developer_machine):
    """On a developer's machine the first run is made in its own process and leaves a
    daemon for the runs after it. It does not wait for it: its output, read to its end
    here as pre-commit reads a hook's, ends with the run while the daemon lives on."""
    args = ("--format", "json", "--today", TODAY, str(FIXTURES / "incomplete/ar-no-scope.md"))
    first = _policylint(*args)
    assert first.exit_code == 1 and "CSP104" in first.codes()
    assert soon(lambda: _answering() is not None, 30), "no daemon answered after the first run"
    state = _answering()
    assert state["served"] == 0 and state["idle_seconds"] == 3600
    second = _policylint(*args)
    assert _served() == 1, "the second run was not made by the daemon"
    assert (second.exit_code, second.stdout, second.stderr) == (first.exit_code, first.stdout, first.stderr)


def test_runs_made_while_a_daemon_loads_start_no_other(developer_machine):
    """A run made while the daemon an earlier run started is still loading (it holds the
    lock beside its socket, as this test does) is made in its own process and leaves
    that daemon to come up, instead of starting a second one to wait for the lock."""
    path = socket_path(make=True)
    held = server._lock(path)
    try:
        result = _policylint("--format", "json", "--today", TODAY, str(FIXTURES / "incomplete/ar-no-scope.md"))
        assert result.exit_code == 1 and "CSP104" in result.codes()
        assert _servers_at(path) == []
    finally:
        os.close(held)


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--today", TODAY, str(ARABIC)], {"CI": "true"}),
        (["--today", TODAY, str(ARABIC)], {"JENKINS_URL": "https://ci.example.com/"}),
        (["--today", TODAY, str(ARABIC)], {"TEAMCITY_VERSION": "2025.07"}),
        (["--today", TODAY, str(ARABIC)], {"POLICYLINT_NO_DAEMON": "1"}),
        (["--version"], {}),
        (["explain", "--help"], {}),
    ],
)
def test_in_ci_turned_off_or_for_help_a_run_starts_no_daemon(developer_machine, args, env):
    result = _policylint(*args, env=env)
    assert result.exit_code == 0, result.stderr
    # A run that starts a daemon makes its folder itself, before it ends.
    assert not developer_machine.exists()


def test_a_run_never_makes_the_daemon_s_folder_where_the_environment_points_nowhere(tmp_path, monkeypatch):
    """A relative or missing $XDG_RUNTIME_DIR (or $TMPDIR) would have the folder made in
    the repository the run starts in, or folders made up to it: both are passed over."""
    repo, temporary = tmp_path / "repo", tmp_path / "tmp"
    repo.mkdir()
    temporary.mkdir()
    monkeypatch.delenv("POLICYLINT_DAEMON_DIR")
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TMPDIR", str(temporary))
    ours = temporary / f"policylint-{os.getuid()}"
    monkeypatch.setenv("XDG_RUNTIME_DIR", "run/user")
    try:
        assert _policylint("--today", TODAY, str(ARABIC), cwd=repo).exit_code == 0
        assert soon(lambda: _answering() is not None, 30)
        assert _answering()["socket"].startswith(f"{ours}/")
    finally:
        _policylint("daemon", "stop")
    assert list(repo.iterdir()) == []
    # Missing, it is not made (nor the folders up to it): the same choice, without a run.
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "no-such-folder" / "run"))
    assert daemon_folder(make=True) == str(ours)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["repo", "tmp"]
    relative = _policylint("daemon", "start", env={"POLICYLINT_DAEMON_DIR": "daemon"}, cwd=repo)
    assert relative.exit_code == 2 and "not an absolute path" in relative.stderr


def test_runs_that_start_a_daemon_at_once_leave_one(developer_machine):
    """Two hooks or editor windows finishing together each start a daemon: the one that
    takes the lock beside the socket serves, the others stop as they start. One killed
    leaves its socket behind; the next start replaces it."""
    starts = [subprocess.Popen([sys.executable, "-m", "policylint", "daemon", "start"], stderr=subprocess.PIPE, text=True) for _ in range(4)]
    said = [start.communicate(timeout=120)[1] for start in starts]
    assert [start.returncode for start in starts] == [0] * 4, said
    state = control.status()
    assert sum("daemon started" in line for line in said) == 1
    assert all(f"process {state['daemon']}," in line for line in said), said
    assert soon(lambda: _servers_at(state["socket"]) == [state["daemon"]], 30), _servers_at(state["socket"])
    log = Path(control.log_path(state["socket"])).read_text(encoding="utf-8")
    assert "another daemon is running or starting" in log and "Traceback" not in log, log

    os.kill(state["daemon"], signal.SIGKILL)
    assert all_gone_soon([state["daemon"]]) and os.path.exists(state["socket"])
    runs = [subprocess.Popen([sys.executable, "-m", "policylint", "--today", TODAY, str(ARABIC)], stdout=subprocess.DEVNULL) for _ in range(3)]
    assert [run.wait(timeout=120) for run in runs] == [0] * 3
    assert soon(lambda: _answering() is not None, 30)
    again = _answering()
    assert soon(lambda: _servers_at(again["socket"]) == [again["daemon"]], 30), _servers_at(again["socket"])
    assert _served() == 0 and _policylint("--today", TODAY, str(ARABIC)).exit_code == 0 and _served() == 1


def _on_a_terminal(*args: str, env: dict[str, str]) -> tuple[int, bytes]:
    """Run with standard output on a terminal (a pseudo-terminal): (exit code, output)."""
    import pty

    leader, follower = pty.openpty()
    merged = {name: value for name, value in {**os.environ, **env}.items() if name != "NO_COLOR"}
    proc = subprocess.Popen([sys.executable, "-m", "policylint", *args], stdout=follower, stderr=subprocess.DEVNULL, env=merged)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # EIO: the terminal's last writer has gone
            break
        if not chunk:
            break
        output += chunk
    os.close(leader)
    return proc.wait(), output


def test_a_terminal_stays_a_terminal_through_the_daemon(shared_daemon):
    """Colours are for a terminal: the daemon's copy writes on the client's own."""
    args = ("--no-cache", "--today", TODAY, str(FIXTURES / "incomplete/en-no-scope.md"))
    before = _served()
    through = _on_a_terminal(*args, env={})
    assert _served() == before + 1
    alone = _on_a_terminal(*args, env={"POLICYLINT_NO_DAEMON": "1"})
    assert through == alone and b"\x1b[" in through[1]


def test_ctrl_z_suspends_the_daemon_s_run_and_fg_resumes_it(shared_daemon, tmp_path):
    # As a shell's job control does it: SIGTSTP to the run, later SIGCONT.
    client, copy = _start_long_run_through(shared_daemon, tmp_path, preexec_fn=os.setpgrp)
    os.kill(client.pid, signal.SIGTSTP)
    assert soon(lambda: process_state(client.pid) == "T" and process_state(copy) == "T")
    os.kill(client.pid, signal.SIGCONT)
    assert soon(lambda: process_state(copy) != "T")
    os.kill(client.pid, signal.SIGINT)
    assert client.wait(timeout=30) == 130


def test_a_daemon_that_does_not_answer_delays_a_run_but_never_holds_it(shared_daemon):
    """A daemon stopped (SIGSTOP, a machine swapping) still accepts connections: after a
    few seconds the run is made in the client, and its output ends with it, while the
    daemon is still stopped (a CI step waits for its pipes to close)."""
    os.kill(shared_daemon["daemon"], signal.SIGSTOP)
    try:
        result = _policylint("--format", "json", "--today", TODAY, str(FIXTURES / "incomplete/ar-no-scope.md"))
        assert result.exit_code == 1 and "CSP104" in result.codes()
    finally:
        os.kill(shared_daemon["daemon"], signal.SIGCONT)
    # Woken, it finds the client gone: the copy it forks writes nothing and ends.
    assert soon(lambda: (control.status() or {}).get("running") == 0)
