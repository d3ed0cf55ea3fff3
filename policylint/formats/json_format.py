"""Machine-readable output: every finding with its exact span, and every input error.

The report is written piece by piece, a finding at a time, in exactly the layout of
`json.dumps(..., indent=2)`: a run with tens of thousands of findings never holds the
whole document (and a second copy as a list of dictionaries) in memory at once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from policylint.findings import Finding
from policylint.runner import Report

_string = json.encoder.encode_basestring  # ensure_ascii=False, in C where available


def _finding(f: Finding) -> str:
    return (
        "    {\n"
        f'      "path": {_string(f.path)},\n'
        f'      "line": {f.start.line},\n'
        f'      "column": {f.start.column},\n'
        f'      "end_line": {f.end.line},\n'
        f'      "end_column": {f.end.column},\n'
        f'      "code": {_string(f.code)},\n'
        f'      "rule": {_string(f.slug)},\n'
        f'      "severity": {_string(f.severity.label)},\n'
        f'      "message": {_string(f.message)},\n'
        f'      "text": {_string(f.snippet)}\n'
        "    }"
    )


def _error(error: dict[str, object]) -> str:
    return "    " + json.dumps(error, ensure_ascii=False, indent=2).replace("\n", "\n    ")


def _array(items: Iterator[str]) -> Iterator[str]:
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + item
        first = False
    yield "[]" if first else "\n  ]"


def chunks(report: Report, **_: object) -> Iterator[str]:
    yield '{\n  "findings": '
    yield from _array(map(_finding, report.findings))
    yield ',\n  "errors": '
    yield from _array(_error(e.as_json()) for e in report.errors)
    yield f',\n  "files": {len(report.files)}\n}}\n'
