"""Service-level commitments in a Document: what is promised, on which channel, for what.

A commitment is a time promise (see text/quantities.py) attached to a channel (phone,
e-mail, live chat, complaints, ...) and a measure (first response, acknowledgement,
resolution, call-back). The channel comes from the promise's own sentence, else the
row of its table, else the label of its list item, else the nearest section heading
above it that names one. The vocabulary (channel and measure names in both languages)
is data from the service-levels rule pack; this module only knows how to read it.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from policylint.document import Block, Document, Section, Sentence
from policylint.findings import Span
from policylint.text.labels import label_at
from policylint.text.quantities import (
    RELATIVES, Promise, Quantity, bare_quantity, find_promises, is_customers_own, is_trigger, share_of, without_conjunction,
)
from policylint.text.tokens import PhraseMatcher, PhraseSet, Token, normalise, phrase_words, tokenize

DEFAULT_MEASURE = "response"
# Clause boundaries inside a sentence: the measure of a promise is named in its own clause
# ("نؤكد استلام الشكوى خلال يوم، ونحلها خلال خمسة أيام"). A relative clause goes on with
# the one before its comma (RELATIVES): in "escalated to the manager, who replies within
# 3 days" the reply is the escalated one.
_CLAUSE_BREAKS = {",", "،", ";", "؛", ":"}
# Words that join two promises in one clause ("within 24 hours on weekdays and within
# 48 hours at weekends"); Arabic glues «و» to the word after it.
_CONJUNCTIONS = frozenset(map(normalise, ("and", "or", "but", "while", "whereas", "ثم", "بينما", "أما")))
# Words that open a sentence's case, before a comma: "For complaints about payment
# services, ...", «بالنسبة لـ...», «في حالة ...». At most _CASE_WORDS words.
_CASE_OPENERS = [tuple(normalise(w) for w in p.split()) for p in ("for", "in the case of", "in case of", "بالنسبة", "في حالة", "في حال")]
_CASE_WORDS = 8
_TO = frozenset(map(normalise, ("إلى", "الى", "لـ", "ل")))
_NOT_OPENED_CASES = frozenset(
    tuple(normalise(w) for w in p.split())
    for p in ("example", "instance", "reference", "more information", "further information", "this reason", "these reasons",
              "this purpose", "that reason", "clarity", "the avoidance of doubt", "now", "the time being", "ذلك", "هذا")
)  # fmt: skip
_ARTICLES_OF_A_CASE = frozenset(map(normalise, ("the", "a", "an", "all", "any", "every", "our", "your", "جميع", "كل")))
# Words that name everyone: "For all customers, ..." is no case of its own.
_EVERYONE = frozenset(map(normalise, (
    "customers", "customer", "clients", "client", "enquiries", "enquiry", "inquiries", "inquiry", "queries", "query", "requests",
    "request", "contacts", "everyone", "cases", "العملاء", "العميل", "الاستفسارات", "الطلبات", "الحالات", "المتعاملين", "المستفيدين",
)))  # fmt: skip
# Words that end a case named after its time: "four hours on an international flight
# unless safety requires it".
_AFTER_A_CASE = _CONJUNCTIONS | frozenset(map(normalise, ("unless", "if", "except", "provided", "إلا", "ما", "إذا", "إن", "أو")))
# Words around a case's name that are not part of it: "and fibre faults", "all calls are".
_NOT_OF_A_CASE = _CONJUNCTIONS | frozenset(map(normalise, ("أو", "then", "are", "is", "be", "will", "get", "gets", "can", "should", "must")))


@dataclass(frozen=True)
class Named:
    id: str
    labels: dict[str, str]  # locale -> label
    names: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    channels: tuple[Named, ...]
    measures: tuple[Named, ...]
    scope: tuple[str, ...]
    # Channels whose mention decides a sentence even when another channel is nearer:
    # "نرد على الشكاوى المقدمة بالهاتف خلال يومين" is a complaints promise.
    dominant: frozenset[str]
    default_measures: Mapping[str, str]  # channel -> its measure when none is named
    # channel -> what an unnamed measure means once the default one has been promised:
    # "نقر بالشكوى خلال يوم • نرد على الشكوى خلال ٥ أيام" acknowledges, then resolves.
    followup_measures: Mapping[str, str]
    # measure -> the channel it is when no channel is named: a call-back is a phone call.
    measure_channels: Mapping[str, str]
    # Measures that are the customer's own time ("you can return items within 30 days"):
    # the only ones kept when the customer is the subject of the time.
    customer_measures: frozenset[str]
    # Measures that are a stage of their own: a time in a clause that names one is that
    # stage's, whatever reply is named beside it (see `stage` in the rule pack).
    stages: frozenset[str]
    general: dict[str, str]

    # Phrases that hold a channel's name but name no channel ("on-call", "call to
    # action"): found as the longer match, they hide the name inside them.
    not_channels: tuple[str, ...] = ()
    # Phrases that hold a measure's name but name no measure: "online reviews" are no
    # review of a case, and "reply to all reviews within 48 hours" is a reply.
    not_measures: tuple[str, ...] = ()
    # Column headers that name a time but no measure ("Target", «المدة المستهدفة»): a
    # bare quantity under one is a first reply's time.
    time_headers: tuple[str, ...] = ()
    # Column headers that name a length of time and nothing more («المدة», "Time"): a
    # bare quantity under one is a promise only when its row names the measure ("|
    # Resolution | 10 business days |"), not in a table of return windows by product.
    duration_headers: tuple[str, ...] = ()
    # List labels that name no customers or cases ("- Note: ...", «- ملاحظة: ...»): the
    # promise after one is for everyone, and compared with the others.
    not_segments: tuple[str, ...] = ()
    # Words that leave circumstances out ("within 24 hours, excluding weekends", «باستثناء
    # العطل الرسمية»): what they name is not when the promise holds.
    exclusions: tuple[str, ...] = ()
    # Words that give a time without a number («فوراً», "automatic"): the measure given at
    # once is not the one of a time after it in the sentence.
    immediate: tuple[str, ...] = ()
    # Circumstances a promise may be for ("at weekends", «في العطل الرسمية», "urgent"):
    # promises for different ones, or one for a circumstance and one for none, are two
    # promises, not a conflict.
    circumstances: tuple[Named, ...] = ()
    # Phrases that hold a circumstance's name but name every day or case: «طوال أيام
    # الأسبوع» is the whole week, not its working days.
    not_circumstances: tuple[str, ...] = ()
    # Section titles that name a stage without its word ("If you are still unhappy" is
    # the escalation), from a stage's `titles`.
    stage_titles: tuple[Named, ...] = ()
    # stage -> the measures its titles take over when one is the condition of a sentence
    # before the promise ("If the customer is not satisfied with the resolution, a
    # supervisor calls them within 2 days" is the escalated reply), from `takes_over`.
    stage_takes_over: Mapping[str, frozenset[str]] = field(default_factory=dict)

    @functools.cached_property
    def stage_title_matcher(self) -> tuple[PhraseMatcher, tuple[str, ...]]:
        return _matcher(self.stage_titles)

    @functools.cached_property
    def channel_matcher(self) -> tuple[PhraseMatcher, tuple[str, ...]]:
        return _matcher((*self.channels, Named("", {}, self.not_channels)))

    @functools.cached_property
    def measure_matcher(self) -> tuple[PhraseMatcher, tuple[str, ...]]:
        return _matcher((*self.measures, Named("", {}, self.not_measures)))

    @functools.cached_property
    def scope_phrases(self) -> PhraseSet:
        return PhraseSet(map(phrase_words, self.scope))

    @functools.cached_property
    def time_header_phrases(self) -> PhraseSet:
        return PhraseSet(map(phrase_words, self.time_headers))

    @functools.cached_property
    def duration_header_phrases(self) -> PhraseSet:
        return PhraseSet(map(phrase_words, self.duration_headers))

    @functools.cached_property
    def not_segment_phrases(self) -> PhraseSet:
        return PhraseSet(map(phrase_words, self.not_segments))

    @functools.cached_property
    def exclusion_matcher(self) -> PhraseMatcher:
        return PhraseMatcher([w for w in map(phrase_words, self.exclusions) if w])

    @functools.cached_property
    def immediate_matcher(self) -> PhraseMatcher:
        return PhraseMatcher([w for w in map(phrase_words, self.immediate) if w])

    @functools.cached_property
    def circumstance_matcher(self) -> tuple[PhraseMatcher, tuple[str, ...]]:
        return _matcher((*self.circumstances, Named("", {}, self.not_circumstances)))

    def label(self, kind: str, id: str | None) -> dict[str, str]:
        items = self.channels if kind == "channel" else self.measures
        return next((n.labels for n in items if n.id == id), self.general)


def _matcher(items: Iterable[Named]) -> tuple[PhraseMatcher, tuple[str, ...]]:
    phrases, owners = [], []
    for item in items:
        for name in item.names:
            words = phrase_words(name)
            if words:
                phrases.append(words)
                owners.append(item.id)
    return PhraseMatcher(phrases), tuple(owners)


class VocabularyError(ValueError):
    pass


def _named(kind: str, data: Any) -> tuple[Named, ...]:
    if not isinstance(data, dict) or not data:
        raise VocabularyError(f"'{kind}' must map each id to its names and labels")
    found = []
    for id, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("names"), list) or not entry["names"]:
            raise VocabularyError(f"{kind} {id!r} needs a non-empty list 'names'")
        labels = {loc: str(entry.get(loc) or id) for loc in ("ar", "en")}
        found.append(Named(str(id), labels, tuple(str(n) for n in entry["names"])))
    return tuple(found)


def vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    """The vocabulary from a rule's YAML parameters; VocabularyError says what is wrong."""
    lists = ("not_channels", "not_measures", "not_circumstances", "time_headers", "duration_headers", "not_segments", "exclusions", "immediate")
    unknown = set(data) - {"channels", "measures", "scope", "general", "circumstances", *lists}
    if unknown:
        raise VocabularyError(
            f"unknown vocabulary key(s): {', '.join(sorted(unknown))}; valid: channels, measures, scope, general, circumstances, "
            + ", ".join(lists)
        )
    circumstances = data.get("circumstances") or {}
    if not isinstance(circumstances, dict) or not all(isinstance(v, list) and v for v in circumstances.values()):
        raise VocabularyError("'circumstances' must map each id to a non-empty list of phrases")
    phrases: dict[str, tuple[str, ...]] = {}
    for key in lists:
        listed = data.get(key) or []
        if not isinstance(listed, list):
            raise VocabularyError(f"'{key}' must be a list of phrases")
        phrases[key] = tuple(str(p) for p in listed)
    channels = _named("channels", data.get("channels"))
    measures = _named("measures", data.get("measures"))
    raw = data["channels"]
    measure_ids = {m.id for m in measures} | {DEFAULT_MEASURE}
    defaults: dict[str, str] = {}
    followups: dict[str, str] = {}
    for id, entry in raw.items():
        for key, into in (("default_measure", defaults), ("followup_measure", followups)):
            measure = entry.get(key)
            if measure is not None and (not isinstance(measure, str) or measure not in measure_ids):
                raise VocabularyError(f"channel {id!r}: {key} must be one of {', '.join(sorted(measure_ids))}")
            if measure:
                into[str(id)] = measure
    channel_ids = {c.id for c in channels}
    measure_channels: dict[str, str] = {}
    customer_measures = frozenset(str(id) for id, entry in data["measures"].items() if entry.get("customers_own"))
    stages = frozenset(str(id) for id, entry in data["measures"].items() if entry.get("stage"))
    stage_titles = []
    for id, entry in data["measures"].items():
        titles = entry.get("titles")
        if titles is None:
            continue
        if not entry.get("stage") or not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
            raise VocabularyError(f"measure {id!r}: 'titles' is a list of section titles, for a measure with 'stage: true'")
        stage_titles.append(Named(str(id), {}, tuple(titles)))
    takes_over: dict[str, frozenset[str]] = {}
    for id, entry in data["measures"].items():
        over = entry.get("takes_over")
        if over is None:
            continue
        if entry.get("titles") is None or not isinstance(over, list) or not set(over) <= measure_ids:
            raise VocabularyError(
                f"measure {id!r}: 'takes_over' lists measures ({', '.join(sorted(measure_ids))}), for a stage with 'titles'"
            )
        takes_over[str(id)] = frozenset(map(str, over))
    for id, entry in data["measures"].items():
        channel = entry.get("channel")
        if channel is not None and (not isinstance(channel, str) or channel not in channel_ids):
            raise VocabularyError(f"measure {id!r}: channel must be one of {', '.join(sorted(channel_ids))}")
        if channel:
            measure_channels[str(id)] = str(channel)
    general = data.get("general") or {"ar": "عام", "en": "general"}
    built = Vocabulary(
        channels=channels,
        measures=measures,
        scope=tuple(data.get("scope") or ()),
        dominant=frozenset(str(id) for id, entry in raw.items() if entry.get("dominant")),
        default_measures=defaults,
        followup_measures=followups,
        measure_channels=measure_channels,
        customer_measures=customer_measures,
        stages=stages,
        general=dict(general),
        circumstances=tuple(Named(str(id), {}, tuple(str(n) for n in names)) for id, names in circumstances.items()),
        **phrases,
        stage_titles=tuple(stage_titles),
        stage_takes_over=takes_over,
    )
    # The service-level rules share one vocabulary (a YAML anchor) but each builds its
    # own: hand back the one already built, so that they share one analysis of each
    # document by identity instead of comparing whole vocabularies for every document.
    for known in _BUILT:
        if known == built:
            return known
    if len(_BUILT) < 64:
        _BUILT.append(built)
    return built


