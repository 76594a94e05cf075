"""Writing the model registry: the annotated tag the gto CLI would write, on the project's
repository.

A write first fetches (counters and checks must see every tag the remote has), folds the
registry from the mirror's tags (sync.registry), validates the request the way ``gto``
does (``gto/registry.py``), names the tag the way ``gto`` does (simple name, or ``#N`` with
N = the artifact's highest counter + 1), dates it strictly after the artifact's newest tag
(GTO orders by tag time only, at one-second resolution), then puts it on the repository
by push (sync.git_writer.WriteSession): libgit2's to a remote, receive-pack (so its hooks
run) for a repository on this machine. A rejected push deletes the mirror's tag again
(nothing is half-written); a tag that exists already is never replaced. The caller indexes it with a
sync afterwards.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pygit2
import semver
from pygit2.enums import ObjectType

from storage.errors import DomainError
from sync.artifacts import CONFIG, gto_stages, tree_file
from sync.git import Credentials, RefMemos
from sync.git_writer import WriteSession
from sync.registry import (
    ASSIGN,
    DEPRECATE,
    DEREGISTER,
    FULLNAME_RE,
    NAME_RE,
    REGISTER,
    TAG_RE,
    UNASSIGN,
    Artifact,
    CommitFact,
    Registry,
    RegistryError,
    TagFact,
    Version,
    fold,
    is_version,
    name_to_tag,
)
from sync.write_policy import check_ref_name

BUMPS = ("major", "minor", "patch")


@dataclass(frozen=True, slots=True)
class TagRequest:
    action: str  # sync.registry REGISTER, DEREGISTER, ASSIGN, UNASSIGN or DEPRECATE
    artifact: str
    version: str | None = None
    stage: str | None = None
    rev: str | None = None  # register: the commit (sha, branch or tag)
    bump: str | None = None  # register without a version: "major", "minor" or "patch"
    message: str | None = None
    tagger: tuple[str, str] = ("gitstudio", "gitstudio@localhost")
    # Bytes of the tag name written (model, version, stage and counter together); the
    # caller's WriteLimits.max_ref_name_bytes. None: git's rules only.
    max_name_bytes: int | None = None


@dataclass(frozen=True, slots=True)
class WrittenTag:
    name: str
    target: str
    action: str
    artifact: str
    version: str | None
    stage: str | None
    message: str
    time: int


def write_tag(
    mirror: Path,
    url: str,
    creds: Credentials,
    request: TagRequest,
    now: float | None = None,
    *,
    memos: RefMemos | None = None,
) -> WrittenTag:
    with WriteSession(mirror, url, creds, memos) as session:
        repo = session.repo
        registry = registry_of(repo)
        name, target, version, message = plan(repo, registry, request, allowed_stages(repo))
        when = max(int(now if now is not None else time.time()), _newest(registry, request) + 1)
        written = WrittenTag(
            name, target, request.action, request.artifact, version, request.stage, message, when
        )
        check_ref_name(written.name, "model", request.max_name_bytes, kind="tag")
        _push(session, written.name, _create(repo, written, request.tagger))
    return written


def registry_of(repo: pygit2.Repository) -> Registry:
    """The registry folded from a repository's annotated tags (what checks need)."""
    tags: list[TagFact] = []
    commits: dict[str, CommitFact] = {}
    for ref in repo.references:
        if not ref.startswith("refs/tags/") or not TAG_RE.match(ref[len("refs/tags/") :]):
            continue
        tag = repo.get(repo.references[ref].target)
        if not isinstance(tag, pygit2.Tag) or tag.tagger is None:
            continue
        target = repo.get(tag.target)
        if not isinstance(target, pygit2.Commit):
            continue
        who = tag.tagger
        tags.append(
            TagFact(
                tag.name,
                str(target.id),
                who.name,
                who.email,
                who.time,
                who.offset,
                tag.message or "",
            )
        )
        commits[str(target.id)] = CommitFact(
            str(target.id),
            target.author.name,
            target.author.email,
            target.committer.name,
            target.committer.email,
            target.commit_time,
            target.commit_time_offset,
            target.message,
        )
    return fold(tags, commits)


def allowed_stages(repo: pygit2.Repository) -> list[str] | None:
    """The `.gto` stage allow-list at HEAD, if any."""
    try:
        return gto_stages(tree_file(repo.head.peel(pygit2.Commit).tree, CONFIG))
    except Exception:  # no HEAD, or a `.gto` that does not parse: no allow-list (as gto)
        return None


