"""Patterns and lookups rewritten to run in time linear in the line's length find
exactly what the plain ones found.

The plain forms retried every opener of a long line that had no closer (`![`, `](`,
`<!--`), or every letter of a long word for an e-mail address, and a number of the form
1.1.1... was joined pair by pair: seconds on a 20 KB line, hours on a megabyte. Each test
runs the plain form beside the rewritten one on real policies and on generated text made
of the pieces that matter; `bench/bench.py --sizes` measures the time. A line's span
once searched the line for its newline, once per finding on it; an acronym's
spelling-out was looked for to the end of the text.
"""

from __future__ import annotations

import regex
from conftest import FIXTURES, real_texts
from hypothesis import example, given, settings
from hypothesis import strategies as st

from policylint import document
from policylint.checks import review_date
from policylint.text import acronyms, tokens
from policylint.text.tokens import Token, normalise

_PLAIN_ATOMS = regex.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+[^\s<>()\[\].,;:!?،؛؟]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PLAIN_MASKS = {
    "_IMAGE": regex.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])?"),
    "_FOOTNOTE": regex.compile(r"\[\^[^\]\n]+\]:?"),
    "_HTML_COMMENT": regex.compile(r"<!--.*?-->", regex.S),
    "_INLINE_LINK": regex.compile(r"\[([^\[\]\n]*)\](\([^)\n]*\))"),
}
_PLAIN_COMPUTED = regex.compile(r"\{\{.*?\}\}|\{%.*?%\}|<\?.*?\?>|\$\{[^}]*\}|\bnow\(\)|\btoday\(\)", regex.S)


def _plain_merge_numbers(found: list[Token]) -> list[Token]:
    merged: list[Token] = []
    for token in found:
        if (
            len(merged) >= 2
            and token.text[:1].isdigit()
            and merged[-1].text in tokens._NUMBER_JOINERS
            and merged[-2].text[-1:].isdigit()
            and merged[-2].end == merged[-1].start
            and merged[-1].end == token.start
        ):
            joiner = merged.pop()
            first = merged.pop()
            text = first.text + joiner.text + token.text
            merged.append(Token(text, normalise(text), first.start, token.end))
        else:
            merged.append(token)
    return merged


def _plain_tokenize(text: str, lang: str) -> list[Token]:
    atoms, merge = tokens._ATOMS, tokens._merge_numbers
    tokens._ATOMS, tokens._merge_numbers = _PLAIN_ATOMS, _plain_merge_numbers
    try:
        return tokens.tokenize(text, lang)
    finally:
        tokens._ATOMS, tokens._merge_numbers = atoms, merge


def _plain_mask(content: str, references: dict, in_list_item: bool) -> str:
    kept = {name: getattr(document, name) for name in _PLAIN_MASKS}
    for name, pattern in _PLAIN_MASKS.items():
        setattr(document, name, pattern)
    try:
        return document._mask_inline(content, references, in_list_item)
    finally:
        for name, pattern in kept.items():
            setattr(document, name, pattern)


def _real_lines() -> list[str]:
    texts = real_texts()
    return [line for text in texts for line in text.splitlines() if line.strip()]


_WORD_PIECES = ["a", "Zb", "وف", "ال", "_", "1", "23", ".", ",", "٫", "+", "-", "@", " ", "\n", "x.y", "care@example.com", "http://", "www.", "a.sa/", "؟"]
_MARKUP_PIECES = ["![", "[^", "[", "]", "(", ")", "](", "<!--", "-->", "`", "``", "a", "نص", " ", "\n", "*", "<br>", "<a@b.co>", "[ref]", "\\"]
_TEMPLATE_PIECES = ["{{", "}}", "{%", "%}", "<?", "?>", "${", "}", "now()", "today()", "x", " ", "\n", "٢٠٢٦"]


def test_tokens_of_real_policies_are_unchanged():
    lines = _real_lines()
    assert len(lines) > 500
    assert any("@" in line for line in lines) and any(regex.search(r"\d[.,]\d", line) for line in lines)
    for line in lines:
        for lang in ("ar", "en"):
            assert tokens.tokenize(line, lang) == _plain_tokenize(line, lang), line


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join), st.sampled_from(["ar", "en"]))
@example("care@example.com.+d@e.f", "en")  # an address right after another one
@example("x@y.z+w@v.u وف", "ar")
@example("1 .5 and 2. 5 and 3.5.7", "en")  # a joiner apart from its digits joins nothing
@example("خلال ١ ٫٥ أو ٢٫٥ يوم", "ar")
def test_tokens_are_unchanged(text, lang):
    assert tokens.tokenize(text, lang) == _plain_tokenize(text, lang)