_BUILT: list[Vocabulary] = []


@dataclass(frozen=True)
class Commitment:
    channel: str | None  # None: the policy does not say which channel it is about
    measure: str
    quantity: Quantity
    span: Span  # the promise, from "خلال"/"within" to the unit
    text: str  # the promise as written
    average: bool = False  # a target for the mean ("في المتوسط"), not a maximum
    # The customers or cases it is for, when its table row or list label names them
    # rather than a channel or measure: "| Pro plan | Email | 8 hours |", "- Priority 1:
    # we respond within 1 hour". As written; "" for everyone.
    segment: str = ""
    # The share of contacts it is for, in percent: "80% of calls within 20 seconds" and
    # "95% within 60 seconds" are two promises. None: every contact.
    share: float | None = None
    # The circumstances it is for ("at weekends", «في شهر رمضان»): their ids, and the
    # words that name them as written.
    when: tuple[str, ...] = ()
    when_text: str = ""

    @property
    def comparable(self) -> tuple[str, str, str, bool, str, float | None, tuple[str, ...]] | None:
        """What two commitments must share to contradict each other."""
        if self.channel is None or self.quantity.value is None:
            return None
        return (self.channel, self.measure, self.quantity.dimension, self.average, normalise(self.segment), self.share, self.when)


def _mentions(tokens: list[Token], matcher: tuple[PhraseMatcher, tuple[str, ...]]) -> list[tuple[str, int]]:
    """(id, token index) of every name found; where names overlap the longest wins:
    "البريد الصوتي" is voicemail, not the "البريد" of e-mail."""
    phrase_matcher, owners = matcher
    return [(owners[index], first) for index, first, _ in phrase_matcher.find_longest(tokens) if owners[index]]


