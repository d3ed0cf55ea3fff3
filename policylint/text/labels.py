"""Labels: a few words and a colon opening a paragraph, a bullet item or a line
(«الغرض: ...», "**Owner:** ...", "Next review: ..."). The document makes a section of
one that opens a paragraph; the sentence splitter starts a sentence at one that opens a
line of a control block."""

from __future__ import annotations

import regex

_LABEL = regex.compile(r"\s*([^\s:：.؟?!•][^:：\n.؟?!•]{0,48}?)\s*[:：]")
_URL_SCHEME = regex.compile(r"(?:https?|ftp|mailto|tel)$", regex.I)
_LETTER = regex.compile(r"\p{L}")
_DIGIT = regex.compile(r"\d")
MAX_LABEL_WORDS = 6
# What stands between a label and its value: a colon, or a dash ("Owner – Support team").
VALUE_SEPARATORS = ":：-–—"


def label_at(text: str, start: int, end: int) -> tuple[int, int] | None:
    """(start, end) of the label's words when text[start:end] opens with a label; not a
    URL's scheme ("https:"), nor a time ("10:30"). The caller bounds `end` (a block, a
    line): the search for the colon never reads past it."""
    m = _LABEL.match(text, start, end)
    if not m:
        return None
    label = m.group(1)
    if (
        len(label.split()) > MAX_LABEL_WORDS
        or not _LETTER.search(label)
        or _URL_SCHEME.search(label)
        or _DIGIT.match(text, m.end(), m.end() + 1)
    ):
        return None
    return m.start(1), m.end(1)
