"""Fixtures of the tally tests (helpers live in `tests.tally.helpers`).

The real pabulib files live in the repository, in `tests/data/pabulib` (see its README);
`WIEC_PABULIB_DIR` overrides the place. Tests that need them are skipped with a reason only
when that override points at a directory that lacks them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.tally.helpers import load_shared, pabulib_available_dir, pabutools_available
from wiec.tally import Instance


@pytest.fixture(scope="session")
def pabulib_file() -> Callable[[str], Instance]:
    """Load a shared file by name (once per session); skip when the data are missing."""
    directory = pabulib_available_dir()
    if directory is None:
        pytest.skip("pabulib data not found (expected tests/data/pabulib or $WIEC_PABULIB_DIR)")

    def load(name: str) -> Instance:
        if not (directory / name).is_file():
            pytest.skip(f"pabulib file {name} not found in {directory}")
        return load_shared(name)

    return load


@pytest.fixture
def needs_pabutools() -> None:
    """Skip unless pabutools (a test-only dependency) is installed."""
    if not pabutools_available():
        pytest.skip("pabutools is not installed (test-only dependency)")