def plan(
    repo: pygit2.Repository,
    registry: Registry,
    request: TagRequest,
    stages: list[str] | None,
) -> tuple[str, str, str | None, str]:
    """(tag name, target commit, version, message) for ``request``; DomainError when the
    request breaks a registry rule (the code says which kind). A model whose tags GTO
    refuses (sync.registry.RegistryError) is refused as a CONFLICT on ``model``: gto would
    fail on it too, and a tag planned from its half-folded state could be wrong."""
    name = request.artifact
    if not FULLNAME_RE.match(name):
        raise DomainError("INVALID", f"invalid model name {name!r}", "model")
    _check_stage(request.stage, stages)
    refused = registry.errors.get(name)
    if refused is not None:
        raise _refusal(refused)
    try:
        return _plan(repo, registry.artifact(name) or Artifact(name), request)
    except RegistryError as exc:  # met while planning: several versions at the rev
        raise _refusal(exc) from exc


def _refusal(error: RegistryError) -> DomainError:
    return DomainError("CONFLICT", str(error), "model")


def _check_stage(stage: str | None, stages: list[str] | None) -> None:
    if stage is not None:
        if not NAME_RE.match(stage):
            raise DomainError("INVALID", f"invalid stage name {stage!r}", "stage")
        if stages is not None and stage not in stages:
            raise DomainError(
                "INVALID", f"stage {stage!r} is not allowed by .gto ({', '.join(stages)})", "stage"
            )


def _plan(
    repo: pygit2.Repository, artifact: Artifact, request: TagRequest
) -> tuple[str, str, str | None, str]:
    name = artifact.name
    if request.action == REGISTER:
        return _register(repo, artifact, request)
    if request.action == DEPRECATE:
        return _deprecate(repo, artifact, request)
    version = _existing_version(artifact, request.version)
    if request.action == DEREGISTER:
        if not version.is_registered or not version.is_active:
            raise DomainError(
                "CONFLICT", f"{name} {version.version} is not registered now", "version"
            )
        message = request.message or f"Deregistering artifact {name} version {version.version}"
        tag = _name(repo, f"{name_to_tag(name)}@{version.version}!", name, simple=True)
        return tag, version.commit, version.version, message
    assert request.stage is not None
    holds = any(s.stage == request.stage for s in version.vstages())
    if request.action == ASSIGN:
        if holds:
            raise DomainError(
                "CONFLICT", f"{name} {version.version} is already in stage {request.stage}", "stage"
            )
        message = request.message or (
            f"Assigning stage {request.stage} to artifact {name} version {version.version}"
        )
        tag = _name(repo, f"{name_to_tag(name)}#{request.stage}", name, simple=False)
        return tag, version.commit, version.version, message
    if request.action == UNASSIGN:
        if not holds:
            raise DomainError(
                "CONFLICT",
                f"stage {request.stage} is not assigned to {name} {version.version}",
                "stage",
            )
        message = request.message or (
            f"Unassigning stage '{request.stage}' to artifact '{name}' version '{version.version}'"
        )
        tag = _name(repo, f"{name_to_tag(name)}#{request.stage}!", name, simple=False)
        return tag, version.commit, version.version, message
    raise DomainError("INVALID", f"unknown action {request.action!r}")


def _register(
    repo: pygit2.Repository, artifact: Artifact, request: TagRequest
) -> tuple[str, str, str | None, str]:
    name = artifact.name
    if request.version is not None and request.bump is not None:
        raise DomainError("INVALID", "give either a version or a bump, not both", "version")
    target = _resolve(repo, request.rev)
    at_commit = artifact.find_version(None, target)
    if at_commit is not None and at_commit.is_registered and at_commit.is_active:
        raise DomainError(
            "CONFLICT", f"{name} is already registered at this commit as {at_commit.version}", "rev"
        )
    version = request.version
    if version is not None:
        if not is_version(version):
            raise DomainError(
                "INVALID",
                f"version {version!r} is not 'v' + a semantic version (v1.2.3)",
                "version",
            )
        if at_commit is not None and at_commit.version != version:
            raise DomainError(
                "CONFLICT", f"this commit can only be registered as {at_commit.version}", "version"
            )
        if artifact.find_version(version, None) not in (None, at_commit):
            raise DomainError("DUPLICATE", f"{name} {version} is registered already", "version")
    elif at_commit is not None:
        version = at_commit.version
    else:
        latest = artifact.latest(registered_only=True)
        if latest is None:
            if request.bump is not None:
                raise DomainError("INVALID", "nothing to bump: this is the first version", "bump")
            version = "v0.0.1"
        else:
            version = _bump(latest.version, request.bump or "patch")
    message = request.message or f"Registering artifact {name} version {version}"
    tag = _name(repo, f"{name_to_tag(name)}@{version}", name, simple=True)
    return tag, target, version, message


