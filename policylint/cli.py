"""The command line: parse options, call the runner, pick a formatter, set the exit code."""

from __future__ import annotations

import datetime as dt
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

# Each command imports what it runs on, so that `--version`, `--help` and `daemon status`
# answer without loading the linter (a run without a daemon loads it either way; the
# daemon imports every module before it forks a copy for a run).
from policylint import __version__
from policylint.formats import NAMES as FORMAT_NAMES
from policylint.inputs import DEFAULT_MAX_BYTES, STDIN, parse_size
from policylint.outputs import OutputError

if TYPE_CHECKING:
    from policylint.inputs import InputError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
TODAY_ENV = "POLICYLINT_TODAY"


class _DefaultToCheck(click.Group):
    """`policylint policy.md` means `policylint check policy.md`."""

    def invoke(self, ctx: click.Context) -> object:
        # The last line of defence of a CI gate: a bug must read as an error (exit 2),
        # never as findings (exit 1) and never as a bare traceback.
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            # Not 1 (click's "Aborted!"): that would read as findings. 130 is what shells
            # report for a program stopped by Ctrl-C.
            click.echo("policylint: interrupted; the run did not finish", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except OutputError as error:
            click.echo(f"policylint: error: {error}", err=True)
            sys.exit(EXIT_ERROR)
        except Exception as error:  # noqa: BLE001
            click.echo(f"policylint: internal error: {type(error).__name__}: {error}; this is a policylint bug, please report it with the command you ran", err=True)
            sys.exit(EXIT_ERROR)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            first = args[0]
            # "policylint expalin X": a mistyped command, not a file to lint.
            import difflib  # only for a mistyped command

            close = difflib.get_close_matches(first, list(self.commands), n=1, cutoff=0.7)
            if close and not first.startswith("-") and not Path(first).exists():
                raise click.UsageError(
                    f"no command or file {first!r}; did you mean `policylint {close[0]}`? "
                    f"(to lint a file of that name, write `policylint check {first}`)", ctx
                )
            args = ["check", *args]
        return super().parse_args(ctx, args)


def _today(value: str | None) -> dt.date:
    raw = value or os.environ.get(TODAY_ENV)
    if not raw:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        source = "--today" if value else TODAY_ENV
        raise click.BadParameter(f"{raw!r} is not a date; write it as YYYY-MM-DD", param_hint=source) from None


def _names(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(name.strip() for value in values for name in value.split(",") if name.strip())


def _size(ctx: click.Context, param: click.Parameter, value: str) -> int:
    try:
        return parse_size(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


_max_file_size = click.option(
    "--max-file-size", default=f"{DEFAULT_MAX_BYTES // 1024 // 1024}MB", show_default=True, callback=_size,
    help="Larger files are reported as errors and not read (a guard against pointing policylint at a log or a disk image).",
)


@click.group(cls=_DefaultToCheck, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policylint")
def main() -> None:
    """Lint customer-service policies, complaints policies and codes of conduct written in Markdown.

    \b
    policylint policy.md            check one file (same as `policylint check policy.md`)
    policylint check policies/      check every *.md and *.markdown under a folder
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="text", show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that fails the run (exit 1). Default: error.")
@click.option("--select", multiple=True, help="Only these rules: codes, slugs, packs or code prefixes (comma-separated or repeated).")
@click.option("--ignore", multiple=True, help="Skip these rules: codes, slugs, packs or code prefixes.")
@click.option("--kind", help="Treat every document as this kind (customer-service-policy, complaints-policy, code-of-conduct).")
@click.option("--lang", type=click.Choice(["ar", "en"]), help="Treat every document as written in this language.")
@click.option("--locale", type=click.Choice(["ar", "en"]), help="Language of the messages (default: each document's language).")
@click.option("--today", help=f"The date to judge review dates by, YYYY-MM-DD (default: ${TODAY_ENV}, else today).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@click.option("--stdin-filename", help="The path to report for text read from '-' (and to find its configuration by).")
@click.option("--color", "color_mode", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True, help="Colour the text output: auto colours a terminal unless NO_COLOR is set.")
@click.option("--no-color", is_flag=True, help="Same as --color never.")
@click.option("--quiet", "-q", is_flag=True, help="Print the findings and errors only: no summary, no notes.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings (input and configuration errors still exit 2).")
@click.option("--show-source", is_flag=True, help="Show each finding's line with the finding marked.")
@click.option("--output", "-o", "output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report to FILE instead of standard output.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), help="Hide the findings recorded in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record the current findings in this file and exit 0.")
@click.option("--statistics", is_flag=True, help="Also print how many findings each rule and each file has.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Files checked in parallel (default: one per available core).")
@_max_file_size
@click.option("--allow-empty", is_flag=True, help="A folder with no Markdown files is not an error.")
@click.option("--across-files", is_flag=True, help="Also compare service-level commitments across the files checked (SLA107).")
@click.option("--no-cache", is_flag=True, help="Lint every file again and prepare the rules again, without reading or writing .policylint_cache/ (also: POLICYLINT_NO_CACHE).")
def check(
    paths: tuple[str, ...], fmt: str, fail_on: str | None, select: tuple[str, ...], ignore: tuple[str, ...],
    kind: str | None, lang: str | None, locale: str | None, today: str | None, config_path: Path | None,
    stdin_filename: str | None, color_mode: str, no_color: bool, quiet: bool, exit_zero: bool, show_source: bool,
    output: Path | None, baseline: Path | None,
    write_baseline: Path | None, statistics: bool, jobs: int | None, max_file_size: int, allow_empty: bool,
    across_files: bool, no_cache: bool,
) -> None:  # fmt: skip
    """Check policy files and folders; `-` reads standard input."""
    from policylint import baseline as baseline_mod, results_cache
    from policylint.findings import Severity
    from policylint.formats import github, stream, text_format
    from policylint.outputs import append_atomic, write_atomic
    from policylint.rulepacks import prepare_builtin
    from policylint.runner import Options, lint_paths

    options = Options(
        today=_today(today), kind=kind, lang=lang, locale=locale, select=_names(select),
        ignore=_names(ignore), config=config_path, stdin_filename=stdin_filename,
        max_bytes=max_file_size, allow_empty=allow_empty, across_files=across_files, use_cache=not no_cache,
    )  # fmt: skip
    stdin_bytes = sys.stdin.buffer.read(max_file_size + 1) if STDIN in paths else None
    prepare_builtin(None if no_cache else results_cache.cache_dir())
    _collect_less()
    report = lint_paths(paths, options, stdin_bytes, jobs)
    if write_baseline:
        count = baseline_mod.write(write_baseline, report.findings)
        click.echo(f"policylint: recorded {count} findings in {write_baseline}", err=True)
        _print_errors(report.errors)
        sys.exit(EXIT_ERROR if report.errors else EXIT_CLEAN)
    if baseline:
        try:
            report.findings, hidden = baseline_mod.hide(report.findings, baseline)
        except baseline_mod.BaselineError as error:
            raise click.BadParameter(str(error), param_hint="--baseline") from None
        if hidden and not quiet:
            click.echo(f"policylint: {hidden} findings hidden by the baseline {baseline}", err=True)

    threshold = Severity.parse(fail_on) if fail_on else report.fail_on or Severity.ERROR
    if no_color:
        color_mode = "never"
    auto = output is None and "NO_COLOR" not in os.environ and sys.stdout.isatty()
    color = fmt == "text" and (color_mode == "always" or color_mode == "auto" and auto)
    pieces = stream(fmt, report, color=color, locale=locale, fail_on=threshold, quiet=quiet, show_source=show_source)
    if output:
        write_atomic(output, pieces)
    else:
        for piece in pieces:
            click.echo(piece, nl=False, color=color)
    if statistics:
        click.echo(text_format.statistics(report), nl=False, err=fmt != "text" or output is not None)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if fmt == "github" and summary_path:
        append_atomic(Path(summary_path), github.step_summary(report))
    if not quiet:
        for note in report.notes:
            click.echo(f"policylint: note: {note}", err=True)
    _print_errors(report.errors)
    if report.errors:
        sys.exit(EXIT_ERROR)
    failing = any(f.severity >= threshold for f in report.findings)
    sys.exit(EXIT_FINDINGS if failing and not exit_zero else EXIT_CLEAN)


def _collect_less() -> None:
    """Linting makes millions of short-lived objects (tokens, spans) that reference
    counting frees at once; the cyclic collector walked them, and every module and rule
    loaded, over a thousand times in a run of 200 policies (a tenth of the time). What is
    loaded now lives until exit: freeze it out of the collector's sight, and collect
    less often. Workers forked later inherit both."""
    from policylint.rulepacks import load_rules

    load_rules()
    gc.freeze()
    gc.set_threshold(10_000, 20, 20)


def _print_errors(errors: list[InputError]) -> None:
    from policylint.formats.escape import one_line

    for error in errors:
        click.echo(f"policylint: error: {one_line(str(error))}", err=True)


@main.command("rules")
@click.option("--locale", type=click.Choice(["ar", "en"]), default="en", show_default=True, help="Language of the summaries.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown"]), default="text", show_default=True)
def list_rules(locale: str, fmt: str) -> None:
    """List every rule: code, slug, severity, pack and what it checks."""
    from policylint import ruledocs
    from policylint.rulepacks import load_rules

    ruleset = load_rules()
    click.echo(ruledocs.rule_table(ruleset) if fmt == "markdown" else ruledocs.rule_list(ruleset, locale), nl=False)


@main.command()
@click.argument("rule")
@click.option("--locale", type=click.Choice(["ar", "en"]), default="en", show_default=True, help="Language of the explanation.")
def explain(rule: str, locale: str) -> None:
    """Explain RULE (a code or a slug): what it checks, why, examples and options."""
    from policylint import ruledocs
    from policylint.rulepacks import RulePackError, load_rules

    ruleset = load_rules()
    found = ruleset.by_name.get(rule)
    if found is None:
        try:
            ruleset.resolve(rule)
        except RulePackError as error:
            raise click.BadParameter(str(error), param_hint="RULE") from None
        raise click.BadParameter(f"{rule!r} names a pack or a group of rules; give one code or slug", param_hint="RULE")
    click.echo(ruledocs.explain(found, locale), nl=False)


@main.command("sla")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--locale", type=click.Choice(["ar", "en"]), help="Language of the table (default: the language most of the documents are in).")
@click.option("--lang", type=click.Choice(["ar", "en"]), help="Treat every document as written in this language.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@_max_file_size
def sla_table(paths: tuple[str, ...], fmt: str, locale: str | None, lang: str | None, config_path: Path | None, max_file_size: int) -> None:
    """Print every service-level commitment (channel, measure, quantity, unit, file:line)
    and the commitments that contradict each other, in one file or across files.

    Exit 1 when two commitments contradict each other, 2 on unreadable input.
    """
    from policylint import sla
    from policylint.runner import Options, load_paths

    options = Options(today=dt.date.today(), lang=lang, config=config_path, max_bytes=max_file_size)
    loaded, errors = load_paths(paths, options)
    rows, conflicts = sla.table(loaded, errors)
    if locale is None:
        languages = [item.doc.lang for item in loaded]
        locale = "ar" if languages.count("ar") >= max(1, languages.count("en")) else "en"
    click.echo(sla.render_json(rows, conflicts, errors) if fmt == "json" else sla.render_text(rows, conflicts, locale), nl=False)
    _print_errors(errors)
    sys.exit(EXIT_ERROR if errors else EXIT_FINDINGS if conflicts else EXIT_CLEAN)


@main.command("stats")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(["ar", "en"]), help="Treat every document as written in this language.")
@click.option("--locale", type=click.Choice(["ar", "en"]), help="Language of the labels (default: each document's language).")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@_max_file_size
def stats_command(paths: tuple[str, ...], fmt: str, lang: str | None, locale: str | None, config_path: Path | None, max_file_size: int) -> None:
    """Print words, sentences, mean and longest sentence (with its line), readability
    (OSMAN for Arabic, Flesch for English) and the hardest sections of each document."""
    from policylint import stats
    from policylint.runner import Options, each_document, load_paths

    loaded, errors = load_paths(paths, Options(today=dt.date.today(), lang=lang, config=config_path, max_bytes=max_file_size))
    all_stats = each_document(loaded, lambda item: stats.document_stats(item.doc), errors)
    click.echo(stats.render_json(all_stats, errors) if fmt == "json" else stats.render_text(all_stats, locale), nl=False)
    _print_errors(errors)
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)


def _seconds(ctx: click.Context, param: click.Parameter, value: str) -> float:
    units = {"s": 1, "m": 60, "h": 3600}
    number, unit = (value[:-1], value[-1]) if value and value[-1] in units else (value, "s")
    try:
        seconds = float(number) * units[unit]
    except ValueError:
        seconds = -1
    if not 0 <= seconds < float("inf"):
        raise click.BadParameter(f"{value!r} is not a time; write it as 90s, 30m or 2h (0: never)")
    return seconds


@main.group("daemon")
def daemon_group() -> None:
    """Keep policylint ready in the background, so that each run (an editor, a pre-commit
    hook) skips importing policylint and reading its rules: a quarter of the time on one file.

    \b
    A run made without a daemon starts one for the runs after it, except in CI ($CI,
    $JENKINS_URL, $TF_BUILD, $TEAMCITY_VERSION or $CODEBUILD_BUILD_ID set) or with
    POLICYLINT_NO_DAEMON=1, which also makes runs without a running one. While a
    daemon runs, every `policylint` of this installation goes through it, with the
    same results. When policylint or a package it uses changes, it starts again on the
    new code; after an hour without a run, it stops.
    """


@daemon_group.command("start")
@click.option("--idle-timeout", default="1h", show_default=True, callback=_seconds, help="Stop after this long without a run (90s, 30m, 2h; 0: never).")
def daemon_start(idle_timeout: float) -> None:
    """Start the daemon (unless one is running for this installation)."""
    from policylint.daemon import control

    try:
        state, started = control.start(idle_timeout)
    except control.DaemonError as error:
        click.echo(f"policylint: error: {error}", err=True)
        sys.exit(EXIT_ERROR)
    what = "started" if started else "already running"
    click.echo(f"policylint: daemon {what} (process {state['daemon']}, socket {state['socket']}); `policylint daemon stop` stops it", err=True)


@daemon_group.command("stop")
def daemon_stop() -> None:
    """Stop the daemon; the runs it is making finish first."""
    from policylint.daemon import control

    stopped = control.stop()
    click.echo(f"policylint: daemon stopped (process {stopped})" if stopped else "policylint: no daemon was running", err=True)


@daemon_group.command("status")
def daemon_status() -> None:
    """Say whether the daemon is running or starting (exit 0) or not (exit 1)."""
    from policylint.daemon import control

    state = control.status()
    if not state:
        click.echo("policylint: no daemon is running")
        sys.exit(1)  # as `systemctl is-active` and `pgrep`: a script can test it
    if state.get("starting"):
        click.echo(f"policylint: daemon starting (loading policylint; socket {state['socket']}); runs go through it once it answers")
        return
    since = dt.datetime.fromtimestamp(state["started"]).isoformat(sep=" ", timespec="seconds")
    idle = f"stops after {state['idle_seconds']:g} s without a run" if state["idle_seconds"] else "never stops by itself"
    click.echo(
        f"policylint: daemon running (process {state['daemon']}, since {since}, socket {state['socket']}); "
        f"{state['served']} runs made, {state['running']} now; {idle}"
    )
