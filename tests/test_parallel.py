"""How a run shares its files between this process and its helpers (policylint.parallel):
every file is linted exactly once, by this process or a helper, whatever the count.
The output of a parallel run is compared with a serial one in test_gate.py."""

import os

import pytest

from policylint import parallel

_started_with: tuple[object, ...] = ()


def _start(*args: object) -> None:
    global _started_with
    _started_with = args


def _here(item: int) -> tuple[int, int, tuple[object, ...]]:
    return item * item, os.getpid(), ()


def _batch(items: list[int]) -> list[tuple[int, int, tuple[object, ...]]]:
    return [(item * item, os.getpid(), _started_with) for item in items]


@pytest.mark.parametrize("count,jobs", [(1, 2), (2, 2), (17, 2), (70, 3), (400, 2)])
def test_every_item_comes_back_once_with_its_own_result(count, jobs):
    items = list(range(count))
    done = list(parallel.share(items, jobs, _here, _batch, _start, ("options",)))
    assert sorted(index for index, _ in done) == items
    assert all(result[0] == items[index] ** 2 for index, result in done)
    # Helpers were started with the arguments given; this process lints without them.
    assert all(result[2] == (("options",) if result[1] != os.getpid() else ()) for _, result in done)


def test_this_process_lints_beside_its_helpers():
    done = list(parallel.share(list(range(400)), 2, _here, _batch, _start, ()))
    by = {pid for _, (_, pid, _) in done}
    assert os.getpid() in by and len(by) == 2


def _fail(items: list[int]) -> list[int]:
    raise ValueError("broken helper")


def test_a_helper_error_reaches_the_caller():
    with pytest.raises(ValueError, match="broken helper"):
        list(parallel.share(list(range(50)), 2, lambda item: item, _fail, _start, ()))
