"""What a check reports (Hit) and what the user sees (Finding)."""

from __future__ import annotations

import dataclasses
import enum
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar

_Class = TypeVar("_Class", bound=type)


def _pickled_by_fields(cls: _Class) -> _Class:
    """Pickle instances as the class and a tuple of their fields (made in C by
    attrgetter). Findings cross processes by the tens of thousands (helpers' results, the
    results cache), and Python 3.11 pickles a slots dataclass through Python functions
    that look its fields up again for every object: a third of a warm run went there."""
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment]
    return cls


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


class Localised(dict[str, str]):
    """A value in both languages ({"ar": ..., "en": ...}): a message shows the one in its
    own language, so an English message about an Arabic document stays English."""

    def pick(self, locale: str) -> str:
        return self.get(locale) or self.get("en") or next(iter(self.values()), "")


def listed(values: Iterable[Mapping[str, str]]) -> dict[str, str]:
    """Names in both languages ({"ar": ..., "en": ...}) as one list in each, with its own
    comma: «أ، ب», "a, b". A plain dict, as messages name the language ("{fields[ar]}")."""
    values = list(values)
    return {locale: comma.join(v[locale] for v in values) for locale, comma in (("ar", "، "), ("en", ", "))}


class Span(NamedTuple):
    """Half-open range of code-point offsets into a document's source. A named tuple:
    parsing makes one for every block, sentence and token run, and a tuple is made
    several times faster than a frozen dataclass."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Hit:
    """A check's report: where, and the values its rule's message needs.

    `about` is the text the finding is about when that is not the text of its span: ""
    for something missing from the whole document, reported on line 1.
    """

    span: Span
    values: dict[str, Any] = field(default_factory=dict)
    about: str | None = None


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Position:
    line: int
    column: int  # 1-based, in code points
    # The same column in UTF-16 code units (SARIF's default, LSP): differs after a
    # character outside the Basic Multilingual Plane, such as an emoji.
    column_utf16: int = 0


@_pickled_by_fields
@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    start: Position
    end: Position
    code: str
    slug: str
    severity: Severity
    message: str
    # The text the finding is about ("" for what is missing from the whole document).
    snippet: str = ""
    # The whole line it starts on: what tells apart two "[X]" in one file, wherever
    # lines move (baselines, SARIF fingerprints).
    context: str = ""
    # The column (1-based) of the line where `context` begins: 1 unless the line was too
    # long to keep whole.
    context_column: int = 1

    @property
    def sort_key(self) -> tuple[str, int, int, str, int, int, str]:
        return (self.path, self.start.line, self.start.column, self.code, self.end.line, self.end.column, self.message)
