"""Pull requests: opened on the project's forge (GitHub, GitHub Enterprise, Gitea, GitLab),
or, for a remote with no forge, kept by gitstudio itself and merged by it (plain-Git mode).

A pull request always follows a branch gitstudio has just pushed. Its destination (target
branch, forge) is settled before the push; when the forge then refuses to open it (bad
token, no such repository, ...) or anything else fails, the branch is removed again, so a
failed call leaves nothing behind and can simply be retried.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

import orjson
from tortoise.exceptions import IntegrityError

from resolvers.context import Context
from storage import deliveries
from storage.errors import DomainError, check_text
from storage.events import project_channel, project_event
from storage.models import Project, PullRequest
from storage.records import ExperimentRecord
from sync.forges import (
    DUPLICATE,
    UNREACHABLE,
    CheckHost,
    Forge,
    ForgeError,
    ForgePullRequest,
    default_api_url,
    forge_for,
    repository_from_url,
    secure_api_url,
)
from sync.git_writer import BranchRequest, Mergeability, MergeRequest
from sync.pull_requests import CLOSED, MERGED, OPEN, announced, forge_config, settle
from sync.pull_requests import merge_state as merge_state_now
from sync.repo_policy import RepoPolicy

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Destination:
    """Where a pull request will go, settled before anything is written: a missing target
    branch or an unreadable forge setting fails the call while there is nothing to undo."""

    target: str
    target_sha: str
    forge: Forge | None  # None: plain Git, gitstudio records the pull request itself


@dataclass(frozen=True, slots=True)
class Opening:
    source: str  # the branch just pushed
    sha: str  # its tip, to undo the branch if the pull request cannot be opened
    title: str
    body: str


async def destination(ctx: Context, project: Project, base_rev: str | None) -> Destination:
    """The target branch (the base's branch when ``base_rev`` names one, else the project's
    default) with its tip, and the project's forge."""
    target, tip = await base_branch(ctx, project, base_rev, "to open the pull request against")
    config = forge_config(project, ctx.syncer.sealer)
    if config is None:
        return Destination(target, tip, None)
    try:
        return Destination(target, tip, forge_for(config, check=_host_check(ctx)))
    except ForgeError as exc:
        raise DomainError(exc.code, f"the project's forge setting: {exc.message}") from exc


async def open_pull_request(
    ctx: Context, project: Project, to: Destination, opening: Opening
) -> PullRequest:
    """Record (plain Git) or open (forge) a pull request for a branch gitstudio has just
    pushed. Any failure before the forge holds the pull request removes the branch again,
    so the call leaves nothing behind and can simply be retried."""
    fields = {
        "project_id": project.id,
        "source_branch": opening.source,
        "target_branch": to.target,
        "title": opening.title,
        "body": opening.body,
        "source_sha": opening.sha,
        "target_sha": to.target_sha,
        "created_by": ctx.principal.name if ctx.principal else "",
        "created_at": time.time(),
    }
    kind = to.forge.config.kind if to.forge is not None else None
    undo: BranchRequest | None = BranchRequest(opening.sha, opening.source)
    try:
        if to.forge is not None:
            opened = await _opened_on_forge(to.forge, to.target, opening)
            undo = None  # the forge holds it now: the branch is its head, keep it
            fields |= {
                "forge": kind,
                "external_number": opened.number,
                "url": opened.url,
                "state": opened.state,
            }
        pr = await _numbered(fields)
    except BaseException as exc:
        undone = f"branch {opening.source} was removed again"
        if undo is not None:  # shielded: a cancelled request still leaves nothing behind
            try:
                await asyncio.shield(ctx.syncer.undo_branch(project, undo))
            except DomainError as failed:
                undone = f"branch {opening.source} stays: {failed.message}"
                log.error("could not remove %s of %s: %s", undo.branch, project.name, failed)
        if isinstance(exc, ForgeError):
            raise DomainError(
                exc.code, f"{kind} did not open the pull request: {exc.message} ({undone})"
            ) from exc
        raise
    await deliveries.enqueue(project.id, deliveries.PULL_REQUEST_OPENED, *announced(pr))
    detail = {"pullRequest": pr.number, "source": pr.source_branch, "target": pr.target_branch}
    await ctx.bus.publish(
        project_channel(project.id), project_event(project.id, "PULL_REQUEST_OPENED", detail)
    )
    return pr


