"""secrets: no password, access key or personal data in a policy.

Policies are published and kept in Git, where a secret stays in the history for good.
The whole file is searched (code blocks, comments and front matter included: a key in a
code block is as leaked as one in a paragraph), digits in any script. Numbers are only
reported when they validate (card numbers pass the Luhn check, IBANs their country's
length and mod-97 check), national ID numbers only near words that name them. A finding
never repeats the secret in full: it shows its first and last characters.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from policylint.checks.base import Check, Context
from policylint.document import Document
from policylint.findings import Hit, Span
from policylint.text.chars import ascii_digits

KINDS = ("password", "api-key", "card-number", "iban", "national-id")
# What stands after a password label when there is no password: a template slot (the
# value is cut at the first space, so only its opening shows) or a mask.
_PLACEHOLDER_VALUE = regex.compile(r"^(?:[\[<{(].*|\*+|•+|x+|\.+|_+|-+)$", regex.I)

_PASSWORD = regex.compile(
    r"(?:password|passwd|pwd|passcode|كلمة\s+(?:ال)?مرور|كلمة\s+(?:ال)?سر|(?:ال)?رقم\s+(?:ال)?سري)"
    r"\s*(?:هي|is)?\s*[:=：]\s*[\"'`]?([^\s\"'`]{4,})",
    regex.I,
)
_KEY_PREFIXED = regex.compile(
    r"(?<![\w-])(sk-(?:proj-)?[A-Za-z0-9_-]{20,}|sk_live_[0-9A-Za-z]{16,}|rk_live_[0-9A-Za-z]{16,}|AKIA[0-9A-Z]{16}"
    r"|gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,}|xox[abprs]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})(?![\w-])"
)
_KEY_LABELLED = regex.compile(
    r"(?:api[\s_-]?key|access[\s_-]?key|secret(?:[\s_-]?key)?|token|مفتاح\s+(?:ال)?(?:API|واجهة|وصول|سري))"
    r"\s*[:=：]\s*[\"'`]?([A-Za-z0-9_\-+/=]{16,})",
    regex.I,
)
_CARD = regex.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
_IBAN = regex.compile(r"(?<![A-Z0-9])([A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?)(?![A-Z0-9])")
_EMIRATES_ID = regex.compile(r"(?<!\d)784-?\d{4}-?\d{7}-?\d(?!\d)")
# Saudi national ID and iqama (10 digits, 1 or 2 first, Luhn); Egyptian national ID (14
# digits: century 2 or 3, then a birth date).
_SAUDI_ID = regex.compile(r"(?<!\d)[12]\d{9}(?!\d)")
_EGYPT_ID = regex.compile(r"(?<!\d)[23]\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{7}(?!\d)")
_ID_CONTEXT = regex.compile(
    r"هوي[ةه]|(?:ال)?سجل\s+(?:ال)?مدني|(?:ال)?إقام[ةه]|(?:ال)?اقام[ةه]|(?:ال)?رقم\s+(?:ال)?قومي|بطاق[ةه]"
    r"|national\s+id|id\s+(?:number|no)|iqama|identity",
    regex.I,
)


def _looks_like_password(value: str) -> bool:
    """"Waha2026!" is a password; "never" in "Password: never share it." is a word."""
    word = value.rstrip(".,;:!?،؛")
    if regex.search(r"[\d_@#$%^&*+=!?]", word):
        return True
    return len(word) >= 8 and regex.search(r"[a-z]", word) is not None and regex.search(r"[A-Z]", word) is not None


def mask(secret: str) -> str:
    """The first two and last two characters; the rest as dots, so the length shows."""
    kept = secret.replace(" ", "").replace("-", "")
    if len(kept) <= 6:
        return "•" * len(kept)
    return kept[:2] + "•" * (len(kept) - 4) + kept[-2:]



# The card networks' and payment providers' published test numbers (Stripe, PayPal,
# Adyen): a training note's "4111 1111 1111 1111" is no one's card.
_TEST_CARDS = frozenset({
    "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4000000000000002", "4000000000009995",
    "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005", "371449635398431",
    "6011111111111117", "6011000990139424", "3056930009020004", "36227206271667", "3566002020360505", "6200000000000005",
})  # fmt: skip
# python-stdnum is imported when a number that may be a card, an IBAN or an ID is found,
# not with policylint: its import (with ssl, pydoc, zip and bz2) took a tenth of the
# start-up of every run, and most policies hold no such number.
def _luhn_valid(digits: str) -> bool:
    from stdnum import luhn

    return bool(luhn.is_valid(digits))


def _iban_valid(text: str) -> bool:
    from stdnum import iban

    return bool(iban.is_valid(text))

class SecretsCheck(Check):
    type_name = "secrets"

    @dataclass(frozen=True, kw_only=True)
    class Params:
        kinds: tuple[str, ...] = KINDS
        # Characters either side of a national ID number in which a word naming it must be.
        id_context: int = 60

        @functools.cached_property
        def wanted(self) -> frozenset[str]:
            return frozenset(self.kinds)

    def prepare(self, params: Params) -> None:
        unknown = set(params.kinds) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kind(s) {', '.join(sorted(unknown))} in 'kinds'; known: {', '.join(KINDS)}")

    def _found(self, text: str, params: Params) -> Iterator[tuple[str, int, int]]:
        """(kind, start, end) of each secret in the text, digits already ASCII."""
        if "password" in params.wanted:
            for m in _PASSWORD.finditer(text):
                if not _PLACEHOLDER_VALUE.match(m[1]) and _looks_like_password(m[1]):
                    yield "password", m.start(1), m.end(1)
        if "api-key" in params.wanted:
            for pattern in (_KEY_PREFIXED, _KEY_LABELLED):
                for m in pattern.finditer(text):
                    yield "api-key", m.start(1), m.end(1)
        if "card-number" in params.wanted:
            for m in _CARD.finditer(text):
                digits = regex.sub(r"\D", "", m[0])
                if digits[0] in "3456" and len(set(digits)) > 1 and digits not in _TEST_CARDS and _luhn_valid(digits):
                    yield "card-number", m.start(), m.end()
        if "iban" in params.wanted:
            for m in _IBAN.finditer(text):
                if _iban_valid(m[1]):
                    yield "iban", m.start(1), m.end(1)
        if "national-id" in params.wanted:
            for m in _EMIRATES_ID.finditer(text):
                if _luhn_valid(regex.sub(r"\D", "", m[0])):
                    yield "national-id", m.start(), m.end()
            for pattern, valid in ((_SAUDI_ID, _luhn_valid), (_EGYPT_ID, lambda d: True)):
                for m in pattern.finditer(text):
                    near = text[max(0, m.start() - params.id_context) : m.end() + params.id_context]
                    if valid(m[0]) and _ID_CONTEXT.search(near):
                        yield "national-id", m.start(), m.end()

    def check(self, doc: Document, params: Params, ctx: Context) -> Iterator[Hit]:
        text = ascii_digits(doc.source)
        taken: list[tuple[int, int]] = []
        for kind, start, end in sorted(self._found(text, params), key=lambda f: (f[1], -f[2])):
            if any(s < end and start < e for s, e in taken):
                continue  # a card number inside an IBAN, a key inside a labelled key
            taken.append((start, end))
            secret = doc.source[start:end]
            yield Hit(Span(start, end), {"kind": _KIND_NAMES[kind], "masked": mask(secret)}, about=mask(secret))


_KIND_NAMES = {
    "password": {"ar": "كلمة مرور", "en": "a password"},
    "api-key": {"ar": "مفتاح وصول", "en": "an access key"},
    "card-number": {"ar": "رقم بطاقة دفع", "en": "a payment card number"},
    "iban": {"ar": "رقم حساب مصرفي (IBAN)", "en": "a bank account number (IBAN)"},
    "national-id": {"ar": "رقم هوية وطنية", "en": "a national ID number"},
}
