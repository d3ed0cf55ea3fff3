"""The built-in rules as prepared (read from YAML, their phrase lists tokenised, their
parameters checked), kept between runs in the results cache folder.

Preparing them is a fifth of a run on one file; reading them back is a fiftieth. The
snapshot is named by everything its content depends on: policylint's own modules and
rules, the Python and `regex` versions. Anything else (a damaged or foreign file, an
unwritable folder) means the rules are prepared from YAML as before. A new snapshot
replaces all but the few most recent others: one repository may be linted by more than
one installation (a venv's and pre-commit's), and each would otherwise delete the
other's at every run.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import regex

from policylint.outputs import OutputError, write_bytes_atomic
from policylint.results_cache import code_fingerprint, make_folder

_PREFIX = "rules-"
_SUFFIX = ".pickle"
_KEEP_OTHERS = 3


@functools.cache
def _name() -> str:
    key = hashlib.sha256(repr((code_fingerprint(), sys.version, regex.__version__)).encode()).hexdigest()[:32]
    return f"{_PREFIX}{key}{_SUFFIX}"


def load(folder: Path) -> Any | None:
    try:
        return pickle.loads((folder / _name()).read_bytes())
    except Exception:  # noqa: BLE001 - a missing, damaged or foreign snapshot is a miss
        return None


def store(folder: Path, prepared: Any) -> None:
    try:
        data = pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)
        make_folder(folder)
        name = _name()
        write_bytes_atomic(folder / name, data, durable=False)
        with os.scandir(folder) as found:
            others = [e for e in found if e.name.startswith(_PREFIX) and e.name.endswith(_SUFFIX) and e.name != name]
        others.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        for entry in others[_KEEP_OTHERS:]:
            os.unlink(entry.path)
    except (OSError, OutputError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only folder, or rules that cannot be kept: prepared at every start
