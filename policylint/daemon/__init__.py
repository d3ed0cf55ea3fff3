"""Where the daemon listens, whether this system can have one, and whether a run may
start one.

The daemon is one process that has imported policylint and read its built-in rules; it
forks a copy of itself for each run, which works as a `policylint` started afresh would,
on the client's own terminal and files. A run through it skips the start-up an editor or
a pre-commit hook pays on every file. `policylint daemon start` starts one; so does a run
made without one, on a developer's machine, for the runs after it (as Gradle's and Nx's
daemons start).

This module is imported by every `policylint` command, daemon or not, before anything
else: a run without a daemon pays for one look for the socket, and nothing else.
"""

from __future__ import annotations

import os
import sys
import zlib

# Unix sockets that carry open files (SCM_RIGHTS) and fork(): Linux, macOS, the BSDs.
SUPPORTED = os.name == "posix" and hasattr(os, "fork")
DIR_ENV = "POLICYLINT_DAEMON_DIR"
OFF_ENV = "POLICYLINT_NO_DAEMON"
# Set by the CI services (GitHub Actions, GitLab, CircleCI, Buildkite, Travis, Bitbucket
# and more set CI; Jenkins, Azure Pipelines, TeamCity and AWS CodeBuild their own): each
# job starts afresh, so a daemon would only be one more process for the job's end to
# wait for. pre-commit.ci sets none, on purpose (its runs are meant to be a local run's).
CI_ENVS = ("CI", "JENKINS_URL", "TF_BUILD", "TEAMCITY_VERSION", "CODEBUILD_BUILD_ID")
# What a run asks that is over before a daemon could help, and never worth starting one.
_QUICK_ARGS = frozenset(("--help", "-h", "--version"))
# How long a daemon a run started waits for the next run before it stops: a working
# session's pauses, not a whole day.
AUTOMATIC_IDLE_SECONDS = 3600.0


def is_on(value: str | None) -> bool:
    """An environment variable set to anything but empty, 0, false, no or off."""
    return bool(value) and value.strip().lower() not in ("0", "false", "no", "off")


def starts_automatically(argv: list[str]) -> bool:
    """Whether this run, made without a daemon, starts one for the runs after it: on a
    system that can have one, unless POLICYLINT_NO_DAEMON is set or it runs in CI, for
    any command but `daemon` itself, help and --version."""
    if not SUPPORTED or is_on(os.environ.get(OFF_ENV)) or any(is_on(os.environ.get(name)) for name in CI_ENVS):
        return False
    return len(argv) < 2 or (argv[1] != "daemon" and not _QUICK_ARGS.intersection(argv[1:]))


class UnsafeFolder(Exception):
    """The daemon's folder is not this user's alone: another user could listen there."""


def _existing_folder(value: str | None) -> str | None:
    # A relative or missing folder from the environment would have the daemon's folder
    # made in whatever folder a run starts in, a policy repository among them.
    return value if value and os.path.isabs(value) and os.path.isdir(value) else None


def folder(make: bool = False) -> str:
    """$POLICYLINT_DAEMON_DIR, else $XDG_RUNTIME_DIR/policylint, else
    $TMPDIR/policylint-<uid> (or /tmp/...); made (by a start only, not its parents) if
    missing, and used only when it belongs to this user and no one else may enter it."""
    chosen = os.environ.get(DIR_ENV)
    if chosen and not os.path.isabs(chosen):
        raise UnsafeFolder(f"${DIR_ENV}={chosen}: not an absolute path; set it to one")
    if not chosen:
        runtime = _existing_folder(os.environ.get("XDG_RUNTIME_DIR"))
        temporary = _existing_folder(os.environ.get("TMPDIR")) or "/tmp"
        chosen = os.path.join(runtime, "policylint") if runtime else os.path.join(temporary, f"policylint-{os.getuid()}")
    try:
        if make:
            try:
                os.mkdir(chosen, 0o700)
            except FileExistsError:
                pass
        info = os.stat(chosen)
    except OSError as error:
        raise UnsafeFolder(f"{chosen}: cannot make or read it: {error.strerror}") from None
    if info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise UnsafeFolder(f"{chosen}: it must belong to you and be closed to others (chmod 700), or set ${DIR_ENV} to a folder that is")
    return chosen


def socket_path(make: bool = False) -> str:
    """One daemon per user and installation: the interpreter and the copy of policylint
    it runs (a project's venv and a global install each have their own)."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    installation = f"{sys.executable}\0{package}".encode("utf-8", "surrogateescape")
    return os.path.join(folder(make), f"{zlib.crc32(installation):08x}.sock")


def existing_socket() -> str | None:
    """Where this installation's daemon listens, when this system can have one and its
    folder exists and is safe; None otherwise. Makes nothing."""
    if not SUPPORTED:
        return None
    try:
        return socket_path()
    except UnsafeFolder:
        return None  # no folder, or one no daemon of ours would listen in


def beside_socket(path: str, suffix: str) -> str:
    """The daemon's other files (its log, its lock), named as its socket: "x.sock" -> "x.log"."""
    return path[: -len(".sock")] + suffix
