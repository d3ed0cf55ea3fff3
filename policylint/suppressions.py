"""Inline suppressions written as HTML comments, invisible in rendered Markdown:

    <!-- policylint-disable RULE[, RULE...] -->        until -enable or the end
    <!-- policylint-enable RULE[, RULE...] -->
    <!-- policylint-disable-next-line RULE... -->     the next line only
    <!-- policylint-disable-file RULE... -->          the whole file

Without RULE, every rule. RULE is a code (PLH101) or a slug (placeholder-text).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from policylint.document import Document
from policylint.findings import Span

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

    def covers(self, line: int, names: tuple[str, str]) -> bool:
        return self.first_line <= line <= self.last_line and (self.names is None or bool(self.names & set(names)))


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