# How many words after "for" may name what a time is for: "for our automatic reply".
_PURPOSE_WORDS = 4
# How many words after a stage's condition may name what it is about: "with the
# outcome of", «عن الرد».
_CONDITION_OBJECT = 3
# A measure named after one of these is where the time is counted from, not what is
# promised: «استرداد المبلغ بعد استلام المنتج المرتجع: ٧ أيام» is a refund, "Refund after
# return" too. Not «من» alone: «نتأكد من حل المشكلة» is the resolution; «من تاريخ
# استلام» is a starting point.
_COUNTED_FROM = frozenset(map(normalise, ("بعد", "منذ", "عند", "فور", "after", "since", "upon", "following", "once")))
_COUNTED_FROM_DATE = frozenset(map(normalise, ("من", "from")))
_DATE_OF = frozenset(map(normalise, ("تاريخ", "وقت", "لحظة", "يوم", "date", "time", "day", "moment", "the", "a", "an", "your", "of")))


def _is_counted_from(tokens: list[Token], at: int) -> bool:
    """Is the measure named at tokens[at] the point its time is counted from?"""
    i, between = at - 1, 0
    while i >= 0 and between < 3 and tokens[i].norm in _DATE_OF:
        i, between = i - 1, between + 1
    if i < 0:
        return False
    word = without_conjunction(tokens[i].norm)
    return word in _COUNTED_FROM or (between > 0 and word in _COUNTED_FROM_DATE)


