"""The default output: one line per finding, `path:line:col  severity  code  message`,
grouped by file, coloured on a terminal, with a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import click
import regex

from policylint.findings import Finding, Severity
from policylint.formats.escape import one_line
from policylint.runner import Report
from policylint.text.counting import ArabicForms, counted

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
# The summary's nouns: Arabic as it counts them (text/counting.py), «4 أخطاء، 11 تحذيراً».
_NOUNS = {
    "problem": (ArabicForms("ملاحظة واحدة", "ملاحظتان", "ملاحظات", "ملاحظة", "ملاحظة"), ("problem", "problems")),
    "file": (ArabicForms("ملف واحد", "ملفين", "ملفات", "ملفاً", "ملف"), ("file", "files")),
    "error": (ArabicForms("خطأ واحد", "خطآن", "أخطاء", "خطأً", "خطأ"), ("error", "errors")),
    "warning": (ArabicForms("تحذير واحد", "تحذيران", "تحذيرات", "تحذيراً", "تحذير"), ("warning", "warnings")),
    "info": (ArabicForms("معلومة واحدة", "معلومتان", "معلومات", "معلومة", "معلومة"), ("info", "info")),
}
_SUMMARY = {
    "en": ("{problem} in {file}: {error}, {warning}, {info}", "All checked: no problems in {file}."),
    "ar": ("{problem} في {file}: {error}، {warning}، {info}", "لا ملاحظات في {file}."),
}


def _counted(locale: str, **counts: int) -> dict[str, str]:
    return {noun: counted(count, *_NOUNS[noun]).pick(locale) for noun, count in counts.items()}


def _where(f: Finding) -> str:
    return one_line(f"{f.path}:{f.start.line}:{f.start.column}")


# Right-to-left letters (Arabic, Hebrew, Syriac, Thaana...). A terminal that shows such a
# line right to left would put a caret line's carets under the wrong letters, and one
# that does not would misplace them another way; so on such lines the finding is marked
# inside the line itself, where every terminal keeps it next to its text.
_RTL = regex.compile(r"[\p{Bidi_Class=R}\p{Bidi_Class=AL}]")
SOURCE_WIDTH = 100


def source_excerpt(f: Finding, color: bool) -> list[str]:
    """The finding's line, with the finding marked: carets under it, or on a
    right-to-left line, the finding between ⟦ and ⟧ (in reverse video on a terminal)."""
    if not f.context:
        return []
    line = f.context
    start = max(0, f.start.column - f.context_column)
    end = len(line) if f.end.line != f.start.line else max(start + 1, f.end.column - f.context_column)
    end = min(end, len(line))
    # A long line shows a window around the finding.
    left = max(0, min(start - SOURCE_WIDTH // 3, len(line) - SOURCE_WIDTH))
    right = max(end, left + SOURCE_WIDTH) if end - left <= SOURCE_WIDTH else end
    # Cut at spaces, not inside a word (half an Arabic word reads as another word).
    if left > 0 and " " in line[left:start]:
        left = line.index(" ", left, start) + 1
    if right < len(line) and " " in line[end:right]:
        right = line.rindex(" ", end, right)
    before, marked, after = line[left:start], line[start:end], line[end:right]
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    before, marked, after = (one_line(part.replace("\t", " ")) for part in (before, marked, after))
    if _RTL.search(line):
        shown = click.style(marked, reverse=True) if color else f"⟦{marked}⟧"
        return [f"    | {prefix}{before}{shown}{after}{suffix}"]
    carets = "^" * max(1, len(marked))
    return [f"    | {prefix}{before}{marked}{after}{suffix}", f"    | {' ' * (len(prefix) + len(before))}{click.style(carets, fg='red') if color else carets}"]


def chunks(report: Report, color: bool = False, locale: str | None = None, quiet: bool = False, show_source: bool = False, **_: object) -> Iterator[str]:
    """The report line by line (each with its newline), so that a large run is written
    as it is formatted instead of held whole in memory."""
    previous = None
    width = max((len(_where(f)) for f in report.findings), default=0)
    for f in report.findings:
        if previous is not None and f.path != previous:
            yield "\n"
        previous = f.path
        where = _where(f).ljust(width)
        severity = f"{f.severity.label:<7}"
        code = f"{f.code:<7}"
        if color:
            where = click.style(where, bold=True)
            severity = click.style(severity, fg=_COLOURS[f.severity])
            code = click.style(code, dim=True)
        yield f"{where}  {severity}  {code}  {one_line(f.message)}\n"
        if show_source:
            for line in source_excerpt(f, color):
                yield line + "\n"
    if quiet:
        return
    counts = Counter(f.severity for f in report.findings)
    locale = locale if locale in _SUMMARY else "en"
    problems, clean = _SUMMARY[locale]
    if report.findings:
        files = len({f.path for f in report.findings})
        yield "\n" + problems.format_map(_counted(
            locale, problem=len(report.findings), file=files, error=counts[Severity.ERROR],
            warning=counts[Severity.WARNING], info=counts[Severity.INFO],
        )) + "\n"  # fmt: skip
    elif report.files:
        yield clean.format_map(_counted(locale, file=len(report.files))) + "\n"


def statistics(report: Report) -> str:
    """Counts per rule, then per file, most first (ties in a stable order)."""
    by_rule = Counter((f.code, f.slug) for f in report.findings)
    by_file = Counter(f.path for f in report.findings)
    width = len(str(max([*by_rule.values(), *by_file.values()], default=0)))
    lines = ["", "Findings per rule:"]
    lines += [f"  {n:>{width}}  {code:<7} {slug}" for (code, slug), n in sorted(by_rule.items(), key=lambda i: (-i[1], i[0]))]
    lines += ["", "Findings per file:"]
    lines += [f"  {n:>{width}}  {path}" for path, n in sorted(by_file.items(), key=lambda i: (-i[1], i[0]))]
    return "\n".join(lines) + "\n"
