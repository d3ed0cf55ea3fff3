"""sentence-length: sentences longer than a limit, counted in words of one language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context
from policylint.document import Document
from policylint.findings import Hit
from policylint.text import counting


class SentenceLength(Check):
    type_name = "sentence-length"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        lang: str
        max_words: int

    def prepare(self, params: Params) -> None:
        if params.max_words < 1:
            raise ValueError("'max_words' must be at least 1")

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        for sentence in doc.sentences:
            if sentence.lang != params.lang:
                continue
            count = len(sentence.words)
            if count > params.max_words:
                # `words` the bare number (a user's own message may use it), `length` as
                # each language counts it: «9 كلمات», «24 كلمة».
                yield Hit(sentence.span, {"words": count, "length": counting.words(count), "limit": params.max_words})
