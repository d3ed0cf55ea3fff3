"""What every check type shares: the Check base class, the run context, and the one
loader that turns a rule's YAML parameters into a frozen, validated Params object."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import regex

from policylint.document import Document
from policylint.findings import Hit

# A user's regular expression may backtrack without end ("(a|aa)+$" on a long line);
# the regex module can stop it. No sane pattern needs this long on one block of prose.
PATTERN_TIMEOUT = 2.0

# Patterns of policylint's own rule packs are reviewed and run without the timeout: the
# regex module's timeout costs four times the search itself on a short block of prose,
# and the placeholder rules search every block. Set while the built-in packs load.
_OWN_PATTERNS = False


@contextlib.contextmanager
def own_patterns() -> typing.Iterator[None]:
    global _OWN_PATTERNS
    _OWN_PATTERNS = True
    try:
        yield
    finally:
        _OWN_PATTERNS = False


class ParamsError(ValueError):
    """A rule's parameters are wrong; the message names the key and what is valid."""


@dataclass(frozen=True)
class Context:
    """What a check may know beyond the document: the date it runs on."""

    today: dt.date


class Check:
    """A check type: code that a rule (YAML data) points at by `type_name`."""

    type_name: ClassVar[str]

    @dataclass(frozen=True, kw_only=True)
    class Params:
        pass

    def prepare(self, params: Any) -> None:
        """Validate and compile what the parameters need, once, before any document."""

    def check(self, doc: Document, params: Any, ctx: Context) -> Iterator[Hit]:
        raise NotImplementedError


class PatternTimeout(Exception):
    """A rule's regular expression ran past PATTERN_TIMEOUT on one document."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


class UserPattern:
    """A regular expression from a rule or a configuration: compiled once with a clear
    error, and never allowed to run past PATTERN_TIMEOUT."""

    def __init__(self, pattern: str, flags: int = 0, shown: str | None = None) -> None:
        try:
            self._compiled = regex.compile(pattern, flags)
        except (regex.error, TypeError, ValueError, OverflowError) as error:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {error}") from None
        # What the user wrote, for messages (several patterns may run as one).
        self.pattern = shown or pattern
        self._timeout = None if _OWN_PATTERNS else PATTERN_TIMEOUT

    def _timed(self, method: Any, *args: Any) -> Any:
        try:
            return method(*args, timeout=self._timeout)
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None

    def search(self, text: str) -> regex.Match[str] | None:
        return self._timed(self._compiled.search, text)

    def fullmatch(self, text: str) -> regex.Match[str] | None:
        return self._timed(self._compiled.fullmatch, text)

    def finditer(self, text: str) -> list[regex.Match[str]]:
        try:
            return list(self._compiled.finditer(text, timeout=self._timeout))
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None


def did_you_mean(word: str, choices: typing.Iterable[str]) -> str:
    import difflib  # only when something is misspelt: not at every start

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _conforms(value: Any, annotation: Any) -> bool:
    origin = typing.get_origin(annotation)
    if annotation is Any:
        return True
    if origin in (typing.Union, types.UnionType):
        return any(_conforms(value, arg) for arg in typing.get_args(annotation))
    if annotation is type(None):
        return value is None
    if origin in (list, tuple):
        (item,) = typing.get_args(annotation)[:1] or (Any,)
        return isinstance(value, (list, tuple)) and all(_conforms(v, item) for v in value)
    if origin is dict:
        key_type, value_type = typing.get_args(annotation)
        return isinstance(value, dict) and all(_conforms(k, key_type) and _conforms(v, value_type) for k, v in value.items())
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, annotation)


_NAMES = {int: "a whole number", float: "a number", bool: "true or false", str: "text", dict: "a mapping"}


def _describe(annotation: Any) -> str:
    """A type as a user writing YAML thinks of it: "a whole number", "a list of text"."""
    origin = typing.get_origin(annotation)
    if origin in (list, tuple):
        (item,) = typing.get_args(annotation)[:1] or (Any,)
        return f"a list of {_describe(item).removeprefix('a ').removeprefix('an ')}"
    if origin in (typing.Union, types.UnionType):
        return " or ".join(_describe(a) for a in typing.get_args(annotation) if a is not type(None))
    if origin is dict:
        return "a mapping"
    return _NAMES.get(annotation, getattr(annotation, "__name__", str(annotation)))


@functools.cache
def _fields_of(params_cls: type) -> tuple[dict[str, Any], dict[str, dataclasses.Field[Any]]]:
    """A Params class's type hints and fields, worked out once per check type (some
    seventy rules share a dozen types; resolving the hints each time cost milliseconds
    at every start)."""
    return typing.get_type_hints(params_cls), {f.name: f for f in dataclasses.fields(params_cls)}


def build_params(check: Check, data: dict[str, Any] | None) -> Any:
    """Params from YAML data: unknown keys, missing keys and wrong types are ParamsError."""
    params_cls = type(check).Params
    data = data or {}
    if not isinstance(data, dict):
        raise ParamsError(f"'params' of a {check.type_name} rule must be a mapping")
    hints, fields = _fields_of(params_cls)
    for key in data:
        if key not in fields:
            valid = ", ".join(sorted(fields)) or "none"
            raise ParamsError(
                f"unknown option {key!r} for check type {check.type_name!r}{did_you_mean(key, fields)}; valid options: {valid}"
            )
    values = {}
    for name, f in fields.items():
        if name in data:
            value = data[name]
            if not _conforms(value, hints[name]):
                raise ParamsError(f"option {name!r} of {check.type_name!r} must be {_describe(hints[name])}, not {value!r}")
            values[name] = tuple(value) if isinstance(value, list) else value
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ParamsError(f"check type {check.type_name!r} needs option {name!r}")
    params = params_cls(**values)
    try:
        check.prepare(params)
    except (ValueError, TypeError) as error:
        raise ParamsError(f"{check.type_name}: {error}") from None
    return params
