"""The value lists the modules keep at run time agree with the `Literal` types mypy reads."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from typing import get_args

import pytest

import wiec.tally
from wiec.tally import model, pabulib

SRC = Path(wiec.tally.__file__).parent

# (module, Literal alias read only by mypy, tuple kept at run time)
PAIRS = [
    ("model", "VoteType", "VOTE_TYPES"),
    ("pabulib", "OverLimit", "OVER_LIMIT"),
    ("compare", "Measure", "MEASURES"),
    ("ties", "Criterion", "CRITERIA"),
]


def _literal_values(module: str, alias: str) -> tuple[str, ...]:
    tree = ast.parse((SRC / f"{module}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and [t.id for t in node.targets if isinstance(t, ast.Name)] == [alias]
            and isinstance(node.value, ast.Subscript)
        ):
            args = node.value.slice
            elts = args.elts if isinstance(args, ast.Tuple) else [args]
            return tuple(ast.literal_eval(e) for e in elts)
    raise AssertionError(f"no {alias} = Literal[...] in {module}.py")


@pytest.mark.parametrize(("module", "alias", "values"), PAIRS)
def test_runtime_values_match_the_literal_type(module: str, alias: str, values: str) -> None:
    runtime = getattr(importlib.import_module(f"wiec.tally.{module}"), values)
    assert _literal_values(module, alias) == runtime


def test_the_public_literal_types_exist_at_run_time() -> None:
    assert get_args(wiec.tally.VoteType) == model.VOTE_TYPES
    assert get_args(pabulib.OverLimit) == pabulib.OVER_LIMIT
    with pytest.raises(AttributeError):
        model.NoSuchName  # noqa: B018
