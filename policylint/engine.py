"""The engine: pick the rules for a document, run their checks, turn hits into findings,
apply inline suppressions. It never prints and never decides how findings look."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from policylint import suppressions
from policylint.checks.base import Context, PatternTimeout
from policylint.document import Document
from policylint.findings import Finding, Hit, Severity, Span
from policylint.rulepacks import Rule, RuleSet
from policylint.text.tokens import normalise

UNUSED_SUPPRESSION = "unused-suppression"
UNKNOWN_RULE_IN_SUPPRESSION = "unknown-rule-in-suppression"
UNKNOWN_KIND = "unknown-kind"


@dataclass(frozen=True)
class Settings:
    """What configuration and the command line decide for one file."""

    kind: str | None = None  # forced kind (--kind), beats everything
    configured_kind: str | None = None  # from configuration, used when the document cannot tell
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()  # packs enabled whatever the kind
    rule_settings: dict[str, dict[str, Any]] = field(default_factory=dict)
    locale: str | None = None


def detect_kind(doc: Document, ruleset: RuleSet, settings: Settings) -> str | None:
    """--kind, else front matter `kind:`, else the title, else configuration."""
    if settings.kind:
        return ruleset.kind(settings.kind).id
    declared = doc.front_matter.get("kind")
    if isinstance(declared, str) and declared.strip():
        return ruleset.kind(declared.strip()).id
    title = doc.title.title if doc.title else (doc.text(doc.blocks[0].span) if doc.blocks else "")
    # A site generator's `title:` in the front matter is the title too (Jekyll, Hugo and
    # MkDocs pages often have no first-level heading).
    front_title = doc.front_matter.get("title")
    for candidate in (title, front_title if isinstance(front_title, str) else ""):
        title_norm = " " + normalise(candidate) + " "
        for kind in ruleset.kinds if candidate else ():
            if any(" " + normalise(t) + " " in title_norm or normalise(t) in title_norm for t in kind.titles):
                return kind.id
    return settings.configured_kind


def active_rules(ruleset: RuleSet, kind: str | None, settings: Settings) -> list[Rule]:
    if settings.select:
        chosen = {id(r): r for s in settings.select for r in ruleset.resolve(s)}
    else:
        chosen = {
            id(r): r
            for pack in ruleset.packs
            if pack.kinds is None or kind in pack.kinds or pack.name in settings.packs
            for r in pack.rules
            if r.kinds is None or kind in r.kinds or pack.name in settings.packs
        }
    for selector in settings.ignore:
        for rule in ruleset.resolve(selector):
            chosen.pop(id(rule), None)
    rules = []
    for rule in chosen.values():
        configured = settings.rule_settings.get(rule.code) or settings.rule_settings.get(rule.slug) or {}
        options = {k: v for k, v in configured.items() if k != "severity"}
        severity = Severity.parse(configured["severity"]) if "severity" in configured else None
        rules.append(rule.with_settings(severity, options) if configured else rule)
    return rules


# A finding keeps the line it stands on (baselines fingerprint it); on a line of a
# megabyte, a copy per finding would take gigabytes, so a long line keeps only the
# stretch around the finding.
MAX_CONTEXT = 1000


def _context(doc: Document, hit: Hit, line: int) -> tuple[str, int]:
    """The line a hit starts on (or the stretch of it around the hit), and the column
    where that text begins."""
    span = doc.line_span(line)
    line_start = span.start
    if span.end - span.start > MAX_CONTEXT:
        start = max(span.start, hit.span.start - MAX_CONTEXT // 2)
        span = Span(start, min(span.end, start + MAX_CONTEXT))
    return doc.text(span), span.start - line_start + 1


def _finding(doc: Document, rule: Rule, hit: Hit, locale: str) -> Finding:
    start = doc.position(hit.span.start)
    context, context_column = _context(doc, hit, start.line) if hit.about is None else ("", 1)
    return Finding(
        path=doc.path,
        start=start,
        end=doc.position(hit.span.end),
        code=rule.code,
        slug=rule.slug,
        severity=rule.severity,
        message=rule.message(locale, hit.values),
        snippet=doc.text(hit.span) if hit.about is None else hit.about,
        context=context,
        context_column=context_column,
    )


@dataclass(frozen=True)
class RuleFailure:
    """A rule that could not finish on a document; the other rules still ran."""

    rule: Rule
    message: str


def _run_rule(doc: Document, rule: Rule, ctx: Context, locale: str, failures: list[RuleFailure] | None) -> list[Finding]:
    assert rule.check is not None
    try:
        return [_finding(doc, rule, hit, locale) for hit in rule.check.check(doc, rule.params, ctx)]
    except PatternTimeout as error:
        if failures is None:
            raise
        failures.append(RuleFailure(rule, f"rule {rule.code} ({rule.slug}): its pattern {error.pattern!r} ran too long on this file and was stopped; simplify it (nested repeats such as (a+)+ backtrack without end)"))
    except Exception as error:  # noqa: BLE001 - one broken rule must not stop the gate
        if failures is None:
            raise
        failures.append(RuleFailure(rule, f"rule {rule.code} ({rule.slug}) failed on this file ({type(error).__name__}: {error}); this is a policylint bug, please report it with the file; the other rules ran"))
    return []


def _one_finding_per_problem(reported: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """Drop a finding where a rule that supersedes its rule reports overlapping text:
    "TODO" is an unfinished-work marker, not also an undefined acronym; "[X] ساعة" is an
    unfilled commitment, not also an unfilled placeholder."""
    spans: dict[tuple[str, int], list[tuple[tuple[int, int], tuple[int, int]]]] = {}  # (superseded code, line) -> spans
    for rule, finding in reported:
        for code in rule.supersedes:
            for line in range(finding.start.line, finding.end.line + 1):
                spans.setdefault((code, line), []).append(((finding.start.line, finding.start.column), (finding.end.line, finding.end.column)))
    if not spans:
        return reported
    # Each line's superseding spans by where they start, with the furthest end reached so
    # far: a finding overlaps one of them if one starting before its end ends after its
    # start. Looked up by bisection: a line of thousands of "[X] hours" had compared
    # every placeholder with every commitment.
    index: dict[tuple[str, int], tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
    for key, found in spans.items():
        found.sort()
        furthest, reach = [], (0, 0)
        for _, end in found:
            reach = max(reach, end)
            furthest.append(reach)
        index[key] = ([start for start, _ in found], furthest)

    def superseded(rule: Rule, finding: Finding) -> bool:
        starts, furthest = index.get((rule.code, finding.start.line), ((), ()))
        before = bisect.bisect_left(starts, (finding.end.line, finding.end.column))
        return before > 0 and furthest[before - 1] > (finding.start.line, finding.start.column)

    return [(rule, finding) for rule, finding in reported if not superseded(rule, finding)]


def lint(doc: Document, ruleset: RuleSet, settings: Settings, today: Any, failures: list[RuleFailure] | None = None) -> list[Finding]:
    """Every finding for one document, suppressions applied, sorted.

    A rule that fails is recorded in `failures` and the others go on; without that
    list, its error propagates (as tests want).
    """
    kind = detect_kind(doc, ruleset, settings)
    rules = active_rules(ruleset, kind, settings)
    locale = settings.locale or doc.lang
    ctx = Context(today=today)
    engine_rules = {r.slug: r for r in rules if r.check is None}
    inline = suppressions.parse(doc)

    reported: list[tuple[Rule, Finding]] = []
    for rule in rules:
        if rule.check is not None:
            reported += [(rule, finding) for finding in _run_rule(doc, rule, ctx, locale, failures)]
    if UNKNOWN_KIND in engine_rules and kind is None:
        kinds = ", ".join(k.id for k in ruleset.kinds)
        rule = engine_rules[UNKNOWN_KIND]
        reported.append((rule, _finding(doc, rule, Hit(doc.line_span(1), {"kinds": kinds}, about=""), locale)))

    reported = _one_finding_per_problem(reported)
    findings = suppressions.apply(inline, (((rule.code, rule.slug), finding) for rule, finding in reported))
    known = set(ruleset.by_name)
    for s in inline:
        unknown = sorted((s.names or set()) - known)
        if unknown and UNKNOWN_RULE_IN_SUPPRESSION in engine_rules:
            findings.append(_finding(doc, engine_rules[UNKNOWN_RULE_IN_SUPPRESSION], Hit(s.span, {"names": ", ".join(unknown)}), locale))
        elif not s.used and UNUSED_SUPPRESSION in engine_rules:
            names = ", ".join(sorted(s.names)) if s.names else "*"
            findings.append(_finding(doc, engine_rules[UNUSED_SUPPRESSION], Hit(s.span, {"names": names}), locale))
    return sorted(findings, key=lambda f: f.sort_key)

