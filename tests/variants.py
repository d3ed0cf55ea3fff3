"""Whole policies with one part taken out, made from the complete fixtures."""

from __future__ import annotations

import re


def without_section(text: str, heading: str) -> str:
    """The text with the `## heading` section (up to the next heading of its level) removed."""
    pattern = re.compile(rf"^## {re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    result, count = pattern.subn("", text)
    assert count == 1, f"no section {heading!r}"
    return result


def without_line(text: str, prefix: str) -> str:
    lines = text.split("\n")
    kept = [line for line in lines if not line.startswith(prefix)]
    assert len(kept) == len(lines) - 1, f"no single line starting {prefix!r}"
    return "\n".join(kept)


def replace_line(text: str, prefix: str, new: str) -> str:
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    assert len(hits) == 1, f"no single line starting {prefix!r}"
    lines[hits[0]] = new
    return "\n".join(lines)


# (fixture, incomplete fixture, how to make it, the one rule it must break)
INCOMPLETE = [
    ("ar/customer-service-policy.md", "incomplete/ar-no-scope.md", lambda t: without_section(t, "٤. النطاق"), "CSP104"),
    ("ar/customer-service-policy.md", "incomplete/ar-no-review-date.md", lambda t: without_line(t, "تاريخ آخر مراجعة"), "FRS101"),
    ("ar/customer-service-policy.md", "incomplete/ar-no-contact.md", lambda t: without_section(t, "١٤. تواصل معنا"), "CSP114"),
    ("ar/code-of-conduct.md", "incomplete/ar-conduct-no-complaints.md", lambda t: without_section(t, "٥. معالجة الشكاوى"), "COC105"),
    ("en/customer-service-policy.md", "incomplete/en-no-scope.md", lambda t: without_section(t, "4. Scope"), "CSP104"),
    ("en/customer-service-policy.md", "incomplete/en-no-review-date.md", lambda t: without_line(t, "Last reviewed"), "FRS101"),
    ("en/customer-service-policy.md", "incomplete/en-no-contact.md", lambda t: without_section(t, "14. Contact us"), "CSP114"),
    ("en/code-of-conduct.md", "incomplete/en-conduct-no-ethics.md", lambda t: without_section(t, "1. Ethical guidelines"), "COC101"),
]
