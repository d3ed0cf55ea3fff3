"""Rule documentation from the rule packs' own data: the list, one rule's explanation,
and the README's rule table (one source, so they cannot drift apart)."""

from __future__ import annotations

import yaml

from policylint.findings import Localised
from policylint.rulepacks import Rule, RuleSet

_HEADINGS = {
    "en": {"what": "What it checks", "why": "Why", "fail": "Fails", "pass": "Passes", "options": "Options", "source": "Guidance", "pack": "Pack", "severity": "Default severity", "kinds": "Only for",
           "list": "Built-in {key} (`{key}:` in configuration replaces them; `extend-{key}:` adds to them)"},
    "ar": {"what": "ما الذي تفحصه", "why": "لماذا", "fail": "مثال يُبلَّغ عنه", "pass": "مثال سليم", "options": "الخيارات", "source": "المرجع", "pack": "الحزمة", "severity": "الشدة الافتراضية", "kinds": "يطبق على",
           "list": "القائمة المدمجة {key} (`{key}:` في الإعدادات تستبدلها، و`extend-{key}:` تضيف إليها)"},
}


def _text(value: object, locale: str) -> str:
    if isinstance(value, dict):
        return str(value.get(locale) or value.get("en") or next(iter(value.values())))
    return str(value or "")


def summary(rule: Rule, locale: str) -> str:
    return _text(rule.docs.get("what", ""), locale).strip().split("\n")[0]


def rule_list(ruleset: RuleSet, locale: str) -> str:
    width = max(len(r.slug) for r in ruleset.rules)
    lines = [f"{r.code:<7} {r.slug:<{width}}  {r.severity.label:<7}  {r.pack:<24} {summary(r, locale)}" for r in ruleset.rules]
    return "\n".join(lines) + "\n"


def rule_table(ruleset: RuleSet) -> str:
    """The README's Markdown table of every rule."""
    rows = ["| Code | Rule | Severity | Pack | What it checks |", "|---|---|---|---|---|"]
    for r in ruleset.rules:
        what = summary(r, "en").replace("|", "\\|")
        rows.append(f"| {r.code} | `{r.slug}` | {r.severity.label} | {r.pack} | {what} |")
    return "\n".join(rows) + "\n"


def explain(rule: Rule, locale: str) -> str:
    h = _HEADINGS[locale]
    parts = [
        f"{rule.code} {rule.slug}",
        f"{h['pack']}: {rule.pack}    {h['severity']}: {rule.severity.label}" + (f"    {h['kinds']}: {', '.join(rule.kinds)}" if rule.kinds else ""),
        "",
        f"## {h['what']}",
        _text(rule.docs.get("what"), locale).strip(),
        "",
        f"## {h['why']}",
        _text(rule.docs.get("why"), locale).strip(),
        "",
        f"## {h['source']}",
        _text(rule.source, locale).strip(),
        "",
        f"## {h['fail']}",
        _indent(rule.docs.get("example_fail", "")),
        "",
        f"## {h['pass']}",
        _indent(rule.docs.get("example_pass", "")),
    ]
    builtin = {k: v for k, v in rule.raw_params.items() if k in _LISTS and v}
    for key, value in builtin.items():
        lines = [_entry(item, locale) for item in value]
        parts += ["", f"## {h['list'].format(key=key)}", _indent("\n".join(lines))]
    options = {k: v for k, v in rule.raw_params.items() if k not in _LISTS}
    if options:
        # Block style at the top, word lists on one line each: readable and still YAML a
        # user can paste into configuration.
        dumped = "".join(
            yaml.safe_dump(
                {key: value}, allow_unicode=True, sort_keys=False, width=100,
                default_flow_style=None if isinstance(value, (dict, list)) else False,
            )  # fmt: skip
            for key, value in options.items()
        )
        parts += ["", f"## {h['options']}", _indent(dumped)]
    return "\n".join(parts).rstrip() + "\n"


# Word lists are shown one entry a line, with how to replace or extend them.
_LISTS = ("entries", "labels", "names", "patterns")


def _entry(item: object, locale: str) -> str:
    if isinstance(item, dict) and "word" in item:
        words = item["word"] if isinstance(item["word"], list) else [item["word"]]
        suggestion = item.get("suggest", "")
        if isinstance(suggestion, dict):
            suggestion = Localised(suggestion).pick(locale)
        # An entry only before a word glued to a prefix shows it: «يقوم + ب…».
        prefix = f" + {item['prefix_after']}…" if item.get("prefix_after") else ""
        return f"{' / '.join(map(str, words))}{prefix}  →  {suggestion}"
    return str(item)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in str(text).rstrip("\n").split("\n"))


README_START, README_END = "<!-- rules:start -->\n", "<!-- rules:end -->"


def with_rule_table(readme: str, ruleset: RuleSet) -> str:
    """The README text with its rule table (between the markers) regenerated."""
    start = readme.index(README_START) + len(README_START)
    return readme[:start] + rule_table(ruleset) + readme[readme.index(README_END) :]
