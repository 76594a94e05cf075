"""Who may do what to a project: the one decision, pure (no I/O), for every entry point.

A principal's role on a project (:func:`role_on`) comes from its user: a site admin
(``users.admin``) and the project's owner user are ADMIN; a member of the project's owner
team has the member's role whether the project is PRIVATE or TEAM; anyone (anonymous too)
is at least VIEWER of a PUBLIC project. What a request may do is that role intersected with
its token's scopes (:func:`allows`): a site admin's READ token reads everything and writes
nothing. :func:`visible_clause` is the same rule for the READ need as SQL, for lists.

Everything the decision needs travels with its arguments: the principal carries its user's
team roles (storage.tokens.authenticate reads them in the token's one query, cached), the
project its owner and visibility. Root fields declare their needs (schema/permissions.py);
lists and nodes filter with this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Protocol

from storage.roles import Role, Visibility
from storage.tokens import Principal, Scope

__all__ = [
    "ADMINISTER",
    "AUDIT",
    "CONFIGURE",
    "LIVE",
    "READ",
    "REGISTRY",
    "RUN",
    "SYNC",
    "WEBHOOKS",
    "Need",
    "Owned",
    "Ownership",
    "Role",
    "View",
    "Visibility",
    "allows",
    "role_on",
    "view",
    "visible_clause",
]


class Owned(Protocol):
    """What the decision reads of a project (a ``projects`` row, a record of one)."""

    @property
    def id(self) -> int: ...

    @property
    def owner_user_id(self) -> int | None: ...

    @property
    def owner_team_id(self) -> int | None: ...

    @property
    def visibility(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Ownership:
    """Whom a new project belongs to (``projects.owner_*``) and who else may read it."""

    user_id: int | None = None
    team_id: int | None = None
    visibility: Visibility = Visibility.PRIVATE


@dataclass(frozen=True, slots=True)
class Need:
    """What an operation needs: at least ``role`` on the project and ``scope`` on the token."""

    role: Role
    scope: Scope


READ = Need(Role.VIEWER, Scope.READ)  # what reading a project needs (and visible_clause)
# What operations on a project need: here, not in schema/permissions.py (which re-exports
# them), so that the REST routes (gitstudio/auth.py) declare the same needs as GraphQL.
SYNC = Need(Role.EDITOR, Scope.PROJECTS)  # syncProject
RUN = Need(Role.EDITOR, Scope.PROJECTS)  # runExperiment, branches, pull request merge/close
REGISTRY = Need(Role.EDITOR, Scope.MODELS)  # registry tags
LIVE = Need(Role.EDITOR, Scope.EXPERIMENTS)  # live metrics (POST /api/live, /webhook/dvc)
ADMINISTER = Need(Role.ADMIN, Scope.PROJECTS)  # settings, visibility, deletion
CONFIGURE = Need(Role.ADMIN, Scope.ADMIN)  # the forge and its token
AUDIT = Need(Role.ADMIN, Scope.READ)  # reading a project's audit log
# Reading a project's webhooks and deliveries (their URLs may carry a receiver's token);
# creating and deleting them is CONFIGURE, as the forge: a secret and a host to contact.
WEBHOOKS = Need(Role.ADMIN, Scope.READ)


def role_on(principal: Principal, project: Owned) -> Role | None:
    """The principal's user's role on ``project``; None: it may not even know it exists.
    A token restricted to listed projects (``Principal.projects``) holds its user's roles on
    those only; elsewhere it is anyone."""
    listed = principal.projects is None or project.id in principal.projects
    if principal.admin and listed:
        return Role.ADMIN
    role = None
    if principal.user_id is not None and listed:
        if project.owner_user_id == principal.user_id:
            return Role.ADMIN
        team = project.owner_team_id
        if team is not None:
            for team_id, member_role in principal.teams:
                if team_id == team:
                    role = member_role
                    break
    if role is None and project.visibility == Visibility.PUBLIC:
        role = Role.VIEWER
    return role


def allows(principal: Principal, project: Owned, need: Need) -> bool:
    """Whether the principal may do what needs ``need`` on ``project``: its user's role is
    at least ``need.role`` and its token holds ``need.scope`` (storage.tokens.Principal.has)."""
    role = role_on(principal, project)
    return role is not None and role >= need.role and principal.has(need.scope)


_TABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def visible_clause(principal: Principal, table: str = "projects") -> tuple[str, list[Any]]:
    """A condition on ``table`` (``projects`` or its alias in the query) and its values,
    ``?`` placeholders (storage.db.sql), that selects exactly the projects the principal
    may read: those where ``allows(principal, project, READ)``. Always one
    parenthesised condition, to be joined with AND."""
    if not _TABLE.fullmatch(table):
        raise ValueError(f"not a table name: {table!r}")
    if not principal.has(READ.scope):
        return "(1 = 0)", []
    terms = [f"{table}.visibility = ?"]
    values: list[Any] = [Visibility.PUBLIC.value]
    listed = principal.projects
    if listed is not None:  # its user's roles reach the listed projects only
        if not listed:
            return "(" + terms[0] + ")", values
        condition, values = _listed(table, principal, sorted(listed))
        return f"({terms[0]} OR {condition})", [Visibility.PUBLIC.value, *values]
    if principal.admin:
        return "(1 = 1)", []
    if principal.user_id is not None:
        terms.append(f"{table}.owner_user_id = ?")
        values.append(principal.user_id)
        teams = [team_id for team_id, role in principal.teams if role >= Role.VIEWER]
        if teams:
            terms.append(f"{table}.owner_team_id IN ({', '.join('?' * len(teams))})")
            values.extend(teams)
    return "(" + " OR ".join(terms) + ")", values


def _listed(table: str, principal: Principal, ids: list[int]) -> tuple[str, list[Any]]:
    """The listed projects its user's roles reach: ``id IN (...)`` and (site admin, or the
    owner, or a team's)."""
    marks = ", ".join("?" * len(ids))
    if principal.admin:
        return f"{table}.id IN ({marks})", list(ids)
    inner, values = visible_clause(replace(principal, projects=None), table)
    return f"({table}.id IN ({marks}) AND {inner})", [*ids, *values]


View = tuple[tuple[str, ...], Role]


def view(principal: Principal, project: Owned) -> View | None:
    """What ``principal`` sees of ``project``: None when it may not read it; principals of
    equal views get equal answers about it (its token's scopes and its role), so they may
    share one execution of a subscription (gitstudio/ws_fanout.py)."""
    role = role_on(principal, project)
    if role is None or not allows(principal, project, READ):
        return None
    return tuple(sorted(s.value for s in principal.scopes)), role
