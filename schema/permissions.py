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
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLSchema
from strawberry.extensions.field_extension import AsyncExtensionResolver, FieldExtension
from strawberry.types import Info
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.types.field import StrawberryField

from resolvers import replay, views
from resolvers.context import Context
from resolvers.errors import ApiError
from resolvers.permissions import require
from schema.errors import user_error
from schema.relay import decode_id
from storage import audit, deliveries
from storage.access import ADMINISTER as ADMINISTER
from storage.access import AUDIT as AUDIT
from storage.access import CONFIGURE as CONFIGURE
from storage.access import LIVE as LIVE
from storage.access import READ, Need, allows, role_on
from storage.access import REGISTRY as REGISTRY
from storage.access import RUN as RUN
from storage.access import SYNC as SYNC
from storage.access import WEBHOOKS as WEBHOOKS
from storage.errors import DomainError
from storage.models import PullRequest
from storage.records import ProjectRecord
from storage.roles import Role
from storage.tokens import Principal, Scope

# SYNC, RUN, REGISTRY, LIVE, ADMINISTER, CONFIGURE, AUDIT: what operations on a project need
# (a role on it and a token scope), declared in storage.access with the REST routes.


class Rule(ABC):
    """A declared need; :meth:`check` raises ApiError or DomainError when it is not met,
    and returns the id of the project the call is about, when the rule found one."""

    description = ""
    open = False  # met by every call: a compiled plan skips the check (schema/plan_calls.py)

    @abstractmethod
    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None: ...


class _Anyone(Rule):
    description = "anyone, without a token too"
    open = True

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        return None


class _SignedIn(Rule):
    def __init__(self, scope: Scope) -> None:
        self.scope = scope
        self.description = f"a token with the {scope.value} scope"

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        require(ctx, self.scope)
        return None


class _SiteAdmin(Rule):
    description = "a site admin's token with the ADMIN scope"

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        if not require(ctx, Scope.ADMIN).site_admin:
            raise ApiError("FORBIDDEN", "only a site admin may do this")
        return None


class _OnProject(Rule):
    def __init__(self, need: Need, named: Named) -> None:
        self.need, self.named = need, named
        self.description = (
            "anyone, on a PUBLIC project or one its user may read"
            if need == READ
            else f"the {need.role.name} role on the project and a token with the"
            f" {need.scope.value} scope"
        )

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        return await self.check_need(ctx, arguments, self.need)

    async def check_need(
        self, ctx: Context, arguments: Mapping[str, Any], need: Need
    ) -> int | None:
        # reading is open to anyone (a PUBLIC project); anything more needs a token
        anonymous = ctx.principal is None and need == READ
        principal = ctx.viewer if anonymous else require(ctx, need.scope)
        named = self.named
        project_id = await named.project_of(ctx, arguments)
        project = None if project_id is None else await ctx.loaders.project.load(project_id)
        if project is None or not allows(principal, project, READ):
            # the same answer whether it does not exist or may not be seen
            given = named.given(arguments)
            raise DomainError("NOT_FOUND", f"no {named.kind} with id {given!r}", named.field)
        if not allows(principal, project, need):
            raise role_too_low(principal, project, need.role)
        return project.id


class _OnView(_OnProject):
    """A saved view (saveView, deleteView): a shared one needs ``need`` on its project, one's
    own a signed-in user who may read it (anonymous callers read PUBLIC projects but own no
    view). ``shared`` says which the call is about."""

    def __init__(self, need: Need, named: Named, shared: Shared) -> None:
        super().__init__(need, named)
        self.shared = shared
        self.description = (
            f"for a shared view the {need.role.name} role on the project and a token with the"
            f" {need.scope.value} scope; for one's own, a signed-in reader of the project"
        )

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        require(ctx, READ.scope)  # a view of one's own needs a user: anonymous is refused
        shared = await self.shared(ctx, arguments)
        return await self.check_need(ctx, arguments, self.need if shared else READ)


