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
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
from dataclasses import astuple
from pathlib import Path
from typing import Any

from policylint import __version__
from policylint.outputs import OutputError, write_bytes_atomic

CACHE_DIR = ".policylint_cache"
# Bump when the shape of a cached entry changes.
FORMAT = 1


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
def _code_fingerprint() -> str:
    """policylint's own modules and built-in rules: a changed check or word list is a
    changed result, whatever the version number says."""
    package = Path(__file__).parent
    parts = [__version__, FORMAT, _tree_fingerprint(package, "*.py"), _tree_fingerprint(package / "rules", "*.yaml")]
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def key(display: str, text: str, config: Any, rule_packs: tuple[Path, ...], options: Any, explicit: bool) -> str:
    """The cache key of one file's result."""
    packs = [(str(folder), _tree_fingerprint(folder, "*.yaml")) for folder in rule_packs]
    config_part = (str(config.path), config.data, [o.data for o in config.overrides])
    digest = hashlib.sha256()
    for part in (_code_fingerprint(), display, repr(config_part), repr(packs), repr((astuple(options), explicit)), text):
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
        if not folder.exists():
            folder.mkdir(parents=True)
            (folder / ".gitignore").write_text("# Made by policylint: its cache of results.\n*\n", encoding="utf-8")
        path.parent.mkdir(exist_ok=True)
        write_bytes_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), durable=False)
    except (OSError, OutputError):
        pass  # a read-only folder: lint without a cache