def test_markup_of_real_policies_is_masked_as_before():
    lines = [line for line in _real_lines() if document._MARKUP.search(line)]
    assert len(lines) > 50
    for line in lines:
        for in_list_item in (False, True):
            assert document._mask_inline(line, {"ref": 1}, in_list_item) == _plain_mask(line, {"ref": 1}, in_list_item), line


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP_PIECES), max_size=30).map("".join), st.booleans())
def test_markup_is_masked_as_before(content, in_list_item):
    assert document._mask_inline(content, {"ref": 1}, in_list_item) == _plain_mask(content, {"ref": 1}, in_list_item)


_COMMENT_PIECES = ["<!--", "-->", "<!-->", "a", "نص", "\n", "-", ">"]  # no spaces or backticks: never code


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_COMMENT_PIECES), max_size=30).map("".join))
def test_html_comments_are_found_as_before(body):
    text = "# سياسة\n\n" + body + "\n"
    found = [(span.start, span.end) for span, _ in document.parse("p.md", text).comments]
    assert found == [(m.start(), m.end()) for m in _PLAIN_MASKS["_HTML_COMMENT"].finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_TEMPLATE_PIECES), max_size=25).map("".join))
def test_template_expressions_in_a_review_date_are_found_as_before(value):
    # The rewritten pattern bounds an expression to 200 characters; these are shorter.
    assert bool(review_date._COMPUTED.search(value)) == bool(_PLAIN_COMPUTED.search(value))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "نص", "\n", "\r\n", " ", "# ", "- ", "---\n", "[X]", "\n\n"]), max_size=30).map("".join))
@example("")
@example("no newline at the end")
@example("ends with one\n")
def test_a_line_is_the_text_between_its_newlines(body):
    doc = document.parse("p.md", "# t\n" + body)
    lines = doc.source.split("\n")
    assert [doc.text(doc.line_span(number)) for number in range(1, len(lines) + 1)] == lines


def test_every_line_of_the_fixtures_is_the_text_between_its_newlines():
    for path in sorted(FIXTURES.rglob("*.md")):
        doc = document.parse(str(path), path.read_text(encoding="utf-8"))
        lines = doc.source.split("\n")
        assert [doc.text(doc.line_span(number)) for number in range(1, len(lines) + 1)] == lines, path


_ACRONYM_PIECES = ["SLA", " ", "(", ")", "Service Level Agreement", "اتفاقية مستوى الخدمة", "KPI", ", ", "x" * 150, "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ACRONYM_PIECES), max_size=20).map("".join))
@example("SLA (" + "Service Level Agreement " * 8 + ")")  # a spelling-out of 190 characters, inside the bound
@example("SLA SLA(Service Level Agreement)")  # a word between, whose spelling-out spells it
def test_acronyms_spelled_out_in_parentheses_are_found_as_before(text):
    # The search now ends 200 characters after the acronym; a spelling-out is far shorter.
    for m in acronyms.ACRONYM.finditer(text):
        expected, reach = _plainly_expanded(text, m)
        if reach <= 200:
            assert acronyms.is_expanded(text, m.start(1), m.end(1)) == expected


def test_acronyms_of_real_policies_are_found_spelled_out_as_before():
    for text in real_texts():
        for m in acronyms.ACRONYM.finditer(text):
            assert acronyms.is_expanded(text, m.start(1), m.end(1)) == _plainly_expanded(text, m)[0]


_PLAIN_EXPANDED_AFTER = regex.compile(r"\s*\(\s*[^()]*\p{L}{2,}[^()]*\)")
# "the LEAP model (Listen, ...)": a word or two, then a spelling-out that spells it.
_PLAIN_EXPANDED_AFTER_WORDS = regex.compile(r"(?:\s+\p{L}+){1,2}\s*\(([^()]+)\)")


def _plainly_expanded(text: str, m: regex.Match) -> tuple[bool, int]:
    """Is the acronym m[1] spelled out, found by unbounded patterns, and how far after it
    the spelling-outs they found end."""
    plain = _PLAIN_EXPANDED_AFTER.match(text, m.end(1))
    words = _PLAIN_EXPANDED_AFTER_WORDS.match(text, m.end(1))
    spelled = words is not None and acronyms._initials(words[1]) == m[1].removesuffix("s").upper()
    reach = max((found.end() - m.end(1) for found in (plain, words) if found), default=0)
    return plain is not None or spelled or _wrapped(text, m.start(1), m.end(1)), reach


def _wrapped(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 3) : start].rstrip().endswith("(") and text[end : end + 3].lstrip().startswith(")")
