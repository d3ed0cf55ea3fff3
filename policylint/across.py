"""Service-level commitments compared across documents: `policylint sla`, and
`policylint check --across-files`, which reports them as findings so that a CI gate can
stop a policy and a code of conduct that promise different times.

Comparisons are made in one order whatever order the files were named in (by path, then
position), so the same files always give the same conflicts.
"""

from __future__ import annotations

from dataclasses import dataclass

from policylint import engine
from policylint.commitments import Commitment, Vocabulary, contradictions, extract
from policylint.document import Document
from policylint.findings import Finding, Position
from policylint.rulepacks import Rule, RuleSet


@dataclass(frozen=True)
class Row:
    path: str
    line: int
    column: int
    commitment: Commitment
    vocab: Vocabulary
    lang: str = "en"  # the document's, for a message about it
    span: tuple[Position, Position] | None = None  # start and end, for a finding

    def sort_key(self) -> tuple[str, int, int]:
        return (self.path, self.line, self.column)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    def quantity(self) -> str:
        q = self.commitment.quantity
        if q.value is None:
            return q.placeholder or "?"
        return f"{q.value:g}"

    def as_json(self) -> dict[str, object]:
        c = self.commitment
        return {
            "path": self.path, "line": self.line, "column": self.column, "channel": c.channel,
            "measure": c.measure, "quantity": c.quantity.value, "unit": c.quantity.unit,
            "placeholder": c.quantity.placeholder, "average": c.average, "segment": c.segment, "share": c.share, "when": list(c.when), "text": " ".join(c.text.split()),
        }  # fmt: skip


def _vocabulary(doc: Document, ruleset: RuleSet, settings: engine.Settings) -> Vocabulary | None:
    """The vocabulary of the service-levels rules that apply to this document."""
    kind = engine.detect_kind(doc, ruleset, settings)
    for rules in (engine.active_rules(ruleset, kind, settings), ruleset.rules):
        for rule in rules:
            if rule.type == "service-levels":
                return rule.params.vocab
    return None


def document_rows(doc: Document, ruleset: RuleSet, settings: engine.Settings) -> list[Row]:
    """Every commitment of one document, with where it stands."""
    vocab = _vocabulary(doc, ruleset, settings)
    if vocab is None:
        return []
    rows = []
    for commitment in extract(doc, vocab):
        at, end = doc.position(commitment.span.start), doc.position(commitment.span.end)
        rows.append(Row(doc.path, at.line, at.column, commitment, vocab, doc.lang, (at, end)))
    return rows


def conflicts(rows: list[Row]) -> list[tuple[Row, Row]]:
    """The pairs of rows that contradict each other, in the order of Row.sort_key."""
    ordered = sorted(rows, key=Row.sort_key)
    return [(first, later) for first, _, later, _ in contradictions((row, row.commitment) for row in ordered)]


def findings(rows: list[Row], rule: Rule, locale: str | None) -> list[Finding]:
    """A finding of `rule` at each commitment that contradicts one in another document
    (within a document, the conflicting-commitments rule already reports it)."""
    found = []
    for first, later in conflicts(rows):
        if first.path == later.path or later.span is None:
            continue
        c = later.commitment
        values = {
            "channel": later.vocab.label("channel", c.channel), "measure": later.vocab.label("measure", c.measure),
            "promise": " ".join(c.text.split()), "first": " ".join(first.commitment.text.split()), "first_where": first.where,
        }  # fmt: skip
        start, end = later.span
        found.append(Finding(later.path, start, end, rule.code, rule.slug, rule.severity, rule.message(locale or later.lang, values), c.text))
    return found
