"""Latin acronyms in either language, and whether the text spells one out where it is used."""

from __future__ import annotations

import regex

# Arabic proclitics and the article (with or without tatweel) before a Latin acronym,
# then the acronym: two to six capitals or digits, starting with a capital, with an
# optional plural s ("KPIs").
ACRONYM = regex.compile(r"(?<![\p{L}\p{N}])(?:[وف]?[بلك]?(?:ال)?ـ?)?((?:[A-Z][A-Z0-9&]{1,5})s?)(?![\p{L}\p{N}])")
_EXPANDED_AFTER = regex.compile(r"\s*\(\s*[^()]*\p{L}{2,}[^()]*\)")
# "the LEAP model (Listen, Empathize, Apologize, Problem-solve)": a word or two between
# the acronym and its spelling-out, which then must spell it, initial by initial.
_EXPANDED_AFTER_WORDS = regex.compile(r"(?:\s+\p{L}+){1,2}\s*\(([^()]+)\)")
_WORD_HEADS = regex.compile(r"(?<![\p{L}-])\p{L}+")
# How far after an acronym its spelling-out may end. The search stops there: unbounded,
# the regex module looked for a parenthesis to the end of the text at every acronym, so
# a text with many acronyms and no parenthesis took quadratic time.
MAX_EXPANSION = 200


def is_expanded(prose: str, start: int, end: int) -> bool:
    """Is the acronym at prose[start:end] spelled out where it stands, either way round:
    "Service Level Agreement (SLA)", "SLA (Service Level Agreement)"?"""
    before = prose[max(0, start - 3) : start].rstrip()
    after = prose[end : end + 3].lstrip()
    if before.endswith("(") and after.startswith(")"):
        return True
    if _EXPANDED_AFTER.match(prose, end, end + MAX_EXPANSION) is not None:
        return True
    spelled = _EXPANDED_AFTER_WORDS.match(prose, end, end + MAX_EXPANSION)
    return spelled is not None and _initials(spelled[1]) == prose[start:end].removesuffix("s").upper()


def _initials(words: str) -> str:
    """The capitals a spelling-out gives: "Listen, Empathize, Apologize, Problem-solve"
    gives LEAP (a word after a hyphen is part of the one before); words in lower case
    ("of", "and") give none, unless every word is."""
    heads = _WORD_HEADS.findall(words)
    capital = [w[0] for w in heads if w[0].isupper()]
    return "".join(capital if capital else (w[0] for w in heads)).upper()
