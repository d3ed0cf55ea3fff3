"""vague-promise: a time promise with no number ("as soon as possible", "في أقرب وقت
ممكن"), from a word list like `vocabulary`, only where a time promise belongs, and judged
clause by clause: "we reply promptly, within 24 hours" promises something, but in
"we acknowledge within 24 hours and resolve it as soon as possible" the resolution has
no number, whatever the acknowledgement has."""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from policylint.checks.base import Context
from policylint.checks.vocabulary import Vocabulary
from policylint.document import Document, Sentence
from policylint.findings import Hit
from policylint.text.quantities import find_promises
from policylint.text.tokens import PhraseSet, Token, phrase_words


class VaguePromise(Vocabulary):
    type_name = "vague-promise"

    @dataclass(frozen=True, kw_only=True)
    class Params(Vocabulary.Params):
        # Sections that state aims, not service times (vision, mission, values): "we help
        # our customers as far as possible" there is not a late reply.
        skip_sections: tuple[str, ...] = ()

        @functools.cached_property
        def skipped_phrases(self) -> PhraseSet:
            return PhraseSet(map(phrase_words, self.skip_sections))

    def prepare(self, params: Params) -> None:
        super().prepare(params)
        params.skipped_phrases

    def _in_skipped_section(self, doc: Document, sentence: Sentence, params: Params) -> bool:
        return any(params.skipped_phrases.in_words(section.words) for section in doc.enclosing_sections(sentence.span.start))

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        may_occur = params.matcher.may_occur
        if not may_occur(doc.word_keys):
            return  # no vague phrase anywhere in the document
        for sentence in doc.sentences:
            if not may_occur(sentence.tokens.all_keys) or not self.applies(doc, sentence, params):
                continue
            # Most sentences hold no vague phrase: find those first, and read promises,
            # actions and positions only where there is one.
            hits = list(self.sentence_hits(doc, sentence, params))
            if not hits or self._in_skipped_section(doc, sentence, params):
                continue
            tokens = sentence.tokens
            measured = [(p.first, p.last) for p in find_promises(tokens) if p.quantity.value is not None]
            measured += _shares(tokens)
            measured.sort()
            measured_starts = [start for start, _ in measured]
            # The furthest end of a measured promise among those starting so far: the one
            # nearest to a vague phrase after them.
            furthest_ends = list(itertools.accumulate((end for _, end in measured), max))
            # Where an action begins ("resolve", «ونحلها»): a number before it does not
            # measure what comes after it, and the other way round.
            actions = sorted(first for _, first, _last in params.required_in(tokens))
            starts = {t.start: i for i, t in enumerate(tokens)}
            ends = {t.end: i for i, t in enumerate(tokens)}
            unmeasured = []
            for hit in hits:
                first, last = starts.get(hit.span.start), ends.get(hit.span.end)
                if first is None or last is None:
                    yield hit
                    continue
                own = _own_action(tokens, last, actions)
                # A measured promise in the same clause: no action word between it and the
                # vague phrase (starting at token first), but the one at `own` the phrase
                # leads into: in "we aim to reply within 24 hours" and «نسعى إلى الرد خلال
                # ٢٤ ساعة» the reply is what is aimed at. The nearest promise on either
                # side is the only one to look at: one further away has more between.
                before = bisect.bisect_left(measured_starts, first)
                if before and _no_action_between(actions, furthest_ends[before - 1], first):
                    continue
                if before < len(measured) and _no_action_between(actions, own, measured_starts[before]):
                    continue
                unmeasured.append((first, own, hit))
            # One finding a clause: "we aim to resolve it as soon as possible" is one vague
            # promise, reported at the last of its vague phrases, where the time should be:
            # not where the next vague phrase shares its clause.
            unmeasured.sort(key=lambda found: found[0])
            for k, (_first, own, hit) in enumerate(unmeasured):
                if k + 1 == len(unmeasured) or not _no_action_between(actions, own, unmeasured[k + 1][0]):
                    yield hit


def _no_action_between(actions: list[int], after: int, before: int) -> bool:
    """Whether no action word starts strictly between two token indices."""
    return bisect.bisect_right(actions, after) >= bisect.bisect_left(actions, before)


# Words that end a clause between a vague phrase and the next action: in "resolve it where
# possible and reply in due course" the reply is not what "where possible" qualifies.
_CLAUSE_ENDS = {"and", "or", "but", "then", ",", "،", ";", "؛", "و", "ثم", "او"}


# How far on the action a vague phrase leads into may begin: "we aim to send a full
# written response within 25 working days" aims at the response, five words on.
_LEADS_INTO = 6


def _own_action(tokens: Sequence[Token], last: int, actions: list[int]) -> int:
    """Where the action a vague phrase ending at token `last` leads into begins ("we try
    to [reply]", «سنحاول دائماً [حل]», «نسعى جاهدين إلى [الرد]»), else `last`: a few
    words on, with no clause ending between."""
    index = bisect.bisect_right(actions, last)
    following = actions[index] if index < len(actions) else None
    if following is None or following - last > _LEADS_INTO or any(t.norm in _CLAUSE_ENDS for t in tokens[last + 1 : following]):
        return last
    return following

# A share is a number too: "we aim to resolve 80% of tickets at first contact" sets a
# target that can be measured, whatever its verb.
_PERCENT = {"%", "٪", "percent", "بالمئه", "بالمائه"}
_HUNDRED = {"المئه", "المائه"}


def _shares(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Where "80%", «٨٠٪», "80 percent", «٨٠ بالمئة» or «٨٠ في المائة» stands."""
    found = []
    for i in range(len(tokens) - 1):
        if not tokens[i].norm.replace(".", "", 1).isdigit():
            continue
        following = tokens[i + 1].norm
        if following in _PERCENT:
            found.append((i, i + 1))
        elif following == "في" and i + 2 < len(tokens) and tokens[i + 2].norm in _HUNDRED:
            found.append((i, i + 2))
    return found
