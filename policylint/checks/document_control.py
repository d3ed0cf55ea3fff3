"""document-control: the fields a policy owner expects in a controlled document.

Each field (owner, version, effective date, ...) is found in the front matter under one
of its keys, or in the text as a label ("مالك السياسة:", "Version:"). The fields that are
missing are suggested together, in one finding on line 1.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policylint.checks.base import Check, Context
from policylint.document import Block, Document
from policylint.findings import Hit, Span
from policylint.text.tokens import PhraseMatcher, phrase_words

_FIELD_KEYS = {"front_matter", "labels", "ar", "en"}


@dataclass(frozen=True)
class Field:
    id: str
    front_matter: tuple[str, ...]
    label_phrases: tuple[tuple[str, ...], ...]
    labels: PhraseMatcher
    names: dict[str, str]


class DocumentControl(Check):
    type_name = "document-control"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # id -> {front_matter: [keys], labels: [phrases], ar: name, en: name}
        fields: dict[str, Any]

        @functools.cached_property
        def compiled(self) -> tuple[Field, ...]:
            found = []
            for id, spec in self.fields.items():
                if not isinstance(spec, dict) or set(spec) - _FIELD_KEYS or not {"ar", "en"} <= set(spec):
                    raise ValueError(f"field {id!r} needs 'ar' and 'en' names, and may have 'front_matter' and 'labels' lists only")
                phrases = tuple(p for p in map(phrase_words, spec.get("labels") or ()) if p)
                names = {"ar": spec["ar"], "en": spec["en"]}
                found.append(Field(str(id), tuple(spec.get("front_matter") or ()), phrases, PhraseMatcher(phrases), names))
            return tuple(found)

    def prepare(self, params: Params) -> None:
        if not params.compiled:
            raise ValueError("'fields' needs at least one field")

    def _present(self, doc: Document, field: Field) -> bool:
        if any(doc.front_matter.get(key) not in (None, "") for key in field.front_matter):
            return True
        # A key that reads as one of the labels: «المالك:», «الإصدار:» in an Arabic header.
        key = doc.front_matter_key((), field.label_phrases)
        if key is not None and doc.front_matter[key] not in (None, ""):
            return True
        # One set test over the whole document's words first: a missing field would
        # otherwise be looked for sentence by sentence.
        return field.labels.may_occur(doc.word_keys) and _labelled_value(doc, field)

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        missing = [f for f in params.compiled if not self._present(doc, f)]
        if missing:
            names = {loc: separator.join(f.names[loc] for f in missing) for loc, separator in (("ar", "، "), ("en", ", "))}
            yield Hit(Span(0, doc.line_span(1).end), {"fields": names}, about="")


def _labelled_value(doc: Document, field: Field) -> bool:
    """A label of the field with a value after it: "Version: 2.3", or a table row
    "| Owner | Head of Support |". A bare "Owner:", or a control table with its value
    cells left empty, gives no field."""
    rows: dict[int, list[Block]] | None = None
    for block in doc.blocks:
        for sentence in block.sentences:
            for _, _first, last in field.labels.find(sentence.tokens):
                if any(t.is_word for t in sentence.tokens[last + 1 :]):
                    return True
                if block.kind == "table_cell":
                    if rows is None:
                        rows = _table_rows(doc)
                    line = doc.position(block.span.start).line
                    if any(cell is not block and cell.sentences for cell in rows.get(line, ())):
                        return True
    return False


def _table_rows(doc: Document) -> dict[int, list[Block]]:
    """The table cells of each line."""
    rows: dict[int, list[Block]] = {}
    for block in doc.blocks:
        if block.kind == "table_cell":
            rows.setdefault(doc.position(block.span.start).line, []).append(block)
    return rows
