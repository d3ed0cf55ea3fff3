"""Baselines: accepted findings recorded in a file, so a gate can be adopted on an old
repository and fail only on what is new.

A finding is recorded by its file (relative to the baseline), its rule, and a fingerprint
of the text it is about and the line that text stands on, not by its line number, so it
stays matched when lines are added above it. Identical findings in one file are counted: a fourth "[X]" where three were accepted
is new.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from policylint.findings import Finding
from policylint.inputs import Unreadable, read_bytes
from policylint.outputs import write_atomic

VERSION = 1
# A baseline of a hundred thousand findings is about 20 MB.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


class BaselineError(ValueError):
    pass


def fingerprint(finding: Finding) -> str:
    """The rule, the text, and the line it stands on, with spacing ignored."""
    text = " ".join(finding.snippet.split())
    context = " ".join(finding.context.split())
    return hashlib.sha256(f"{finding.code}\0{text}\0{context}".encode()).hexdigest()[:16]


def _key(finding: Finding, base: Path) -> tuple[str, str, str]:
    path = Path(os.path.relpath(Path(finding.path).resolve(), base.resolve())).as_posix()
    return path, finding.code, fingerprint(finding)


def write(path: Path, findings: list[Finding]) -> int:
    counts = Counter(_key(f, path.parent) for f in findings)
    texts = {_key(f, path.parent): f.snippet for f in findings}
    entries = [
        {"path": p, "code": code, "fingerprint": fp, "count": n, "text": texts[(p, code, fp)]}
        for (p, code, fp), n in sorted(counts.items())
    ]
    data = {"tool": "policylint", "version": VERSION, "findings": entries}
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return len(findings)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 2**31 or value != int(value):
        raise ValueError(f"'count' must be a whole number of findings, not {value!r}")
    return int(value)


def load(path: Path) -> Counter[tuple[str, str, str]]:
    try:
        data = json.loads(read_bytes(path, MAX_BASELINE_BYTES))
        if not isinstance(data, dict) or data.get("tool") != "policylint" or data.get("version") != VERSION:
            raise BaselineError(f"{path}: not a policylint baseline (version {VERSION}); write one with --write-baseline")
        return Counter({(str(e["path"]), str(e["code"]), str(e["fingerprint"])): _count(e["count"]) for e in data["findings"]})
    except Unreadable as error:
        raise BaselineError(f"{path}: cannot read the baseline: {error.message}; create it with --write-baseline") from None
    except RecursionError:
        raise BaselineError(f"{path}: the baseline is nested too deeply to be one; write it again with --write-baseline") from None
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as error:
        if isinstance(error, BaselineError):
            raise
        raise BaselineError(f"{path}: the baseline is damaged ({error}); write it again with --write-baseline") from None


def hide(findings: list[Finding], path: Path) -> tuple[list[Finding], int]:
    """The findings the baseline at `path` does not account for, and how many it hid."""
    remaining = load(path)
    kept = []
    for finding in findings:
        key = _key(finding, path.parent)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(finding)
    return kept, len(findings) - len(kept)
