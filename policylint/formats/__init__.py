"""Output formats. A formatter turns a report into text; it never decides what is a problem.

Each format gives its text in pieces, in order: the command line writes them as they
come, so a run with tens of thousands of findings never holds its whole report twice
(once as findings, once as text) in memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policylint.runner import Report


def _whole(render: Callable[..., str]) -> Callable[..., Iterator[str]]:
    """A format that can only make its text at once (an XML tree, SARIF's nested JSON)."""

    def chunks(report: Report, **options: object) -> Iterator[str]:
        yield render(report, **options)

    return chunks


# Each format's module and function, and whether it makes its text at once. Imported
# when a run writes that format: the command line needs only the names, and
# `policylint --version` or `--help` should not wait for the linter to load.
_FORMATTERS: dict[str, tuple[str, str, bool]] = {
    "text": ("text_format", "chunks", False),
    "json": ("json_format", "chunks", False),
    "sarif": ("sarif", "render", True),
    "github": ("github", "chunks", False),
    "junit": ("junit", "render", True),
}
NAMES = tuple(sorted(_FORMATTERS))


def formatter(name: str) -> Callable[..., Iterable[str]]:
    module, function, whole = _FORMATTERS[name]
    made = getattr(importlib.import_module(f"policylint.formats.{module}"), function)
    return _whole(made) if whole else made


def stream(name: str, report: Report, **options: object) -> Iterator[str]:
    """The report in pieces of a reasonable size (one write each), in order."""
    batch: list[str] = []
    size = 0
    for piece in formatter(name)(report, **options):
        batch.append(piece)
        size += len(piece)
        if size >= 65536:
            yield "".join(batch)
            batch, size = [], 0
    if batch:
        yield "".join(batch)


def render(name: str, report: Report, **options: object) -> str:
    return "".join(formatter(name)(report, **options))
