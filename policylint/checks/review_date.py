"""review-date: the policy says when it was last reviewed, and that date is recent.

One check type serves several rules (missing, unparseable, ambiguous, in the future,
too old); each rule picks its `problem`, so each problem has its own code, severity and
message, and can be selected or ignored on its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from policylint.checks.base import Check, Context
from policylint.dates import FoundDate, find_dates
from policylint.document import Block, Document
from policylint.findings import Hit, Span
from policylint.text import counting
from policylint.text.labels import VALUE_SEPARATORS
from policylint.text.tokens import PhraseMatcher, Tokens, phrase_words

PROBLEMS = ("missing", "unparseable", "computed", "ambiguous", "future", "stale", "overdue")
# A label followed by one of these is a label, wherever it stands (labels.py).
_SEPARATORS = frozenset(VALUE_SEPARATORS)
# A template expression where the date should be: it shows the day the page is rendered,
# so it always looks fresh and says nothing about a review. Expressions are short; the
# bound keeps a long line full of openers with no closer from taking quadratic time.
_COMPUTED = regex.compile(
    r"\{\{.{0,200}?\}\}|\{%.{0,200}?%\}|<\?.{0,200}?\?>|\$\{[^}]{0,200}\}|\bnow\(\)|\btoday\(\)", regex.S
)


@dataclass(frozen=True)
class ReviewDate:
    """Where the policy states its review date, and what it says."""

    label: Span  # the label, or the front matter key's value
    value: Span  # the text after the label that should be a date
    found: FoundDate | None  # offsets shifted into the document
    computed: bool = False  # a template expression stands where the date should be
    # Read after an effective-date label, for want of a review date: a future one is a
    # policy not yet in force, not a mistake.
    effective: bool = False


def _from_front_matter(doc: Document, params: ReviewDateCheck.Params, today: dt.date) -> ReviewDate | None:
    """The value of the first of the front matter keys there, else of a key that reads as
    a label (a past-only label's only when its date is not after `today`)."""
    # In the header a key is a label whatever its words: `updated:` too.
    key = doc.front_matter_key(params.front_matter_keys, params.review_phrases + params.short_phrases)
    past_only = key is None
    if past_only:
        key = doc.front_matter_key((), params.past_only_phrases)
    if key is None:
        return None
    span = doc.front_matter_spans.get(key, Span(0, 0))
    value = doc.front_matter[key]
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        found = FoundDate(span.start, span.end, value)
    else:
        text = doc.source[span.start : span.end]
        dates = find_dates(text)
        found = _shift(dates[0], span.start) if dates else None
    if past_only and found is not None and found.date > today:
        return None
    return ReviewDate(span, span, found, computed=found is None and bool(_COMPUTED.search(doc.source[span.start : span.end])))


def _from_text(doc: Document, matcher: LabelMatcher, today: dt.date) -> ReviewDate | None:
    """The value after the most telling label (labels come most telling first). A label
    with one of `matcher.other_date` just before or after it names another date: "review
    date" in "Next review date", «تاريخ المراجعة» in «تاريخ المراجعة القادمة»; and a
    past-only label followed by a date after `today` names the next review."""
    labels, other_date = matcher.labels, matcher.other_date
    if not labels.may_occur(doc.word_keys):
        return None
    best: tuple[int, int, Span, Span] | None = None  # label rank, order, label, value
    blocks = doc.blocks
    for index, block in enumerate(blocks):
        for sentence in block.sentences:
            tokens = sentence.tokens
            for rank, first, last in labels.find(tokens):
                if _beside(tokens, first, last, other_date):
                    continue
                label = Span(tokens[first].start, tokens[last].end)
                # The value follows the label in its sentence (an inline bullet ends it);
                # a heading's value is the next block.
                value = Span(label.end, sentence.span.end)
                if block.kind == "heading" and index + 1 < len(blocks):
                    value = blocks[index + 1].span
                elif _nothing_after(tokens, last):
                    # A label with nothing after it: in a table, the cell it names holds the date.
                    cell = _named_cell(doc, blocks, index) if block.kind == "table_cell" else None
                    if cell is None:
                        continue
                    value = cell
                after = tokens[last + 1 : last + 2]
                colon = bool(after) and after[0].text in _SEPARATORS
                opens = first <= tokens.first_word
                if matcher.first_dated <= rank < matcher.first_short and not _date_near(doc, value):
                    continue  # "تمت مراجعة السياسة من قبل الإدارة القانونية" gives no date
                if matcher.first_short <= rank < matcher.first_past_only and not (opens and colon and _date_near(doc, value)):
                    # A short label counts only as a label: opening its sentence, a colon
                    # after it, a date in its value ("Updated: 1 June 2026").
                    continue
                if not (opens or colon or _date_near(doc, value)):
                    # Inside a sentence and with no date after it, a label's words are
                    # the sentence's own: «نبلغ العميل بآخر تحديث على طلبه», "the last
                    # review of each ticket".
                    continue
                if matcher.first_past_only <= rank < matcher.first_effective:
                    dates = _date_near(doc, value)
                    if dates and dates[0].date > today:
                        continue
                if best is None or rank < best[0]:
                    best = (rank, label.start, label, value)
    if best is None:
        return None
    rank, _, label, value = best
    effective = rank >= matcher.first_effective
    text = doc.prose[value.start : value.end]
    found = find_dates(text)
    if found:
        return ReviewDate(label, value, _shift(found[0], value.start), effective=effective)
    stripped = text.strip(" \t\n" + VALUE_SEPARATORS)
    start = value.start + text.index(stripped) if stripped else value.start
    computed = _COMPUTED.search(doc.source[value.start : value.end])
    return ReviewDate(label, Span(start, start + len(stripped)), None, computed=computed is not None, effective=effective)


@dataclass(frozen=True)
class LabelMatcher:
    """Review labels, then past-only labels, then effective-date labels, in one matcher
    (a phrase's index is its rank); and the words that make a label another date's."""

    labels: PhraseMatcher
    first_dated: int
    first_short: int
    first_past_only: int
    first_effective: int
    other_date: PhraseMatcher


def _beside(tokens: Tokens, first: int, last: int, words: PhraseMatcher) -> bool:
    """Is the word just before tokens[first] or just after tokens[last] one of `words`?"""
    before = next((i for i in range(first - 1, -1, -1) if tokens[i].is_word), None)
    after = next((i for i in range(last + 1, len(tokens)) if tokens[i].is_word), None)
    return any(words.find(tokens[i : i + 1]) for i in (before, after) if i is not None)


def _named_cell(doc: Document, blocks: list[Block], index: int) -> Span | None:
    """The cell a label cell names: under a column header ("| Last reviewed |" over
    "| 3 March 2026 |"), the first cell of its column; in a table of labels and values,
    the next cell of the row, which is also where a table whose first pair is its header
    row ("| **Last reviewed** | 3 March 2026 |") has it. Of the two, one holding a date."""
    cell = blocks[index]
    line = doc.position(cell.span.start).line
    after = blocks[index + 1] if index + 1 < len(blocks) else None
    beside = after.span if after is not None and after.kind == "table_cell" and doc.position(after.span.start).line == line else None
    below = doc.shared(("cells-below",), lambda: _cells_below(doc, blocks)).get(index)
    candidates = [span for span in (below, beside) if span is not None]
    dated = [span for span in candidates if find_dates(doc.prose[span.start : span.end])]
    return (dated or candidates or [None])[0]


def _cells_below(doc: Document, blocks: list[Block]) -> dict[int, Span]:
    """Each header cell's first cell below it (by block index), found in one pass: a
    search from each header cell of a row of thousands took quadratic time."""
    below: dict[int, Span] = {}
    waiting: dict[str, list[int]] = {}  # header text -> its header cells, not yet met below
    header_row = -1
    for index, block in enumerate(blocks):
        if block.kind != "table_cell":
            waiting, header_row = {}, -1
        elif not block.header:  # a header cell; in another row, the next table's
            if block.row != header_row:
                waiting, header_row = {}, block.row
            waiting.setdefault(doc.prose[block.span.start : block.span.end].strip(), []).append(index)
        else:
            for header in waiting.pop(block.header.strip(), ()):
                below[header] = block.span
    return below


def _nothing_after(tokens: Tokens, last: int) -> bool:
    """Only separators after tokens[last] ("Last reviewed:" and the line ends). Read
    token by token, without copying the rest of a sentence for every label in it."""
    for i in range(last + 1, len(tokens)):
        if tokens[i].text.strip(" \t\n|" + VALUE_SEPARATORS):
            return False
    return True


# How far after a label its date may begin: a date follows its label within a few words.
# Read to the sentence's end from every label, a line of thousands of "reviewed 15/03/2026"
# took quadratic time.
_DATE_WINDOW = 120


def _date_near(doc: Document, value: Span) -> list[FoundDate]:
    """The dates that begin in the first characters of a label's value."""
    return find_dates(doc.prose[value.start : min(value.end, value.start + _DATE_WINDOW)])


def _shift(found: FoundDate, by: int) -> FoundDate:
    return dataclasses.replace(found, start=found.start + by, end=found.end + by)


class ReviewDateCheck(Check):
    type_name = "review-date"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        problem: str
        # Labels that introduce the review date, most telling first ("آخر مراجعة"
        # before "تاريخ السريان"), and front matter keys that hold it.
        labels: tuple[str, ...]
        # Labels of the date the policy takes effect ("تاريخ السريان", "effective date"):
        # read as its review date when none of `labels` is found.
        effective_labels: tuple[str, ...] = ()
        # Sentences that say when the policy was reviewed ("تمت مراجعة هذه السياسة في ...",
        # "this policy was updated in ..."): labels only when a date follows in them.
        dated_labels: tuple[str, ...] = ()
        # Words too common in running text to be labels anywhere ("updated", "reviewed"):
        # counted only opening a line or sentence, with a colon and a date after them.
        short_labels: tuple[str, ...] = ()
        # Labels that name the last review only when their date is not after today:
        # "Review date: March 2027" is when the next review is due.
        past_only_labels: tuple[str, ...] = ()
        # Words that, beside a label, make it another date's ("next", «القادمة»).
        not_beside: tuple[str, ...] = ()
        front_matter_keys: tuple[str, ...] = ("last_reviewed", "reviewed", "last_updated", "review_date")
        max_age_days: int = 365

        @functools.cached_property
        def review_phrases(self) -> tuple[tuple[str, ...], ...]:
            return tuple(p for p in map(phrase_words, self.labels) if p)

        @functools.cached_property
        def dated_phrases(self) -> tuple[tuple[str, ...], ...]:
            return tuple(p for p in map(phrase_words, self.dated_labels) if p)

        @functools.cached_property
        def short_phrases(self) -> tuple[tuple[str, ...], ...]:
            return tuple(p for p in map(phrase_words, self.short_labels) if p)

        @functools.cached_property
        def past_only_phrases(self) -> tuple[tuple[str, ...], ...]:
            return tuple(p for p in map(phrase_words, self.past_only_labels) if p)

        @functools.cached_property
        def label_matcher(self) -> LabelMatcher:
            past_only = self.past_only_phrases
            short = self.short_phrases
            effective = [p for p in map(phrase_words, self.effective_labels) if p]
            review = (*self.review_phrases, *self.dated_phrases)
            return LabelMatcher(
                PhraseMatcher([*review, *short, *past_only, *effective]),
                first_dated=len(self.review_phrases),
                first_short=len(review),
                first_past_only=len(review) + len(short),
                first_effective=len(review) + len(short) + len(past_only),
                other_date=PhraseMatcher([phrase_words(word) for word in self.not_beside]),
            )

    def prepare(self, params: Params) -> None:
        if params.problem not in PROBLEMS:
            raise ValueError(f"'problem' must be one of {', '.join(PROBLEMS)}, not {params.problem!r}")
        if params.max_age_days < 1:
            raise ValueError("'max_age_days' must be at least 1")
        if any(len(phrase_words(word)) != 1 for word in params.not_beside):
            raise ValueError("each of 'not_beside' must be one word")
        params.label_matcher

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        review = doc.shared(
            ("review-date", params.front_matter_keys, params.labels, params.dated_labels, params.short_labels, params.past_only_labels, params.effective_labels, params.not_beside, ctx.today),
            lambda: _from_front_matter(doc, params, ctx.today)
            or _from_text(doc, params.label_matcher, ctx.today),
        )
        if review is None:
            if params.problem == "missing":
                yield Hit(Span(0, doc.line_span(1).end), about="")
            return
        found = review.found
        if found is None:
            if params.problem == "computed" and review.computed:
                yield Hit(review.value, {"value": doc.text(review.value)})
            elif params.problem == "unparseable" and not review.computed:
                yield Hit(review.value, {"value": doc.text(review.value)})
            return
        span = Span(found.start, found.end)
        date = found.date
        values = {"date": date.isoformat(), "value": doc.text(span), "today": ctx.today.isoformat(), "limit": params.max_age_days}
        if params.problem == "ambiguous" and found.other is not None:
            yield Hit(span, values | {"other": found.other.isoformat()})
        elif params.problem == "future" and date > ctx.today and not review.effective:
            yield Hit(span, values)
        elif params.problem == "stale" and (ctx.today - date).days > params.max_age_days:
            yield Hit(span, values | _late_by((ctx.today - date).days))
        elif params.problem == "overdue" and date < ctx.today:
            yield Hit(span, values | _late_by((ctx.today - date).days))


def _late_by(days: int) -> dict[str, object]:
    # `days` is the bare number (a user's own message may use it); `ago` reads as each
    # language counts: «قبل يومين», «منذ 5 أيام», "1 day".
    return {"days": days, "ago": counting.days(days)}