class _Analysis:
    """One document read with one vocabulary: its commitments and the channels it covers."""

    def __init__(self, doc: Document, vocab: Vocabulary) -> None:
        self.doc = doc
        self.vocab = vocab
        self.followup_due: set[str] = set()
        self._immediate_memo: dict[PhraseMatcher, set[tuple[str | None, str]]] = {}
        # The channels a table row names, by line (and language): worked out once per row,
        # not once per promise in it (a long cell of promises made that quadratic).
        self._row_channel_memo: dict[tuple[int, str], tuple[str, ...]] = {}
        self._row_segments: dict[Span, str] = {}
        self._row_labels_memo: dict[Span, tuple[str | None, tuple[str, ...], str]] = {}
        self._paragraph_memo: dict[Span, tuple[list[int], list[str | None]]] = {}

    @functools.cached_property
    def _section_titles(self) -> list[tuple[Section, list[Token]]]:
        """Each section with its title's tokens, read once for its channel and its stage."""
        lang = "ar" if self.doc.lang == "ar" else "en"
        return [(section, tokenize(section.title, lang)) for section in self.doc.body_sections]

    @functools.cached_property
    def _section_channels(self) -> list[tuple[Section, str | None]]:
        return [
            (section, self._pick(_mentions(tokens, self.vocab.channel_matcher), len(tokens)))
            for section, tokens in self._section_titles
        ]

    @functools.cached_property
    def _channel_by_section_start(self) -> dict[int, str | None]:
        return {section.title_span.start: channel for section, channel in self._section_channels}

    @functools.cached_property
    def _stage_by_section_start(self) -> dict[int, str]:
        """Sections whose title names a stage, no other measure and no channel
        ("Escalation", «التصعيد»), by where their title starts: "Team leaders respond
        within 4 hours" there is the escalated reply, not a channel's first one."""
        found = {}
        for (section, channel), (_, tokens) in zip(self._section_channels, self._section_titles):
            if channel is None:
                measures = {m for m, _ in _mentions(tokens, self.vocab.measure_matcher)}
                # Not "Escalation and response times", which names the first reply too.
                if len(measures) == 1 and measures <= self.vocab.stages:
                    found[section.title_span.start] = measures.pop()
                elif not measures and self.vocab.stage_titles:
                    titled = {m for m, _ in _mentions(tokens, self.vocab.stage_title_matcher)}
                    if len(titled) == 1:
                        found[section.title_span.start] = titled.pop()
        return found

    def _section_stage(self, offset: int) -> str | None:
        """The stage named by the nearest section around `offset` that names a channel
        or a stage, if it names a stage."""
        channels, stages = self._channel_by_section_start, self._stage_by_section_start
        if not stages:
            return None
        for section in sorted(self.doc.enclosing_sections(offset), key=lambda s: -s.level):
            start = section.title_span.start
            if start in stages or channels.get(start):
                return stages.get(start)
        return None

    def _pick(self, mentions: list[tuple[str, int]], before: int) -> str | None:
        return _Mentions(mentions, self.vocab.dominant).pick(before)

    def _clause_channel(self, tokens: list[Token], mentions: _Mentions, after: int, before: int) -> str | None:
        """The channel named in the promise's own clause, when a dominant one is named
        only in another: in «يسجّل الموظف الشكوى، ونخدم العميل في الفرع خلال ١٥ دقيقة»
        the quarter of an hour is the branch's. A clause ends at a semicolon, or at a
        comma before "and" or a verb «و» is glued to; "Complaints received by phone, email
        or letter are acknowledged" stays one. Not further back than the promise before
        (`after`): a line of a thousand promises is not read back to its start for each."""
        if mentions.first_dominant_at is None or mentions.first_dominant_at >= before:
            return None
        start = after
        for i in range(before - 1, after - 1, -1):
            text = tokens[i].text
            following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
            if text in (";", "؛") or text in (",", "،") and (following in ("and", "و") or _glued_verb(following)):
                start = i + 1
                break
        first, last = mentions.between(start, before)
        if first == last or mentions.dominant_between(first, last):
            return None
        return mentions.found[last - 1][0]

    def immediate(self, words: PhraseMatcher) -> set[tuple[str | None, str]]:
        """See `immediate` below; remembered for each list of words."""
        if words not in self._immediate_memo:
            found: set[tuple[str | None, str]] = set()
            for block in self.doc.blocks if words.may_occur(self.doc.word_keys) else ():
                for sentence in block.sentences:
                    tokens = sentence.tokens
                    if not words.find(tokens):
                        continue
                    measures = {m for m, _ in _mentions(tokens, self.vocab.measure_matcher)}
                    if not measures:
                        continue
                    channels = self._sentence_channels(block, sentence) or (None,)
                    found |= {(channel, measure) for channel in channels for measure in measures}
            self._immediate_memo[words] = found
        return self._immediate_memo[words]

    def _sentence_channels(self, block: Block, sentence: Sentence) -> tuple[str, ...]:
        """The channels a whole sentence is about, for what it promises without a time
        (at once): the one it names (see _Mentions.pick), else its surroundings'."""
        tokens = sentence.tokens
        picked = self._pick(_mentions(tokens, self.vocab.channel_matcher), len(tokens))
        return (picked,) if picked else self._context_channels(block, sentence.span.start)

    def _context_channels(self, block: Block, offset: int) -> tuple[str, ...]:
        """The channels a promise's surroundings name: its table row (every channel the
        row names: "| Pro | Email, chat | 8 hours |" promises both), else its list label,
        else the nearest section that names one."""
        doc = self.doc
        if block.kind == "table_cell":
            channels = self._row_channels(block.row, block.lang)
            if channels:
                return channels
        label = _list_label(doc, block)
        if label:
            channel = self._pick(_mentions(label, self.vocab.channel_matcher), len(label))
            if channel:
                return (channel,)
        by_start = self._channel_by_section_start
        around = [s for s in doc.enclosing_sections(offset) if s.title_span.start in by_start]
        for section in sorted(around, key=lambda s: -s.level):
            if by_start[section.title_span.start]:
                return (by_start[section.title_span.start],)
        return ()

    def _paragraph_channel(self, block: Block, offset: int) -> str | None:
        """A dominant channel named in the promise's paragraph before it: "We acknowledge
        every complaint within 3 working days. We send a full response within 25." """
        starts, dominant = self._paragraph_dominant(block)
        before = bisect.bisect_left(starts, offset)
        return dominant[before - 1] if before else None

    def _paragraph_dominant(self, block: Block) -> tuple[list[int], list[str | None]]:
        """Where each of a block's sentences starts, and the dominant channel last named
        in it or a sentence before it: worked out once per block, not once per promise."""
        if block.span not in self._paragraph_memo:
            starts, dominant, last = [], [], None
            for sentence in block.sentences:
                named = [c for c, _ in _mentions(sentence.tokens, self.vocab.channel_matcher) if c in self.vocab.dominant]
                last = named[0] if named else last
                starts.append(sentence.span.start)
                dominant.append(last)
            self._paragraph_memo[block.span] = (starts, dominant)
        return self._paragraph_memo[block.span]

    def _row_channels(self, row_number: int, lang: str) -> tuple[str, ...]:
        """The channels a table row names, read in the language of the cell asking: a
        dominant one alone (see Vocabulary), else each one named, in order."""
        if (row_number, lang) not in self._row_channel_memo:
            cells = self.doc.table_rows[row_number]
            start, end = cells[0].span.start, cells[-1].span.end
            row = tokenize(self.doc.prose[start:end], lang, start)
            mentions = _mentions(row, self.vocab.channel_matcher)
            dominant = self._pick(mentions, 0)
            named = (dominant,) if dominant in self.vocab.dominant else tuple(dict.fromkeys(c for c, _ in mentions))
            self._row_channel_memo[row_number, lang] = named
        return self._row_channel_memo[row_number, lang]

    def _segment(self, block: Block, offset: int) -> str:
        """The customers or cases the promise at `offset` is for (Commitment.segment):
        its row's first cell, or its list label, when that names no channel and no measure
        and is not the promise itself."""
        if block.kind == "table_cell":
            first = self.doc.table_rows[block.row][0]
            if first is block:
                return ""
            # Once per row, not once per promise in it (the first cell comes before them).
            if first.span not in self._row_segments:
                words = tokenize(self.doc.prose[first.span.start : first.span.end], first.lang, first.span.start)
                self._row_segments[first.span] = self._segment_of(words)
            return self._row_segments[first.span]
        words = _list_label(self.doc, block) or []
        return "" if words and words[-1].end > offset else self._segment_of(words)

    def _segment_of(self, words: list[Token]) -> str:
        """The words as written, unless they name a channel or a measure, or are a label
        that names no one ("Note", «ملاحظة»: not_segments)."""
        if not words or _mentions(words, self.vocab.channel_matcher) or _mentions(words, self.vocab.measure_matcher):
            return ""
        if self.vocab.not_segment_phrases.in_words(tuple(t.norm for t in words)):
            return ""
        return self._as_written(words)

    def _circumstances(self, tokens: list[Token], start: int, promise: Promise, end: int) -> tuple[tuple[str, ...], str]:
        """The circumstances named in the promise's own clause, before it (from `start`)
        and after it (up to `end`, the next promise): "within 24 hours on weekdays, and
        within 48 hours at weekends" promises each for its days. Not the promise's own
        words: «خلال ٣ أيام عمل» is a time, not working days as a circumstance."""
        if not self.vocab.circumstances:
            return (), ""
        # Before the sentence's first promise, all of it ("At weekends, we reply within
        # 48 hours"). Between two promises, what comes before "and" or a comma is the
        # first one's: in "within 1 minute during business hours and within 10 minutes
        # outside them" business hours are the minute's.
        first = start if start == 0 else promise.first
        for i in range(promise.first - 1, start - 1, -1) if start else ():
            if tokens[i].text in _CLAUSE_BREAKS or tokens[i].norm in _CONJUNCTIONS:
                first = i + 1
                break
        last = end
        for i in range(promise.last + 1, end):
            if tokens[i].text in _CLAUSE_BREAKS or tokens[i].norm in _CONJUNCTIONS:
                last = i
                break
        found: dict[str, str] = {}
        for window in (tokens[first : promise.first], tokens[promise.last + 1 : last]):
            self._add_circumstances(window, found)
        return tuple(sorted(found)), ", ".join(found.values())

    def _add_circumstances(self, words: list[Token], found: dict[str, str]) -> None:
        """Add to `found` each circumstance `words` name and do not leave out, with its
        words as written; the first naming of each is kept."""
        matcher, owners = self.vocab.circumstance_matcher
        left_out = self._left_out(words)
        for index, a, b in matcher.find_longest(words):
            if owners[index] and not left_out[a]:
                found.setdefault(owners[index], self.doc.prose[words[a].start : words[b].end])

    def _left_out(self, window: list[Token]) -> list[bool]:
        """Which tokens an exclusion leaves out, from it to the next clause break:
        "excluding weekends and public holidays", «باستثناء العطل الرسمية»."""
        left_out = [False] * len(window)
        for _, a, _ in self.vocab.exclusion_matcher.find(window) if self.vocab.exclusions else ():
            for i in range(a, len(window)):
                if window[i].text in _CLAUSE_BREAKS or left_out[i]:
                    break
                left_out[i] = True
        return left_out

    def _column(self, block: Block) -> tuple[str | None, bool]:
        """What a table cell's column header says, read once: the measure it is headed by
        ("وقت الاستجابة", "Resolution time"; a bare quantity under it, "60 ثانية", is a
        promise of that measure), and whether it names only a length of time («المدة»)."""
        if block.kind != "table_cell" or not block.header:
            return None, False
        header = tokenize(block.header, block.lang)
        mentions = self._measures_named(header)
        if mentions:
            return mentions[-1][0], False
        words = tuple(t.norm for t in header)
        # "| Channel | Target |", «| القناة | المدة المستهدفة |»: a time, of the first reply.
        if self.vocab.time_header_phrases.in_words(words):
            return DEFAULT_MEASURE, False
        return None, self.vocab.duration_header_phrases.in_words(words)

    def _row_labels(self, block: Block) -> tuple[str | None, tuple[str, ...], str]:
        """What a table cell's row names before it, in its label cells: the measure
        ("within 10 business days" in "| Resolution | within 10 business days |" is the
        resolution's time, whatever the channel's first reply is called) and the
        circumstances («| الشكاوى المعقدة | ٢٠ يوم عمل |»), with their words as written;
        a cell that gives a time is no label. Worked out for the whole row in one pass:
        cell by cell, a row of thousands of cells read every cell before each."""
        if block.kind != "table_cell":
            return None, (), ""
        if block.span not in self._row_labels_memo:
            measure = None
            found: dict[str, str] = {}
            for cell in self.doc.table_rows[block.row]:
                self._row_labels_memo[cell.span] = (measure, tuple(sorted(found)), ", ".join(found.values()))
                words = tokenize(self.doc.prose[cell.span.start : cell.span.end], cell.lang, cell.span.start)
                if find_promises(words) or bare_quantity(words):
                    # A time is no label: in "| Phone | 80% answered within 30 seconds |
                    # 2 business days |" the last cell is still its column's resolution.
                    continue
                measure = self._named_measure(self._measures_named(words)) or measure
                if self.vocab.circumstances:
                    self._add_circumstances(words, found)  # "| Email (excluding weekends) |"
        return self._row_labels_memo[block.span]

    def _purpose_end(self, tokens: list[Token], last: int) -> int | None:
        """ "Please allow 10 working days for a refund", "up to 5 minutes for our automatic
        reply": the end of the measure the time is for, named just after it, when there
        is one (the measure is then read up to it)."""
        if last + 1 >= len(tokens) or tokens[last + 1].norm != "for":
            return None
        end = last + 2
        while end < len(tokens) and end < last + 2 + _PURPOSE_WORDS and tokens[end].text not in _CLAUSE_BREAKS:
            end += 1
        matcher, owners = self.vocab.measure_matcher
        named = [(first, final) for index, first, final in matcher.find_longest(tokens[last + 2 : end]) if owners[index]]
        return last + 2 + named[0][1] + 1 if named else None

    def _measures_named(self, tokens: list[Token]) -> list[tuple[str, int]]:
        """The measures tokens name, but for one named as where a time is counted from
        (a stage stays: "after escalation, a manager replies" is the escalated reply)."""
        stages = self.vocab.stages
        return [(m, at) for m, at in _mentions(tokens, self.vocab.measure_matcher) if m in stages or not _is_counted_from(tokens, at)]

    def _named_measure(self, mentions: list[tuple[str, int]]) -> str | None:
        """Of the measures a clause names, the last stage, else the last one."""
        stages = [m for m, _ in mentions if m in self.vocab.stages]
        return stages[-1] if stages else mentions[-1][0] if mentions else None

    def _after_measure_label(self, sentence: Sentence) -> list[Promise]:
        """A quantity after a label (labels.py) that names a measure ("Response time: 24
        hours", «وقت الرد على البريد الإلكتروني: ٢٤ ساعة»), as under such a column. A label
        that names only a channel is not enough: "Hotline: 24 hours" says when it is open."""
        label = label_at(self.doc.prose, sentence.span.start, sentence.span.end)
        if label is None:
            return []
        tokens = sentence.tokens
        colon = next((i for i, t in enumerate(tokens) if t.start >= label[1]), None)
        if colon is None or tokens[colon].text not in (":", "：") or not _mentions(tokens[:colon], self.vocab.measure_matcher):
            return []
        bare = bare_quantity(tokens, colon + 1)
        return [bare] if bare else []

    def _given_at_once(self, tokens: list[Token]) -> frozenset[tuple[str, int]]:
        """The measures a sentence gives at once, each with where it is named: the nearest
        one before a word of `immediate` in its clause («نرسل إشعاراً باستلام الشكوى
        فوراً»), with the names of the same measure just before it («نقر باستلام الشكوى
        فوراً»); else the one just after the word ("an automatic acknowledgement"; not
        «ونرد» in «نقر باستلامها فوراً ونرد»). Looked up by position, each name taken
        once: a sentence of many such words stays linear."""
        words = self.vocab.immediate_matcher.find(tokens) if self.vocab.immediate else []
        if not words:
            return frozenset()
        named = self._measures_named(tokens)
        at = [position for _, position in named]
        breaks = [i for i, token in enumerate(tokens) if token.text in _CLAUSE_BREAKS]
        given = set()
        for _, first, last in words:
            before = bisect.bisect_left(at, first) - 1
            # No clause break between the measure and the word: in "we reply by phone, and
            # send an automatic receipt" the reply is not given at once.
            clause = bisect.bisect_left(breaks, first)
            if before >= 0 and bisect.bisect_left(breaks, at[before]) == clause:
                measure = named[before][0]
                while before >= 0 and named[before][0] == measure and named[before] not in given and bisect.bisect_left(breaks, at[before]) == clause:
                    given.add(named[before])
                    before -= 1
                continue
            after = bisect.bisect_right(at, last)
            if after < len(at) and at[after] == last + 1:
                given.add(named[after])
        return frozenset(given)

    def _measure(
        self, tokens: list[Token], start: int, end: int, channel: str | None, elided: str | None = None, around: str | None = None,
        offset: int | None = None, at_once: frozenset[tuple[str, int]] = frozenset(),
    ) -> str:
        """The measure named in the clause before the promise (else in the sentence before
        it), a stage before any other; else the one its table row or column names
        (`around`); else the one before it in the sentence, when the sentence leaves it
        out ("New customers get a call back within 2 hours, existing customers within 4
        hours"); else a first response: in a section titled for a stage alone, that
        stage's (a reply under "Escalation" is the escalated reply, whatever channel it
        names), else as the channel calls it (see Vocabulary). A measure given at once
        (`at_once`, see _given_at_once) is none of these: in "we acknowledge complaints
        immediately and reply within 5 days" the reply is the complaint's answer."""
        clause_start = start
        for i in range(end - 1, start - 1, -1):
            if tokens[i].text in _CLAUSE_BREAKS and not (i + 1 < end and tokens[i + 1].norm in RELATIVES):
                clause_start = i + 1
                break
        measure = DEFAULT_MEASURE
        for window in ((clause_start, end), (start, end)):
            mentions = self._measures_named(tokens[window[0] : window[1]])
            if at_once:
                mentions = [(m, at) for m, at in mentions if (m, window[0] + at) not in at_once]
            named = self._named_measure(mentions)
            if named:
                measure = named
                break
        else:
            if around not in (None, DEFAULT_MEASURE):
                return around
            # Not a channel's first reply: «نؤكد استلام الشكوى خلال يوم، وخلال ٥ أيام ...»
            # goes on to the resolution (followup_measure), not a second acknowledgement.
            if elided not in (None, DEFAULT_MEASURE, self.vocab.default_measures.get(channel or "")):
                return elided
        conditioned = self._stage_condition(tokens, start, end, measure)
        if conditioned:
            return conditioned
        if measure == DEFAULT_MEASURE and offset is not None:
            measure = self._section_stage(offset) or measure
        if measure == DEFAULT_MEASURE and channel in self.vocab.default_measures:
            default = self.vocab.default_measures[channel]
            if channel in self.followup_due or any(m == default and at < end for m, at in at_once):
                return self.vocab.followup_measures.get(channel, default)
            return default
        return measure

    def _stage_condition(self, tokens: list[Token], start: int, end: int, measure: str) -> str | None:
        """The stage whose title is the condition of the sentence before the promise, when
        the condition is about our answer («إذا لم يرضَ العميل عن الحل يحال الأمر إلى المشرف
        الذي يتواصل معه خلال يومي عمل», "If the customer is not satisfied with our
        response, ..."), and the promise was read as a measure the stage takes over.
        Not about an item ("If you are not satisfied with a product, we reply within a
        day" is a first reply), and not over a refund ("If you are not satisfied with our
        answer, we refund you within 14 days")."""
        takes_over = self.vocab.stage_takes_over
        if not takes_over:
            return None
        window = tokens[start:end]
        matcher, owners = self.vocab.stage_title_matcher
        conditions = matcher.find_longest(window)
        if not conditions:
            return None
        named = self._measures_named(window)
        positions: dict[str, list[int]] = {}  # stage -> where the measures it takes over are named
        for index, _, last in conditions:
            stage = owners[index]
            over = takes_over.get(stage, frozenset())
            if measure not in over:
                continue
            # What the condition is about follows it closely, in its own clause: "with
            # our response", «عن الحل»; not the promise's own verb further on. Looked up
            # by position: a window of many conditions and names stays linear.
            about = last + 1
            while about < len(window) and about <= last + _CONDITION_OBJECT and window[about].text not in _CLAUSE_BREAKS:
                about += 1
            if stage not in positions:
                positions[stage] = [i for m, i in named if m in over]
            at = bisect.bisect_right(positions[stage], last)
            if at < len(positions[stage]) and positions[stage][at] < about:
                return stage
        return None

    @functools.cached_property
    def found(self) -> list[Commitment]:
        return list(self._commitments())

    @functools.cached_property
    def covered(self) -> dict[str, Span]:
        doc, vocab = self.doc, self.vocab
        covered: dict[str, Span] = {}
        for section, channel in self._section_channels:
            if channel and channel not in covered:
                covered[channel] = section.title_span
        for section in doc.body_sections:
            if not vocab.scope_phrases.in_words(section.words):
                continue
            for sentence in doc.sentences_in(section.body):
                tokens = sentence.tokens
                for channel, at in _mentions(tokens, vocab.channel_matcher):
                    covered.setdefault(channel, Span(tokens[at].start, tokens[at].end))
        return covered

    def _commitments(self) -> Iterator[Commitment]:
        doc = self.doc
        may_be_at_once = bool(self.vocab.immediate) and self.vocab.immediate_matcher.may_occur(doc.word_keys)
        for block in doc.blocks:
            header_measure, duration_header = self._column(block)
            row_measure, row_when, row_when_text = self._row_labels(block)
            # A cell's quantity alone ("10 business days") is a promise under a column
            # headed by a measure or a target, or by a length of time in a row that names
            # the measure.
            reads_bare = bool(header_measure) or (duration_header and row_measure is not None)
            for sentence in block.sentences:
                tokens = sentence.tokens
                at_once = self._given_at_once(tokens) if may_be_at_once else frozenset()
                promises = find_promises(tokens)
                if not promises and reads_bare:
                    bare = bare_quantity(tokens)
                    promises = [bare] if bare else []
                if not promises:
                    promises = self._after_measure_label(sentence)
                previous_end = 0
                elided: str | None = None  # the measure of the sentence's last promise
                made_here: set[tuple[Any, ...]] = set()  # what the sentence's promises so far are for
                dropped = False  # the sentence's last promise was the customer's own time
                opening = self._opening_case(tokens, promises[0].first) if promises else ""
                mentions = _Mentions(_mentions(tokens, self.vocab.channel_matcher) if promises else [], self.vocab.dominant)
                for number, promise in enumerate(promises):
                    # A trigger, and a time that goes on with one ("If we fail to reply within
                    # 10 days, or 20 days for ...").
                    if is_trigger(tokens, promise.first, previous_end) or promise.continues and dropped:
                        previous_end = promise.last + 1
                        dropped = True
                        continue
                    span = Span(tokens[promise.first].start, tokens[promise.last].end)
                    # Up to the quantity, not the promise word: in «لا تتجاوز مدة حل الشكوى
                    # خمسة أيام» the measure and channel are named between the two.
                    named_before = promise.quantity.first
                    picked = self._clause_channel(tokens, mentions, previous_end, named_before) or mentions.pick(named_before)
                    channels: tuple[str | None, ...] = (picked,) if picked else self._context_channels(block, span.start) or (None,)
                    # "a 4-hour resolution", "5 minutes for our automatic reply"
                    measure_end = promise.last + 1 if promise.measure_after else self._purpose_end(tokens, promise.last) or named_before
                    if channels == (None,):
                        # A paragraph about complaints keeps to them where the promise names
                        # a measure of its own ("a full response"), not where it is any reply:
                        # in "… acknowledge complaints within 2 days. Most enquiries are
                        # answered within 24 hours." the enquiries are no complaint.
                        inherited = self._paragraph_channel(block, span.start)
                        if inherited and self._measure(
                            tokens, previous_end, measure_end, None, elided, row_measure or header_measure, span.start, at_once
                        ) != DEFAULT_MEASURE:
                            channels = (inherited,)
                    segment = self._segment(block, span.start) if block.kind in ("table_cell", "list_item") else ""
                    if opening:
                        segment = f"{segment}, {opening}" if segment else opening
                    share = share_of(tokens, previous_end, promise)
                    next_first = promises[number + 1].first if number + 1 < len(promises) else len(tokens)
                    when, when_text = self._circumstances(tokens, previous_end, promise, next_first)
                    if not when:
                        when, when_text = row_when, row_when_text
                    # A time that goes on with the promise before it ("..., or 14 days for
                    # electronics") names its measure after its "or", or keeps that one's:
                    # "from receipt" before the comma was the earlier time's.
                    measure_from = promise.first if promise.continues else previous_end
                    made = []
                    for channel in channels:
                        measure = self._measure(
                            tokens, measure_from, measure_end, channel, elided, row_measure or header_measure, span.start, at_once
                        )
                        # A time that goes on with a kept one is no customer's own.
                        if not promise.continues and measure not in self.vocab.customer_measures and is_customers_own(tokens, promise.first, previous_end):
                            break  # a time the customer keeps, not one promised to them
                        channel = channel or self.vocab.measure_channels.get(measure)
                        made.append(
                            Commitment(channel, measure, promise.quantity, span, doc.text(span), promise.average, segment, share, when, when_text)
                        )
                    # The sentence tells two cases apart: "Technical faults are fixed within 48
                    # hours, and fibre faults within 72 hours" is no contradiction.
                    made = [self._own_case(c, tokens, previous_end, promise, next_first) if _case(c) in made_here and not c.when else c for c in made]
                    made_here.update(map(_case, made))
                    dropped = not made
                    for commitment in made:
                        if commitment.channel is not None and commitment.measure == self.vocab.default_measures.get(commitment.channel):
                            self.followup_due.add(commitment.channel)
                        elided = commitment.measure
                    previous_end = promise.last + 1
                    yield from made
                if at_once:
                    self._note_given_at_once(block, sentence, at_once)

    def _own_case(self, commitment: Commitment, tokens: list[Token], start: int, promise: Promise, end: int) -> Commitment:
        """A later promise of a sentence for what an earlier one of it promised, for the
        case its own clause names, from `start` (the previous promise's end) to the
        promise: "and fibre faults", «وبحد أقصى», "or at the latest", «وعلى رسائل
        واتساب»; else after it, up to `end` (the next promise) or its clause's end: "and
        5 days elsewhere", «وخلال ١٢ ساعة خارجها». A measure named there is left out:
        "all calls are answered" is for all calls."""
        # Before a time that goes on with the one before it ("three hours on a domestic
        # flight or four hours ..."), the words are that one's.
        words = [] if promise.continues else self._words_of_case(tokens[start : promise.first])
        if not words:
            after = tokens[promise.last + 1 : end]
            stop = next((i for i, word in enumerate(after) if word.text in _CLAUSE_BREAKS or word.norm in _AFTER_A_CASE), len(after))
            words = self._words_of_case(after[:stop])
        if not words:
            return commitment
        # «وأعطال الألياف»: the glued «و» is the sentence's "and", not the case's.
        own = self._as_written(words, skip=int(words[0].text.startswith("و") and len(words[0].text) > 3))
        # Within its label's case: "- Room service: delivered within 30 minutes; breakfast
        # orders within 20 minutes" is room service's breakfast orders.
        return replace(commitment, segment=f"{commitment.segment}, {own}" if commitment.segment else own)

    def _opening_case(self, tokens: list[Token], first: int) -> str:
        """The case a sentence opens with, before a comma and its first promise (at
        `first`): "For complaints about payment services, we reply within 15 business
        days", «بالنسبة لشكاوى خدمات الدفع، نرد خلال ١٥ يوم عمل», «في حالة الشكاوى المعقدة،
        ...». Not a channel alone ("For email, ..."), a measure ("For refunds, ..."), nor
        "For example"; "" for none."""
        opener = next((len(p) for p in _CASE_OPENERS if tuple(t.norm for t in tokens[: len(p)]) == p), 0)
        comma = next((i for i in range(opener, min(first, opener + _CASE_WORDS + 1)) if tokens[i].text in (",", "،")), None)
        if not opener or comma is None or comma == opener:
            return ""
        words = tokens[opener:comma]
        if words[0].norm in _TO and len(words) > 1:
            words = words[1:]  # «بالنسبة إلى»
        if self.vocab.not_segment_phrases.in_words(tuple(t.norm for t in words)) or tuple(t.norm for t in words) in _NOT_OPENED_CASES:
            return ""
        if _mentions(words, self.vocab.measure_matcher):
            return ""
        channel_words = sum(last - first_word + 1 for _, first_word, last in self.vocab.channel_matcher[0].find_longest(words))
        if channel_words >= sum(1 for t in words if t.norm not in _ARTICLES_OF_A_CASE):
            return ""
        if all(t.norm in _ARTICLES_OF_A_CASE or _without_li(t.norm) in _EVERYONE for t in words):
            return ""
        # «لشكاوى»: the «ل» of «بالنسبة ل» (not «للعملاء», whose article it took).
        first = words[0].text
        return self._as_written(words, skip=int(first[:1] == "ل" and first[:2] != "لل" and len(first) > 3))

    def _as_written(self, words: list[Token], skip: int = 0) -> str:
        """The words as the author wrote them, spaces folded, without the first `skip`
        characters (a glued «و» or «ل» that is not theirs)."""
        return " ".join(self.doc.prose[words[0].start + skip : words[-1].end].split())

    def _words_of_case(self, words: list[Token]) -> list[Token]:
        """The words of `words` that name a case (see _own_case), or none."""
        # From the first break after the previous promise (what comes before it is that
        # promise's: "within 48 hours for business customers, and ..."), without the
        # words that join: "and", «أو». Not from the last: "reviews on TripAdvisor and
        # Google" is one case.
        cut = next((i for i, word in enumerate(words) if word.text in _CLAUSE_BREAKS or word.norm in _NOT_OF_A_CASE), None)
        if cut is not None:
            words = words[cut:]
        while words and (words[0].text in _CLAUSE_BREAKS or words[0].norm in _NOT_OF_A_CASE):
            words = words[1:]
        measures = self._measures_named(words)
        if measures:
            at = measures[0][1]
            words = words[:at] or words[at + 1 :]
        # Not the sentence's full stop, nor "and" or "are" at the end.
        while words and (words[-1].norm in _NOT_OF_A_CASE or not any(c.isalpha() for c in words[-1].text)):
            words = words[:-1]
        # Words, not a bracket: "within 24 hours (48 hours at weekends)" is a circumstance.
        if not any(c.isalpha() for t in words for c in t.text) or _mentions(words, self.vocab.measure_matcher):
            return []
        return words

    def _note_given_at_once(self, block: Block, sentence: Sentence, at_once: frozenset[tuple[str, int]]) -> None:
        """A channel's first reply given at once («نقر باستلام الشكوى فوراً») makes the next
        reply promised for it the follow-up, as a first reply with a time does."""
        given = {m for m, _ in at_once}
        for channel in self._sentence_channels(block, sentence):
            if self.vocab.default_measures.get(channel) in given:
                self.followup_due.add(channel)


