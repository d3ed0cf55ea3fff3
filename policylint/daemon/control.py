"""`policylint daemon start | stop | status`, and the start a run made without a daemon
makes for the runs after it."""

from __future__ import annotations

import os
import socket
import subprocess
import time

from policylint.daemon import AUTOMATIC_IDLE_SECONDS, DIR_ENV, SUPPORTED, UnsafeFolder, beside_socket, existing_socket, server, socket_path
from policylint.daemon.wire import receive, send

# Starting imports policylint and reads its rules: under a second on an idle machine.
_START_SECONDS = 30.0
_STOP_SECONDS = 10.0
_POLL_SECONDS = 0.05
# sun_path holds 108 bytes on Linux, 104 on macOS and the BSDs, with a final NUL.
_MAX_SOCKET_PATH = 103


class DaemonError(Exception):
    pass


def _ask(path: str, message: dict, seconds: float = 5.0) -> dict | None:
    """The daemon's answer, or None when none listens at `path`."""
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(seconds)
    try:
        conn.connect(path)
        send(conn, message)
        answer, _ = receive(conn)
        return answer
    except OSError:
        return None
    finally:
        conn.close()


def status() -> dict | None:
    """The daemon's state; {"starting": True, ...} for one that has not answered yet
    (a run has just started it, and it is loading policylint); None when none runs."""
    path = existing_socket()
    if not path:
        return None
    answer = _ask(path, {"status": True})
    if answer is None and server.is_locked(path):
        return {"starting": True, "socket": path}
    return answer


def log_path(path: str) -> str:
    return beside_socket(path, ".log")


def _socket_to_start() -> str:
    if not SUPPORTED:
        raise DaemonError("the daemon needs Unix sockets and fork(), which this system does not have; policylint runs without it")
    try:
        path = socket_path(make=True)
    except UnsafeFolder as error:
        raise DaemonError(str(error)) from None
    if len(os.fsencode(path)) > _MAX_SOCKET_PATH:
        raise DaemonError(f"{path}: too long for a socket's name ({len(os.fsencode(path))} bytes; at most {_MAX_SOCKET_PATH}); set ${DIR_ENV} to a shorter folder")
    return path


def _spawn(path: str, idle_seconds: float) -> subprocess.Popen:
    # Two starts at once each spawn one; the server that loses the race for the lock
    # beside the socket (server.serve) stops, and says so in the log: appended to, so
    # as not to cut the winner's short.
    with open(log_path(path), "ab") as output:
        return subprocess.Popen(
            server.command(path, idle_seconds),
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
            # Its own session, out of the terminal's reach, and no file of ours held
            # open: a CI step, or pre-commit reading a hook's output, waits for every
            # process that holds that output.
            start_new_session=True, close_fds=True, cwd="/",
        )  # fmt: skip


def start(idle_seconds: float) -> tuple[dict, bool]:
    """(the daemon's status, whether this call started it)."""
    path = _socket_to_start()
    running = _ask(path, {"status": True})
    if running:
        return running, False
    process = _spawn(path, idle_seconds)
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        answer = _ask(path, {"status": True})
        if answer:
            return answer, answer.get("daemon") == process.pid
        # Exit 0: another start's daemon holds the lock; wait for that one to answer.
        if process.poll():
            raise DaemonError(f"the daemon stopped as it started (exit {process.returncode}); see {log_path(path)}")
        time.sleep(_POLL_SECONDS)
    process.kill()
    raise DaemonError(f"the daemon did not answer within {_START_SECONDS:.0f} s; see {log_path(path)}")


def start_in_background() -> None:
    """What a run made without a daemon does last: start one for the runs after it,
    without waiting for it. Whatever stands in the way (a folder that is not the
    user's, no room for a process) leaves that run as it was, and the next makes its
    own in its own process again."""
    try:
        path = _socket_to_start()
        # Not while one an earlier run started is still loading (the lock is its).
        if not _ask(path, {"status": True}, seconds=1.0) and not server.is_locked(path):
            _spawn(path, AUTOMATIC_IDLE_SECONDS)
    except Exception:  # noqa: BLE001, S110 - the run is over and was what the user asked for
        pass


def stop() -> int | None:
    """The process id of the daemon stopped, or None when none was running."""
    path = existing_socket()
    answer = _ask(path, {"stop": True}) if path else None
    # One a run has just started is still warming up, its lock taken, its socket not yet
    # made: wait for it, rather than say none runs and have it answer a moment later.
    deadline = time.monotonic() + _START_SECONDS
    while not answer and path and server.is_locked(path) and time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)
        answer = _ask(path, {"stop": True})
    if not answer:
        return None
    deadline = time.monotonic() + _STOP_SECONDS
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)
    return answer.get("stopped")
