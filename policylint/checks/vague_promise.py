"""vague-promise: a time promise with no number ("as soon as possible", "في أقرب وقت
ممكن"), from a word list like `vocabulary`, but only in sentences that do not also
state a measurable time: "we reply promptly, within 24 hours" promises something."""

from __future__ import annotations

from collections.abc import Iterator

from policylint.checks.base import Context
from policylint.checks.vocabulary import Vocabulary
from policylint.document import Document
from policylint.findings import Hit
from policylint.text.quantities import find_promises


class VaguePromise(Vocabulary):
    type_name = "vague-promise"

    def check(self, doc: Document, params: Vocabulary.Params, ctx: Context) -> Iterator[Hit]:
        for sentence in doc.sentences:
            if not self.applies(doc, sentence, params):
                continue
            if any(p.quantity.value is not None for p in find_promises(sentence.tokens)):
                continue
            yield from self.sentence_hits(doc, sentence, params)
