"""Postal codes and box numbers, which look like acronyms and are none.

A policy's contact section gives an address, and an address holds capitals that are no
jargon a customer needs explained: "PO Box 7710", the outward part of a UK postcode
("Bristol BS1 4DJ"), a state or province before its ZIP or postal code ("Austin, TX
78701", "Toronto, ON M5X 1A9", "Sydney NSW 2000").
States and provinces are the real lists, not any two capitals before a number: "ISO
9001" and "ref AB 12345" are no address.
"""

from __future__ import annotations

import functools

import regex

_US_STATES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL",
    "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE",
    "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "PR", "RI", "SC",
    "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
)
_CANADIAN_PROVINCES = (
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
)
_AUSTRALIAN_STATES = (
    "NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT",
)

_UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[A-Z]{2}"
_CANADIAN_POSTAL_CODE = r"[A-Z]\d[A-Z]\s?\d[A-Z]\d"


def _one_of(codes: tuple[str, ...]) -> str:
    return "(?:" + "|".join(codes) + ")"


# Compiled when a sentence first holds what may be an acronym, not at every start.
@functools.cache
def _postal() -> regex.Pattern[str]:
    alternatives = (
        r"P\.?\s?O\.?\s+(?i:box)",
        rf"{_one_of(_US_STATES)}\s+\d{{5}}(?:-\d{{4}})?",
        rf"{_one_of(_CANADIAN_PROVINCES)}\s+{_CANADIAN_POSTAL_CODE}",
        rf"{_one_of(_AUSTRALIAN_STATES)}\s+\d{{4}}",
        _CANADIAN_POSTAL_CODE,
        _UK_POSTCODE,
    )
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(alternatives) + r")(?![\p{L}\p{N}])")


def postal_spans(text: str) -> list[tuple[int, int]]:
    """Where text holds a postal code or a box number, as (start, end) pairs."""
    return [m.span() for m in _postal().finditer(text)]
