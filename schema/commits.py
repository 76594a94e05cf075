"""Commits of a project, with their params and metrics and the experiments based on them."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers.commits import tag_names
from resolvers.context import Context
from resolvers.pagination import Page
from schema.experiments import Experiment, FileError, experiment_type
from schema.models import ModelVersion, model_versions_at
from schema.relay import Connection, Node, connection, to_global_id
from schema.scalars import JSON, Person, as_json, git_time
from storage.records import CommitRecord, ExperimentRecord


@strawberry.type(description="A commit reachable from a branch or a tag.")
class Commit(Node):
    record: strawberry.Private[CommitRecord]
    sha: str
    message: str

    @strawberry.field
    def short_sha(self) -> str:
        return self.record.sha[:7]

    @strawberry.field(description="First line of the message.")
    def title(self) -> str:
        return self.record.message.split("\n", 1)[0]

    @strawberry.field
    def parents(self) -> list[str]:
        return self.record.parents

    @strawberry.field
    def author(self) -> Person:
        return Person(name=self.record.author_name, email=self.record.author_email)

    @strawberry.field
    def committer(self) -> Person:
        return Person(name=self.record.committer_name, email=self.record.committer_email)

    @strawberry.field
    def authored_at(self) -> datetime:
        return git_time(self.record.authored_at, self.record.commit_offset)

    @strawberry.field
    def committed_at(self) -> datetime:
        return git_time(self.record.committed_at, self.record.commit_offset)

    @strawberry.field(description="Branches whose history contains this commit.")
    async def branches(self, info: Info[Context, None]) -> list[str]:
        return await info.context.loaders.branch_names.load(self.record.id) or []

    @strawberry.field(description="The tags pointing at this commit (GTO's among them), by name.")
    async def tags(self, info: Info[Context, None]) -> list[str]:
        return await tag_names(info.context, self.record.project_id, self.record.sha)

    async def _row(self, info: Info[Context, None]) -> ExperimentRecord | None:
        return await info.context.loaders.commit_row.load((self.record.project_id, self.record.sha))

    @strawberry.field(description="Registered model versions whose tag points at this commit.")
    async def model_versions(self, info: Info[Context, None]) -> list[ModelVersion]:
        return await model_versions_at(info, self.record.project_id, self.record.sha)

    @strawberry.field(description="The experiments-table row of this commit.")
    async def row(self, info: Info[Context, None]) -> Experiment | None:
        row = await self._row(info)
        return experiment_type(row) if row else None

    @strawberry.field(description="{file: {...}}: params at this commit, as DVC shows them.")
    async def params(self, info: Info[Context, None]) -> JSON:
        row = await self._row(info)
        return as_json(row.document("params") if row else {})

    @strawberry.field(description="{file: {...}}: metrics at this commit, as DVC shows them.")
    async def metrics(self, info: Info[Context, None]) -> JSON:
        row = await self._row(info)
        return as_json(row.document("metrics") if row else {})

    @strawberry.field(description="Files of this commit that could not be read.")
    async def errors(self, info: Info[Context, None]) -> list[FileError]:
        row = await self._row(info)
        return [FileError(**e) for e in row.document("errors")] if row else []

    @strawberry.field(description="Experiments (refs and live runs) whose baseline is this commit.")
    async def experiments(self, info: Info[Context, None]) -> list[Experiment]:
        rows = await info.context.loaders.experiments_of.load(
            (self.record.project_id, self.record.sha)
        )
        return [experiment_type(r) for r in rows or []]


def commit_type(record: CommitRecord) -> Commit:
    return Commit(
        id=strawberry.ID(to_global_id("Commit", record.id)),
        record=record,
        sha=record.sha,
        message=record.message,
    )


def commit_connection(page: Page[CommitRecord]) -> Connection[Commit]:
    return connection(page, commit_type)
