"""placeholder: template text left unfilled ([X], [الشركة], {{name}}, TODO, ____)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex

from policylint.checks.base import Check, Context, UserPattern
from policylint.document import Document
from policylint.findings import Hit, Span

# A bracketed stretch of text, for `outside_brackets`.
_BRACKETED = regex.compile(r"\[[^\[\]\n]*\]")


class Placeholder(Check):
    type_name = "placeholder"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # Regular expressions run over the prose (links, code, HTML and Markdown syntax
        # are already blanked by the parser). The whole match is the placeholder.
        patterns: tuple[str, ...]
        ignore_case: bool = False
        # Matches whose text fully matches one of these are not placeholders ("[1]").
        allow: tuple[str, ...] = ()
        # Skip matches inside [...], which the bracket rule already reports.
        outside_brackets: bool = False

        @functools.cached_property
        def compiled(self) -> UserPattern:
            flags = regex.I if self.ignore_case else 0
            try:
                return UserPattern("|".join(f"(?:{p})" for p in self.patterns), flags | regex.V1, shown=" | ".join(self.patterns))
            except ValueError:
                # Name the one pattern that is wrong; each is compiled alone only then
                # (compiling every pattern twice took milliseconds at every start).
                for pattern in self.patterns:
                    UserPattern(pattern)
                raise

        @functools.cached_property
        def exceptions(self) -> tuple[UserPattern, ...]:
            return tuple(UserPattern(p) for p in self.allow)

        @functools.cached_property
        def found_in(self) -> Callable[[str], tuple[tuple[int, int], ...]]:
            """Where a block's text holds placeholders, remembered: a template's
            paragraphs recur in every policy made from it."""
            return functools.lru_cache(maxsize=512)(functools.partial(_placeholders, self))

    def prepare(self, params: Params) -> None:
        params.compiled
        params.exceptions

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        found_in = params.found_in
        for block in doc.blocks:
            base = block.span.start
            for start, end in found_in(doc.prose[base : block.span.end]):
                written = doc.source[base + start : base + end]
                yield Hit(Span(base + start, base + end), {"placeholder": _ESCAPE.sub(r"\1", written)})


# A backslash that escapes Markdown punctuation, as pandoc writes brackets from Word
# ("\[الشركة\]"): the placeholder is shown as the reader sees it, "[الشركة]".
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")


def _placeholders(params: Placeholder.Params, text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) in the text of each placeholder the rule's patterns find."""
    found = []
    brackets: list[tuple[int, int]] | None = None  # found when first needed
    for m in params.compiled.finditer(text):
        if m.end() == m.start():
            continue
        if any(p.fullmatch(m.group()) for p in params.exceptions):
            continue
        if params.outside_brackets:
            if brackets is None:
                brackets = [b.span() for b in _BRACKETED.finditer(text)]
            if any(s <= m.start() and m.end() <= e for s, e in brackets):
                continue
        found.append(m.span())
    return tuple(found)
