"""Share the files of one run between this process and forked helpers.

The process that starts the run lints files too, beside `jobs - 1` helpers. When it only
waited for `jobs` workers, it held one more copy of the interpreter, the modules and the
rules (on two cores, a third of the whole run's peak memory) while it did next to
nothing but receive results.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Batches a helper holds at once: one it works on and one waiting, so that it never
# stands idle while this process is busy with a file of its own.
_BATCHES_PER_HELPER = 2
# The largest batch: each batch's results wait in memory until it is sent back whole.
_MAX_BATCH = 32


def _batch_size(remaining: int, jobs: int) -> int:
    """Large batches while much is left (fewer round trips), small ones at the end, so
    that no process is left with a long batch while the others have finished."""
    return max(1, min(_MAX_BATCH, remaining // (jobs * 8)))


# How often a helper looks whether the process that started it is still there.
_PARENT_CHECK_SECONDS = 0.5


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_PARENT_CHECK_SECONDS)
    # The run was killed (a CI job cancelled, a hook stopped): a helper left waiting for
    # work that will never come would live on for ever.
    os._exit(2)


def _start(parent: int, start_helper: Callable[..., None], helper_args: tuple[object, ...]) -> None:
    # Ctrl-C reaches the whole process group: the process that started the run stops
    # it, and a helper interrupted mid-file would only print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="policylint-parent-watch").start()
    start_helper(*helper_args)


def share(
    items: list[Item],
    jobs: int,
    lint_here: Callable[[Item], Result],
    lint_batch: Callable[[list[Item]], list[Result]],
    start_helper: Callable[..., None],
    helper_args: tuple[object, ...],
) -> Iterator[tuple[int, Result]]:
    """(index, result) of every item, in the order they finish. `lint_batch` runs in the
    helpers (forked, so it and `start_helper` must be module-level functions),
    `lint_here` in this process, one item at a time, between looks at the helpers."""
    # Imported only here: a run of one file (an editor, a pre-commit hook on one change)
    # never starts a helper and need not pay for the machinery.
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    helpers = jobs - 1
    context = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(max_workers=helpers, initializer=_start, initargs=(os.getpid(), start_helper, helper_args), mp_context=context)
    running: dict[Future[list[Result]], range] = {}
    taken = 0
    try:
        while taken < len(items) or running:
            for future in [future for future in running if future.done()]:
                yield from zip(running.pop(future), future.result())
            while taken < len(items) and len(running) < helpers * _BATCHES_PER_HELPER:
                batch = range(taken, min(len(items), taken + _batch_size(len(items) - taken, jobs)))
                running[pool.submit(lint_batch, [items[i] for i in batch])] = batch
                taken = batch.stop
            if taken < len(items):
                taken += 1
                yield taken - 1, lint_here(items[taken - 1])
            elif running:
                wait(running, return_when=FIRST_COMPLETED)
    except BaseException:
        # An error or an interrupt: do not wait for batches nobody will read.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
