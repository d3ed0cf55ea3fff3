"""`policylint daemon start | stop | status`."""

from __future__ import annotations

import os
import socket
import subprocess
import time

from policylint.daemon import DIR_ENV, SUPPORTED, UnsafeFolder, server, socket_path
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


def _existing_socket() -> str | None:
    if not SUPPORTED:
        return None
    try:
        return socket_path()
    except UnsafeFolder:
        return None  # no folder, or one no daemon of ours would listen in


def status() -> dict | None:
    path = _existing_socket()
    return _ask(path, {"status": True}) if path else None


def log_path(path: str) -> str:
    return path[: -len(".sock")] + ".log"


def start(idle_seconds: float) -> tuple[dict, bool]:
    """(the daemon's status, whether this call started it)."""
    if not SUPPORTED:
        raise DaemonError("the daemon needs Unix sockets and fork(), which this system does not have; policylint runs without it")
    try:
        path = socket_path(make=True)
    except UnsafeFolder as error:
        raise DaemonError(str(error)) from None
    if len(os.fsencode(path)) > _MAX_SOCKET_PATH:
        raise DaemonError(f"{path}: too long for a socket's name ({len(os.fsencode(path))} bytes; at most {_MAX_SOCKET_PATH}); set ${DIR_ENV} to a shorter folder")
    running = _ask(path, {"status": True})
    if running:
        return running, False
    # A socket nobody answers on: a daemon that was killed. Its name is free.
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    log = log_path(path)
    with open(log, "wb") as output:
        process = subprocess.Popen(
            server.command(path, idle_seconds),
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
            # Its own session, out of the terminal's reach, and no file of ours held
            # open: a CI step waits for every process that holds its output.
            start_new_session=True, close_fds=True, cwd="/",
        )  # fmt: skip
    deadline = time.monotonic() + _START_SECONDS
    while time.monotonic() < deadline:
        answer = _ask(path, {"status": True})
        if answer:
            return answer, True
        if process.poll() is not None:
            raise DaemonError(f"the daemon stopped as it started (exit {process.returncode}); see {log}")
        time.sleep(_POLL_SECONDS)
    process.kill()
    raise DaemonError(f"the daemon did not answer within {_START_SECONDS:.0f} s; see {log}")


def stop() -> int | None:
    """The process id of the daemon stopped, or None when none was running."""
    path = _existing_socket()
    answer = _ask(path, {"stop": True}) if path else None
    if not answer:
        return None
    deadline = time.monotonic() + _STOP_SECONDS
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(_POLL_SECONDS)
    return answer.get("stopped")
