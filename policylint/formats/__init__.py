"""Output formats. A formatter turns a report into text; it never decides what is a problem.

Each format gives its text in pieces, in order: the command line writes them as they
come, so a run with tens of thousands of findings never holds its whole report twice
(once as findings, once as text) in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from policylint.formats import github, json_format, junit, sarif, text_format
from policylint.runner import Report


def _whole(render: Callable[..., str]) -> Callable[..., Iterator[str]]:
    """A format that can only make its text at once (an XML tree, SARIF's nested JSON)."""

    def chunks(report: Report, **options: object) -> Iterator[str]:
        yield render(report, **options)

    return chunks


FORMATS: dict[str, Callable[..., Iterable[str]]] = {
    "text": text_format.chunks,
    "json": json_format.chunks,
    "sarif": _whole(sarif.render),
    "github": github.chunks,
    "junit": _whole(junit.render),
}


def stream(name: str, report: Report, **options: object) -> Iterator[str]:
    """The report in pieces of a reasonable size (one write each), in order."""
    batch: list[str] = []
    size = 0
    for piece in FORMATS[name](report, **options):
        batch.append(piece)
        size += len(piece)
        if size >= 65536:
            yield "".join(batch)
            batch, size = [], 0
    if batch:
        yield "".join(batch)


def render(name: str, report: Report, **options: object) -> str:
    return "".join(FORMATS[name](report, **options))
