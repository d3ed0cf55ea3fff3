"""JUnit XML, as GitLab CI and Jenkins read test reports: one test case per file, one
failure per finding, an error per input error."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from policylint.runner import Report


def render(report: Report, **_: object) -> str:
    paths = sorted(set(report.files) | {f.path for f in report.findings} | {e.path for e in report.errors})
    suite = ET.Element("testsuite", name="policylint", tests=str(len(paths)))
    failures = errors = 0
    for path in paths:
        case = ET.SubElement(suite, "testcase", classname="policylint", name=path, file=path)
        for f in (f for f in report.findings if f.path == path):
            failures += 1
            failure = ET.SubElement(case, "failure", message=f"{f.code} {f.message}", type=f.severity.label)
            failure.text = f"{f.path}:{f.start.line}:{f.start.column}  {f.severity.label}  {f.code} {f.slug}  {f.message}"
        for e in (e for e in report.errors if e.path == path):
            errors += 1
            ET.SubElement(case, "error", message=e.message, type="input-error").text = str(e)
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    root = ET.Element("testsuites", name="policylint", tests=str(len(paths)), failures=str(failures), errors=str(errors))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
