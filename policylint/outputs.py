"""Writing reports and baselines so that a failure never leaves half a file behind.

A report or baseline is written to a temporary file beside its destination and renamed
over it: a full disk or a killed run leaves the old file whole, and a reader (a CI
upload step, the next run's --baseline) never sees a partial one.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


class OutputError(Exception):
    """A file could not be written; the message names it and says what to do."""


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write text, whole or in pieces (a report as it is formatted), as UTF-8."""
    write_bytes_atomic(path, text.encode("utf-8") if isinstance(text, str) else (piece.encode("utf-8") for piece in text))


def write_bytes_atomic(path: Path, data: bytes | Iterable[bytes], durable: bool = True) -> None:
    """Write through a temporary file and a rename; `durable` also waits for the disk
    (a report or baseline must survive a crash; a cache entry need not)."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: cannot write: the folder {folder} does not exist; create it first")
    if path.is_dir():
        raise OutputError(f"{path}: cannot write: it is a folder; name a file")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        import tempfile  # only when something is written (a report, a cache entry): a warm run writes nothing

        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror}; check the folder's permissions") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, bytes):
                handle.write(data)
            else:
                for piece in data:
                    handle.write(piece)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        # mkstemp creates 0600; a report is as readable as any file the user makes.
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException as error:
        # Pieces are made while they are written: whatever stops the writing (a full
        # disk, an interrupt, a bug in a formatter) leaves no temporary file behind.
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise OutputError(f"{path}: cannot write: {error.strerror}; check free space and permissions") from None
        raise


def append_atomic(path: Path, text: str) -> None:
    """Add text to the end of a file (GitHub's step summary), all or nothing."""
    try:
        existing = path.read_bytes() if path.is_file() else b""
    except OSError as error:
        raise OutputError(f"{path}: cannot read it to add to it: {error.strerror}") from None
    write_bytes_atomic(path, existing + text.encode("utf-8"))