def _without_li(norm: str) -> str:
    """A word without a glued «ل» ("for"): «لشكاوى» -> «شكاوى», «للعملاء» -> «العملاء»."""
    if norm.startswith("لل") and len(norm) > 3:
        return "ا" + norm[1:]
    return norm[1:] if norm.startswith("ل") and len(norm) > 3 else norm


def _case(commitment: Commitment) -> tuple[Any, ...]:
    """What two promises of one sentence share when it gives one thing two times, for no
    channel in particular too, whatever circumstance the earlier one names: "within 1
    hour during working hours, and within 12 hours outside them"."""
    c = commitment
    return (c.channel, c.measure, c.quantity.dimension, c.average, c.share)


class _Mentions:
    """A sentence's channel mentions, (id, token index) in order, indexed so that each of
    its promises finds its own in logarithmic time: a sentence of thousands of promises
    and mentions had taken seconds, each promise reading every mention."""

    def __init__(self, found: list[tuple[str, int]], dominant: frozenset[str]) -> None:
        self.found = found
        self._at = [at for _, at in found]
        # How many dominant mentions come before each one: whether a stretch holds one.
        self._dominant_before = [0]
        for channel, _ in found:
            self._dominant_before.append(self._dominant_before[-1] + (channel in dominant))
        first = next((i for i, (channel, _) in enumerate(found) if channel in dominant), None)
        self.first_dominant = None if first is None else found[first][0]
        self.first_dominant_at = None if first is None else found[first][1]

    def between(self, start: int, end: int) -> tuple[int, int]:
        """The indices into `found` of the mentions at tokens start..end-1, as a slice."""
        return bisect.bisect_left(self._at, start), bisect.bisect_left(self._at, end)

    def dominant_between(self, first: int, last: int) -> bool:
        return self._dominant_before[last] > self._dominant_before[first]

    def pick(self, before: int) -> str | None:
        """A dominant channel anywhere in the sentence, else the last one named before
        token `before`, else the first one named."""
        if not self.found:
            return None
        if self.first_dominant is not None:
            return self.first_dominant
        _, last = self.between(0, before)
        return self.found[last - 1][0] if last else self.found[0][0]


