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

import regex

from policylint.checks.base import Check, Context
from policylint.document import Document
from policylint.findings import Hit, Span, listed
from policylint.text.labels import VALUE_SEPARATORS
from policylint.text.tokens import PhraseMatcher, phrase_words

_FIELD_KEYS = {"front_matter", "labels", "lead_ins", "ar", "en"}


@dataclass(frozen=True)
class Field:
    id: str
    front_matter: tuple[str, ...]
    label_phrases: tuple[tuple[str, ...], ...]
    labels: PhraseMatcher  # the labels, then the lead-ins
    names: dict[str, str]
    # Indexes in `labels` of the lead-ins: labels that need no colon ("Prepared by ...").
    lead_ins: frozenset[int] = frozenset()


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
                    raise ValueError(f"field {id!r} needs 'ar' and 'en' names, and may have 'front_matter', 'labels' and 'lead_ins' lists only")
                for key in ("front_matter", "labels", "lead_ins"):
                    listed = spec.get(key) or []
                    if not isinstance(listed, list) or not all(isinstance(item, str) for item in listed):
                        raise ValueError(f"field {id!r}: '{key}' must be a list of text, not {listed!r}")
                phrases = tuple(p for p in map(phrase_words, spec.get("labels") or ()) if p)
                lead_ins = tuple(p for p in map(phrase_words, spec.get("lead_ins") or ()) if p)
                names = {"ar": spec["ar"], "en": spec["en"]}
                indexes = frozenset(range(len(phrases), len(phrases) + len(lead_ins)))
                matcher = PhraseMatcher(phrases + lead_ins)
                found.append(Field(str(id), tuple(spec.get("front_matter") or ()), phrases + lead_ins, matcher, names, indexes))
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
            yield Hit(Span(0, doc.line_span(1).end), {"fields": listed(f.names for f in missing)}, about="")


def _labelled_value(doc: Document, field: Field) -> bool:
    """A label of the field opening a line or sentence, with a value after it: "Version: 2.3",
    "Version 2.3", "Prepared by the Support team" (a lead-in), or a table row "| Owner |
    Head of Support |". A bare "Owner:", a control table with its value cells left empty,
    or the label's words inside a sentence («٣. إصدار رخصة البناء خلال ٥ أيام» is issuing
    a licence, "the owner of the account" no policy owner) give no field."""
    for block in doc.blocks:
        for sentence in block.sentences:
            tokens = sentence.tokens
            for index, first, last in field.labels.find(tokens):
                if not (first <= tokens.first_word or _opens_field(doc.prose, tokens[first].start)):
                    continue
                followed = any(t.is_word for t in tokens[last + 1 :])
                if block.kind == "table_cell" and not followed:
                    # The label fills its cell: the value is in another cell of its row.
                    if any(cell is not block and cell.sentences for cell in doc.table_rows.get(block.row, ())):
                        return True
                    continue
                # Elsewhere a separator or a number follows the label, and then its value:
                # «| إصدار رخصة بناء | ٥ أيام |» is issuing a licence, not the version.
                after = tokens[last + 1 : last + 2]
                separated = after and (after[0].text in _SEPARATORS or any(c.isdigit() for c in after[0].text))
                if followed and (index in field.lead_ins or separated):
                    return True
    return False


# What stands between a label and its value (labels.py); a field's also "=" ("version = 2").
_SEPARATORS = frozenset(VALUE_SEPARATORS + "=")
_LETTER = regex.compile(r"\p{L}")


def _opens_field(prose: str, offset: int) -> bool:
    """Nothing but markup, bullets or numbering before `offset` on its line, or a field
    before it set off by a dash or a bar: «**الإصدار:** ٢.٠ — **المالك:** إدارة الجودة»,
    "Version: 2 | Owner: Support". Looked for in the characters just before it only:
    from every label of a long line back to the line's start took quadratic time, and
    markup before a label is short."""
    window = max(0, offset - _MARKUP_BEFORE_LABEL)
    line_start = prose.rfind("\n", window, offset) + 1 or window
    if _LETTER.search(prose, line_start, offset) is None:
        return True
    before = prose[line_start:offset].rstrip()
    return before.endswith(_FIELD_BREAKS) or before.endswith("-") and before[-2:-1].isspace()


# What sets one field off from the next on a line (a hyphen only with a space before it:
# "Version: 2 - Owner: ...", not "e-mail").
_FIELD_BREAKS = ("—", "–", "|", "·", "•", "؛", ";")


_MARKUP_BEFORE_LABEL = 80


