"""Configuration: `.policylint.yaml` (or `.policylint.yml`, or `[tool.policylint]` in
pyproject.toml), found by walking up from each file; validated with clear errors."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from policylint import yamlsafe
from policylint.checks.base import ParamsError, did_you_mean
from policylint.findings import Severity
from policylint.inputs import Unreadable, read_bytes
from policylint.rulepacks import LOCALES, RulePackError, RuleSet

if TYPE_CHECKING:
    import pathspec

CONFIG_NAMES = (".policylint.yaml", ".policylint.yml")
_TOP_KEYS = {"extends", "kind", "locale", "packs", "select", "ignore", "rules", "overrides", "exclude", "rule_packs", "fail_on"}
_OVERRIDE_KEYS = {"files", "kind", "select", "ignore", "rules", "packs"}
_LIST_KEYS = {"packs", "select", "ignore", "exclude", "rule_packs", "files"}


class ConfigError(ValueError):
    def __init__(self, path: Path | None, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if path and line else str(path) if path else "configuration"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Override:
    spec: pathspec.PathSpec
    data: dict[str, Any]


@dataclass(frozen=True)
class Config:
    path: Path | None
    root: Path
    data: dict[str, Any] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()

    @functools.cached_property
    def exclude(self) -> pathspec.PathSpec:
        return _spec(self.data.get("exclude", []))  # checked when the file was read

    @property
    def rule_packs(self) -> tuple[Path, ...]:
        return tuple((self.root / p).resolve() for p in self.data.get("rule_packs", []))

    def relative(self, file: Path) -> str | None:
        try:
            return file.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return None

    def excludes(self, file: Path) -> bool:
        if not self.data.get("exclude"):
            return False
        rel = self.relative(file)
        return rel is not None and self.exclude.match_file(rel)

    def for_file(self, file: Path) -> dict[str, Any]:
        """The settings for one file: the top level, then every override whose glob matches."""
        merged = {k: v for k, v in self.data.items() if k in {"kind", "locale", "packs", "select", "ignore", "rules"}}
        merged["rules"] = dict(merged.get("rules") or {})
        rel = self.relative(file)
        for override in self.overrides:
            if rel is None or not override.spec.match_file(rel):
                continue
            for key, value in override.data.items():
                if key == "rules":
                    merged["rules"] = merged["rules"] | value
                elif key == "ignore":
                    merged["ignore"] = [*merged.get("ignore", []), *value]
                elif key != "files":
                    merged[key] = value
        return merged


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith((f"{key}:", f"- {key}", f"{key} ")):
            return number
    return None


# A configuration is a page of settings; anything near this size is not one.
MAX_CONFIG_BYTES = 1024 * 1024


def read_text(path: Path) -> str:
    try:
        return read_bytes(path, MAX_CONFIG_BYTES).decode("utf-8-sig")
    except Unreadable as error:
        raise ConfigError(path, f"cannot read: {error.message}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(path, f"not valid UTF-8 (byte {error.start}); save it as UTF-8") from None


def _read(path: Path) -> tuple[dict[str, Any], str]:
    text = read_text(path)
    if path.name == "pyproject.toml":
        try:
            return tomllib.loads(text).get("tool", {}).get("policylint", {}), text
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(path, f"not valid TOML: {error}") from None
        except ValueError:  # Python converts at most 4,300 digits to a number
            raise ConfigError(path, "not valid TOML: a number is too long to read (more than 4,300 digits); shorten it") from None
    try:
        data = yamlsafe.load(text)
    except yaml.YAMLError as error:
        problem, line = yamlsafe.describe(error)
        raise ConfigError(path, f"not valid YAML: {problem}", line + 1 if line is not None else None) from None
    if data is None:
        return {}, text
    if not isinstance(data, dict):
        raise ConfigError(path, "must be a YAML mapping of settings (kind, select, ignore, rules, ...)", 1)
    return data, text


def _check_keys(path: Path, text: str, data: dict[str, Any], valid: set[str], where: str = "") -> None:
    for key, value in data.items():
        if key not in valid:
            raise ConfigError(
                path, f"unknown setting {where}{key!r}{did_you_mean(str(key), valid)}; valid settings: {', '.join(sorted(valid))}", _line_of(text, str(key))
            )
        if key in _LIST_KEYS:
            if isinstance(value, str):
                data[key] = [value]
            elif not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(path, f"{where}{key!r} must be a list of names", _line_of(text, key))
        if key in ("kind", "extends", "fail_on") and not isinstance(value, str):
            raise ConfigError(path, f"{where}{key!r} must be text, not {value!r}", _line_of(text, key))
        if key == "locale" and value not in LOCALES:
            raise ConfigError(path, f"{where}'locale' must be one of {', '.join(LOCALES)} (the language of the messages), not {value!r}", _line_of(text, key))
        if key == "overrides" and not isinstance(value, list):
            raise ConfigError(path, f"{where}'overrides' must be a list of mappings, each with 'files'", _line_of(text, key))
        if key == "rules" and not isinstance(value, dict):
            raise ConfigError(path, f"{where}'rules' must map rule codes or slugs to settings, such as 'CSP103: {{severity: warning}}'", _line_of(text, key))


def validate_against(config: Config, ruleset: RuleSet) -> None:
    """Names in the configuration exist, severities and rule options are valid."""
    text = read_text(config.path) if config.path else ""
    sections = [("", config.data)] + [(f"overrides[{i}].", o.data) for i, o in enumerate(config.overrides)]
    for where, data in sections:
        try:
            for selector in [*data.get("select", []), *data.get("ignore", [])]:
                ruleset.resolve(selector)
            for pack in data.get("packs", []):
                if pack not in {p.name for p in ruleset.packs}:
                    raise RulePackError(f"unknown pack {pack!r}{did_you_mean(pack, [p.name for p in ruleset.packs])}")
            if data.get("kind"):
                ruleset.kind(data["kind"])
        except RulePackError as error:
            raise ConfigError(config.path, f"{where}{error}") from None
        for name, settings in (data.get("rules") or {}).items():
            line = _line_of(text, str(name))
            if name not in ruleset.by_name:
                raise ConfigError(config.path, f"{where}rules: unknown rule {name!r}{did_you_mean(str(name), ruleset.by_name)}; `policylint rules` lists them", line)
            if not isinstance(settings, dict):
                raise ConfigError(config.path, f"{where}rules: {name!r} needs a mapping such as {{severity: warning}}", line)
            options = {k: v for k, v in settings.items() if k != "severity"}
            try:
                if "severity" in settings:
                    Severity.parse(str(settings["severity"]))
                ruleset.by_name[name].with_settings(None, options)
            except (ValueError, ParamsError) as error:
                raise ConfigError(config.path, f"{where}rules: {name}: {error}", line) from None
    if "fail_on" in config.data:
        try:
            Severity.parse(str(config.data["fail_on"]))
        except ValueError as error:
            raise ConfigError(config.path, f"fail_on: {error}", _line_of(text, "fail_on")) from None


def load(path: Path, seen: tuple[Path, ...] = ()) -> Config:
    path = path.resolve()
    if path in seen:
        raise ConfigError(path, "'extends' goes round in a circle")
    data, text = _read(path)
    _check_keys(path, text, data, _TOP_KEYS)
    base: dict[str, Any] = {}
    base_overrides: tuple[Override, ...] = ()
    if "extends" in data:
        parent_path = (path.parent / str(data.pop("extends"))).resolve()
        if not parent_path.exists():
            raise ConfigError(path, f"'extends' names {parent_path}, which does not exist", _line_of(text, "extends"))
        try:
            parent = load(parent_path, (*seen, path))
        except ConfigError as error:
            raise ConfigError(path, f"in the file named by 'extends': {error}", _line_of(text, "extends")) from None
        base, base_overrides = dict(parent.data), parent.overrides
        data = base | data | {"rules": (base.get("rules") or {}) | (data.get("rules") or {})}
    overrides = []
    for i, item in enumerate(data.get("overrides") or []):
        if not isinstance(item, dict) or "files" not in item:
            raise ConfigError(path, f"overrides[{i}] needs 'files', a list of globs", _line_of(text, "overrides"))
        _check_keys(path, text, item, _OVERRIDE_KEYS, f"overrides[{i}].")
        overrides.append(Override(_globs(path, text, item["files"], f"overrides[{i}].files"), item))
    data.pop("overrides", None)
    if data.get("exclude"):
        _globs(path, text, data["exclude"], "exclude")
    return Config(path, path.parent, data, (*base_overrides, *overrides))


def _spec(lines: list[str]) -> pathspec.PathSpec:
    import pathspec  # only where a configuration has globs: not at every start

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _globs(path: Path, text: str, lines: list[str], key: str) -> pathspec.PathSpec:
    try:
        return _spec(lines)
    except (ValueError, TypeError) as error:
        raise ConfigError(path, f"{key}: not a valid glob: {error}", _line_of(text, key.split(".")[-1])) from None


def _pyproject_with_table(directory: Path) -> Path | None:
    """The folder's pyproject.toml, if it has a [tool.policylint] table.

    One that cannot be parsed but names the table is ours too, so that reading it
    reports the mistake: ignoring it would lint with none of its settings and say
    nothing. One that does not name it belongs to other tools."""
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            text = pyproject.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return None
        try:
            return pyproject if "policylint" in tomllib.loads(text).get("tool", {}) else None
        except (tomllib.TOMLDecodeError, ValueError):
            return pyproject if "tool.policylint" in text else None
    return None


def shadowed(path: Path) -> Path | None:
    """A pyproject.toml with [tool.policylint] beside the .policylint.yaml that wins over it."""
    return _pyproject_with_table(path.parent) if path.name in CONFIG_NAMES else None


def _config_in(directory: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if (directory / name).is_file():
            return directory / name
    return _pyproject_with_table(directory)


def discover(start: Path, seen: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest configuration file at or above `start` (a folder or a file's folder).

    `seen` remembers folders already looked at during one run.
    """
    seen = {} if seen is None else seen
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        if folder not in seen:
            seen[folder] = _config_in(folder)
        if seen[folder]:
            return seen[folder]
    return None


def empty(root: Path) -> Config:
    return Config(None, root)
