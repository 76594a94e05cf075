"""Experiments side by side (``Project.compare``): the rows asked, a baseline, and what
differs from it: deltas of numeric columns, better or worse by the column's goal
(storage.goals), and the deps and outs whose hashes differ."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from resolvers.context import Context
from resolvers.errors import bad_input
from storage.records import ExperimentRecord

MAX_IDS = 100  # experiments compared at once (schema/cost.py prices Comparison.experiments)


@dataclass(frozen=True, slots=True)
class Compared:
    experiments: list[ExperimentRecord]
    baseline: ExperimentRecord


async def compare(
    ctx: Context, project_id: int, ids: Sequence[int], baseline: int | None = None
) -> Compared:
    """The rows ``ids`` of the project, in order, and the baseline: ``baseline`` (any row of
    the project) or the first of them."""
    if not 1 <= len(ids) <= MAX_IDS:
        raise bad_input(f"compare takes between 1 and {MAX_IDS} ids")
    ours = await rows(ctx, project_id, [*ids, *([] if baseline is None else [baseline])])
    return Compared(ours[: len(ids)], ours[-1] if baseline is not None else ours[0])


async def rows(ctx: Context, project_id: int, ids: Sequence[int]) -> list[ExperimentRecord]:
    """The rows ``ids`` of the project, in order. An id of no row of the project (or of one
    the caller may not read: the same) is BAD_USER_INPUT."""
    records = await ctx.loaders.experiment.load_many(list(ids))
    missing = [
        i for i, r in zip(ids, records, strict=True) if r is None or r.project_id != project_id
    ]
    if missing:
        raise bad_input(f"unknown experiment ids in this project: {missing}")
    return [r for r in records if r is not None]


def number(value: Any) -> float | None:
    """``value`` as a finite float when it is a number (booleans are not); else None."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        found = float(value)
    except OverflowError:  # an integer beyond any float
        return None
    return found if math.isfinite(found) else None


def delta(value: Any, base: Any) -> float | None:
    """``value`` minus ``base`` when both are numbers (and the difference finite)."""
    a, b = number(value), number(base)
    if a is None or b is None:
        return None
    found = a - b
    return found if math.isfinite(found) else None


def better(change: float | None, goal: str | None) -> bool | None:
    """Whether a change from the baseline is better (True) or worse (False) by the column's
    goal; None when equal, not comparable, or the column has no goal."""
    if change is None or goal is None or change == 0:
        return None
    return (change > 0) == (goal == "HIGHER")


@dataclass(frozen=True, slots=True)
class ComparedFile:
    path: str
    kind: str  # DEP or OUT
    hashes: list[str | None]  # per experiment, None where it has no such file or hash
    differing: bool


def files(records: Sequence[ExperimentRecord]) -> list[ComparedFile]:
    """Every dep and out path of the rows (dvc.lock), deps first, each by path."""
    found: list[ComparedFile] = []
    for kind, part in (("DEP", "deps"), ("OUT", "outs")):
        documents: list[dict[str, Any]] = [r.document(part) for r in records]
        for path in sorted({p for d in documents for p in d}):
            hashes = [_hash(d.get(path)) for d in documents]
            found.append(ComparedFile(path, kind, hashes, len(set(hashes)) > 1))
    return found


def _hash(info: Any) -> str | None:
    digest = info.get("hash") if isinstance(info, dict) else None
    return str(digest) if digest is not None else None
