"""Caches that live in one process's memory, and the one way to empty them all.

A module that keeps such a cache (tenants by host name, verification salts) registers its
reset here with `@resettable`; `reset_all()` empties every one. The test suite calls it
between tests, so a new per-process cache cannot be forgotten there.
"""

from __future__ import annotations

from collections.abc import Callable

_resets: list[Callable[[], None]] = []


def resettable[F: Callable[[], None]](reset: F) -> F:
    """Register `reset` (a function without arguments that empties one cache)."""
    if reset not in _resets:
        _resets.append(reset)
    return reset


def reset_all() -> None:
    for reset in _resets:
        reset()


def registered() -> tuple[Callable[[], None], ...]:
    return tuple(_resets)
