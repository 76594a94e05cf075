"""Pull requests: opened on the project's forge (GitHub, GitHub Enterprise, Gitea, GitLab),
or, for a remote with no forge, kept by gitstudio itself and merged by it (plain-Git mode).

A pull request always follows a branch gitstudio has just pushed. When the forge refuses to
open it (bad token, no such repository, ...) the branch is removed again, so a failed call
leaves nothing behind and can simply be retried.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import orjson

from resolvers.context import Context
from resolvers.permissions import require
from storage.errors import DomainError
from storage.events import project_channel, project_event
from storage.models import Project, PullRequest
from storage.records import ExperimentRecord
from storage.tokens import Scope
from sync.forges import ForgeError, default_api_url, forge_for, repository_from_url
from sync.git_writer import BranchRequest, Mergeability, MergeRequest
from sync.pull_requests import CLOSED, MERGED, OPEN, forge_config
from sync.pull_requests import merge_state as merge_state_now


@dataclass(frozen=True, slots=True)
class Opening:
    source: str  # the branch just pushed
    sha: str  # its tip, to undo the branch if the pull request cannot be opened
    target: str
    target_sha: str | None
    title: str
    body: str


async def open_pull_request(ctx: Context, project: Project, opening: Opening) -> PullRequest:
    """Record (plain Git) or open (forge) a pull request for a branch gitstudio pushed."""
    config = forge_config(project, ctx.syncer.sealer)
    fields = {
        "project_id": project.id,
        "source_branch": opening.source,
        "target_branch": opening.target,
        "title": opening.title,
        "body": opening.body,
        "source_sha": opening.sha,
        "target_sha": opening.target_sha,
        "created_by": ctx.principal.name if ctx.principal else "",
        "created_at": time.time(),
    }
    if config is not None:
        forge = forge_for(config)
        try:
            try:
                opened = await forge.open_pull_request(
                    opening.source, opening.target, opening.title, opening.body
                )
            except ForgeError as exc:
                # A lost answer may hide a pull request that was opened: look before undoing.
                found = None
                if exc.code in ("UNREACHABLE", "DUPLICATE"):
                    found = await forge.find_open_pull_request(opening.source, opening.target)
                if found is None:
                    raise
                opened = found
        except ForgeError as exc:
            await ctx.syncer.undo_branch(project, BranchRequest(opening.sha, opening.source))
            raise DomainError(
                exc.code,
                f"{config.kind} did not open the pull request: {exc.message}"
                f" (branch {opening.source} was removed again)",
            ) from exc
        fields |= {
            "forge": config.kind,
            "external_number": opened.number,
            "url": opened.url,
            "state": opened.state,
        }
    pr = await _numbered(fields)
    detail = {"pullRequest": pr.number, "source": pr.source_branch, "target": pr.target_branch}
    await ctx.bus.publish(
        project_channel(project.id), project_event(project.id, "PULL_REQUEST_OPENED", detail)
    )
    return pr


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
        except Exception:  # IntegrityError on (project, number): take the next one
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
    require(ctx, Scope.ADMIN)
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
        if not config["api_url"].startswith(("https://", "http://")):
            raise DomainError("INVALID", "apiUrl must be an http(s) URL", "apiUrl")
        if not config["repository"]:
            raise DomainError("INVALID", "cannot tell the repository from its URL", "repository")
        project.forge = orjson.dumps(config).decode()
        if token is not None:
            sealed = ctx.syncer.sealer.seal(token) if token else None
            project.update_from_dict({"forge_token": sealed})
    await project.save(update_fields=["forge", "forge_token"])
    return project


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
    require(ctx, Scope.PROJECTS)
    pr = await pull_request(ctx, pr_id)
    _plain(pr)
    project = await get_project(pr.project_id)
    request = MergeRequest(
        pr.source_branch,
        pr.target_branch,
        method,
        f"Merge pull request #{pr.number} from {pr.source_branch}\n\n{pr.title}",
        ctx.syncer.author,
    )
    written, _report = await ctx.syncer.write_merge(project, request)
    source = await merge_state(ctx, pr)  # after the merge: source still at what was merged
    pr.state, pr.merged_at, pr.merge_sha = MERGED, time.time(), written.sha
    pr.target_sha = written.parent
    if source is not None:
        pr.source_sha = source.source_sha
    await pr.save(update_fields=["state", "merged_at", "merge_sha", "target_sha", "source_sha"])
    detail = {"pullRequest": pr.number, "state": MERGED, "sha": written.sha}
    await ctx.bus.publish(
        project_channel(project.id), project_event(project.id, "PULL_REQUEST_MERGED", detail)
    )
    return pr


async def close(ctx: Context, pr_id: int) -> PullRequest:
    """Close a plain-Git pull request without merging (PROJECTS scope); branches stay."""
    require(ctx, Scope.PROJECTS)
    pr = await pull_request(ctx, pr_id)
    _plain(pr)
    now = await merge_state(ctx, pr)
    if now is not None:  # keep the heads it compared when it was closed
        pr.source_sha, pr.target_sha = now.source_sha, now.target_sha
    pr.state = CLOSED
    await pr.save(update_fields=["state", "source_sha", "target_sha"])
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