async def _opened_on_forge(forge: Forge, target: str, opening: Opening) -> ForgePullRequest:
    try:
        return await forge.open_pull_request(opening.source, target, opening.title, opening.body)
    except ForgeError as exc:
        # A lost answer may hide a pull request that was opened: look before undoing.
        if exc.code in (UNREACHABLE, DUPLICATE):
            found = await forge.find_open_pull_request(opening.source, target)
            if found is not None:
                return found
        raise


async def _numbered(fields: dict[str, Any]) -> PullRequest:
    """Insert with the project's next number; two writers racing retry on the unique key."""
    for _ in range(20):
        last = (
            await PullRequest.filter(project_id=fields["project_id"])
            .order_by("-number")
            .first()
            .values_list("number", flat=True)
        )
        number = int(str(last)) + 1 if last is not None else 1
        try:
            return await PullRequest.create(number=number, **fields)
        except IntegrityError:  # (project, number) taken by a racing writer: the next one
            await asyncio.sleep(0.01)
    raise DomainError("CONFLICT", "could not number the pull request; retry")


async def configure_forge(
    ctx: Context,
    project_id: int,
    kind: str | None,
    api_url: str | None,
    repository: str | None,
    token: str | None,
) -> Project:
    """Where the project's pull requests go (ADMIN scope): a forge, or plain Git (kind
    None). Unset parts are derived from the repository URL; the token is sealed."""
    limit = (ctx.syncer.policy or RepoPolicy()).max_url_bytes
    _check_forge_texts(limit, apiUrl=api_url, repository=repository, token=token)
    project = await get_project(project_id)
    if kind is None:
        project.update_from_dict({"forge": None, "forge_token": None})
    else:
        if ctx.syncer.sealer is None:
            raise DomainError("INVALID", "this server has no secret key to keep forge tokens")
        config = {
            "kind": kind,
            "api_url": (api_url or default_api_url(kind, project.repo_url)).rstrip("/"),
            "repository": repository or repository_from_url(project.repo_url),
        }
        _check_api_url(config["api_url"])
        await _check_api_host(ctx, config["api_url"])
        if not config["repository"]:
            raise DomainError("INVALID", "cannot tell the repository from its URL", "repository")
        before = orjson.loads(project.forge) if project.forge else {}
        moved = (before.get("kind"), before.get("api_url")) != (kind, config["api_url"])
        project.forge = orjson.dumps(config).decode()
        if token is not None:
            sealed = ctx.syncer.sealer.seal(token) if token else None
            project.update_from_dict({"forge_token": sealed})
        elif moved:  # a token is only ever sent to the API it was given for
            project.update_from_dict({"forge_token": None})
    await project.save(update_fields=["forge", "forge_token"])
    return project


def _check_forge_texts(limit: int, **texts: str | None) -> None:
    """At most as long as a repository URL may be (GITSTUDIO_MAX_REPO_URL_BYTES), and no
    control characters: they end up in URLs and request headers, and stored in the database
    (PostgreSQL refuses NUL)."""
    for field, value in texts.items():
        if value is not None:
            check_text(value, field, limit)


def _check_api_url(url: str) -> None:
    if not secure_api_url(url):
        raise DomainError(
            "INVALID", "apiUrl must be an https URL (http only to localhost)", "apiUrl"
        )


def _host_check(ctx: Context) -> CheckHost | None:
    """The host policy every forge request passes (GITSTUDIO_ALLOWED_GIT_HOSTS)."""
    return ctx.syncer.policy.check_host if ctx.syncer.policy is not None else None


async def _check_api_host(ctx: Context, url: str) -> None:
    """A forge API on a host the policy refuses is refused when configured. A name that
    does not resolve now is accepted: nothing is contacted yet, and every request checks
    again (sync.forges.Forge)."""
    check = _host_check(ctx)
    if check is None:
        return
    try:
        await asyncio.to_thread(check, url)
    except DomainError as exc:
        if exc.code != UNREACHABLE:
            raise DomainError(exc.code, exc.message, "apiUrl") from None


async def base_branch(
    ctx: Context, project: Project, base_rev: str | None, purpose: str = "to write on"
) -> tuple[str, str]:
    """The branch a write starts from and its indexed tip: ``base_rev`` when it names a
    branch, else the project's default branch (``main``, ``master`` when it has none)."""
    tips = {b.name: b.sha for b in await ctx.loaders.branches.load(project.id) or []}
    target = next(
        (n for n in (base_rev, project.default_branch, "main", "master") if n in tips), None
    )
    if target is None:
        raise DomainError("NOT_FOUND", f"no branch {purpose}", "baseRev")
    return target, tips[target]


