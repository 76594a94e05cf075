"""The GraphQL schema, assembled from each domain's Query and Mutation classes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import strawberry
from graphql import ASTValidationRule, ValidationContext
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.name_converter import NameConverter

from resolvers.pagination import DEFAULT_PAGE
from schema.audit import AuditQuery
from schema.commits import Commit
from schema.cost import Pages, cost_rule
from schema.deletions import DeleteExperimentMutation
from schema.documents import DocumentCache
from schema.experiments import Experiment
from schema.hidden import HiddenRowsMutation
from schema.models import ModelMutation
from schema.outgoing import WebhookMutation
from schema.permissions import audit_mutations
from schema.plan_calls import Calls
from schema.projects import Project, ProjectMutation, ProjectQuery
from schema.pull_requests import PullRequest, PullRequestMutation
from schema.remotes import RemoteMutation
from schema.runs import RunMutation
from schema.scalars import JSON, bounded_json
from schema.subscriptions import Subscription
from schema.teams import TeamMutation, TeamQuery
from schema.tokens import TokenMutation
from schema.trends import TrendMutation
from schema.unmatched import UnmatchedQuery
from schema.users import UserQuery
from schema.views import ViewMutation


@strawberry.type
class Query(ProjectQuery, UnmatchedQuery, UserQuery, TeamQuery, AuditQuery):
    pass


@strawberry.type
class Mutation(
    ProjectMutation,
    ModelMutation,
    RunMutation,
    PullRequestMutation,
    TokenMutation,
    TeamMutation,
    TrendMutation,
    HiddenRowsMutation,
    DeleteExperimentMutation,
    ViewMutation,
    WebhookMutation,
    RemoteMutation,
):
    pass


def limit_rules(
    max_depth: int, max_aliases: int, max_cost: int, pages: Pages
) -> list[type[ASTValidationRule]]:
    """Depth, alias and cost limits as validation rules, built once (rules built per request
    would defeat every validation cache, whose key includes the rule classes)."""
    return [
        *map(_unknown_fragments_tolerated, QueryDepthLimiter(max_depth=max_depth).validation_rules),
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
        cost_rule(max_cost, pages),
    ]


def _unknown_fragments_tolerated(rule: type[ASTValidationRule]) -> type[ASTValidationRule]:
    """strawberry's depth rule measures the document when it is built and raises KeyError
    on a spread of an unknown fragment; graphql-core's KnownFragmentNamesRule reports that
    document as invalid, so the depth rule has nothing to add."""

    class Tolerant(rule):  # type: ignore[valid-type, misc]
        def __init__(self, context: ValidationContext) -> None:
            try:
                super().__init__(context)
            except KeyError:
                ASTValidationRule.__init__(self, context)

    return Tolerant


class CachedNameConverter(NameConverter):
    """strawberry converts argument names to camelCase on every resolver call; the answer
    for a name never changes, so remember it."""

    def __init__(self) -> None:
        super().__init__(auto_camel_case=True)
        self._names: dict[str, str] = {}

    def apply_naming_config(self, name: str) -> str:
        converted = self._names.get(name)
        if converted is None:
            converted = self._names[name] = super().apply_naming_config(name)
        return converted


class Schema(strawberry.Schema):
    """strawberry's schema plus the validated-documents cache of our own transports."""

    documents: DocumentCache


def build_schema(
    max_depth: int = 12,
    max_aliases: int = 30,
    max_tokens: int = 2000,
    max_cost: int = 100_000,
    max_page_size: int = 500,
    max_json_depth: int = 32,
    max_columns: int = 500,
    experiments_per_commit: int = 20,
    views_per_project: int = 200,
) -> Schema:
    default_page = min(DEFAULT_PAGE, max_page_size)
    pages = Pages(
        default_page, max_page_size, max_columns, experiments_per_commit, views_per_project
    )
    rules: Sequence[type[ASTValidationRule]] = limit_rules(max_depth, max_aliases, max_cost, pages)
    extensions: list[Callable[[], SchemaExtension]] = [
        lambda: AddValidationRules(list(rules)),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
    ]
    built = Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Project, Commit, Experiment, PullRequest],
        extensions=extensions,
        config=StrawberryConfig(name_converter=CachedNameConverter()),
        scalar_overrides={JSON: bounded_json(max_json_depth)},
    )
    audit_mutations(built._schema)
    built.documents = DocumentCache(
        built._schema, rules, max_tokens, calls=Calls(built), max_cost=max_cost, pages=pages
    )
    return built


schema = build_schema()
