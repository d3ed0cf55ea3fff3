"""JUnit XML, as GitLab CI and Jenkins read test reports: a test suite per file, a test
case per rule that reported in it, failing when one of its findings is at or above
--fail-on (findings below it are listed in the case's output, and the case passes); an
error per input error; a file with no findings is one passing case."""


from __future__ import annotations

from collections import defaultdict

from policylint.findings import Finding, Severity
from policylint.formats.escape import xml_safe
from policylint.runner import InputError, Report


def _text(finding: Finding) -> str:
    f = finding
    return f"{f.path}:{f.start.line}:{f.start.column}  {f.severity.label}  {f.code} {f.slug}  {f.message}"


def render(report: Report, fail_on: Severity = Severity.ERROR, **_: object) -> str:
    by_path: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for f in report.findings:
        by_path[f.path][f.code].append(f)
    errors_by_path: dict[str, list[InputError]] = defaultdict(list)
    for e in report.errors:
        errors_by_path[e.path].append(e)
    import xml.etree.ElementTree as ET  # only for this format: not at every start

    root = ET.Element("testsuites", name="policylint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path in sorted(set(report.files) | set(by_path) | set(errors_by_path)):
        suite = ET.SubElement(root, "testsuite", name=xml_safe(path))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for code, findings in sorted(by_path[path].items()):
            counts["tests"] += 1
            case = ET.SubElement(suite, "testcase", classname=xml_safe(path), name=f"{code} {findings[0].slug}", file=xml_safe(path))
            failing = [f for f in findings if f.severity >= fail_on]
            if failing:
                counts["failures"] += 1
                failure = ET.SubElement(case, "failure", message=xml_safe(f"{len(failing)} × {code}: {failing[0].message}"), type=max(f.severity for f in failing).label)
                failure.text = xml_safe("\n".join(map(_text, failing)))
            passing = [f for f in findings if f.severity < fail_on]
            if passing:
                ET.SubElement(case, "system-out").text = xml_safe("\n".join(map(_text, passing)))
        for e in errors_by_path[path]:
            counts["tests"] += 1
            counts["errors"] += 1
            case = ET.SubElement(suite, "testcase", classname=xml_safe(path), name="input", file=xml_safe(path))
            ET.SubElement(case, "error", message=xml_safe(e.message), type="input-error").text = xml_safe(str(e))
        if not counts["tests"]:
            counts["tests"] = 1
            ET.SubElement(suite, "testcase", classname=xml_safe(path), name="policylint", file=xml_safe(path))
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
