"""The daemon: import policylint and read the built-in rules once, then fork a copy of
this process for every run a client asks for.

Each run is a fresh fork of the same prepared process, so a run can leave nothing behind
for the next one: configuration, the user's rule packs and the files are read by the run
itself, as without a daemon. What the daemon keeps is only what a run would have made
the same way from policylint's own code: imported modules, compiled patterns and the
built-in rules. When that code changes (an upgrade, an edit to an editable install, a
package installed beside it), the daemon declines the next run (the client lints on its
own) and starts itself again on the new code.

Run as `python -m policylint.daemon.server SOCKET IDLE_SECONDS` by `policylint daemon
start`, or by a run made without a daemon (control.start_in_background), either of which
detaches it from the terminal first. Of several started at once, the one that takes the
lock beside the socket serves; the others stop when they have not had it for half a
second (_LOCK_SECONDS).
"""

from __future__ import annotations

import datetime
import gc
import os
import signal
import socket
import struct
import sys
import threading
import time
import traceback

from policylint.daemon import beside_socket
from policylint.daemon.wire import close_all, receive, send

# How often the loop looks up from accepting to reap finished runs and to check the idle
# time.
_TICK_SECONDS = 1.0
_REQUEST_SECONDS = 5.0
# How long a starting daemon tries for the lock: `daemon status` and `daemon stop` look
# whether it is held by taking it for an instant, which must not turn a start away.
_LOCK_SECONDS = 0.5


def _installation() -> str:
    """What the prepared process was made from: policylint's modules and rules, and
    every folder on the import path (installing or upgrading a package changes its
    site-packages folder's modification time)."""
    from policylint.results_cache import code_fingerprint

    folders = []
    for entry in sys.path[1:]:  # [0] is the folder it was started from, not an install
        try:
            folders.append((entry, os.stat(entry or ".").st_mtime_ns))
        except OSError:
            folders.append((entry, None))
    return repr((sys.version, code_fingerprint.__wrapped__(), folders))


def _prepare() -> None:
    import importlib
    import pkgutil

    import policylint
    from policylint.rulepacks import load_rules

    # Every module of policylint, whichever a run imports (the command line imports each
    # command's on use); not __main__, which would make a run.
    for module in pkgutil.walk_packages(policylint.__path__, "policylint."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)

    _warm_up(load_rules())
    gc.freeze()


def _warm_up(ruleset: object) -> None:
    """Lint the built-in rules' own examples, in both languages, once: what a run loads
    on first use (the English syllable table, emoji names, rarer patterns) is then
    loaded in every copy. What a text's checks worked out is remembered by its text, so
    a user's document is checked the same as in a fresh process."""
    from policylint import document, engine

    today = datetime.date.today()
    for rule in ruleset.rules:
        for example in ("example_fail", "example_pass"):
            try:
                engine.lint(document.parse("example.md", rule.docs[example]), ruleset, engine.Settings(packs=(rule.pack,)), today)
            except Exception:  # noqa: BLE001, S110 - a warm-up that failed leaves a copy to load it itself
                pass


class _Daemon:
    def __init__(self, path: str, idle_seconds: float, import_path: list[str], installation: str, lock: int) -> None:
        self.path = path
        self.lock = lock
        self.idle_seconds = idle_seconds
        self.import_path = import_path
        self.installation = installation
        self.started = time.time()
        self.served = 0
        self.runs: set[int] = set()
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o077)  # the socket itself: this user's only
        try:
            self.listener.bind(path)
        finally:
            os.umask(old)
        self.inode = os.stat(path).st_ino
        self.listener.listen(64)
        self.listener.settimeout(_TICK_SECONDS)

    def serve(self) -> None:
        last = time.monotonic()
        try:
            while True:
                self._reap()
                if self.idle_seconds and not self.runs and time.monotonic() - last > self.idle_seconds:
                    return
                try:
                    conn, _ = self.listener.accept()
                except TimeoutError:
                    continue
                last = time.monotonic()
                with conn:
                    try:
                        outcome = self._handle(conn)
                    except Exception:  # noqa: BLE001 - one odd request must not end the daemon
                        traceback.print_exc()
                        outcome = None
                if outcome == "stop":
                    return
                if outcome == "restart":
                    self._remove_socket()
                    self.listener.close()
                    # The same process, the new code: the runs it made go on (they are
                    # this process's children still), the name is free meanwhile.
                    os.execv(sys.executable, command(self.path, self.idle_seconds))
        finally:
            self._remove_socket()

    def _remove_socket(self) -> None:
        # Only our own: a daemon started after this one may have taken the name.
        try:
            if os.stat(self.path).st_ino == self.inode:
                os.unlink(self.path)
        except OSError:
            pass

    def _reap(self) -> None:
        # Every child, not only those in self.runs: after a restart on new code, the
        # runs the old one started are still this process's children.
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if not pid:
                return
            self.runs.discard(pid)

    def _handle(self, conn: socket.socket) -> str | None:
        conn.settimeout(_REQUEST_SECONDS)
        try:
            if not _same_user(conn):
                return None
            request, _ = receive(conn)
        except OSError:
            return None
        try:
            if request is None:
                return None
            if request.get("stop"):
                send(conn, {"stopped": os.getpid()})
                return "stop"
            if "run" not in request:
                self._reap()  # "N now" counts the runs still going, not those that ended this second
                send(conn, self._status())
                return None
            if request.get("executable") != sys.executable or request.get("path") != self.import_path:
                send(conn, {"declined": "another interpreter or import path"})
                return None
            if _installation() != self.installation:
                send(conn, {"declined": "policylint or its packages changed since the daemon started"})
                return "restart"
            pid = os.fork()
            if pid == 0:
                _run_child(conn, self.listener, self.lock, request)
            self.runs.add(pid)
            self.served += 1
            return None
        except OSError:
            return None

    def _status(self) -> dict:
        return {
            "daemon": os.getpid(), "started": self.started, "served": self.served,
            "running": len(self.runs), "executable": sys.executable, "socket": self.path,
            "idle_seconds": self.idle_seconds,
        }  # fmt: skip


