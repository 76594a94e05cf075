"""sync.indexer.gc_paused across threads: a scan thread and a CSV page writer overlap."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from sync.indexer import gc_paused

WAIT = 10.0


class Pauser:
    """A thread inside gc_paused from ``enter()`` until ``leave()``, each step awaited."""

    def __init__(self) -> None:
        self.go_in = threading.Event()
        self.inside = threading.Event()
        self.go_out = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        self.go_in.wait(WAIT)
        with gc_paused():
            self.inside.set()
            self.go_out.wait(WAIT)

    def enter(self) -> None:
        self.go_in.set()
        assert self.inside.wait(WAIT)

    def leave(self) -> None:
        self.go_out.set()
        self.thread.join(WAIT)
        assert not self.thread.is_alive()


@pytest.fixture
def gc_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


@pytest.mark.parametrize("first_out", ["a", "b"])
def test_overlapping_threads_keep_gc_off_while_any_is_inside_and_enable_it_after(
    gc_restored: None, first_out: str
) -> None:
    gc.enable()
    pausers = {"a": Pauser(), "b": Pauser()}
    pausers["a"].enter()
    assert not gc.isenabled()
    pausers["b"].enter()
    assert not gc.isenabled()
    pausers[first_out].leave()
    assert not gc.isenabled()  # the other is still inside
    pausers["b" if first_out == "a" else "a"].leave()
    assert gc.isenabled()


def test_a_chain_of_overlaps_ends_with_gc_enabled(gc_restored: None) -> None:
    # a in, b in, a out, c in, b out, c out: at no point is every thread out until the end.
    gc.enable()
    a, b, c = Pauser(), Pauser(), Pauser()
    a.enter()
    b.enter()
    a.leave()
    assert not gc.isenabled()
    c.enter()
    b.leave()
    assert not gc.isenabled()
    c.leave()
    assert gc.isenabled()


def test_gc_disabled_before_the_first_entry_stays_disabled(gc_restored: None) -> None:
    gc.disable()
    a, b = Pauser(), Pauser()
    a.enter()
    b.enter()
    a.leave()
    b.leave()
    assert not gc.isenabled()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_nested_in_one_thread_and_raising(gc_restored: None) -> None:
    gc.enable()
    with pytest.raises(RuntimeError), gc_paused():
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