class _ProjectOrSelf(Rule):
    """``on_project`` when the argument at ``named.path`` is given, else ``signed_in``."""

    def __init__(self, need: Need, named: Named) -> None:
        self.on_project = _OnProject(need, named)
        self.signed_in = _SignedIn(need.scope)
        self.description = f"{self.on_project.description}, when one is named"

    async def check(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        if arguments.get(self.on_project.named.path[0]) is None:
            return await self.signed_in.check(ctx, arguments)
        return await self.on_project.check(ctx, arguments)


def anyone() -> Rule:
    return _Anyone()


def signed_in(scope: Scope) -> Rule:
    return _SignedIn(scope)


def site_admin() -> Rule:
    return _SiteAdmin()


def on_project(need: Need, named: Named) -> Rule:
    """``need`` on the project of the object ``named``."""
    return _OnProject(need, named)


Shared = Callable[[Context, Mapping[str, Any]], Awaitable[bool]]


def on_view(need: Need, named: Named, shared: Shared) -> Rule:
    """``need`` on the project of ``named`` when ``shared(ctx, arguments)`` says the view
    is shared; else a signed-in reader of that project."""
    return _OnView(need, named, shared)


def on_project_if_named(need: Need, named: Named) -> Rule:
    """``need`` on the project of ``named`` when the call names one; else a token with
    ``need.scope`` (the resolver then answers about the caller's own projects)."""
    return _ProjectOrSelf(need, named)


def role_too_low(principal: Principal, project: ProjectRecord, need: Role) -> ApiError:
    role = role_on(principal, project)
    held = role.name if role is not None else "no"
    return ApiError(
        "FORBIDDEN", f"this needs the {need.name} role on project {project.name!r}; you have {held}"
    )


# -- locating the project of a call ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Named:
    """The object a call names by its global id at ``path`` in the arguments (``("id",)``,
    or ``("input", "project_id")``), whose project the rule is about; ``field`` names the
    argument in errors."""

    kind: str  # Project, Experiment, View, PullRequest, Webhook or WebhookDelivery
    path: tuple[str, ...]
    field: str

    def given(self, arguments: Mapping[str, Any]) -> str:
        value: Any = arguments
        for name in self.path:
            value = value[name] if isinstance(value, Mapping) else getattr(value, name)
        return str(value)

    async def project_of(self, ctx: Context, arguments: Mapping[str, Any]) -> int | None:
        """The project's id; None when no such object exists."""
        db_id = decode_id(self.given(arguments), self.kind)
        if self.kind == "Project":
            return db_id
        if self.kind == "Experiment":
            found = await ctx.loaders.experiment.load(db_id)
            return found.project_id if found is not None else None
        if self.kind == "View":  # another user's own view is as missing as none
            view = await views.visible(ctx, db_id)
            return view.project_id if view is not None else None
        if self.kind == "Webhook":
            hook = await deliveries.webhook(db_id)
            return int(hook["project_id"]) if hook is not None else None
        if self.kind == "WebhookDelivery":
            return await deliveries.project_of_delivery(db_id)
        row = await PullRequest.get_or_none(id=db_id)
        return row.project_id if row is not None else None


def project_at(*path: str, field: str = "projectId") -> Named:
    return Named("Project", path, field)


def experiment_at(*path: str, field: str = "experimentId") -> Named:
    return Named("Experiment", path, field)


def view_at(*path: str, field: str = "id") -> Named:
    return Named("View", path, field)


def pull_request_at(*path: str, field: str = "pullRequestId") -> Named:
    return Named("PullRequest", path, field)


def webhook_at(*path: str, field: str = "id") -> Named:
    return Named("Webhook", path, field)


def delivery_at(*path: str, field: str = "deliveryId") -> Named:
    return Named("WebhookDelivery", path, field)


# -- the extension ---------------------------------------------------------------------------


class Guard(FieldExtension):
    """Runs a root field's rule before its resolver. A DomainError of the rule (NOT_FOUND)
    becomes the payload's typed error when the field returns a payload."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.payload: type | None = None
        self.audited: str | None = None  # a mutation's name: recorded (audit_mutations)

    def apply(self, field: StrawberryField) -> None:
        kind = field.type
        definition = getattr(kind, "__strawberry_definition__", None)
        if isinstance(definition, StrawberryObjectDefinition) and any(
            f.python_name == "errors" for f in definition.fields
        ):
            self.payload = kind  # type: ignore[assignment]
        if not field.is_subscription and not field.is_async:
            raise TypeError(f"{field.python_name}: a guarded resolver must be async")
        # The SDL says what the field needs (once: a field is applied per schema built).
        needs = f"Needs: {self.rule.description}."
        if not (field.description or "").endswith(needs):
            field.description = f"{field.description or ''} {needs}".strip()

    def resolve(self, next_: Callable[..., Any], source: Any, info: Info, **kwargs: Any) -> Any:
        raise TypeError("guarded fields are async")  # pragma: no cover (apply refuses)

    async def resolve_async(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, **kwargs: Any
    ) -> Any:
        if self.audited is not None:
            return await self._audited(next_, source, info, kwargs)
        refused, _project = await self.checked(info.context, kwargs)
        if refused is not None:
            return refused
        return await next_(source, info, **kwargs)

    async def refusal(self, ctx: Context, arguments: Mapping[str, Any]) -> Any:
        """None when the rule is met; else the payload to return instead (or it raises)."""
        return (await self.checked(ctx, arguments))[0]

    async def checked(self, ctx: Context, arguments: Mapping[str, Any]) -> tuple[Any, int | None]:
        """(None, or the payload to return instead; the id of the project the call is
        about, when the rule found it). Raises for a refusal that is no payload's error."""
        try:
            return None, await self.rule.check(ctx, arguments)
        except DomainError as exc:
            if await self._a_retry(ctx, arguments):
                return None, None  # resolvers.replay answers it as it answered the first
            if self.payload is None:
                raise ApiError(exc.code, exc.message) from None
            payload = self.payload(errors=[user_error(exc)], **_client_id(self.payload, arguments))
            return payload, None

    async def _a_retry(self, ctx: Context, arguments: Mapping[str, Any]) -> bool:
        """A mutation retried under a clientMutationId its token already used: what it
        named may be gone since (a deleted project), and the first answer stands."""
        if self.audited is None or ctx.principal is None:
            return False
        client_id = _given_client_id(arguments)
        return await replay.recorded(ctx.principal, self.audited, client_id)

    async def _audited(
        self, next_: AsyncExtensionResolver, source: Any, info: Info, arguments: dict[str, Any]
    ) -> Any:
        """The call, then its record in the audit log (storage.audit), refused or not."""
        ctx: Context = info.context
        project_id, result = None, "INTERNAL"
        try:
            refused, project_id = await self.checked(ctx, arguments)
            answer = refused if refused is not None else await next_(source, info, **arguments)
            result = _outcome(answer)
            project_id = project_id or _project_of(answer)
            return answer
        except GraphQLError as exc:
            result = str((exc.extensions or {}).get("code", "ERROR"))
            raise
        finally:
            await _record(ctx.principal, self.audited or "", project_id, arguments, result)


def _client_id(payload: type, arguments: Mapping[str, Any]) -> dict[str, Any]:
    """The call's clientMutationId, echoed as every payload does."""
    if not any(f.name == "client_mutation_id" for f in dataclasses.fields(payload)):
        return {}
    return {"client_mutation_id": _given_client_id(arguments)}


def _given_client_id(arguments: Mapping[str, Any]) -> Any:
    found = arguments.get("client_mutation_id")
    if found is None and "input" in arguments:
        found = getattr(arguments["input"], "client_mutation_id", None)
    return found


def guard(rule: Rule) -> list[FieldExtension]:
    """``@strawberry.field(extensions=guard(...))``: the declaration."""
    return [Guard(rule)]


def guard_of(field: StrawberryField) -> Guard | None:
    found = [e for e in field.extensions if isinstance(e, Guard)]
    return found[0] if len(found) == 1 else None


def audit_mutations(schema: GraphQLSchema) -> None:
    """Every mutation's guard records its calls in the audit log, under its name."""
    for name, field in (schema.mutation_type.fields if schema.mutation_type else {}).items():
        definition = (field.extensions or {}).get("strawberry-definition")
        found = guard_of(definition) if isinstance(definition, StrawberryField) else None
        if found is not None:
            found.audited = name


async def _record(
    principal: Principal | None,
    operation: str,
    project_id: int | None,
    arguments: dict[str, Any],
    result: str,
) -> None:
    """One row of the audit log; a failure at most once per (operation, result, caller)
    per storage.audit.WINDOW (the next row says how many were left out)."""
    if result != "OK":
        caller = ("token", principal.token_id) if principal else ("anonymous",)
        kept = audit.REFUSALS.arguments((operation, result, caller), arguments)
        if kept is None:
            return
        arguments = kept
    await audit.record_quietly(principal, operation, project_id, arguments, result)


def _project_of(answer: Any) -> int | None:
    """The project a payload returns (a created one)."""
    record = getattr(getattr(answer, "project", None), "record", None)
    found = getattr(record, "id", None)
    return found if isinstance(found, int) else None


def _outcome(answer: Any) -> str:
    """OK, or the codes of a payload's typed errors."""
    errors = getattr(answer, "errors", None) or []
    codes = sorted({str(getattr(e.code, "value", e.code)) for e in errors})
    return ",".join(codes) or "OK"
