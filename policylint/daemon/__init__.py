"""Where the daemon listens, and whether this system can have one.

The daemon (`policylint daemon start`) is one process that has imported policylint and
read its built-in rules; it forks a copy of itself for each run, which works as a
`policylint` started afresh would, on the client's own terminal and files. A run through
it skips the start-up an editor or a pre-commit hook pays on every file.

This module is imported by every `policylint` command, daemon or not, before anything
else: a run without a daemon pays for one look for the socket, and nothing else.
"""

from __future__ import annotations

import os
import sys
import zlib

# Unix sockets that carry open files (SCM_RIGHTS) and fork(): Linux, macOS, the BSDs.
SUPPORTED = os.name == "posix" and hasattr(os, "fork")
DIR_ENV = "POLICYLINT_DAEMON_DIR"
OFF_ENV = "POLICYLINT_NO_DAEMON"


class UnsafeFolder(Exception):
    """The daemon's folder is not this user's alone: another user could listen there."""


def folder(make: bool = False) -> str:
    """$POLICYLINT_DAEMON_DIR, else $XDG_RUNTIME_DIR/policylint, else
    $TMPDIR/policylint-<uid>; made (by `daemon start` only) if missing, and used only
    when it belongs to this user and no one else may enter it."""
    chosen = os.environ.get(DIR_ENV)
    if not chosen:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        chosen = os.path.join(runtime, "policylint") if runtime else os.path.join(os.environ.get("TMPDIR") or "/tmp", f"policylint-{os.getuid()}")
    try:
        if make:
            os.makedirs(chosen, mode=0o700, exist_ok=True)
        info = os.stat(chosen)
    except OSError as error:
        raise UnsafeFolder(f"{chosen}: cannot make or read it: {error.strerror}") from None
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise UnsafeFolder(f"{chosen}: it must belong to you and be closed to others (chmod 700), or set ${DIR_ENV} to a folder that is")
    return chosen


def socket_path(make: bool = False) -> str:
    """One daemon per user and installation: the interpreter and the copy of policylint
    it runs (a project's venv and a global install each have their own)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    installation = f"{sys.executable}\0{package}".encode("utf-8", "surrogateescape")
    return os.path.join(folder(make), f"{zlib.crc32(installation):08x}.sock")
