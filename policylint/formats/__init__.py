"""Output formats. A formatter turns a report into text; it never decides what is a problem."""

from __future__ import annotations

from collections.abc import Callable

from policylint.formats import github, json_format, junit, sarif, text_format
from policylint.runner import Report

FORMATS: dict[str, Callable[..., str]] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "github": github.render,
    "junit": junit.render,
}


def render(name: str, report: Report, **options: object) -> str:
    return FORMATS[name](report, **options)