def _deprecate(
    repo: pygit2.Repository, artifact: Artifact, request: TagRequest
) -> tuple[str, str, str | None, str]:
    name = artifact.name
    events = artifact.events()
    if not events:
        raise DomainError("NOT_FOUND", f"no registry tags name {name}", "model")
    if not artifact.is_active:
        raise DomainError("CONFLICT", f"{name} is deprecated already", "model")
    message = request.message or f"Deprecating artifact '{name}'"
    tag = _name(repo, f"{name_to_tag(name)}@deprecated", name, simple=True)
    return tag, events[0].commit, None, message


def _existing_version(artifact: Artifact, version: str | None) -> Version:
    if version is None:
        raise DomainError("INVALID", "give the version", "version")
    found = artifact.find_version(version, None) if artifact.versions else None
    if found is None:
        raise DomainError(
            "NOT_FOUND", f"{artifact.name} has no registered version {version}", "version"
        )
    return found


def _bump(version: str, part: str) -> str:
    if part not in BUMPS:
        raise DomainError("INVALID", f"bump must be one of {', '.join(BUMPS)}", "bump")
    parsed = semver.Version.parse(version[1:])
    bumped = {"major": parsed.bump_major, "minor": parsed.bump_minor, "patch": parsed.bump_patch}
    return f"v{bumped[part]()}"


def _name(repo: pygit2.Repository, simple_name: str, artifact: str, simple: bool) -> str:
    """GTO's tag name: the simple one when asked for and still free, else ``#N``."""
    if simple and f"refs/tags/{simple_name}" not in repo.references:
        return simple_name
    top = 0
    for ref in repo.references:
        if ref.startswith("refs/tags/"):
            match = TAG_RE.match(ref[len("refs/tags/") :])
            if match and match["artifact"] == name_to_tag(artifact) and match["counter"]:
                top = max(top, int(match["counter"]))
    return f"{simple_name}#{top + 1}"


def _resolve(repo: pygit2.Repository, rev: str | None) -> str:
    if not rev:
        raise DomainError("INVALID", "give the commit to register (rev)", "rev")
    try:
        commit = repo.revparse_single(rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError, pygit2.InvalidSpecError):
        raise DomainError("NOT_FOUND", f"no commit {rev!r} in the repository", "rev") from None
    return str(commit.id)


def _newest(registry: Registry, request: TagRequest) -> int:
    artifact = registry.artifact(request.artifact)
    if artifact is None:
        return 0
    times = [int(e.created_at.timestamp()) for e in artifact.events() if e.kind != "commit"]
    return max(times, default=0)


def _create(repo: pygit2.Repository, tag: WrittenTag, tagger: tuple[str, str]) -> pygit2.Oid:
    if f"refs/tags/{tag.name}" in repo.references:
        raise DomainError("CONFLICT", f"tag {tag.name} exists already; retry", "model")
    signature = pygit2.Signature(tagger[0], tagger[1], tag.time, 0)
    try:
        return repo.create_tag(
            tag.name, pygit2.Oid(hex=tag.target), ObjectType.COMMIT, signature, tag.message
        )
    except (pygit2.GitError, ValueError) as exc:  # created meanwhile by another writer
        raise DomainError("CONFLICT", f"tag {tag.name}: {exc}; retry", "model") from exc


def _push(session: WriteSession, name: str, oid: pygit2.Oid) -> None:
    ref = f"refs/tags/{name}"
    exists = DomainError("CONFLICT", f"tag {name} exists already; retry", "model")
    try:
        session.put(ref, str(oid), None, name, exists)  # the tag must not exist there
    except DomainError:
        if ref in session.repo.references:
            session.repo.references.delete(ref)  # nothing half-written
        raise
