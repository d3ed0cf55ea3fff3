"""One YAML loader for everything users write: configuration, front matter, rule packs.

PyYAML's safe loader is safe from code execution but not from the input itself:
- an impossible date (`last_reviewed: 2026-02-30`) raises ValueError from inside the
  loader, where no caller expects anything but YAMLError;
- a few hundred bytes of nested aliases ("billion laughs") expand into gigabytes once
  anything walks the result;
- deep nesting overflows Python's stack.
Here an impossible date stays the text it was (the review-date rule then reports it
like any other unreadable date), and so does a number too long for Python to convert;
aliases and depth are capped, so every problem is a YAMLError with a line number.
"""

from __future__ import annotations

from typing import Any

import yaml

# Real configuration and front matter use an alias or two (`rules: *defaults`); a bomb
# needs dozens. Depth: real files nest three or four levels.
MAX_ALIASES = 50
MAX_DEPTH = 100


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_ALIASES} aliases (*name); write the values out instead", event.start_mark
                )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                event = self.peek_event()
                raise yaml.composer.ComposerError(
                    None, None, f"nested more than {MAX_DEPTH} levels deep", event.start_mark
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _text_if_unreadable(construct: Any) -> Any:
    """A constructor that gives a scalar's text where SafeLoader's own raises ValueError
    or OverflowError: an impossible date, or a number of more than 4,300 digits, which
    Python refuses to convert (a guard against slow conversions)."""

    def constructor(loader: _Loader, node: yaml.ScalarNode) -> Any:
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    return constructor


for _tag, _construct in (("timestamp", yaml.SafeLoader.construct_yaml_timestamp), ("int", yaml.SafeLoader.construct_yaml_int)):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _text_if_unreadable(_construct))


def load(text: str) -> Any:
    """Like yaml.safe_load, but every problem with the input is a yaml.YAMLError."""
    loader = _Loader(text)
    try:
        return loader.get_single_data()
    except RecursionError:
        raise yaml.YAMLError(f"nested too deeply (more than {MAX_DEPTH} levels)") from None
    finally:
        loader.dispose()


def load_trusted(text: str) -> Any:
    """The rule packs shipped with policylint: safe loading, in C where PyYAML has it
    (six times faster, and these files are read on every run)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def describe(error: yaml.YAMLError) -> tuple[str, int | None]:
    """What went wrong, and the 0-based line where, for a message."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return problem, (mark.line if mark is not None else None)
