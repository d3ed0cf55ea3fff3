"""Lint many files: find them, find each one's configuration, parse, run the engine.

Bad input never stops the run: it becomes an InputError naming the file and line, and
the other files are still checked.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from policylint import config as config_mod
from policylint import across, document, engine, parallel, results_cache
from policylint.inputs import DEFAULT_MAX_BYTES, InputError, collect, read
from policylint.interrupts import Interrupts
from policylint.checks.base import ParamsError
from policylint.findings import Finding, Severity
from policylint.rulepacks import Rule, RulePackError, RuleSet, load_rules

T = TypeVar("T")

# The rule `--across-files` reports with; the engine never runs it on one document.
ACROSS_FILES_RULE = "SLA107"


def _ignored(rule: Rule, names: tuple[str, ...], ruleset: RuleSet) -> bool:
    for name in names:
        try:
            if rule in ruleset.resolve(name):
                return True
        except RulePackError:
            pass  # reported where the files are linted
    return False


@dataclass(frozen=True)
class Options:
    today: dt.date
    kind: str | None = None
    lang: str | None = None
    locale: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config: Path | None = None
    stdin_filename: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    allow_empty: bool = False
    across_files: bool = False
    use_cache: bool = False  # the command line turns it on (results_cache.py)


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    # Things the user should know that are not errors (which configuration won).
    notes: list[str] = field(default_factory=list)
    # Service-level commitments, kept only to compare them across files.
    commitments: list[across.Row] = field(default_factory=list)
    fail_on: Severity | None = None  # from configuration, when the command line did not say
    # Every rule that could have reported, by code: formats describe them (SARIF).
    rules: dict[str, Rule] = field(default_factory=dict)
    # The rule packs `rules` came from: a worker sends these back instead of the rules
    # themselves, which the parent already holds (a copy per file would be thousands).
    rule_packs: tuple[Path, ...] | None = None

    def add(self, other: "Report") -> None:
        self.findings += other.findings
        self.errors += other.errors
        self.files += other.files
        self.commitments += other.commitments
        self.notes += [note for note in other.notes if note not in self.notes]
        self.rules.update(other.rules)
        self.fail_on = self.fail_on or other.fail_on


class _RunCache:
    """Configurations and rule sets loaded once per run (not per process: a test or an
    editor integration may run many times while the files change)."""

    def __init__(self) -> None:
        self.folders: dict[Path, Path | None] = {}
        self.configs: dict[Path | None, config_mod.Config] = {}
        self.rulesets: dict[tuple[Path, ...], RuleSet] = {}
        # What to tell the user about a configuration (Report.add says each note once).
        self.notes: dict[Path | None, list[str]] = {}
        self._cache_settings: dict[tuple[Path | None, bool], bytes] = {}

    def config(self, path: Path | None) -> config_mod.Config:
        if path not in self.configs:
            self.configs[path] = config_mod.load(path) if path else config_mod.empty(Path.cwd())
            other = config_mod.shadowed(path) if path else None
            if other is not None:
                self.notes[path] = [f"using {path}; the [tool.policylint] table in {other} beside it is ignored"]
        return self.configs[path]

    def rules(self, packs: tuple[Path, ...]) -> RuleSet:
        if packs not in self.rulesets:
            self.rulesets[packs] = load_rules(packs)
        return self.rulesets[packs]

    def cache_settings(self, path: Path | None, options: Options, explicit: bool) -> bytes:
        """The results cache's digest of a configuration's settings (results_cache.settings);
        a run has one set of options."""
        if (path, explicit) not in self._cache_settings:
            config = self.config(path)
            self._cache_settings[path, explicit] = results_cache.settings(config, config.rule_packs, options, explicit)
        return self._cache_settings[path, explicit]


def _settings(config: config_mod.Config, file: Path, options: Options) -> engine.Settings:
    data = config.for_file(file)
    return engine.Settings(
        kind=options.kind,
        configured_kind=data.get("kind"),
        select=options.select or tuple(data.get("select", ())),
        ignore=(*data.get("ignore", ()), *options.ignore),
        packs=tuple(data.get("packs", ())),
        rule_settings=data.get("rules") or {},
        locale=options.locale or data.get("locale"),
    )


@dataclass(frozen=True)
class Loaded:
    """A parsed document with the rules and settings its configuration gives it."""

    doc: document.Document
    ruleset: RuleSet
    settings: engine.Settings


def each_document(loaded: list[Loaded], read: Callable[[Loaded], T], errors: list[InputError]) -> list[T]:
    """`read` of every loaded document, for the commands that are not the engine (`sla`,
    `stats`): a bug met on one file becomes an error naming it, as a rule's does in
    `check`, and the other files are still read."""
    results = []
    for item in loaded:
        try:
            results.append(read(item))
        except Exception as error:  # noqa: BLE001 - one file must not stop the others
            errors.append(InputError(item.doc.path, f"could not be read to the end ({type(error).__name__}: {error}); this is a policylint bug, please report it with the file; the other files were read"))
    return results


def load_text(display: str, file: Path, text: str, options: Options, explicit: bool, cache: _RunCache) -> tuple[Loaded | None, Report]:
    """Parse one file under its configuration; problems go into the report as errors."""
    report = Report()
    try:
        config_path = options.config or config_mod.discover(file.parent, cache.folders)
        config = cache.config(config_path)
        report.notes += cache.notes.get(config_path, [])
        ruleset = cache.rules(config.rule_packs)
        config_mod.validate_against(config, ruleset)
    except (config_mod.ConfigError, RulePackError) as error:
        report.errors.append(InputError(display, f"configuration error: {error}"))
        return None, report
    report.rules = ruleset.by_code
    report.rule_packs = config.rule_packs
    if "fail_on" in config.data:
        report.fail_on = Severity.parse(str(config.data["fail_on"]))
    if not explicit and config.excludes(file):
        return None, report
    try:
        doc = document.parse(display, text, lang=options.lang)
    except document.DocumentError as error:
        report.errors.append(InputError(display, error.message, error.line))
        return None, report
    declared_kind = _declared_kind_error(doc, ruleset)
    if declared_kind is not None and not options.kind:
        report.errors.append(InputError(display, *declared_kind))
        return None, report
    return Loaded(doc, ruleset, _settings(config, file, options)), report


def _declared_kind_error(doc: document.Document, ruleset: RuleSet) -> tuple[str, int] | None:
    """What is wrong with the `kind:` a document declares at its top, and the line."""
    if "kind" not in doc.front_matter:
        return None
    declared = doc.front_matter["kind"]
    span = doc.front_matter_spans.get("kind")
    line = doc.position(span.start).line if span else 1
    if not isinstance(declared, str):
        return f"'kind: {declared}' at the top of the file is not a kind; write one of: {', '.join(k.id for k in ruleset.kinds)}", line
    try:
        ruleset.kind(declared.strip())
    except RulePackError as error:
        return f"{error}; fix the 'kind:' line at the top of the file", line
    return None


def lint_text(display: str, file: Path, text: str, options: Options, explicit: bool, cache: _RunCache) -> Report:
    loaded, report = load_text(display, file, text, options, explicit, cache)
    if loaded is None:
        return report
    failures: list[engine.RuleFailure] = []
    try:
        report.findings = engine.lint(loaded.doc, loaded.ruleset, loaded.settings, options.today, failures)
    except (RulePackError, ParamsError, ValueError) as error:
        report.errors.append(InputError(display, str(error)))
        return report
    report.errors += [InputError(display, failure.message) for failure in failures]
    if options.across_files:
        for rows in each_document([loaded], lambda item: across.document_rows(item.doc, item.ruleset, item.settings), report.errors):
            report.commitments = rows
    report.files.append(display)
    return report


def _lint_file(display: str, file: Path | InputError, explicit: bool, options: Options, cache: _RunCache) -> Report:
    text = file if isinstance(file, InputError) else read(display, file, options.max_bytes)
    if isinstance(text, InputError):
        return Report(errors=[text])
    assert isinstance(file, Path)
    if not options.use_cache:
        return lint_text(display, file, text, options, explicit, cache)
    entry, cached = _from_cache(display, file, text, options, explicit, cache)
    if cached is not None:
        return cached
    report = lint_text(display, file, text, options, explicit, cache)
    if entry is not None and not report.errors:
        results_cache.store(entry, {name: getattr(report, name) for name in _CACHED})
    return report


# What a cached result keeps of a Report; the rules are the run's own.
_CACHED = ("findings", "files", "notes", "commitments", "fail_on")


def _from_cache(display: str, file: Path, text: str, options: Options, explicit: bool, cache: _RunCache) -> tuple[str | None, Report | None]:
    """The key of this file's result in the results cache, and the result when an
    earlier run left it there (same text, configuration, rules, code and options). No
    key when the configuration cannot be loaded: linting reports that."""
    try:
        config_path = options.config or config_mod.discover(file.parent, cache.folders)
        config = cache.config(config_path)
        ruleset = cache.rules(config.rule_packs)
    except (config_mod.ConfigError, RulePackError):
        return None, None
    entry = results_cache.key(cache.cache_settings(config_path, options, explicit), display, text)
    cached = results_cache.load(entry)
    if not isinstance(cached, dict) or set(cached) != set(_CACHED):
        return entry, None
    # The cached notes are the configuration's: it is part of the key.
    return entry, Report(**cached, rules=ruleset.by_code)


def _cached_in_parent(items: list[tuple[str, Path | InputError, bool]], options: Options, cache: _RunCache) -> dict[int, Report]:
    """The results the cache already holds, found before any worker starts: an unchanged
    repository then starts none."""
    found = {}
    for index, (display, file, explicit) in enumerate(items):
        if isinstance(file, InputError):
            continue
        text = read(display, file, options.max_bytes)
        if isinstance(text, str):
            _, cached = _from_cache(display, file, text, options, explicit, cache)
            if cached is not None:
                found[index] = cached
    return found


def load_paths(paths: tuple[str, ...], options: Options) -> tuple[list[Loaded], list[InputError]]:
    """Every document under the paths, parsed, in a stable order (for `sla` and `stats`)."""
    cache = _RunCache()
    loaded: list[Loaded] = []
    errors: list[InputError] = []
    for display, file in collect(paths, options.allow_empty):
        if file is None:
            errors.append(InputError(display, "standard input ('-') is read only by `policylint check`"))
            continue
        text = file if isinstance(file, InputError) else read(display, file, options.max_bytes)
        if isinstance(text, InputError):
            errors.append(text)
            continue
        assert isinstance(file, Path)
        one, report = load_text(display, file, text, options, display in paths, cache)
        errors += report.errors
        if one is not None:
            loaded.append(one)
    return loaded, errors


# Each helper process keeps its own configurations and rule sets for the whole run.
_worker_cache: _RunCache | None = None
_worker_options: Options | None = None


def _start_worker(options: Options) -> None:
    global _worker_cache, _worker_options
    _worker_cache, _worker_options = _RunCache(), options


def _work_batch(batch: list[tuple[str, Path | InputError, bool]]) -> list[Report]:
    assert _worker_cache is not None and _worker_options is not None
    reports = [_lint_file(*item, _worker_options, _worker_cache) for item in batch]
    for report in reports:
        if report.rule_packs is not None:
            report.rules = {}  # the parent looks them up again from rule_packs
    return reports


class _Shared:
    """One copy of each string that findings repeat: the same line, message and text
    recur across the files of a repository (and tens of thousands of findings would
    otherwise each keep their own, as they arrive from the workers)."""

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}

    def findings(self, findings: list[Finding]) -> None:
        strings = self._strings
        for f in findings:
            for name in ("path", "message", "snippet", "context"):
                value = getattr(f, name)
                object.__setattr__(f, name, strings.setdefault(value, value))


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


# Below this many files per worker, starting processes costs more than it saves.
MIN_FILES_PER_JOB = 8


def lint_paths(paths: tuple[str, ...], options: Options, stdin: bytes | None = None, jobs: int | None = None) -> Report:
    """Lint every path; the result does not depend on how many jobs ran it."""
    report = Report()
    cache = _RunCache()
    if options.use_cache:
        results_cache.prune()
    items = []
    for display, file in collect(paths, options.allow_empty):
        if file is None:
            name = options.stdin_filename or "<stdin>"
            try:
                if len(stdin or b"") > options.max_bytes:
                    raise document.DocumentError(f"larger than {options.max_bytes:,} bytes, far more than a policy; raise the limit with --max-file-size")
                text = document.decode(stdin or b"")
            except document.DocumentError as error:
                report.errors.append(InputError(name, error.message, error.line))
                continue
            report.add(lint_text(name, Path(options.stdin_filename or "stdin.md").absolute(), text, options, True, cache))
        else:
            items.append((display, file, display in paths))
    wanted = jobs or default_jobs()
    # Before helpers start, take what the cache holds, and start them only for the rest.
    # A serial run needs no such pass: each file looks itself up (_lint_file).
    in_parallel = min(wanted, len(items) // MIN_FILES_PER_JOB) > 1
    results: dict[int, Report] = _cached_in_parent(items, options, cache) if options.use_cache and in_parallel else {}
    pending = [index for index in range(len(items)) if index not in results]
    jobs = min(wanted, max(1, len(pending) // MIN_FILES_PER_JOB))
    with Interrupts() as interrupts:
        if jobs > 1:
            # Load the built-in rules (and compile their word lists) here, then fork:
            # every helper starts with them instead of loading them again.
            load_rules()
            shared = _Shared()
            done = parallel.share(
                [items[i] for i in pending], jobs, lambda item: _lint_file(*item, options, cache), _work_batch, _start_worker, (options,)
            )
            for position, result in done:
                interrupts.check()
                shared.findings(result.findings)
                if result.rule_packs is not None and not result.rules:
                    result.rules = cache.rules(result.rule_packs).by_code
                results[pending[position]] = result
        else:
            for index in pending:
                interrupts.check()
                results[index] = _lint_file(*items[index], options, cache)
        interrupts.check()
    for index in range(len(items)):
        report.add(results[index])
    rule = report.rules.get(ACROSS_FILES_RULE)
    if options.across_files and rule is not None and not _ignored(rule, options.ignore, cache.rules(())):
        report.findings += across.findings(report.commitments, rule, options.locale)
    report.commitments = []
    report.findings.sort(key=lambda f: f.sort_key)
    return report
