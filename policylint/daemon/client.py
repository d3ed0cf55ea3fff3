"""Hand a run to the daemon, when one is listening for this installation.

The daemon's copy of policylint gets this process's standard input, output and error
(the open files themselves, so a terminal stays a terminal), its folder, environment and
arguments, and sends back only the exit code. Anything short of a run that started (no
daemon, a daemon of other code, one that does not answer) returns None and the caller
lints in its own process: the daemon can make a run faster, never make it fail.
"""

from __future__ import annotations

import os
import signal
import socket
import sys

from policylint.daemon.wire import receive, send

# How long a daemon may take to accept a run before this process lints on its own. It
# only forks: far less, unless it is stopped or the machine is swamped.
_ANSWER_SECONDS = 5.0
_STANDARD_FDS = (0, 1, 2)


def run(path: str, argv: list[str]) -> int | None:
    """The exit code of the run the daemon at `path` made, or None when it made none."""
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    conn.settimeout(_ANSWER_SECONDS)
    opened: list[int] = []
    try:
        conn.connect(path)
        send(conn, _request(argv))
        answer, _ = receive(conn)
        if not answer or "pid" not in answer:
            return None  # declined: other code, another interpreter, a stale daemon
        child = answer["pid"]
        # Only now, to a copy that has just answered, go this process's open files: sent
        # into a daemon that never reads them (stopped, hung), they would be held open
        # there, and whoever waits for this run's output to end (a CI step) would wait
        # for ever. From here on the run is the copy's: lint here as well and the report
        # would be written twice.
        fds = []
        for fd in _STANDARD_FDS:
            if _is_open(fd):
                fds.append(fd)
            else:  # `policylint x >&-`: the run gets what Python would give it, nothing
                opened.append(os.open(os.devnull, os.O_RDWR))
                fds.append(opened[-1])
        send(conn, {"go": True}, fds)
        conn.settimeout(None)
    except OSError:
        return None
    finally:
        for fd in opened:
            os.close(fd)
    _forward_signals(child)
    try:
        answer, _ = receive(conn)
    except OSError:
        answer = None
    if answer and isinstance(answer.get("exit"), int):
        return answer["exit"]
    sys.stderr.write(
        f"policylint: error: the run in the policylint daemon (process {child}) stopped before it finished; "
        f"run again, or set POLICYLINT_NO_DAEMON=1 to lint without the daemon\n"
    )
    return 2


def _is_open(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def _stream_encoding(stream: object) -> tuple[str | None, str | None]:
    return getattr(stream, "encoding", None), getattr(stream, "errors", None)


def _request(argv: list[str]) -> dict:
    umask = os.umask(0)
    os.umask(umask)
    return {
        "run": argv,
        "cwd": os.getcwdb(),
        "env": dict(os.environb),
        "umask": umask,
        "encodings": [_stream_encoding(sys.stdin), _stream_encoding(sys.stdout), _stream_encoding(sys.stderr)],
        "executable": sys.executable,
        "path": sys.path[1:],
    }


def _forward_signals(child: int) -> None:
    """Ctrl-C reaches this process, not the daemon's copy (another process group):
    pass it on, and the copy stops as a run stopped by Ctrl-C does (exit 130). A run
    killed or hung up on takes the copy with it; one suspended (Ctrl-Z) suspends it,
    or it would go on writing to the terminal behind the shell's back."""

    def interrupt(signum: int, frame: object) -> None:
        _kill(child, signum)

    def end(signum: int, frame: object) -> None:
        _kill(child, signum)
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)

    def suspend(signum: int, frame: object) -> None:
        _kill(child, signal.SIGSTOP)
        signal.signal(signal.SIGTSTP, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGTSTP)  # stops here until the shell's fg or bg

    def resume(signum: int, frame: object) -> None:
        signal.signal(signal.SIGTSTP, suspend)
        _kill(child, signal.SIGCONT)

    signal.signal(signal.SIGINT, interrupt)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, end)
    signal.signal(signal.SIGTSTP, suspend)
    signal.signal(signal.SIGCONT, resume)


def _kill(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except OSError:
        pass  # it has finished already
