"""Inline suppressions in bulk: a file with many of them keeps exactly the findings no
suppression covers, and reports exactly the suppressions that cover nothing."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from policylint import suppressions
from policylint.findings import Finding, Position, Severity, Span
from policylint.suppressions import Suppression

_RULES = [("PLH101", "bracket-placeholder"), ("PLA102", "vague-promise"), ("DOC103", "generic-title")]
_NAMES = [name for rule in _RULES for name in rule] + ["PLH999"]


def _plain_apply(inline: list[Suppression], reported: list[tuple[tuple[str, str], Finding]]) -> list[Finding]:
    """Every finding tested against every suppression, as before."""
    kept = []
    for names, finding in reported:
        line = finding.start.line
        covering = [s for s in inline if s.first_line <= line <= s.last_line and (s.names is None or s.names & set(names))]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    return kept


_suppression = st.builds(
    lambda names, first, length: Suppression("disable", frozenset(names) or None, Span(0, 0), first, first + length),
    st.sets(st.sampled_from(_NAMES), max_size=2),
    st.integers(1, 40),
    st.integers(0, 15),
)
_finding = st.builds(
    lambda rule, line: (rule, Finding("p.md", Position(line, 1), Position(line, 2), rule[0], rule[1], Severity.WARNING, "m")),
    st.sampled_from(_RULES),
    st.integers(1, 60),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_suppression, max_size=12), st.lists(_finding, max_size=30))
def test_the_same_findings_are_kept_and_the_same_suppressions_used(inline, reported):
    plain = [Suppression(s.directive, s.names, s.span, s.first_line, s.last_line) for s in inline]
    assert suppressions.apply(inline, reported) == _plain_apply(plain, reported)
    assert [s.used for s in inline] == [s.used for s in plain]


def test_a_policy_with_a_thousand_suppressions(lint_json, tmp_path):
    lines = ["# سياسة خدمة العملاء", ""]
    for i in range(1000):
        lines += ["<!-- policylint-disable-next-line PLH101 -->", f"نرد خلال [X] ساعات على الطلب {i}.", ""]
    lines += ["<!-- policylint-disable bracket-placeholder -->", "الهاتف: [Y] رنات.", "<!-- policylint-enable bracket-placeholder -->", ""]
    lines += ["الدردشة: [Z] دقائق.", "", "<!-- policylint-disable-next-line PLH101 -->", "سطر بلا عنصر نائب.", ""]
    path = tmp_path / "p.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = lint_json("--select", "PLH101,PL001", str(path))
    assert [(f["code"], f["line"]) for f in result.findings] == [("PLH101", 3007), ("PL001", 3009)]
