"""Rule packs: YAML data under rules/ (shipped in the package) and in users' repositories.

A pack is a folder with a `pack.yaml` (name, title, which kinds of document it applies
to) and any number of YAML files holding a list of rules. `rules/kinds.yaml` says which
kinds of document exist and which titles give them away.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from policylint import rules_snapshot, yamlsafe
from policylint.checks import add_plugins, check_types
from policylint.checks.base import Check, ParamsError, build_params, did_you_mean, own_patterns
from policylint.findings import Localised, Severity
from policylint.inputs import Unreadable, read_bytes
from policylint.text.tokens import normalise

BUILTIN_RULES = Path(__file__).parent / "rules"
LOCALES = ("ar", "en")
# Rules of type "engine" have no check: the engine itself reports them (an unused
# suppression, a document whose kind cannot be told). They live in YAML like the others
# so that their code, severity, messages and documentation are data.
ENGINE_TYPE = "engine"

# The largest built-in rule file is 20 KB; a rule pack of megabytes is a mistake.
MAX_PACK_FILE_BYTES = 4 * 1024 * 1024
_RULE_KEYS = {"code", "slug", "type", "severity", "message", "source", "docs", "params", "supersedes", "kinds"}
_DOCS_KEYS = {"what", "why", "example_fail", "example_pass"}
_PACK_KEYS = {"name", "title", "kinds", "description"}


class RulePackError(ValueError):
    """A pack or rule file is invalid; the message names the file and the key."""


@dataclass(frozen=True)
class Rule:
    code: str
    slug: str
    pack: str
    type: str
    severity: Severity
    messages: dict[str, str]
    source: dict[str, str]  # the guidance it comes from, by locale
    docs: dict[str, Any]
    params: Any = None
    check: Check | None = field(default=None, compare=False)
    raw_params: dict[str, Any] = field(default_factory=dict, compare=False)
    # Codes of rules this one is a more specific reading of: where both report the same
    # text, only this one's finding is kept (one problem, one finding).
    supersedes: tuple[str, ...] = ()
    # The kinds of document it applies to, when fewer than its pack's: a complaints
    # policy needs no vision statement, though it is checked for its scope. None: the
    # pack's.
    kinds: tuple[str, ...] | None = None

    def message(self, locale: str, values: dict[str, Any]) -> str:
        template = self.messages.get(locale) or next(iter(self.messages.values()))
        shown = {key: value.pick(locale) if isinstance(value, Localised) else value for key, value in values.items()}
        return template.format_map(_Blanks(shown))

    def with_settings(self, severity: Severity | None, options: dict[str, Any]) -> "Rule":
        """This rule with a configured severity and options (validated like the pack's)."""
        params = self.params
        merged = self.raw_params
        if options:
            if self.check is None:
                raise ParamsError(f"rule {self.code} has no options")
            merged = with_shared_lists(self._merged(options), "options")
            params = build_params(self.check, merged)
        return Rule(
            self.code, self.slug, self.pack, self.type, severity or self.severity, self.messages,
            self.source, self.docs, params, self.check, merged, self.supersedes, self.kinds,
        )  # fmt: skip

    def _merged(self, options: dict[str, Any]) -> dict[str, Any]:
        """The rule's parameters with configured options: `entries: [...]` replaces the
        built-in list, `extend-entries: [...]` adds to it (ruff's extend-select)."""
        assert self.check is not None
        hints = typing.get_type_hints(type(self.check).Params)
        lists = {name for name, hint in hints.items() if typing.get_origin(hint) in (tuple, list)}
        merged = dict(self.raw_params)
        for key, value in options.items():
            base = key.removeprefix("extend-").removeprefix("extend_")
            if base == key:
                merged[key] = value
                continue
            if base not in lists:
                valid = ", ".join(f"extend-{name}" for name in sorted(lists)) or "none"
                raise ParamsError(f"{key!r}: rule {self.code} has no list option {base!r} to extend; list options to extend: {valid}")
            if not isinstance(value, list):
                raise ParamsError(f"{key!r} must be a list to add to {base!r}")
            merged[base] = [*(merged.get(base) or ()), *value]
        return merged


class _Blanks(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Pack:
    name: str
    title: dict[str, str]
    kinds: tuple[str, ...] | None  # None: applies to every document
    description: str
    rules: tuple[Rule, ...]


@dataclass(frozen=True)
class Kind:
    id: str
    names: dict[str, str]
    titles: tuple[str, ...]


@dataclass(frozen=True)
class RuleSet:
    packs: tuple[Pack, ...]
    kinds: tuple[Kind, ...]

    @functools.cached_property
    def rules(self) -> tuple[Rule, ...]:
        return tuple(rule for pack in self.packs for rule in pack.rules)

    @functools.cached_property
    def by_code(self) -> dict[str, Rule]:
        """Rules by code: one dict that every file's report refers to (a thousand files
        each with a copy of their own held megabytes until the run's end). Never
        changed in place."""
        return {rule.code: rule for rule in self.rules}

    @functools.cached_property
    def by_name(self) -> dict[str, Rule]:
        """Rules by code and by slug; both are stable and either may be used."""
        return {key: rule for rule in self.rules for key in (rule.code, rule.slug)}

    def resolve(self, selector: str) -> list[Rule]:
        """Rules named by a code, a slug, a pack name or a code prefix ("CSP", "PLA1")."""
        if selector in self.by_name:
            return [self.by_name[selector]]
        pack = next((p for p in self.packs if p.name == selector), None)
        if pack is not None:
            return list(pack.rules)
        matches = [r for r in self.rules if r.code.startswith(selector.upper()) and selector[:1].isalpha()]
        if matches:
            return matches
        names = [*self.by_name, *(p.name for p in self.packs)]
        raise RulePackError(f"unknown rule or pack {selector!r}{did_you_mean(selector, names)}; `policylint rules` lists them")

    def kind(self, kind_id: str) -> Kind:
        """The kind named by its id, or by its name or a title in either language, as
        a team may write it: `kind: Code of Conduct`, `kind: سياسة خدمة العملاء`."""
        for kind in self.kinds:
            if kind.id == kind_id:
                return kind
        wanted = _kind_key(kind_id)
        for kind in self.kinds:
            if wanted in {_kind_key(kind.id), *map(_kind_key, kind.names.values()), *map(_kind_key, kind.titles)}:
                return kind
        raise RulePackError(
            f"unknown kind {kind_id!r}{did_you_mean(kind_id, [k.id for k in self.kinds])}; "
            f"valid kinds: {', '.join(k.id for k in self.kinds)}"
        )


def _kind_key(text: str) -> str:
    """A kind's name for comparison: case, hyphens, Arabic spelling variants aside."""
    return " ".join(normalise(text.replace("-", " ").replace("_", " ")).split())


def _read_yaml(path: Path) -> Any:
    try:
        text = read_bytes(path, MAX_PACK_FILE_BYTES).decode("utf-8-sig")
        return yamlsafe.load_trusted(text) if path.is_relative_to(BUILTIN_RULES) else yamlsafe.load(text)
    except yaml.YAMLError as error:
        problem, line = yamlsafe.describe(error)
        where = f"{path}:{line + 1}" if line is not None else str(path)
        raise RulePackError(f"{where}: not valid YAML: {problem}") from None
    except UnicodeDecodeError:
        raise RulePackError(f"{path}: not valid UTF-8; save it as UTF-8") from None
    except Unreadable as error:
        raise RulePackError(f"{path}: cannot read: {error.message}") from None


def _unknown_keys(where: str, data: dict[str, Any], valid: set[str]) -> None:
    for key in data:
        if key not in valid:
            raise RulePackError(f"{where}: unknown key {key!r}{did_you_mean(key, valid)}; valid keys: {', '.join(sorted(valid))}")


def _localised(where: str, value: Any, key: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict) or not value or set(value) - set(LOCALES):
        raise RulePackError(f"{where}: {key!r} must be text, or a mapping with keys 'ar' and/or 'en'")
    return {k: str(v) for k, v in value.items()}


# "@escalation-sections" in a list of a rule's params: the named list of rules/lists.yaml.
_LIST_REFERENCE = "@"


@functools.cache
def shared_lists() -> dict[str, tuple[str, ...]]:
    """The named phrase lists rules of different packs share (rules/lists.yaml)."""
    path = BUILTIN_RULES / "lists.yaml"
    data = _read_yaml(path)
    lists = data.get("lists") if isinstance(data, dict) else None
    if not isinstance(lists, dict) or not all(isinstance(v, list) and all(isinstance(p, str) for p in v) for v in lists.values()):
        raise RulePackError(f"{path}: needs a mapping 'lists' of names to lists of phrases")
    return {str(name): tuple(phrases) for name, phrases in lists.items()}


def with_shared_lists(value: Any, where: str) -> Any:
    """`value` with each "@name" item of its lists replaced by the shared list of that
    name, at any depth (a vocabulary's measures hold lists too)."""
    if isinstance(value, dict):
        return {key: with_shared_lists(item, where) for key, item in value.items()}
    if not isinstance(value, list):
        return value
    expanded: list[Any] = []
    for item in value:
        if isinstance(item, str) and item.startswith(_LIST_REFERENCE):
            name = item[len(_LIST_REFERENCE) :]
            lists = shared_lists()
            if name not in lists:
                raise RulePackError(
                    f"{where}: no shared list {item!r}{did_you_mean(name, lists)}; shared lists: {', '.join('@' + n for n in sorted(lists))}"
                )
            expanded += lists[name]
        else:
            expanded.append(with_shared_lists(item, where))
    return expanded


def _load_rule(where: str, data: Any, pack: str, types: dict[str, Check]) -> Rule:
    if not isinstance(data, dict):
        raise RulePackError(f"{where}: each rule must be a mapping")
    _unknown_keys(where, data, _RULE_KEYS)
    for key in ("code", "slug", "type", "severity", "message"):
        if key not in data:
            raise RulePackError(f"{where}: rule needs {key!r}")
    where = f"{where} ({data['code']})"
    try:
        severity = Severity.parse(str(data["severity"]))
    except ValueError as error:
        raise RulePackError(f"{where}: {error}") from None
    supersedes = data.get("supersedes") or []
    if not isinstance(supersedes, list) or not all(isinstance(s, str) for s in supersedes):
        raise RulePackError(f"{where}: 'supersedes' must be a list of rule codes")
    kinds = data.get("kinds")
    if kinds is not None and (not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds)):
        raise RulePackError(f"{where}: 'kinds' must be a list of kinds of document, such as [customer-service-policy]")
    docs = data.get("docs") or {}
    if not isinstance(docs, dict):
        raise RulePackError(f"{where}: 'docs' must be a mapping")
    _unknown_keys(f"{where} docs", docs, _DOCS_KEYS)
    rule_type = str(data["type"])
    check = None
    params = None
    raw = with_shared_lists(data.get("params") or {}, where)
    if rule_type != ENGINE_TYPE:
        if rule_type not in types:
            add_plugins(types)
        if rule_type not in types:
            raise RulePackError(f"{where}: unknown check type {rule_type!r}{did_you_mean(rule_type, types)}; valid: {', '.join(sorted(types))}")
        check = types[rule_type]
        try:
            params = build_params(check, raw)
        except ParamsError as error:
            raise RulePackError(f"{where}: {error}") from None
    return Rule(
        code=str(data["code"]),
        slug=str(data["slug"]),
        pack=pack,
        type=rule_type,
        severity=severity,
        messages=_localised(where, data["message"], "message"),
        source=_localised(where, data.get("source") or "", "source"),
        docs=docs,
        params=params,
        check=check,
        raw_params=dict(raw),
        supersedes=tuple(supersedes),
        kinds=tuple(kinds) if kinds is not None else None,
    )


def load_pack(folder: Path, types: dict[str, Check] | None = None) -> Pack:
    types = types if types is not None else check_types()
    meta_path = folder / "pack.yaml"
    meta = _read_yaml(meta_path) if meta_path.exists() else None
    if not isinstance(meta, dict):
        raise RulePackError(f"{meta_path}: a rule pack needs a pack.yaml mapping with at least 'name'")
    _unknown_keys(str(meta_path), meta, _PACK_KEYS)
    name = str(meta.get("name") or folder.name)
    kinds = meta.get("kinds", "any")
    rules: list[Rule] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name == "pack.yaml":
            continue
        data = _read_yaml(path)
        if not isinstance(data, list):
            raise RulePackError(f"{path}: a rule file holds a YAML list of rules")
        rules += [_load_rule(f"{path}: rule {i}", item, name, types) for i, item in enumerate(data, 1)]
    return Pack(
        name=name,
        title=_localised(str(meta_path), meta.get("title", name), "title"),
        kinds=None if kinds == "any" else tuple(kinds),
        description=str(meta.get("description", "")),
        rules=tuple(rules),
    )


def _load_kinds(path: Path) -> tuple[Kind, ...]:
    data = _read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        raise RulePackError(f"{path}: needs a mapping 'kinds'")
    return tuple(
        Kind(kind_id, _localised(f"{path}: {kind_id}", spec.get("name", kind_id), "name"), tuple(spec.get("titles", ())))
        for kind_id, spec in data["kinds"].items()
    )


_BUILTIN: tuple[tuple[Pack, ...], tuple[Kind, ...], dict[str, Check]] | None = None


def _builtin(snapshot_folder: Path | None = None) -> tuple[tuple[Pack, ...], tuple[Kind, ...], dict[str, Check]]:
    """The packs shipped with policylint, loaded once per process: they are package data
    that cannot change while it runs (users' packs are read again on every run). With a
    folder, the first call reads them from the snapshot there, or makes one."""
    global _BUILTIN
    if _BUILTIN is None:
        types = check_types()
        prepared = rules_snapshot.load(snapshot_folder) if snapshot_folder else None
        if not _is_prepared(prepared):
            folders = sorted(p for p in BUILTIN_RULES.iterdir() if (p / "pack.yaml").exists())
            with own_patterns():
                packs = tuple(load_pack(folder, types) for folder in folders)
            prepared = (packs, _load_kinds(BUILTIN_RULES / "kinds.yaml"))
            if snapshot_folder:
                rules_snapshot.store(snapshot_folder, prepared)
        _BUILTIN = (*prepared, types)
    return _BUILTIN


def _is_prepared(value: Any) -> bool:
    return (
        isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], tuple) and isinstance(value[1], tuple)
        and all(isinstance(pack, Pack) for pack in value[0]) and all(isinstance(kind, Kind) for kind in value[1])
    )  # fmt: skip


