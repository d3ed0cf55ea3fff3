"""service-levels: the policy's time promises are measurable, complete and consistent.

One check type, three things to report (`report`), so that each is its own rule with its
own code and severity:
- missing: a channel the policy covers (a section of its own, or named in its scope)
  has no commitment, or lacks one for a required measure (complaints: acknowledgement
  and resolution, separately);
- placeholder: a promise whose number is still a template placeholder ("[X] ساعات");
- conflict: two different promises for the same channel and measure in one document,
  reported once, at the later one, naming the first.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policylint.checks.base import Check, Context
from policylint.commitments import DEFAULT_MEASURE, Commitment, Vocabulary, contradictions, covered_channels, extract, immediate, vocabulary
from policylint.document import Document
from policylint.findings import Hit, Span, listed
from policylint.text.tokens import PhraseMatcher, phrase_words

REPORTS = ("missing", "placeholder", "conflict")


def describe(commitment: Commitment) -> str:
    return " ".join(commitment.text.split())


class ServiceLevels(Check):
    type_name = "service-levels"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        report: str
        # Channel and measure names in both languages, and the names of the scope section.
        vocabulary: dict[str, Any]
        # The channels this rule looks at; empty means all of them.
        channels: tuple[str, ...] = ()
        # For `missing`: measures each covered channel must have a commitment for; empty
        # means any commitment will do.
        measures: tuple[str, ...] = ()
        # For `missing`: words that give a measure at once, with no number («فور استلامها»,
        # "straight away"); a sentence naming the measure and one of them gives it.
        immediate: tuple[str, ...] = ()

        @functools.cached_property
        def immediate_words(self) -> PhraseMatcher:
            return PhraseMatcher([phrase_words(p) for p in self.immediate if phrase_words(p)])

        @functools.cached_property
        def vocab(self) -> Vocabulary:
            return vocabulary(self.vocabulary)

    def prepare(self, params: Params) -> None:
        if params.immediate and params.report != "missing":
            raise ValueError("'immediate' is for report: missing only")
        params.immediate_words
        if params.report not in REPORTS:
            raise ValueError(f"'report' must be one of {', '.join(REPORTS)}, not {params.report!r}")
        vocab = params.vocab
        known = {c.id for c in vocab.channels}
        for channel in params.channels:
            if channel not in known:
                raise ValueError(f"unknown channel {channel!r} in 'channels'; known: {', '.join(sorted(known))}")
        measures = {m.id for m in vocab.measures} | {"response"}
        for measure in params.measures:
            if measure not in measures:
                raise ValueError(f"unknown measure {measure!r} in 'measures'; known: {', '.join(sorted(measures))}")

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        vocab = params.vocab
        wanted = set(params.channels) or {c.id for c in vocab.channels}
        commitments = extract(doc, vocab)
        if params.report == "placeholder":
            # One finding per promise: a table row naming two channels makes a commitment
            # for each from the same "[X] hours".
            by_span: dict[Span, list[Commitment]] = {}
            for c in commitments:
                if c.quantity.value is None and (c.channel in wanted or c.channel is None):
                    by_span.setdefault(c.span, []).append(c)
            for span, same in by_span.items():
                channels = listed(vocab.label("channel", c.channel) for c in same)
                yield Hit(span, {"channel": channels, "promise": describe(same[0]), "placeholder": same[0].quantity.placeholder})
        elif params.report == "conflict":
            for _, first, _, later in contradictions((None, c) for c in commitments):
                if later.channel in wanted:
                    yield Hit(later.span, {
                        "channel": vocab.label("channel", later.channel),
                        "measure": vocab.label("measure", later.measure),
                        "promise": describe(later),
                        "first": describe(first),
                        "first_line": doc.position(first.span.start).line,
                    })  # fmt: skip
        else:
            # A first reply promised on no channel in particular holds for each: a support
            # policy's priority table ("| P1 | 30 minutes | 4 hours |") gives email, phone
            # and chat their times. Not another measure: a refund is no channel's reply.
            general = {c.measure for c in commitments if c.channel is None and c.measure == DEFAULT_MEASURE}
            for channel, where in covered_channels(doc, vocab).items():
                if channel not in wanted:
                    continue
                have = {c.measure for c in commitments if c.channel == channel} | (general if not params.measures else set())
                if params.immediate:
                    have |= {m for ch, m in immediate(doc, vocab, params.immediate_words) if ch == channel}
                if not params.measures:
                    if not have:
                        yield Hit(where, {"channel": vocab.label("channel", channel)})
                    continue
                for measure in params.measures:
                    if measure not in have:
                        yield Hit(where, {"channel": vocab.label("channel", channel), "measure": vocab.label("measure", measure)})
