"""Studio's model-registry download API, which ``dvc artifacts get`` calls.

``GET /api/model-registry/get-download-uris?repo=&name=[&version=|&stage=]`` (token
required) resolves the model version as GTO does (an exact version, the version holding a
stage most recently, or the latest), reads the model's declared path at that version's
commit, and answers ``{relative path: URL}`` for every file under it. DVC then fetches each
URL with no credentials, as it does from Studio, so the URLs are signed: HMAC-SHA256 over
the project, commit, path, expiry and the user they were minted for (0: anonymous) with the
server's signing key (an hour, as Studio). The file route reads as that user: it serves
only while the user, as it is now, may still read the project (storage.access), so a link
is no way around a revoked membership, a disabled user or a project made private.
Anonymous callers get links to PUBLIC projects' models only.
The file route streams the bytes from Git, or from the project's DVC remote for
DVC-tracked outputs (sync.artifact_files). The repository's ``.dvc/config`` names that
remote, so for a project the repository policy governs (a network remote, or a local path
inside GITSTUDIO_LOCAL_REPO_ROOTS: what the API can add; the operator's CLI may add others,
not governed) every location and local path it names must pass the policy before DVC is
built (RepoPolicy.check_storage; http and WebDAV remotes only from hosts listed in
GITSTUDIO_ALLOWED_GIT_HOSTS, as DVC follows redirects), ``core.site_cache_dir`` is refused,
and a repository with a DVC import stage (``dvc import``, ``dvc import-url``: data read from
anywhere) is not read. A refusal is a typed JSON error (403 FORBIDDEN_REPOSITORY, 422
INVALID_URL or UNREACHABLE) and DVC contacts nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import posixpath
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from gitstudio.rest import HttpError, guard, json_response, public_base
from resolvers.models import ProjectRegistry, registries
from storage.access import READ
from storage.errors import DomainError
from storage.models import Project
from storage.sealed import key_file
from storage.tokens import ANONYMOUS, Scope, user_principal
from sync.artifact_files import CheckStorage, declared_path, list_files, open_file
from sync.registry import Version
from sync.repo_policy import FORBIDDEN, INVALID_URL

if TYPE_CHECKING:
    from gitstudio.app import State

URL_LIFETIME = 3600
_READ_ONLY = frozenset({Scope.READ})  # what a link's user may do: read


class Downloads:
    def __init__(self, state: State) -> None:
        self.settings = state.settings
        self.syncer = state.syncer
        self.policy = state.syncer.policy
        self.tokens = state.gate
        self.caches = state.caches
        self.projects = state.projects
        self._key: bytes | None = None

    def routes(self) -> list[BaseRoute]:
        return [
            Route("/api/model-registry/get-download-uris", guard(self.uris), methods=["GET"]),
            Route(
                "/api/model-registry/files/{project_id:int}/{sha}/{path:path}",
                guard(self.file),
                methods=["GET"],
            ),
        ]

    async def uris(self, request: Request) -> Response:
        principal = await self.tokens.caller(request, READ)
        params = request.query_params
        repo, name = params.get("repo"), params.get("name")
        version, stage = params.get("version"), params.get("stage")
        if not repo or not name:
            raise HttpError(400, "repo and name are required")
        if version and stage:
            raise HttpError(400, "version and stage are mutually exclusive")
        projects = await self.tokens.allowed(principal, await self.projects.lookup(repo), READ)
        if not projects:
            raise HttpError(404, f"no gitstudio project for repo {repo}")
        project = next((p for p in projects if not p.subdir), projects[0])
        found = (await registries([project.id], self.caches)).get(project.id)
        chosen = _resolve(found, name, version, stage) if found else None
        if chosen is None:
            raise HttpError(404, _missing(name, version, stage))
        mirror = self.syncer.mirror_path(project.id)
        try:
            check = self._storage_check(project.repo_url)
            files = await asyncio.to_thread(_files, mirror, chosen.commit, name, check)
        except DomainError as exc:
            raise _refusal(exc) from None
        base = public_base(request, self.settings.public_url)
        user = principal.user_id or 0
        return json_response(
            {rel: self._url(base, project.id, chosen.commit, path, user) for rel, path in files}
        )

    async def file(self, request: Request) -> Response:
        project_id = int(request.path_params["project_id"])
        sha, path = request.path_params["sha"], request.path_params["path"]
        expires = request.query_params.get("expires", "")
        signature = request.query_params.get("signature", "")
        user = request.query_params.get("user", "")
        if not expires.isdigit() or int(expires) < time.time():
            raise HttpError(403, "this download link has expired; ask for a new one")
        if not user.isdigit() or len(user) > 18:
            raise HttpError(403, "this download link is not valid")
        expected = self._sign(project_id, sha, path, int(expires), int(user))
        if not hmac.compare_digest(signature, expected):
            raise HttpError(403, "this download link is not valid")
        found = await self._readable(project_id, int(user))
        if found is None:
            raise HttpError(404, f"no project {project_id}")
        mirror = self.syncer.mirror_path(project_id)
        try:
            check = self._storage_check(found.repo_url)
            chunks = await asyncio.to_thread(_opened, mirror, sha, path, check)
        except DomainError as exc:
            raise _refusal(exc) from None
        # a sync iterator: Starlette pulls it on a worker thread (DVC reads block)
        return StreamingResponse(chunks, media_type="application/octet-stream")

    async def _readable(self, project_id: int, user_id: int) -> Project | None:
        """Project ``project_id`` if the user a link was minted for (0: anonymous) may read
        it now; a user gone or disabled since reads nothing."""
        principal = ANONYMOUS if user_id == 0 else await user_principal(user_id, _READ_ONLY)
        if principal is None:
            return None
        allowed = await self.tokens.allowed(principal, await Project.filter(id=project_id), READ)
        return allowed[0] if allowed else None

    def _storage_check(self, repo_url: str) -> CheckStorage | None:
        """What vets the DVC locations of the project at ``repo_url``: the policy's check
        when it governs the project, nothing for the operator's own local ones."""
        if self.policy is None or not self.policy.governs(repo_url):
            return None
        return self.policy.check_storage

    def _url(self, base: str, project_id: int, sha: str, path: str, user: int) -> str:
        expires = int(time.time()) + URL_LIFETIME
        signature = self._sign(project_id, sha, path, expires, user)
        query = urlencode({"expires": expires, "user": user, "signature": signature})
        return f"{base}/api/model-registry/files/{project_id}/{sha}/{quote(path)}?{query}"

    def _sign(self, project_id: int, sha: str, path: str, expires: int, user: int) -> str:
        message = f"{project_id}\n{sha}\n{path}\n{expires}\n{user}".encode()
        return hmac.new(self._signing_key(), message, hashlib.sha256).hexdigest()

    def _signing_key(self) -> bytes:
        """GITSTUDIO_URL_SIGNING_KEY, else a key made once in the data directory (shared
        by the instances that share it)."""
        if self._key is None:
            configured = self.settings.url_signing_key
            self._key = (
                configured.encode()
                if configured
                else key_file(self.settings.data_dir, "signing.key", _new_signing_key)
            )
        return self._key


