"""A project's DVC remotes (``Project.remotes``) and the settings the server reads them with
(``configureRemote``): metrics, params and plots kept in the DVC cache are read from there
(sync.remote_files). Settings are sealed at rest and never shown: only which keys are set."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from resolvers import remotes as resolve
from resolvers.context import Context
from schema.errors import UserError, user_error
from schema.permissions import CONFIGURE, guard, on_project, project_at
from schema.relay import decode_id
from schema.scalars import JSON
from storage.errors import DomainError


@strawberry.type(description="A DVC remote of the project, and whether settings are kept for it.")
class DvcRemote:
    name: str = strawberry.field(
        description="The remote's name in the repository's .dvc/config; '' for the settings"
        " used with whichever remote a revision names as its default (core.remote)."
    )
    url: str | None = strawberry.field(
        description="Its URL in the default branch's .dvc/config, scheme, host and path only"
        " (no credentials, query or fragment); null"
        " for settings kept for a name that configuration does not hold."
    )
    is_default: bool = strawberry.field(description="The default branch's core.remote.")
    keys: list[str] = strawberry.field(description="The settings kept (names only, sorted).")

    @strawberry.field(description="Whether configureRemote keeps settings for it.")
    def configured(self) -> bool:
        return bool(self.keys)


def dvc_remote(found: resolve.RemoteInfo) -> DvcRemote:
    return DvcRemote(name=found.name, url=found.url, is_default=found.is_default, keys=found.keys)


@strawberry.input
class ConfigureRemoteInput:
    project_id: strawberry.ID
    remote: str | None = strawberry.field(
        default=None,
        description="The DVC remote's name; omitted or '': whichever remote a revision names"
        " as its default. Settings kept for a name win over those of the default.",
    )
    settings: JSON = strawberry.field(
        description="DVC's options for the remote as one object of strings: access_key_id,"
        " secret_access_key, session_token, endpointurl, region (S3 and S3-compatible), user,"
        " password (http, WebDAV, SSH). They replace what was kept; {} clears it."
    )
    client_mutation_id: str | None = None


@strawberry.type
class ConfigureRemotePayload:
    remote: DvcRemote | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


def _pairs(settings: Any) -> list[tuple[str, str]]:
    if not isinstance(settings, dict) or not all(isinstance(v, str) for v in settings.values()):
        raise DomainError("INVALID", "settings is an object of strings", "settings")
    return [(str(k), v) for k, v in settings.items()]


@strawberry.type
class RemoteMutation:
    @strawberry.mutation(
        extensions=guard(on_project(CONFIGURE, project_at("input", "project_id"))),
        description="Keep the settings (credentials, endpoint) the server reads a DVC remote"
        " with, sealed and never shown back; the rows missing a file are then read again.",
    )
    async def configure_remote(
        self, info: Info[Context, None], input: ConfigureRemoteInput
    ) -> ConfigureRemotePayload:
        client_id = input.client_mutation_id
        try:
            found = await resolve.configure_remote(
                info.context,
                decode_id(input.project_id, "Project"),
                input.remote,
                _pairs(input.settings),
            )
        except DomainError as exc:
            return ConfigureRemotePayload(errors=[user_error(exc)], client_mutation_id=client_id)
        return ConfigureRemotePayload(remote=dvc_remote(found), client_mutation_id=client_id)
