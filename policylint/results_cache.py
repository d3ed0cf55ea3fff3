"""A cache of each file's results, so that a re-run on an unchanged repository lints only
what changed (ruff's cache is the model).

An entry is keyed by everything its result depends on: the file's text and the path it is
reported under, the configuration that applies to it, the rule packs (built-in and the
user's), policylint's own code, and the options of the run (the date review dates are
judged by among them). Any change makes a new key; nothing is ever invalidated by hand.
Entries live in `.policylint_cache/` in the folder policylint runs from (or
$POLICYLINT_CACHE_DIR), which holds a .gitignore so that it is never committed. A damaged
or unreadable entry is a miss, never an error; `--no-cache` (or $POLICYLINT_NO_CACHE)
turns the cache off.

The date is part of every key, so an entry is not read again after its day (unless the
date is given with --today); once a day, a run deletes the entries written more than a
week before (only in a cache folder policylint made itself). Without that, a repository
linted every day would keep a copy of every result of every day.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import time
from dataclasses import astuple
from pathlib import Path
from typing import Any

from policylint import __version__
from policylint.outputs import OutputError, write_bytes_atomic

CACHE_DIR = ".policylint_cache"
# Bump when the shape of a cached entry changes.
FORMAT = 1
MAX_AGE_SECONDS = 7 * 24 * 3600
PRUNE_EVERY_SECONDS = 24 * 3600
PRUNED_STAMP = "last-pruned"
# The first line of the .gitignore policylint writes in a cache folder it makes; a folder
# without it (one the user named, already holding files) is never pruned.
_MARK = "# Made by policylint: its cache of results."
# Only what policylint wrote is ever deleted: entries (xx/<64 hex digits>) and the
# temporary files of writes that were stopped half-way (xx/.<entry>.<random>.tmp).
_SUBFOLDER = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"\.?[0-9a-f]{64}(?:\.[^/]*\.tmp)?")


def cache_dir() -> Path | None:
    if os.environ.get("POLICYLINT_NO_CACHE"):
        return None
    return Path(os.environ.get("POLICYLINT_CACHE_DIR") or CACHE_DIR)


def _tree_fingerprint(folder: Path, pattern: str) -> list[tuple[str, int, int]]:
    found = []
    for path in sorted(folder.rglob(pattern)):
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((path.relative_to(folder).as_posix(), info.st_size, info.st_mtime_ns))
    return found


@functools.cache
def code_fingerprint() -> str:
    """policylint's own modules and built-in rules: a changed check or word list is a
    changed result, whatever the version number says."""
    package = Path(__file__).parent
    parts = [__version__, FORMAT, _tree_fingerprint(package, "*.py"), _tree_fingerprint(package / "rules", "*.yaml")]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def settings(config: Any, rule_packs: tuple[Path, ...], options: Any, explicit: bool) -> bytes:
    """The digest of what a key depends on besides the file itself: the same for every
    file under one configuration in a run, so a run works it out once per configuration
    (the runner keeps it) instead of walking the user's rule packs for every file."""
    packs = [(str(folder), _tree_fingerprint(folder, "*.yaml")) for folder in rule_packs]
    config_part = (str(config.path), config.data, [o.data for o in config.overrides])
    digest = hashlib.sha256()
    for part in (code_fingerprint(), repr(config_part), repr(packs), repr((astuple(options), explicit))):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.digest()


def key(settings_digest: bytes, display: str, text: str) -> str:
    """The cache key of one file's result: its settings (see `settings`), the path it is
    reported under and its text."""
    digest = hashlib.sha256(settings_digest)
    for part in (display, text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


def _entry(folder: Path, entry_key: str) -> Path:
    return folder / entry_key[:2] / entry_key


def load(entry_key: str) -> Any | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return pickle.loads(_entry(folder, entry_key).read_bytes())
    except Exception:  # noqa: BLE001 - a damaged or foreign entry is a miss
        return None


def store(entry_key: str, value: Any) -> None:
    folder = cache_dir()
    if folder is None:
        return
    path = _entry(folder, entry_key)
    try:
        make_folder(folder)
        path.parent.mkdir(exist_ok=True)
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except (OSError, OutputError):
        pass  # a read-only folder: lint without a cache


def make_folder(folder: Path) -> None:
    """The cache folder, made with a .gitignore that keeps it out of commits and marks
    it as policylint's own (prune deletes only in such a folder)."""
    if not folder.exists():
        folder.mkdir(parents=True)
        (folder / ".gitignore").write_text(f"{_MARK}\n*\n", encoding="utf-8")


def prune() -> None:
    """Delete the entries written more than a week ago; at most once a day, as the mtime
    of the stamp file says, and only in a folder policylint made. Any error leaves the
    cache as it is."""
    folder = cache_dir()
    if folder is None or not folder.is_dir():
        return
    now = time.time()
    stamp = folder / PRUNED_STAMP
    try:
        if now - stamp.stat().st_mtime < PRUNE_EVERY_SECONDS:
            return
    except FileNotFoundError:
        pass
    except OSError:
        return
    try:
        if not (folder / ".gitignore").read_text(encoding="utf-8").startswith(_MARK):
            return
        stamp.touch()
        with os.scandir(folder) as found:
            subfolders = [e.path for e in found if _SUBFOLDER.fullmatch(e.name) and e.is_dir(follow_symlinks=False)]
        for subfolder in subfolders:
            with os.scandir(subfolder) as found:
                old = [e.path for e in found if _ENTRY.fullmatch(e.name) and e.is_file(follow_symlinks=False) and now - e.stat(follow_symlinks=False).st_mtime > MAX_AGE_SECONDS]
            for path in old:
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    continue  # another run pruned it first
    except (OSError, ValueError):  # ValueError: a .gitignore that is not UTF-8
        return
