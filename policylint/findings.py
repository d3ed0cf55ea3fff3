"""What a check reports (Hit) and what the user sees (Finding)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {name!r}; use one of: error, warning, info"
            ) from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True)
class Span:
    """Half-open range of code-point offsets into a document's source."""

    start: int
    end: int


@dataclass(frozen=True)
class Hit:
    """A check's report: where, and the values its rule's message needs."""

    span: Span
    values: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Finding:
    path: str
    start: Position
    end: Position
    code: str
    slug: str
    severity: Severity
    message: str
    # The text the finding is about; baselines and reports use it.
    snippet: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start.line, self.start.column, self.code)
