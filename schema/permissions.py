"""What every root field, mutation and subscription needs, declared next to it.

Each root field carries exactly one :class:`Guard` among its extensions, built by one of
the rules below; tests/test_permissions.py walks the schema and fails on a root field
without one. The guard runs before the resolver (schema/plan_calls.py calls it on its fast
path too), so resolvers hold no permission checks of their own:

- :func:`anyone`: no credentials needed (``projects``, ``project``, ``node``): what the
  caller may see is decided row by row with storage.access (``Context.viewer``).
- :func:`signed_in`: a token holding a scope (UNAUTHENTICATED, FORBIDDEN).
- :func:`site_admin`: a site admin's token with the ADMIN scope.
- :func:`on_project`: a token holding ``need.scope`` whose user has at least ``need.role``
  on the project the arguments name (storage.access.allows). A project the caller may not
  read is NOT_FOUND, exactly as one that does not exist, so ids are not revealed; one it
  reads but may not change is FORBIDDEN. A mutation returns NOT_FOUND as a typed error in
  its payload, as it returns its own errors; a query or subscription as a GraphQL error.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from strawberry.extensions.field_extension import AsyncExtensionResolver, FieldExtension
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from resolvers.context import Context
from resolvers.errors import ApiError
from resolvers.permissions import require
from schema.errors import user_error
from schema.relay import decode_id
from storage.access import ADMINISTER as ADMINISTER
from storage.access import CONFIGURE as CONFIGURE
from storage.access import LIVE as LIVE
from storage.access import READ, Need, allows, role_on
from storage.access import REGISTRY as REGISTRY
from storage.access import RUN as RUN
from storage.access import SYNC as SYNC
from storage.errors import DomainError
from storage.records import ProjectRecord
from storage.roles import Role
from storage.tokens import Principal, Scope

# SYNC, RUN, REGISTRY, LIVE, ADMINISTER, CONFIGURE: what operations on a project need (a role
# on it and a token scope), declared in storage.access with the REST routes and re-exported.

# Finds the project a call names from its arguments (as the resolver receives them): its
# id, or None when the object named does not exist.
Locate = Callable[[Context, Mapping[str, Any]], Awaitable[int | None]]


class Rule:
    """A declared need; :meth:`check` raises ApiError or DomainError when it is not met."""

    description = ""

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> None:
        raise NotImplementedError


class _Anyone(Rule):
    description = "anyone, without a token too"

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> None:
        return None


class _SignedIn(Rule):
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.description = f"a token with the {scope.value} scope"

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> None:
        require(ctx, self.scope)


class _SiteAdmin(Rule):
    description = "a site admin's token with the ADMIN scope"

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> None:
        if not require(ctx, Scope.ADMIN).site_admin:
            raise ApiError("FORBIDDEN", "only a site admin may do this")


class _OnProject(Rule):
    def __init__(self, need: Need, locate: Locate, field: str) -> None:
        self.need, self.locate, self.field = need, locate, field
        self.description = (
            f"the {need.role.name} role on the project and a token with the"
            f" {need.scope.value} scope"
        )

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> None:
        principal = require(ctx, self.need.scope)
        project_id = await self.locate(ctx, arguments)
        project = None if project_id is None else await ctx.loaders.project.load(project_id)
        if project is None or not allows(principal, project, READ):
            raise DomainError("NOT_FOUND", f"no project with id {project_id}", self.field)
        if not allows(principal, project, self.need):
            raise role_too_low(principal, project, self.need.role)


def anyone() -> Rule:
    return _Anyone()


def signed_in(scope: Scope) -> Rule:
    return _SignedIn(scope)


def site_admin() -> Rule:
    return _SiteAdmin()


def on_project(need: Need, locate: Locate, field: str = "projectId") -> Rule:
    """``need`` on the project ``locate`` finds; ``field`` names the argument in errors."""
    return _OnProject(need, locate, field)


def role_too_low(principal: Principal, project: ProjectRecord, need: Role) -> ApiError:
    role = role_on(principal, project)
    held = role.name if role is not None else "no"
    return ApiError(
        "FORBIDDEN", f"this needs the {need.name} role on project {project.name!r}; you have {held}"
    )


# -- locating the project of a call ----------------------------------------------------------


def project_id_at(*path: str) -> Locate:
    """The Project global id at ``path`` in the arguments (``"id"``, or ``"input",
    "project_id"``)."""

    async def locate(ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        return decode_id(_at(arguments, path), "Project")

    return locate


def experiment_project_at(*path: str) -> Locate:
    """The project of the Experiment whose global id is at ``path``."""

    async def locate(ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        found = await ctx.loaders.experiment.load(decode_id(_at(arguments, path), "Experiment"))
        return found.project_id if found is not None else None

    return locate


def pull_request_project_at(*path: str) -> Locate:
    """The project of the PullRequest whose global id is at ``path``."""

    async def locate(ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        from storage.models import PullRequest  # tortoise models: not at import time

        pull_request_id = decode_id(_at(arguments, path), "PullRequest")
        found = await PullRequest.get_or_none(id=pull_request_id)
        return found.project_id if found is not None else None

    return locate


def _at(arguments: Mapping[str, Any], path: tuple[str, ...]) -> str:
    value: Any = arguments
    for name in path:
        value = value[name] if isinstance(value, Mapping) else getattr(value, name)
    return str(value)


# -- the extension ---------------------------------------------------------------------------


class Guard(FieldExtension):
    """Runs a root field's rule before its resolver. A DomainError of the rule (NOT_FOUND)
    becomes the payload's typed error when the field returns a payload."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.payload: type | None = None

    def apply(self, field: StrawberryField) -> None:
        kind = field.type
        definition = getattr(kind, "__strawberry_definition__", None)
        if isinstance(definition, StrawberryObjectDefinition) and any(
            f.python_name == "errors" for f in definition.fields
        ):
            self.payload = kind  # type: ignore[assignment]
        if not field.is_subscription and not field.is_async:
            raise TypeError(f"{field.python_name}: a guarded resolver must be async")

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        raise TypeError("guarded fields are async")  # pragma: no cover (apply refuses)

    async def resolve_async(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, **kwargs: Any
    ) -> Any:
        refused = await self.refusal(info.context, kwargs)
        if refused is not None:
            return refused
        return await next_(source, info, **kwargs)

    async def refusal(self, ctx: Context, arguments: Mapping[str, Any]) -> Any:
        """None when the rule is met; else the payload to return instead (or it raises)."""
        try:
            await self.rule.check(ctx, arguments)
        except DomainError as exc:
            if self.payload is None:
                raise ApiError(exc.code, exc.message) from None
            return self.payload(errors=[user_error(exc)], **_client_id(self.payload, arguments))
        return None


def _client_id(payload: type, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The call's clientMutationId, echoed as every payload does."""
    if not any(f.name == "client_mutation_id" for f in dataclasses.fields(payload)):
        return {}
    found = arguments.get("client_mutation_id")
    if found is None and "input" in arguments:
        found = getattr(arguments["input"], "client_mutation_id", None)
    return {"client_mutation_id": found}


def guard(rule: Rule) -> list[FieldExtension]:
    """``@strawberry.field(extensions=guard(...))``: the declaration."""
    return [Guard(rule)]


def guard_of(field: StrawberryField) -> Guard | None:
    found = [e for e in field.extensions if isinstance(e, Guard)]
    return found[0] if len(found) == 1 else None
