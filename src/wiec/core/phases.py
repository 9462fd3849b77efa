"""One shape for processes with phases: a process lists its dated phases, `phase_at` says which
one is current.

A ballot box, the ideas module's call for ideas and, later, a budget edition or a consultation
each describe themselves as a sequence of `DatedPhase`s, earliest first. The phase that has
started most recently at a given moment is the current one. What a phase allows is not decided
here: each module keeps one table (`PHASE_ALLOWS`) of phase -> allowed actions next to its
permissions. Pure: no database, no clock (the moment is passed in).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class DatedPhase[P]:
    """A phase and the moment it starts (None: it has been current from the beginning)."""

    phase: P
    starts_at: datetime | None = None


class Process[P](Protocol):
    """Anything with dated phases: it lists them, earliest first, the first starting at None."""

    def dated_phases(self) -> Sequence[DatedPhase[P]]: ...


def phase_at[P](process: Process[P], *, at: datetime) -> P:
    """The process's phase at the moment `at`: the last of its phases that has started.

    Phases are listed earliest first; the first one has no start (it is what the process is
    before anything has happened). A phase that starts exactly at `at` is current (periods end
    exclusively).
    """
    phases = process.dated_phases()
    if not phases or phases[0].starts_at is not None:
        raise ValueError("A process's first phase starts at None (it is current until the next).")
    current = phases[0].phase
    for dated in phases[1:]:
        if dated.starts_at is None or dated.starts_at > at:
            break
        current = dated.phase
    return current