def _same_user(conn: socket.socket) -> bool:
    """The folder already keeps other users out; on Linux, ask the kernel as well."""
    if not hasattr(socket, "SO_PEERCRED"):
        return True
    credentials = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid == os.getuid()


def _run_child(conn: socket.socket, listener: socket.socket, lock: int, request: dict) -> None:
    """The forked copy: become the client's run, make it, send back its exit code."""
    code = 2
    try:
        # The listening socket and the lock are the daemon's: a run that outlives it
        # must not keep the next daemon from taking them.
        listener.close()
        os.close(lock)
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.default_int_handler if signum == signal.SIGINT else signal.SIG_DFL)
        send(conn, {"pid": os.getpid()})
        # The client's word to go, with its standard input, output and error; none if
        # it gave up waiting and lints on its own.
        go, fds = receive(conn, max_fds=3)
        if not go or not go.get("go") or len(fds) != 3:
            close_all(fds)
            os._exit(0)
        conn.settimeout(None)
        _become(fds, request)
        threading.Thread(target=_end_with_client, args=(conn,), daemon=True, name="policylint-client-watch").start()
        code = _main(request["run"])
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        send(conn, {"exit": code})
    except BaseException:  # noqa: BLE001 - a copy must never return into the daemon's loop
        try:
            traceback.print_exc()
        except Exception:  # noqa: BLE001, S110 - no stderr left to say it on
            pass
    os._exit(code)


def _become(fds: list[int], request: dict) -> None:
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
        os.close(fd)
    fds.clear()
    os.chdir(request["cwd"])
    os.environb.clear()
    os.environb.update(request["env"])
    time.tzset()
    os.umask(request["umask"])
    sys.argv = list(request["run"])
    streams = []
    for fd, (encoding, errors) in enumerate(request["encodings"]):
        mode = "r" if fd == 0 else "w"
        # As Python makes its own: stdout line-buffered on a terminal, stderr always.
        line_buffered = fd == 2 or (fd == 1 and os.isatty(1))
        streams.append(open(fd, mode, buffering=1 if line_buffered else -1, encoding=encoding or "utf-8", errors=errors or "strict", closefd=False))  # noqa: SIM115 - the run's own, for its life
    sys.stdin, sys.stdout, sys.stderr = streams
    sys.__stdin__, sys.__stdout__, sys.__stderr__ = streams


def _end_with_client(conn: socket.socket) -> None:
    # The client never writes again after its "go": an end of file means it was killed.
    # A run nobody waits for would go on linting a whole repository for no one.
    try:
        while conn.recv(1):
            pass
    except OSError:
        pass
    os._exit(2)


def _main(argv: list[str]) -> int:
    from policylint.cli import main

    try:
        main.main(args=argv[1:], prog_name="policylint")
    except SystemExit as stop:
        return _exit_code(stop.code)
    return 0


def _exit_code(code: object) -> int:
    """What Python makes of sys.exit(code) at the end of a program."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    print(code, file=sys.stderr)
    return 1


def command(path: str, idle_seconds: float) -> list[str]:
    """The command line that starts a daemon (see serve), as `daemon start` and a
    restart on new code run it."""
    return [sys.executable, "-m", "policylint.daemon.server", path, repr(idle_seconds)]


def _lock(path: str, seconds: float = 0.0) -> int | None:
    """The lock beside the socket, held for the daemon's life, or None when another
    daemon holds it for `seconds`: two starts at once (two runs, each starting one)
    leave one daemon."""
    import fcntl  # Unix only, as the daemon is; `daemon start` elsewhere says so first

    fd = os.open(beside_socket(path, ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    deadline = time.monotonic() + seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                return None
            time.sleep(0.01)


def is_locked(path: str) -> bool:
    """Whether a daemon, running or starting, holds the lock for `path`. Asked by taking
    the lock for an instant, which a daemon starting at that moment waits out."""
    if not os.path.exists(beside_socket(path, ".lock")):
        return False  # no daemon was ever started here: make no file to find that out
    try:
        fd = _lock(path)
    except OSError:
        return False
    if fd is None:
        return True
    os.close(fd)
    return False


def serve(path: str, idle_seconds: float) -> None:
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    lock = _lock(path, _LOCK_SECONDS)
    if lock is None:
        print(f"policylint daemon: another daemon is running or starting at {path}; this one stops")
        return
    # Whoever held the lock has gone: a socket left at the name is a killed daemon's.
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    # Before anything is imported: code changed while it loads is then code changed
    # since, and the first run finds the daemon stale.
    import_path, installation = sys.path[1:], _installation()
    _prepare()
    _Daemon(path, idle_seconds, import_path, installation, lock).serve()


if __name__ == "__main__":
    serve(sys.argv[1], float(sys.argv[2]))