def _glued_verb(norm: str) -> bool:
    """An Arabic verb in the present with «و» glued before it: «ونخدم», «ويرد», «وتحل»."""
    return len(norm) > 3 and norm[0] == "و" and norm[1] in "نيت"


def _list_label(doc: Document, block: Block) -> list[Token] | None:
    """The words before a list item's colon, when it opens with a short label
    ("- Phone: ...", "- Priority 1: ...")."""
    if block.kind != "list_item":
        return None
    # Only the item's opening characters: a long item holds many promises, and each asks.
    text = doc.prose[block.span.start : min(block.span.end, block.span.start + _LABEL_LENGTH + 1)]
    colon = min((i for i in (text.find(":"), text.find("：")) if i > 0), default=-1)
    return tokenize(text[:colon], block.lang, block.span.start) if 0 < colon <= _LABEL_LENGTH else None


_LABEL_LENGTH = 60


# Several rules read the same document's commitments and covered channels one after
# the other (the engine runs every rule on one document before the next): keep the last
# document's analysis.
_last: _Analysis | None = None


def _analysis(doc: Document, vocab: Vocabulary) -> _Analysis:
    global _last
    if _last is None or _last.doc is not doc or (_last.vocab is not vocab and _last.vocab != vocab):
        _last = _Analysis(doc, vocab)
    return _last


