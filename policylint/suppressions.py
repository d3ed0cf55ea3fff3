"""Inline suppressions written as HTML comments, invisible in rendered Markdown:

    <!-- policylint-disable RULE[, RULE...] -->        until -enable or the end
    <!-- policylint-enable RULE[, RULE...] -->
    <!-- policylint-disable-next-line RULE... -->     the next line only
    <!-- policylint-disable-file RULE... -->          the whole file

Without RULE, every rule. RULE is a code (PLH101) or a slug (placeholder-text).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from policylint.document import Document
from policylint.findings import Finding, Span

_DIRECTIVE = regex.compile(
    r"<!--\s*policylint-(disable-next-line|disable-file|disable|enable)\b([^>]*?)\s*-->", regex.S
)
_NAMES = regex.compile(r"[\w.-]+")


@dataclass
class Suppression:
    directive: str
    names: frozenset[str] | None  # None: every rule
    span: Span
    first_line: int
    last_line: int  # inclusive
    used: bool = field(default=False)

    @property
    def keys(self) -> Iterable[str | None]:
        """The rule names it applies to; None stands for every rule."""
        return self.names or (None,)


def parse(doc: Document) -> list[Suppression]:
    last_line = doc.position(len(doc.source)).line
    found: list[Suppression] = []
    open_ranges: dict[str | None, Suppression] = {}
    for span, text in doc.comments:
        m = _DIRECTIVE.fullmatch(text)
        if not m:
            continue
        directive = m.group(1)
        names = frozenset(_NAMES.findall(m.group(2))) or None
        line = doc.position(span.start).line
        end_line = doc.position(span.end).line
        if directive == "disable-file":
            found.append(Suppression(directive, names, span, 1, last_line))
        elif directive == "disable-next-line":
            found.append(Suppression(directive, names, span, end_line + 1, end_line + 1))
        elif directive == "disable":
            suppression = Suppression(directive, names, span, line, last_line)
            found.append(suppression)
            for name in names or [None]:
                open_ranges[name] = suppression
        else:  # enable: close what it names, or everything
            for key in list(open_ranges):
                if names is None or key in names or (key is None):
                    open_ranges.pop(key).last_line = line
    return found


def _any_between(sorted_lines: list[int], first: int, last: int) -> bool:
    at = bisect.bisect_left(sorted_lines, first)
    return at < len(sorted_lines) and sorted_lines[at] <= last


class _Coverage:
    """The lines each rule name's suppressions cover, as merged ranges found by bisection:
    a file with thousands of suppressions and findings would otherwise test every finding
    against every suppression."""

    def __init__(self, inline: Sequence[Suppression]) -> None:
        ranges: dict[str | None, list[tuple[int, int]]] = {}
        for suppression in inline:
            for key in suppression.keys:
                ranges.setdefault(key, []).append((suppression.first_line, suppression.last_line))
        self._starts: dict[str | None, list[int]] = {}
        self._ends: dict[str | None, list[int]] = {}
        for key, spans in ranges.items():
            starts, ends = self._starts.setdefault(key, []), self._ends.setdefault(key, [])
            for first, last in sorted(spans):
                if ends and first <= ends[-1] + 1:
                    ends[-1] = max(ends[-1], last)
                else:
                    starts.append(first)
                    ends.append(last)

    def covers(self, line: int, names: tuple[str, ...]) -> bool:
        for key in (*names, None):
            starts = self._starts.get(key)
            if starts:
                at = bisect.bisect_right(starts, line) - 1
                if at >= 0 and line <= self._ends[key][at]:
                    return True
        return False


def apply(inline: Sequence[Suppression], reported: Iterable[tuple[tuple[str, ...], Finding]]) -> list[Finding]:
    """The findings no suppression covers (each given with its rule's code and slug), in
    order; every suppression that covers at least one finding is marked used."""
    if not inline:
        return [finding for _, finding in reported]
    coverage = _Coverage(inline)
    kept: list[Finding] = []
    covered_lines: dict[str | None, list[int]] = {}  # rule name (None: any) -> lines of covered findings
    for names, finding in reported:
        line = finding.start.line
        if coverage.covers(line, names):
            for key in (*names, None):
                covered_lines.setdefault(key, []).append(line)
        else:
            kept.append(finding)
    for lines in covered_lines.values():
        lines.sort()
    for suppression in inline:
        suppression.used = suppression.used or any(
            _any_between(covered_lines.get(key, []), suppression.first_line, suppression.last_line) for key in suppression.keys
        )
    return kept