def prepare_builtin(snapshot_folder: Path | None) -> None:
    """Load the built-in packs now, through the snapshot in `snapshot_folder` (None:
    from YAML), if nothing has loaded them yet."""
    _builtin(snapshot_folder)


def load_rules(extra_packs: tuple[Path, ...] = ()) -> RuleSet:
    """The built-in packs, then users' packs; codes and slugs must be unique across all."""
    builtin, kinds, types = _builtin()
    packs = [*builtin, *(load_pack(folder, types) for folder in extra_packs)]
    seen: dict[str, str] = {}
    for pack in packs:
        for rule in pack.rules:
            for key in (rule.code, rule.slug):
                if key in seen:
                    raise RulePackError(f"pack {pack.name!r}: rule name {key!r} is already used in pack {seen[key]!r}")
                seen[key] = pack.name
    codes = {rule.code for pack in packs for rule in pack.rules}
    for pack in packs:
        for rule in pack.rules:
            unknown = [code for code in rule.supersedes if code not in codes]
            if unknown:
                raise RulePackError(f"pack {pack.name!r}: rule {rule.code} supersedes unknown rules {', '.join(unknown)}; give rule codes")
    kind_ids = [kind.id for kind in kinds]
    for pack in packs:
        for rule in pack.rules:
            wrong = [k for k in rule.kinds or () if k not in kind_ids or (pack.kinds is not None and k not in pack.kinds)]
            if wrong:
                valid = kind_ids if pack.kinds is None else pack.kinds
                raise RulePackError(
                    f"pack {pack.name!r}: rule {rule.code} names kinds its pack does not apply to: {', '.join(wrong)}; valid: {', '.join(valid)}"
                )
    return RuleSet(tuple(packs), kinds)
