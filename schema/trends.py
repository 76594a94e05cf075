"""Trends along a branch (``Project.trends``) and column goals: which way a column is
better (``setColumnGoal``, ``Project.columnGoals``), which ``compare`` marks values by."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import trends as resolve
from resolvers.context import Context
from resolvers.trends import TrendPoint as TrendPointRecord
from schema.errors import UserError, user_error
from schema.permissions import ADMINISTER, guard, on_project, project_at
from schema.relay import decode_id
from schema.scalars import JSON, git_time
from storage.errors import DomainError


@strawberry.enum(description="Which values of a column are better.")
class ColumnGoal(Enum):
    HIGHER = "HIGHER"
    LOWER = "LOWER"


@strawberry.type(description="The goal set for one column of a project.")
class ColumnGoalEntry:
    column: str = strawberry.field(description="'param:FILE:PATH' or 'metric:FILE:PATH'.")
    goal: ColumnGoal | None = strawberry.field(description="null: cleared.")


def goal_entries(goals: dict[str, str]) -> list[ColumnGoalEntry]:
    return [ColumnGoalEntry(column=c, goal=ColumnGoal(g)) for c, g in goals.items()]


@strawberry.type(description="One commit of a branch's first-parent line and its values.")
class TrendPoint:
    point: strawberry.Private[TrendPointRecord]
    sha: str
    values: list[JSON | None] = strawberry.field(
        description="The values of the columns asked, in their order; null where the commit"
        " has none."
    )

    @strawberry.field
    def committed_at(self) -> datetime:
        row = self.point.row
        return git_time(row.committed_at, row.commit_offset)

    @strawberry.field(description="The first line of the commit message.")
    def message(self) -> str:
        return self.point.row.message.split("\n", 1)[0]


def trend_point(point: TrendPointRecord) -> TrendPoint:
    return TrendPoint(point=point, sha=point.row.sha, values=point.values)


@strawberry.input
class SetColumnGoalInput:
    project_id: strawberry.ID
    column: str = strawberry.field(description="'param:FILE:PATH' or 'metric:FILE:PATH'.")
    goal: ColumnGoal | None = strawberry.field(default=None, description="null clears it.")
    client_mutation_id: str | None = None


@strawberry.type
class SetColumnGoalPayload:
    column_goal: ColumnGoalEntry | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
    client_mutation_id: str | None = None


@strawberry.type
class TrendMutation:
    @strawberry.mutation(
        description="Set which values of a column are better (goal null clears it); at most"
        " GITSTUDIO_MAX_COLUMNS goals per project. A column id that is not one is INVALID.",
        extensions=guard(on_project(ADMINISTER, project_at("input", "project_id"))),
    )
    async def set_column_goal(
        self, info: Info[Context, None], input: SetColumnGoalInput
    ) -> SetColumnGoalPayload:
        client_id = input.client_mutation_id
        goal = input.goal.value if input.goal is not None else None
        try:
            project_id = decode_id(input.project_id, "Project")
            await resolve.set_column_goal(project_id, input.column, goal)
        except DomainError as exc:
            return SetColumnGoalPayload(errors=[user_error(exc)], client_mutation_id=client_id)
        entry = ColumnGoalEntry(column=input.column, goal=input.goal)
        return SetColumnGoalPayload(column_goal=entry, client_mutation_id=client_id)
