"""A project's DVC remotes: what its repository names, and the settings (credentials,
endpoints) configureRemote keeps for them, sealed and never shown back (storage.remotes);
with them the server reads metrics, params and plots kept in the DVC cache
(sync.remote_files)."""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

from resolvers.context import Context
from storage.errors import DomainError, check_text
from storage.limits import limits
from storage.models import Project
from storage.records import ProjectRecord
from storage.remotes import keys_of, remote_settings, rows_missing_files, set_remote
from sync.remote_files import SETTING_KEYS, declared_remotes
from sync.repo_policy import INVALID_URL

FIELD = "settings"
MAX_NAME_CHARS = 64  # storage.models.RemoteSetting.name
_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_URL_KEYS = frozenset({"endpointurl"})


@dataclass(frozen=True, slots=True)
class RemoteInfo:
    """A remote as Project.remotes shows it: never a setting's value."""

    name: str  # '' : the settings for whichever remote a revision names as its default
    url: str | None  # the default branch's .dvc/config's, scheme://host/path only
    is_default: bool
    keys: list[str]


async def remotes(ctx: Context, project: ProjectRecord) -> list[RemoteInfo]:
    """The remotes the default branch's DVC configuration names, then configured names it
    does not (the default-remote entry first)."""
    mirror = ctx.syncer.mirror_path(project.id)
    default, urls = await asyncio.to_thread(
        declared_remotes, mirror, project.default_branch, project.subdir
    )
    configured = {row.name: keys_of(row) for row in await remote_settings(project.id)}
    shown = [
        RemoteInfo(name, url, name == default, configured.pop(name, []))
        for name, url in sorted(urls.items())
    ]
    extra = [RemoteInfo(name, None, False, keys) for name, keys in sorted(configured.items())]
    return extra + shown


async def configure_remote(
    ctx: Context, project_id: int, remote: str | None, settings: list[tuple[str, str]]
) -> RemoteInfo:
    """Keep ``settings`` (DVC option names and values) sealed for the remote ``remote``
    (None or '': the default remote); empty settings clear them. Then the project's rows
    that lack a params or metrics file are read again with them."""
    name = _name(remote)
    values = _settings(settings)
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project {project_id}", "projectId")
    if values and ctx.syncer.sealer is None:
        raise DomainError("INVALID", "this server has no secret key to keep remote settings")
    await _check_endpoints(ctx, project, values)
    if ctx.syncer.sealer is not None:
        await set_remote(project.id, name, values, ctx.syncer.sealer)
    work = await rows_missing_files(project.id)
    await ctx.syncer.reread(project, work)
    return RemoteInfo(name, None, False, sorted(values))


def _name(remote: str | None) -> str:
    if not remote:
        return ""
    check_text(remote, "remote", MAX_NAME_CHARS)
    if not _NAME.match(remote):
        raise DomainError(
            "INVALID", "remote is a DVC remote's name: letters, digits, '_', '.', '-'", "remote"
        )
    return remote.lower()  # DVC's own lookup of remote names ignores case


def _settings(settings: list[tuple[str, str]]) -> dict[str, str]:
    if len(settings) > len(SETTING_KEYS):
        raise DomainError("INVALID", f"at most {len(SETTING_KEYS)} settings", FIELD)
    bound = limits().remote_setting_max_bytes
    values: dict[str, str] = {}
    for key, value in settings:
        check_text(key, FIELD, MAX_NAME_CHARS)
        if key not in SETTING_KEYS:
            allowed = ", ".join(sorted(SETTING_KEYS))
            raise DomainError("INVALID", f"unknown setting {key!r}; settable: {allowed}", FIELD)
        if key in values:
            raise DomainError("INVALID", f"setting {key!r} is given twice", FIELD)
        check_text(value, FIELD, bound)
        if not value:
            raise DomainError("INVALID", f"setting {key!r} is empty", FIELD)
        values[key] = value
    return values


async def _check_endpoints(ctx: Context, project: Project, values: dict[str, str]) -> None:
    """An endpoint must be an http(s) URL the repository policy lets the server reach (for a
    project it governs); each read checks it again (sync.remote_files)."""
    policy = ctx.syncer.policy
    for key in _URL_KEYS & values.keys():
        url = values[key]
        if not url.lower().startswith(("https://", "http://")):
            raise DomainError(INVALID_URL, f"{key} must be an http or https URL", FIELD)
        if policy is None or not policy.governs(project.repo_url):
            continue
        try:
            await asyncio.to_thread(policy.check_storage, url)
        except DomainError as exc:
            if exc.code != "UNREACHABLE":  # not resolving now proves nothing
                raise DomainError(exc.code, exc.message, FIELD) from None
