"""The GraphQL schema, assembled from each domain's Query and Mutation classes."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from strawberry.extensions import (
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig

from schema.commits import Commit
from schema.experiments import Experiment
from schema.projects import Project, ProjectMutation, ProjectQuery
from schema.tokens import TokenMutation


@strawberry.type
class Query(ProjectQuery):
    pass


@strawberry.type
class Mutation(ProjectMutation, TokenMutation):
    pass


def build_schema(
    max_depth: int = 12, max_aliases: int = 30, max_tokens: int = 2000
) -> strawberry.Schema:
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: QueryDepthLimiter(max_depth=max_depth),
        lambda: MaxAliasesLimiter(max_alias_count=max_aliases),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[Project, Commit, Experiment],
        extensions=extensions,
        config=StrawberryConfig(auto_camel_case=True),
    )


schema = build_schema()