def _resolve(
    found: ProjectRegistry, name: str, version: str | None, stage: str | None
) -> Version | None:
    artifact = found.artifact(name)
    if artifact is None:
        return None
    if version:
        return next((v for v in artifact.get_versions() if v.version == version), None)
    if stage:
        holders = artifact.vstages().get(stage)
        if not holders:
            return None
        held = holders[0]
        return next(
            (v for v in artifact.versions if (v.version, v.commit) == (held.version, held.commit)),
            None,
        )
    return artifact.latest(registered_only=True)


def _missing(name: str, version: str | None, stage: str | None) -> str:
    if version:
        return f"model {name} has no active version {version}"
    if stage:
        return f"no version of model {name} is in stage {stage}"
    return f"model {name} has no registered version"


# What a DomainError from resolving or reading a model's files answers: a location the
# policy refuses (403), one the repository names that cannot be a location (422, the
# repository's configuration is at fault, not the request), a host that does not resolve
# (422, as creating a project answers it); anything else means nothing to serve (404).
_STATUS = {FORBIDDEN: 403, INVALID_URL: 422, "UNREACHABLE": 422, "INVALID": 400}


def _refusal(exc: DomainError) -> HttpError:
    """The DomainError as a typed JSON answer, its code kept."""
    return HttpError(_STATUS.get(exc.code, 404), exc.message, exc.code)


def _files(mirror: Path, sha: str, name: str, check: CheckStorage | None) -> list[tuple[str, str]]:
    """(path relative to the model's parent directory, repository path) of each file."""
    path = declared_path(mirror, sha, name)
    parent = posixpath.dirname(path)
    return [
        (posixpath.relpath(f, parent) if parent else f, f)
        for f in list_files(mirror, sha, path, check)
    ]


def _opened(mirror: Path, sha: str, path: str, check: CheckStorage | None) -> Iterator[bytes]:
    chunks = open_file(mirror, sha, path, check)
    first = next(chunks, b"")  # fail here (404), not after the 200 is sent
    return _prepend(first, chunks)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _new_signing_key() -> bytes:
    return secrets.token_hex(32).encode()


def download_routes(state: State) -> list[BaseRoute]:
    return Downloads(state).routes()