async def get_project(project_id: int) -> Project:
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project {project_id}", "projectId")
    return project


async def pull_requests(project_id: int, state: str | None) -> list[PullRequest]:
    query = PullRequest.filter(project_id=project_id)
    if state is not None:
        query = query.filter(state=state)
    return await query.order_by("-number")


async def pull_request(ctx: Context, pr_id: int) -> PullRequest:
    pr = await PullRequest.get_or_none(id=pr_id)
    if pr is None:
        raise DomainError("NOT_FOUND", f"no pull request {pr_id}", "pullRequestId")
    return pr


def _plain(pr: PullRequest) -> None:
    if pr.forge is not None:
        raise DomainError(
            "INVALID", f"pull request #{pr.number} lives on {pr.forge}: {pr.url}", "pullRequestId"
        )
    if pr.state != OPEN:
        raise DomainError("INVALID", f"pull request #{pr.number} is {pr.state}", "pullRequestId")


async def merge(ctx: Context, pr_id: int, method: str) -> PullRequest:
    """Merge a plain-Git pull request into its target (PROJECTS scope)."""
    pr = await pull_request(ctx, pr_id)
    _plain(pr)
    project = await get_project(pr.project_id)
    request = MergeRequest(
        pr.source_branch,
        pr.target_branch,
        method,
        f"Merge pull request #{pr.number} from {pr.source_branch}\n\n{pr.title}",
        ctx.author,
    )
    written = await ctx.syncer.write_merge(project, request)
    source = await merge_state(ctx, pr)  # after the merge: source still at what was merged
    fields = {"state": MERGED, "merged_at": time.time(), "merge_sha": written.sha}
    fields |= {"target_sha": written.parent}
    if source is not None:
        fields["source_sha"] = source.source_sha
    if not await settle(pr, fields):
        await pr.refresh_from_db()
        if pr.state == MERGED:  # a sync saw the merge first and announced it
            return pr
        # Closed while the merge was being pushed: the merge happened, Git is the truth.
        await PullRequest.filter(id=pr.id, state=CLOSED).update(**fields)
    pr.update_from_dict(fields)
    detail = {"pullRequest": pr.number, "state": MERGED, "sha": written.sha}
    await ctx.bus.publish(
        project_channel(project.id), project_event(project.id, "PULL_REQUEST_MERGED", detail)
    )
    return pr


async def close(ctx: Context, pr_id: int) -> PullRequest:
    """Close a plain-Git pull request without merging (PROJECTS scope); branches stay."""
    pr = await pull_request(ctx, pr_id)
    _plain(pr)
    now = await merge_state(ctx, pr)
    fields: dict[str, Any] = {"state": CLOSED}
    if now is not None:  # keep the heads it compared when it was closed
        fields |= {"source_sha": now.source_sha, "target_sha": now.target_sha}
    if not await settle(pr, fields):
        await pr.refresh_from_db()
        raise DomainError("CONFLICT", f"pull request #{pr.number} is {pr.state} already")
    pr.update_from_dict(fields)
    detail = {"pullRequest": pr.number, "state": CLOSED, "sha": None}
    await ctx.bus.publish(
        project_channel(pr.project_id), project_event(pr.project_id, "PULL_REQUEST_CLOSED", detail)
    )
    return pr


async def merge_state(ctx: Context, pr: PullRequest) -> Mergeability | None:
    """Whether an open pull request merges cleanly now (None once it is not open, or when a
    branch is gone)."""
    if pr.state != OPEN:
        return None
    return await asyncio.to_thread(merge_state_now, ctx.syncer.mirror_path(pr.project_id), pr)


async def heads(
    ctx: Context, pr: PullRequest, state: Mergeability | None
) -> tuple[ExperimentRecord | None, ExperimentRecord | None]:
    """The params and metrics rows of the target's and the source's heads: now for an open
    pull request, as merged or closed otherwise."""
    target, source = (
        (state.target_sha, state.source_sha) if state else (pr.target_sha, pr.source_sha)
    )
    target_row = await ctx.loaders.commit_row.load((pr.project_id, target)) if target else None
    return target_row, await ctx.loaders.commit_row.load((pr.project_id, source))
