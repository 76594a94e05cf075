"""Events published after a commit and read by subscriptions: their channels and shapes.

Every event is one JSON object. ``seq`` is a per-publisher sequence number, ``ts`` the
publish time (epoch seconds); consumers use ``step`` to drop what catch-up already sent.
"""

from __future__ import annotations

import time
from typing import Any, Literal

import orjson

LiveType = Literal["START", "DATA", "DONE"]


def live_channel(project_id: int) -> str:
    """Live metrics of every run of a project (START / DATA / DONE)."""
    return f"live:{project_id}"


def experiments_channel(project_id: int) -> str:
    """Experiment rows created, changed (status, link to a ref) or removed."""
    return f"experiments:{project_id}"


def project_channel(project_id: int) -> str:
    """Sync progress, new commits, refs changed."""
    return f"project:{project_id}"


def live_event(
    project_id: int,
    experiment_id: int,
    type_: LiveType,
    step: int | None = None,
    metrics: dict[str, Any] | None = None,
    images: list[str] | None = None,
) -> bytes:
    """``metrics`` maps metric names (``train/loss``) to values (None for nan/inf);
    ``images`` lists the images logged at the step (paths relative to the DVC root)."""
    return orjson.dumps(
        {
            "kind": "live",
            "type": type_,
            "projectId": project_id,
            "experimentId": experiment_id,
            "step": step,
            "metrics": metrics or {},
            "images": images or [],
            "ts": time.time(),
        }
    )


def experiment_event(project_id: int, experiment_id: int, change: str) -> bytes:
    """``change``: CREATED, UPDATED, STATUS, LINKED or REMOVED."""
    return orjson.dumps(
        {
            "kind": "experiment",
            "projectId": project_id,
            "experimentId": experiment_id,
            "change": change,
            "ts": time.time(),
        }
    )


def project_event(project_id: int, type_: str, detail: dict[str, Any]) -> bytes:
    """``type_``: SYNC_STARTED, SYNC_FINISHED, SYNC_FAILED, COMMITS_ADDED, REFS_CHANGED,
    PULL_REQUEST_OPENED, PULL_REQUEST_MERGED, PULL_REQUEST_CLOSED."""
    return orjson.dumps(
        {
            "kind": "project",
            "projectId": project_id,
            "type": type_,
            "detail": detail,
            "ts": time.time(),
        }
    )


def registry_channel(project_id: int) -> str:
    """Model registry tags written through gitstudio."""
    return f"registry:{project_id}"


def registry_event(project_id: int, detail: dict[str, Any]) -> bytes:
    """``detail``: the tag written (name, action, model, version, stage, commit, message)."""
    return orjson.dumps(
        {"kind": "registry", "projectId": project_id, "detail": detail, "ts": time.time()}
    )


def decode(message: bytes) -> dict[str, Any]:
    event: dict[str, Any] = orjson.loads(message)
    return event