def extract(doc: Document, vocab: Vocabulary) -> list[Commitment]:
    return _analysis(doc, vocab).found


def immediate(doc: Document, vocab: Vocabulary, words: PhraseMatcher) -> set[tuple[str | None, str]]:
    """(channel, measure) pairs the policy promises at once, with no number: a sentence
    that names the measure and one of `words` («تُسجَّل الشكوى فور استلامها ويُرسل للعميل
    رقم مرجعي», "We acknowledge every complaint straight away"). Not commitments: they
    are listed nowhere and compared with nothing, and count only where a rule asks."""
    return _analysis(doc, vocab).immediate(words)


def covered_channels(doc: Document, vocab: Vocabulary) -> dict[str, Span]:
    """Channels the policy takes on: a section of their own, or named in its scope.

    Each with where to report a missing commitment: its section title, else its first
    mention in the scope.
    """
    return _analysis(doc, vocab).covered


def contradictions(commitments: Iterable[tuple[Any, Commitment]]) -> Iterator[tuple[Any, Commitment, Any, Commitment]]:
    """(where, commitment) pairs that promise different amounts for the same thing.

    Each later commitment that differs from the first one for its channel, measure and
    unit dimension is reported once, against that first one.
    """
    first: dict[tuple[str, str, str, bool], tuple[Any, Commitment]] = {}
    for where, commitment in commitments:
        key = commitment.comparable
        if key is None:
            continue
        if key not in first:
            first[key] = (where, commitment)
            continue
        where0, commitment0 = first[key]
        if commitment0.quantity.in_base_units() != commitment.quantity.in_base_units():
            yield where0, commitment0, where, commitment
