"""SARIF 2.1.0, as GitHub code scanning and other viewers accept it.

Columns are given in UTF-16 code units (`columnKind: utf16CodeUnits`, the SARIF default
and what GitHub assumes), converted from our code-point columns where a line has
characters outside the Basic Multilingual Plane.
"""

from __future__ import annotations

import json
from pathlib import Path

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
        "properties": {"tags": [rule.pack], "guidance": rule.source},
    }




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
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": Path(f.path).as_posix(), "uriBaseId": "%SRCROOT%"}, "region": region}}],
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
                        "locations": [{"physicalLocation": {"artifactLocation": {"uri": Path(e.path).as_posix(), "uriBaseId": "%SRCROOT%"}, **({"region": {"startLine": e.line}} if e.line else {})}}],
                    }
                    for e in report.errors
                ],
            }
        ],
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"
