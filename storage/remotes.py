"""What configureRemote keeps for a project's DVC remotes: their settings (credentials,
endpoints) sealed at rest as one JSON object per remote (storage.sealed), and the names of
the keys set, which is all that is ever shown (Project.remotes). ``name`` '' stands for
whichever remote a revision names as its default."""

from __future__ import annotations

import logging

import orjson
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from storage.errors import DomainError
from storage.models import Experiment, RemoteSetting
from storage.sealed import Sealer

# The type of a row's file error when the DVC remote could not give the file
# (sync.remote_files).
ERROR_TYPE = "RemoteFileError"

log = logging.getLogger(__name__)


async def remote_settings(project_id: int) -> list[RemoteSetting]:
    """The project's configured remotes, by name."""
    return await RemoteSetting.filter(project_id=project_id).order_by("name")


async def set_remote(
    project_id: int, name: str, settings: dict[str, str], sealer: Sealer
) -> RemoteSetting | None:
    """Replace what is kept for the remote ``name`` with ``settings`` (sealed); empty
    settings remove it (None)."""
    async with in_transaction():
        await RemoteSetting.filter(project_id=project_id, name=name).delete()
        if not settings:
            return None
        return await RemoteSetting.create(
            project_id=project_id,
            name=name,
            sealed=sealer.seal(orjson.dumps(settings).decode()),
            keys=orjson.dumps(sorted(settings)).decode(),
        )


def keys_of(row: RemoteSetting) -> list[str]:
    return [str(k) for k in orjson.loads(row.keys)]


async def opened_settings(project_id: int, sealer: Sealer | None) -> dict[str, dict[str, str]]:
    """Every configured remote's settings, opened: for the server's own reads only. Settings
    sealed under another key (GITSTUDIO_SECRET_KEY changed) are left out, logged: the
    remote is then read without them, and configureRemote sets them again."""
    rows = await remote_settings(project_id)
    if not rows or sealer is None:
        return {}
    opened: dict[str, dict[str, str]] = {}
    for row in rows:
        try:
            opened[row.name] = orjson.loads(sealer.open(row.sealed))
        except DomainError as exc:
            log.warning("DVC remote settings of project %s: %s", project_id, exc.message)
    return opened


async def rows_missing_files(project_id: int) -> list[tuple[str, str]]:
    """(sha, experiment ref or "") of the project's Git rows that lack a params or metrics
    file (missing, or not read from the DVC remote): what configureRemote reads again."""
    rows = await (
        Experiment.filter(project_id=project_id, kind__in=("COMMIT", "EXPERIMENT"))
        .filter(Q(errors__contains=ERROR_TYPE) | Q(errors__contains="FileNotFoundError"))
        .order_by("created_at", "id")
        .values_list("sha", "ref", "kind")
    )
    return [(str(sha), str(ref) if kind == "EXPERIMENT" else "") for sha, ref, kind in rows if sha]
