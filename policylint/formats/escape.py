"""Text from a document made safe for an output format, whatever the document holds.

A policy may carry control characters or the non-characters U+FFFE/U+FFFF (pasted from
a word processor, or on purpose). XML 1.0 forbids them, so one such character in a
heading would make the whole JUnit report unreadable; on a terminal, an escape sequence
in a finding could rewrite the screen. They are shown as visible escapes instead.
"""

from __future__ import annotations

import regex

# What XML 1.0 allows: tab, newline, carriage return, and U+0020 up, except the
# surrogates and U+FFFE/U+FFFF.
_XML_FORBIDDEN = regex.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# On one report line: every control character, line breaks included.
_CONTROL = regex.compile(r"[\p{Cc}\u2028\u2029\ufffe\uffff]")


def _visible(match: regex.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def xml_safe(text: str) -> str:
    return _XML_FORBIDDEN.sub(_visible, text)


def one_line(text: str) -> str:
    return _CONTROL.sub(_visible, text)
