"""Running experiments from the API: edited params committed to the project's repository,
optionally with a pull request; every write idempotent under its clientMutationId."""

from __future__ import annotations

import contextlib
from dataclasses import asdict, dataclass, replace

from resolvers import pull_requests as prs
from resolvers.context import Context
from resolvers.permissions import caller
from resolvers.replay import Result, once
from storage import queries
from storage.errors import DomainError
from storage.models import Project, PullRequest
from storage.records import CommitRecord
from sync.git_writer import BranchRequest, CommitRequest
from sync.write_policy import check_pull_text, check_ref_name, check_run_input


@dataclass(frozen=True, slots=True)
class PullRequestText:
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Written:
    commit: CommitRecord
    branch: str
    pull_request: PullRequest | None


async def run_experiment(
    ctx: Context,
    project_id: int,
    request: CommitRequest,
    pull: PullRequestText | None,
    client_id: str | None,
) -> Written:
    """Commit the params changes (PROJECTS scope), and open a pull request from the new
    branch into the base's branch when ``pull`` is given."""
    check_run_input(
        ctx.syncer.write_limits,
        request.base_rev,
        request.changes,
        request.message,
        request.branch,
        pull.title if pull else None,
        pull.body if pull else None,
    )
    project = await prs.get_project(project_id)
    asked = {"project": project_id, "request": asdict(request), "pull": pull and asdict(pull)}
    return await write_commit(ctx, project, request, pull, "runExperiment", client_id, asked)


async def write_commit(
    ctx: Context,
    project: Project,
    request: CommitRequest,
    pull: PullRequestText | None,
    mutation: str,
    client_id: str | None,
    asked: dict[str, object],
) -> Written:
    """The commit of ``request`` on ``project`` (onto its base branch, or a new branch), with
    a pull request from the new branch into the base's branch when ``pull`` is given; once
    per ``clientMutationId`` of ``mutation`` (``asked``: what the request asks, for replay).
    Inputs are checked by the caller."""
    principal = caller(ctx)

    async def run() -> Result:
        to = await prs.destination(ctx, project, request.base_rev) if pull else None
        written = await ctx.syncer.write_commit(
            project, replace(request, author=ctx.author, subdir=project.subdir)
        )
        pr_id = None
        if pull is not None and to is not None:
            opening = prs.Opening(written.branch, written.sha, pull.title, pull.body)
            pr_id = (await prs.open_pull_request(ctx, project, to, opening)).id
        return {"sha": written.sha, "branch": written.branch, "pullRequest": pr_id}

    return await _written(ctx, project.id, await once(principal, mutation, client_id, asked, run))


async def branch_from_experiment(
    ctx: Context,
    experiment_id: int,
    branch: str,
    pull: PullRequestText | None,
    client_id: str | None,
) -> Written:
    """A new branch at an experiment's commit (PROJECTS scope), and a pull request from it
    into the project's default branch when ``pull`` is given."""
    principal = caller(ctx)
    limits = ctx.syncer.write_limits
    check_ref_name(branch, "branch", limits.max_ref_name_bytes)
    if pull is not None:
        check_pull_text(limits, pull.title, pull.body)
    row = await ctx.loaders.experiment.load(experiment_id)
    if row is None:
        raise DomainError("NOT_FOUND", f"no experiment {experiment_id}", "experimentId")
    sha = row.sha or row.experiment_rev
    if not sha:
        raise DomainError(
            "NOT_FOUND", "this run has no commit yet: push the experiment first", "experimentId"
        )
    project = await prs.get_project(row.project_id)

    async def run() -> Result:
        to = await prs.destination(ctx, project, None) if pull else None
        written = await ctx.syncer.write_branch(project, BranchRequest(sha, branch))
        pr_id = None
        if pull is not None and to is not None:
            opening = prs.Opening(branch, sha, pull.title, pull.body)
            pr_id = (await prs.open_pull_request(ctx, project, to, opening)).id
        return {"sha": sha, "branch": written.branch, "pullRequest": pr_id}

    asked = {"experiment": experiment_id, "branch": branch, "pull": pull and asdict(pull)}
    result = await once(principal, "createBranchFromExperiment", client_id, asked, run)
    return await _written(ctx, row.project_id, result)


async def _written(ctx: Context, project_id: int, result: Result) -> Written:
    sha = str(result["sha"])
    found = await _indexed(project_id, sha)
    if found is None:  # the sync after the write failed: one more, fetching this time
        with contextlib.suppress(DomainError):
            await ctx.scheduler.sync_now(await prs.get_project(project_id))
        found = await _indexed(project_id, sha)
    if found is None:
        raise DomainError(
            "INTERNAL",
            f"commit {sha} was pushed to {result['branch']} but is not indexed yet;"
            " it appears after the next sync, and a retry with this clientMutationId"
            " answers without writing again",
        )
    pr = await PullRequest.get_or_none(id=result["pullRequest"]) if result["pullRequest"] else None
    return Written(found, str(result["branch"]), pr)


async def _indexed(project_id: int, sha: str) -> CommitRecord | None:
    return (await queries.commits_by_sha([(project_id, sha)])).get((project_id, sha))
