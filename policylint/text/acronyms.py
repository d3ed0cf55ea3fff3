"""Latin acronyms in either language, and whether the text spells one out where it is used."""

from __future__ import annotations

import regex

# Arabic proclitics and the article (with or without tatweel) before a Latin acronym,
# then the acronym: two to six capitals or digits, starting with a capital, with an
# optional plural s ("KPIs").
ACRONYM = regex.compile(r"(?<![\p{L}\p{N}])(?:[وف]?[بلك]?(?:ال)?ـ?)?((?:[A-Z][A-Z0-9&]{1,5})s?)(?![\p{L}\p{N}])")
_EXPANDED_AFTER = regex.compile(r"\s*\(\s*[^()]*\p{L}{2,}[^()]*\)")
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
    return _EXPANDED_AFTER.match(prose, end, end + MAX_EXPANSION) is not None
