"""GitHub Actions workflow commands (annotations on the pull request), and a Markdown
summary of every finding for $GITHUB_STEP_SUMMARY, since GitHub shows only the first
ten errors and ten warnings of a step as annotations."""

from __future__ import annotations

from collections.abc import Iterator

from policylint.findings import Severity
from policylint.runner import Report

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def chunks(report: Report, **_: object) -> Iterator[str]:
    """One workflow command per line, written as it is made."""
    for f in report.findings:
        props = ",".join(
            f"{key}={_property(str(value))}"
            for key, value in (
                ("file", f.path), ("line", f.start.line), ("col", f.start.column),
                ("endLine", f.end.line), ("endColumn", f.end.column), ("title", f"{f.code} {f.slug}"),
            )  # fmt: skip
        )
        yield f"::{COMMANDS[f.severity]} {props}::{_data(f.message)}\n"
    for e in report.errors:
        where = f"file={_property(e.path)}" + (f",line={e.line}" if e.line else "")
        yield f"::error {where},title=policylint input error::{_data(e.message)}\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def step_summary(report: Report) -> str:
    """Every finding as a Markdown table, for the job's summary page."""
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in Severity}
    out = [
        "## policylint",
        "",
        f"{len(report.findings)} findings in {len(report.files)} files checked: "
        f"{counts[Severity.ERROR]} errors, {counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info.",
        "",
    ]
    if report.findings:
        out += ["| File | Line | Severity | Rule | Message |", "|---|---|---|---|---|"]
        out += [f"| `{_cell(f.path)}` | {f.start.line}:{f.start.column} | {f.severity.label} | {f.code} `{f.slug}` | {_cell(f.message)} |" for f in report.findings]
    if report.errors:
        out += ["", "### Input errors", ""] + [f"- `{_cell(str(e))}`" for e in report.errors]
    return "\n".join(out) + "\n"
