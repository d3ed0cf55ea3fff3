"""Machine-readable output: every finding with its exact span, and every input error."""

from __future__ import annotations

import json

from policylint.runner import Report


def render(report: Report, **_: object) -> str:
    data = {
        "findings": [
            {
                "path": f.path,
                "line": f.start.line,
                "column": f.start.column,
                "end_line": f.end.line,
                "end_column": f.end.column,
                "code": f.code,
                "rule": f.slug,
                "severity": f.severity.label,
                "message": f.message,
                "text": f.snippet,
            }
            for f in report.findings
        ],
        "errors": [e.as_json() for e in report.errors],
        "files": len(report.files),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
