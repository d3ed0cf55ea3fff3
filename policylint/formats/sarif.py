"""SARIF 2.1.0, as GitHub code scanning and other viewers accept it.

Columns are given in UTF-16 code units (`columnKind: utf16CodeUnits`, the SARIF default
and what GitHub assumes), converted from our code-point columns where a line has
characters outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from policylint import __version__
from policylint.baseline import fingerprint
from policylint.findings import Finding, Severity
from policylint.ruledocs import explain, summary
from policylint.runner import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rule(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.slug,
        "shortDescription": {"text": summary(rule, "en")},
        "fullDescription": {"text": summary(rule, "en") + " " + str(rule.docs.get("why", {}).get("en", ""))},
        "help": {"text": explain(rule, "en"), "markdown": explain(rule, "en")},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": [rule.pack], "guidance": rule.source.get("en") or next(iter(rule.source.values()))},
    }


def _artifact(path: str) -> dict:
    """Where a file is, as SARIF wants it: a URI (RFC 3986), so a space, `#`, `%`, `:`,
    a newline or an Arabic letter in a file name is percent-encoded; a path under the
    folder of the run is relative to %SRCROOT%, any other is a file: URI of its own."""
    file = Path(path)
    if file.is_absolute():
        return {"uri": file.as_uri()}
    return {"uri": quote(file.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def _result(f: Finding, index: dict[str, int]) -> dict:
    region = {
        "startLine": f.start.line,
        "startColumn": f.start.column_utf16 or f.start.column,
        "endLine": f.end.line,
        "endColumn": f.end.column_utf16 or f.end.column,
    }
    if f.snippet:
        region["snippet"] = {"text": f.snippet}
    result = {
        "ruleId": f.code,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _artifact(f.path), "region": region}}],
        "partialFingerprints": {"policylint/v1": fingerprint(f)},
    }
    if f.code in index:
        result["ruleIndex"] = index[f.code]
    return result


def render(report: Report, **_: object) -> str:
    rules = [report.rules[code] for code in sorted(report.rules)]
    index = {rule.code: i for i, rule in enumerate(rules)}
    run = {
        "tool": {
            "driver": {
                "name": "policylint",
                "version": __version__,
                "informationUri": "https://github.com/policylint/policylint",
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "utf16CodeUnits",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "results": [_result(f, index) for f in report.findings],
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {
                        "level": "error",
                        "message": {"text": e.message},
                        "locations": [{"physicalLocation": {"artifactLocation": _artifact(e.path), **({"region": {"startLine": e.line}} if e.line else {})}}],
                    }
                    for e in report.errors
                ],
            }
        ],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
