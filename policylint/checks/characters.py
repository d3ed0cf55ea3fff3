"""characters: letters that look right on screen but are not the letters words are made
of, such as Arabic presentation forms («ﺍﻟﻌﻤﻼﺀ») in text copied out of a PDF.

The language layer folds them for matching (text/arabic.normalise), but dates, patterns
and readability read the letters themselves, and search, screen readers and copy-paste
fail on them: the document should be converted once. One finding, at the first run of
such letters, however many there are.
"""

from __future__ import annotations

import functools
import shlex
from collections.abc import Iterator
from dataclasses import dataclass

from policylint.checks.base import Check, Context, UserPattern
from policylint.document import Document
from policylint.findings import Hit, Span


class CharactersCheck(Check):
    type_name = "characters"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        # A regular expression for a run of the characters that should not be there.
        pattern: str

        @functools.cached_property
        def compiled(self) -> UserPattern:
            return UserPattern(self.pattern)

    def prepare(self, params: Params) -> None:
        # Compiled now: a wrong pattern is named before any document is read.
        _ = params.compiled

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        found = params.compiled.search(doc.prose)
        if found:
            # The file as a shell word, for the command the message gives.
            yield Hit(Span(found.start(), found.end()), {"text": found.group(), "file": shlex.quote(doc.path)})
