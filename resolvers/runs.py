"""Running experiments from the API: edited params committed to the project's repository."""

from __future__ import annotations

from dataclasses import replace

from resolvers.context import Context
from resolvers.permissions import require
from storage import queries
from storage.errors import DomainError
from storage.models import Project
from storage.records import CommitRecord
from storage.tokens import Scope
from sync.git_writer import BranchRequest, CommitRequest


async def run_experiment(
    ctx: Context, project_id: int, request: CommitRequest
) -> tuple[CommitRecord, str]:
    """Commit the params changes (PROJECTS scope); the indexed commit and its branch."""
    require(ctx, Scope.PROJECTS)
    project = await Project.get_or_none(id=project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project {project_id}", "projectId")
    request = replace(request, author=ctx.syncer.author, subdir=project.subdir)
    written, _report = await ctx.syncer.write_commit(project, request)
    found = (await queries.commits_by_sha([(project_id, written.sha)])).get(
        (project_id, written.sha)
    )
    if found is None:  # indexed by the sync that followed the write
        raise DomainError("INTERNAL", f"commit {written.sha} was written but not indexed")
    return found, written.branch


async def branch_from_experiment(
    ctx: Context, experiment_id: int, branch: str
) -> tuple[CommitRecord, str]:
    """A new branch at an experiment's commit (PROJECTS scope)."""
    require(ctx, Scope.PROJECTS)
    row = await ctx.loaders.experiment.load(experiment_id)
    if row is None:
        raise DomainError("NOT_FOUND", f"no experiment {experiment_id}", "experimentId")
    sha = row.sha or row.experiment_rev
    if not sha:
        raise DomainError(
            "NOT_FOUND", "this run has no commit yet: push the experiment first", "experimentId"
        )
    project = await Project.get_or_none(id=row.project_id)
    if project is None:
        raise DomainError("NOT_FOUND", f"no project {row.project_id}", "experimentId")
    written, _report = await ctx.syncer.write_branch(project, BranchRequest(sha, branch))
    found = (await queries.commits_by_sha([(row.project_id, sha)])).get((row.project_id, sha))
    if found is None:
        raise DomainError("INTERNAL", f"branch {branch} was written but {sha} is not indexed")
    return found, written.branch
