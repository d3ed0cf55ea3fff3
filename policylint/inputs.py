"""Which files a run lints, and reading each one safely.

A linter that gates CI must not hang or run out of memory on what it is pointed at: only
regular files are read (a FIFO would block forever, /dev/zero never ends), never more
than a size cap, and a folder's symbolic links are not followed out of the folder (a
link to a secret elsewhere must not end up quoted in a report). Everything that cannot
be read becomes an InputError that names the file and says what to do.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MARKDOWN_SUFFIXES = (".md", ".markdown")
# Folders no one keeps policies in; walking them is slow and finds vendored Markdown.
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox", ".github"})
# A repository's own files, not policies: in a folder, "README.md", "README.ar.md" and
# "CHANGELOG.md" are passed over (each had failed a CI run with FRS101, "no last-review
# date"); named on the command line they are linted. Not CODE_OF_CONDUCT.md, which a
# support team may keep its code of conduct in. .pre-commit-hooks.yaml excludes the same.
REPOSITORY_FILES = frozenset({
    "README", "CHANGELOG", "CHANGES", "HISTORY", "CONTRIBUTING", "LICENSE", "LICENCE", "SECURITY", "AUTHORS",
    "PULL_REQUEST_TEMPLATE", "ISSUE_TEMPLATE",
})  # fmt: skip
STDIN = "-"
# Far above any real policy (the longest seed article is 50 KB), far below what hurts.
DEFAULT_MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class InputError:
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def as_json(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "message": self.message}


def parse_size(text: str) -> int:
    """"5MB", "500k", "1048576" -> bytes; ValueError with a readable message otherwise."""
    cleaned = text.strip().lower().removesuffix("b").removesuffix("i")
    factor = 1
    for suffix, multiple in (("k", 1024), ("m", 1024**2), ("g", 1024**3)):
        if cleaned.endswith(suffix):
            cleaned, factor = cleaned[:-1], multiple
            break
    try:
        value = float(cleaned) * factor
    except ValueError:
        raise ValueError(f"{text!r} is not a size; write it as 5MB, 800KB or a number of bytes") from None
    if not value >= 1 or value == float("inf"):
        raise ValueError(f"{text!r} is not a size; it must be at least 1 byte")
    return int(value)


def _git_visible(folder: Path) -> set[Path] | None:
    """Files git does not ignore under `folder`, or None outside a git work tree."""
    import subprocess  # only when a folder is walked: a run on named files needs none

    try:
        out = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=folder, capture_output=True, check=True, timeout=60,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return {(folder / name).resolve() for name in out.decode("utf-8", "surrogateescape").split("\0") if name}


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def _markdown_under(folder: Path) -> list[Path]:
    """Markdown files under a folder, in a stable order: not ignored by git, not in a
    vendored folder, not the repository's own README or change log, and not a symbolic
    link that leads out of the folder."""
    visible = _git_visible(folder)
    root = folder.resolve()
    found = []
    # os.walk does not follow symbolic links to folders, so a link loop cannot trap it.
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if d not in SKIPPED_DIRS)
        for name in names:
            if not name.lower().endswith(MARKDOWN_SUFFIXES) or is_repository_file(name):
                continue
            candidate = Path(directory) / name
            try:
                resolved = candidate.resolve(strict=True)
            except (OSError, RuntimeError):
                continue  # a dangling link or a loop: nothing to lint
            if not _inside(resolved, root):
                continue
            if visible is not None and resolved not in visible and candidate.absolute() not in visible:
                continue
            found.append(candidate)
    return sorted(found)


def is_repository_file(name: str) -> bool:
    """A repository's README, change log, licence and the like, by file name."""
    return name.split(".", 1)[0].upper() in REPOSITORY_FILES


def collect(paths: tuple[str, ...], allow_empty: bool = False) -> Iterator[tuple[str, Path | InputError | None]]:
    """(display path, file) for every file named or found under a folder, in a stable order.

    The file is None for standard input ('-'), and an InputError for a path that cannot
    be linted, so that it is reported and the run goes on. A file named on the command
    line is always checked; in a folder, see _markdown_under.
    """
    # A file named twice, or named and also found under a folder given beside it
    # ("policylint docs docs/a.md", a hook passing files), is linted and reported once,
    # as the file named: a named file is checked even where the configuration excludes
    # it, so the folder's walk leaves it to its naming, before or after.
    named = {_absolute(raw) for raw in paths if raw != STDIN and raw.strip()}
    seen: set[str] = set()
    for raw in paths:
        if raw == STDIN:
            yield raw, None
            continue
        if not raw.strip():
            yield raw or '""', InputError(raw or '""', "an empty path was given; name a file or folder (use '.' for this folder)")
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            found = _markdown_under(path)
            if not found and not allow_empty:
                yield raw, InputError(raw, "no Markdown files (*.md, *.markdown) in this folder; check the path, or pass --allow-empty")
            for candidate in found:
                if _absolute(candidate) not in named and _first_time(candidate, seen):
                    yield candidate.as_posix(), candidate
        elif _first_time(path, seen):
            yield raw, path


def _absolute(path: str | Path) -> str:
    # The path as written, made absolute: a link is a file of its own (the folder that
    # holds it is linted as the user sees it), but "./a.md" and "docs/../a.md" are "a.md".
    return os.path.abspath(path)


def _first_time(path: Path, seen: set[str]) -> bool:
    absolute = _absolute(path)
    if absolute in seen:
        return False
    seen.add(absolute)
    return True


def _describe_os_error(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link that leads round in a loop; point it at a real file"
    if error.errno == errno.ENOENT:
        return "no such file or folder; check the path"
    if error.errno == errno.EACCES:
        return "permission denied; make the file readable"
    return f"cannot read: {error.strerror or error}"


class Unreadable(Exception):
    """Why a file cannot be read, in words for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_bytes(file: Path, max_bytes: int) -> bytes:
    """At most `max_bytes` of a regular file, or Unreadable; never blocks on a pipe or
    device, never reads without end. Configuration, rule packs and baselines are read
    through this too (`extends: /dev/zero` must not hang a run)."""
    try:
        info = file.stat()
    except OSError as error:
        raise Unreadable(_describe_os_error(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise Unreadable("is a folder where a file was expected")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO blocks forever and a device such as /dev/zero never ends.
        raise Unreadable("not a regular file (a pipe, device or socket); policylint reads only files")
    too_big = Unreadable(f"larger than {max_bytes:,} bytes")
    if info.st_size > max_bytes:
        raise too_big
    try:
        with open(file, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise Unreadable(_describe_os_error(error)) from None
    if len(data) > max_bytes:
        raise too_big  # it grew while we looked
    return data


def read(display: str, file: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | InputError:
    """The file's text, or the error that says why it cannot be had."""
    try:
        data = read_bytes(file, max_bytes)
    except Unreadable as error:
        if error.message.startswith("larger than"):
            return InputError(display, f"{error.message}, far more than a policy; split it, or raise the limit with --max-file-size")
        return InputError(display, error.message)
    from policylint import document  # the parser: `policylint --help` needs none of it

    try:
        return document.decode(data)
    except document.DocumentError as error:
        return InputError(display, error.message, error.line)
