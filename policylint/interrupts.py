"""Ctrl-C is never lost in a run of many files.

Python drops an exception raised while it runs a finaliser (a `__del__`; the regex
module's compiler has some): it reports it as "Exception ignored", with a traceback, and
goes on. A Ctrl-C that landed there would let the run go on to the end and exit as if
nothing had happened (1 with findings: a CI gate would read an interrupted run as a
finished one). Here a Ctrl-C is also remembered, raised again between files, and not
reported as ignored.
"""

from __future__ import annotations

import signal
import sys
import threading
from types import FrameType, TracebackType
from typing import Any


class Interrupts:
    def __init__(self) -> None:
        self._seen = False
        self._previous_handler: Any = None
        self._previous_hook: Any = None

    def __enter__(self) -> "Interrupts":
        # Only where Ctrl-C still has Python's own handler, in the main thread (the only
        # one that may set one): a program that embeds policylint keeps its own.
        if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self._previous_handler = signal.signal(signal.SIGINT, self._interrupted)
            self._previous_hook, sys.unraisablehook = sys.unraisablehook, self._unraisable
        return self

    def _interrupted(self, signum: int, frame: FrameType | None) -> None:
        self._seen = True
        raise KeyboardInterrupt

    def _unraisable(self, unraisable: Any) -> None:
        # Our own Ctrl-C, dropped in a finaliser: check() raises it again.
        if not (self._seen and isinstance(unraisable.exc_value, KeyboardInterrupt)):
            self._previous_hook(unraisable)

    def check(self) -> None:
        """Raise the Ctrl-C that came, if a finaliser swallowed it."""
        if self._seen:
            raise KeyboardInterrupt

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if self._previous_handler is not None:
            signal.signal(signal.SIGINT, self._previous_handler)
            sys.unraisablehook = self._previous_hook
