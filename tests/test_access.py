"""Access control's storage and its one decision (storage.access, storage.teams), not yet
enforced by any request path: the whole decision table of role_on and allows against a
table written out here (not derived from the code), visible_clause against real rows on
SQLite and PostgreSQL matching allows for every (principal, project) pair, the team roles
a principal carries, and team storage under hostile input (the typed error AND no row
changed, asserted both)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

import pytest
from support import Api, StatementCounter

from storage import db
from storage.access import READ, Need, Role, Visibility, allows, role_on, visible_clause
from storage.caches import MISS
from storage.errors import DomainError
from storage.models import Project, User
from storage.teams import (
    add_member,
    create_team,
    members_of,
    parse_role,
    remove_member,
    set_role,
    team_by_name,
    teams_of,
)
from storage.tokens import (
    ANONYMOUS,
    Principal,
    Scope,
    authenticate,
    create_token,
    forget_principals,
    hash_token,
    token_cache,
)
from storage.users import create_user

# -- the decision, pure ------------------------------------------------------------------


@dataclass(frozen=True)
class P:
    """A project as the decision sees it."""

    owner_user_id: int | None
    owner_team_id: int | None
    visibility: str


OWNER, TEAM, OTHER_TEAM = 2, 10, 11
PROJECTS = {
    "mine-private": P(OWNER, None, "PRIVATE"),
    "mine-team": P(OWNER, None, "TEAM"),
    "mine-public": P(OWNER, None, "PUBLIC"),
    "team-private": P(None, TEAM, "PRIVATE"),
    "team-team": P(None, TEAM, "TEAM"),
    "team-public": P(None, TEAM, "PUBLIC"),
    "orphan-private": P(None, None, "PRIVATE"),  # made by code that does not set an owner yet
}


def user(uid: int | None, *teams: tuple[int, Role], admin: bool = False) -> Principal:
    return Principal(uid or 0, "t", frozenset({Scope.READ}), None, uid, "u", admin, teams)


PRINCIPALS = {
    "site-admin": user(1, admin=True),
    "owner": user(OWNER),
    "viewer": user(3, (TEAM, Role.VIEWER)),
    "editor": user(4, (OTHER_TEAM, Role.ADMIN), (TEAM, Role.EDITOR)),
    "team-admin": user(5, (TEAM, Role.ADMIN)),
    "other-team": user(6, (OTHER_TEAM, Role.ADMIN)),
    "outsider": user(7),
    "anonymous": ANONYMOUS,
    "no-user": Principal(9, "t", frozenset({Scope.ADMIN})),  # a token of nobody: as anonymous
}

# The expected role of each principal (rows) on each project (columns, in PROJECTS' order):
# A(DMIN), E(DITOR), V(IEWER), - (none: it may not know the project exists).
EXPECTED = {
    #              mine: P T U  team: P T U  orphan
    "site-admin": "A A A A A A A",
    "owner": "A A A - - V -",
    "viewer": "- - V V V V -",
    "editor": "- - V E E E -",
    "team-admin": "- - V A A A -",
    "other-team": "- - V - - V -",
    "outsider": "- - V - - V -",
    "anonymous": "- - V - - V -",
    "no-user": "- - V - - V -",
}
LETTERS = {"A": Role.ADMIN, "E": Role.EDITOR, "V": Role.VIEWER, "-": None}


def expected_role(principal: str, project: str) -> Role | None:
    return LETTERS[EXPECTED[principal].split()[list(PROJECTS).index(project)]]


@pytest.mark.parametrize("principal", list(PRINCIPALS))
def test_role_on_is_the_table(principal: str) -> None:
    for project, row in PROJECTS.items():
        assert role_on(PRINCIPALS[principal], row) == expected_role(principal, project), project


# What each token's scopes grant, written out (ADMIN grants every scope; any scope READ).
SCOPE_SETS: dict[str, tuple[frozenset[Scope], set[Scope]]] = {
    "none": (frozenset(), set()),
    "read": (frozenset({Scope.READ}), {Scope.READ}),
    "experiments": (frozenset({Scope.EXPERIMENTS}), {Scope.READ, Scope.EXPERIMENTS}),
    "models": (frozenset({Scope.MODELS}), {Scope.READ, Scope.MODELS}),
    "admin": (frozenset({Scope.ADMIN}), set(Scope)),
}
NEEDS = [Need(role, scope) for role in Role for scope in Scope]


@pytest.mark.parametrize("scopes", list(SCOPE_SETS))
@pytest.mark.parametrize("principal", [p for p in PRINCIPALS if p != "anonymous"])
def test_allows_is_the_role_and_the_scope(principal: str, scopes: str) -> None:
    """Effective permission = the user's role on the project AND the token's scope."""
    held, granted = SCOPE_SETS[scopes]
    who = PRINCIPALS[principal]
    who = Principal(
        who.token_id, who.name, held, None, who.user_id, who.user_name, who.admin, who.teams
    )
    for project, row in PROJECTS.items():
        role = expected_role(principal, project)
        for need in NEEDS:
            want = role is not None and role >= need.role and need.scope in granted
            assert allows(who, row, need) is want, (project, need)


def test_anonymous_reads_public_projects_only_and_writes_nothing() -> None:
    for project, row in PROJECTS.items():
        for need in NEEDS:
            want = need == READ and project.endswith("public")
            assert allows(ANONYMOUS, row, need) is want, (project, need)


def test_a_site_admins_read_token_reads_everything_and_writes_nothing() -> None:
    admin = PRINCIPALS["site-admin"]
    assert not admin.site_admin  # a READ token: not acting as site admin elsewhere either
    for row in PROJECTS.values():
        assert allows(admin, row, READ)
        assert not allows(admin, row, Need(Role.EDITOR, Scope.EXPERIMENTS))


def test_visible_clause_takes_a_table_name_only() -> None:
    with pytest.raises(ValueError):
        visible_clause(PRINCIPALS["owner"], "projects; DROP TABLE projects")


# -- against real rows -------------------------------------------------------------------


async def enabled_user(name: str, admin: bool = False) -> User:
    return await create_user(name, admin=admin)


async def token_of(u: User, *scopes: Scope) -> str:
    _row, token = await create_token("t", frozenset(scopes or {Scope.READ}), None, u.id)
    return token


async def test_visible_clause_selects_what_allows_reads(api: Api, unique: str) -> None:
    """For every principal (real tokens, so their teams come from the database) and every
    project of a grid (personal and team x PRIVATE/TEAM/PUBLIC, in two teams), the rows the
    clause selects are exactly those ``allows(READ)``, on both databases."""
    owner = await enabled_user(f"own-{unique}")
    viewer = await enabled_user(f"view-{unique}")
    editor = await enabled_user(f"edit-{unique}")
    outsider = await enabled_user(f"out-{unique}")
    admin = await enabled_user(f"site-{unique}", admin=True)
    team = await create_team(f"ml-{unique}", owner.id)
    other = await create_team(f"ops-{unique}", outsider.id)
    await add_member(team.id, viewer.id, Role.VIEWER)
    await add_member(team.id, editor.id, Role.EDITOR)
    await add_member(other.id, editor.id, Role.VIEWER)
    ids = []
    for n, (user_id, team_id) in enumerate(
        [(owner.id, None), (viewer.id, None), (None, team.id), (None, other.id), (None, None)]
    ):
        for visibility in Visibility:
            made = await Project.create(
                name=f"acl-{unique}-{n}-{visibility.value.lower()}",
                repo_url="/nowhere",
                owner_user_id=user_id,
                owner_team_id=team_id,
                visibility=visibility.value,
            )
            ids.append(made.id)
    rows = {p.id: p for p in await Project.filter(id__in=ids)}
    marks = ", ".join("?" * len(ids))
    principals: dict[str, Principal | None] = {"anonymous": ANONYMOUS}
    for name, (who, scopes) in {
        "owner": (owner, (Scope.READ,)),
        "viewer": (viewer, (Scope.EXPERIMENTS,)),
        "editor": (editor, (Scope.READ,)),
        "outsider": (outsider, (Scope.ADMIN,)),
        "site-admin": (admin, (Scope.READ,)),
    }.items():
        principals[name] = await authenticate(await token_of(who, *scopes))
    _row, bare = await create_token("bare", frozenset(), None, editor.id)
    principals["no-scope"] = await authenticate(bare)
    # Tokens restricted to listed projects: their user's roles there only, PUBLIC elsewhere.
    for name, who, listed in (
        ("owner-restricted", owner, [ids[0], ids[6], ids[9]]),  # its own, its team's, not its
        ("site-admin-restricted", admin, [ids[3], ids[12]]),
    ):
        _row, limited = await create_token(name, frozenset({Scope.READ}), None, who.id,
                                           frozenset(listed))  # fmt: skip
        principals[name] = await authenticate(limited)
    seen = {}
    for name, principal in principals.items():
        assert principal is not None, name
        want = {pid for pid, row in rows.items() if allows(principal, row, READ)}
        for table, source in (("projects", "projects"), ("p", "projects p")):
            clause, values = visible_clause(principal, table)
            got = await db.fetch(
                f"SELECT {table}.id FROM {source} WHERE {table}.id IN ({marks}) AND {clause}",
                [*ids, *values],
            )
            assert {r["id"] for r in got} == want, (name, table)
        seen[name] = len(want)
    # The grid is not trivial: each sees the 5 public ones and 2 more of each owner it is.
    assert seen == {
        "anonymous": 5,
        "owner": 5 + 2 + 2,  # its own, and its team's (as that team's ADMIN)
        "viewer": 5 + 2 + 2,  # its own, and its team's (VIEWER)
        "editor": 5 + 2 + 2,  # its two teams'
        "outsider": 5 + 2,  # its team's
        "site-admin": 15,
        "owner-restricted": 5 + 2,  # its own PRIVATE and its team's PRIVATE, not ops'
        "site-admin-restricted": 5 + 2,
        "no-scope": 0,
    }


# -- the principal carries its team roles -------------------------------------------------


async def test_a_principal_carries_its_team_roles_in_one_query(
    api: Api, unique: str, sql_counter: StatementCounter
) -> None:
    lead = await enabled_user(f"lead-{unique}")
    member = await enabled_user(f"mem-{unique}")
    ml = await create_team(f"ml-{unique}", lead.id)
    ops = await create_team(f"ops-{unique}", lead.id)
    await add_member(ml.id, member.id, Role.EDITOR)
    await add_member(ops.id, member.id, Role.VIEWER)
    token = await token_of(member)
    cache = token_cache(100)
    sql_counter.statements.clear()
    principal = await authenticate(token, cache)
    assert len(sql_counter.statements) == 1, sql_counter.statements  # the one query
    assert principal is not None
    assert principal.teams == ((ml.id, Role.EDITOR), (ops.id, Role.VIEWER))
    sql_counter.statements.clear()
    assert await authenticate(token, cache) == principal
    assert sql_counter.statements == []  # cached: no statement

    # Every write forgets the cached principals: the next request sees the new roles.
    await set_role(ml.id, member.id, Role.ADMIN)
    assert cache.get(hash_token(token)) is MISS
    again = await authenticate(token, cache)
    assert again is not None and again.teams == ((ml.id, Role.ADMIN), (ops.id, Role.VIEWER))
    await remove_member(ops.id, member.id)
    again = await authenticate(token, cache)
    assert again is not None and again.teams == ((ml.id, Role.ADMIN),)
    loner = await authenticate(await token_of(await enabled_user(f"solo-{unique}")), cache)
    assert loner is not None and loner.teams == ()

    # A role no code writes (by hand in SQL, or from a later version) grants nothing.
    await db.execute(
        "UPDATE team_members SET role = 'OWNER' WHERE team_id = ? AND user_id = ?",
        [ml.id, member.id],
    )
    forget_principals()
    again = await authenticate(token, cache)
    assert again is not None and again.teams == ()
    assert await teams_of(member.id) == []


async def test_a_disabled_users_token_is_nobody(api: Api, unique: str) -> None:
    """A disabled user's token authenticates as nobody, so a request with it could at most
    be anonymous: its own private project is then out of reach."""
    gone = await enabled_user(f"gone-{unique}")
    token = await token_of(gone, Scope.ADMIN)
    mine = P(gone.id, None, "PRIVATE")
    principal = await authenticate(token)
    assert principal is not None and allows(principal, mine, READ)
    await User.filter(id=gone.id).update(disabled_at=datetime.now(UTC))
    forget_principals()
    assert await authenticate(token) is None
    assert not allows(ANONYMOUS, mine, READ)


# -- team storage --------------------------------------------------------------------------


async def snapshot() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """Every team and membership: what a refused call must leave as it was."""
    teams = await db.fetch("SELECT id, name FROM teams ORDER BY id")
    members = await db.fetch("SELECT team_id, user_id, role FROM team_members ORDER BY id")
    return [tuple(r.values()) for r in teams], [tuple(r.values()) for r in members]


async def refused(call: Any, code: str, field: str) -> None:
    before = await snapshot()
    with pytest.raises(DomainError) as raised:
        await call
    assert (raised.value.code, raised.value.field) == (code, field), raised.value.message
    assert await snapshot() == before


BAD_NAMES = [
    "", " ", "a" * 101, "-lead", ".hidden", "has space", "tab\t", "nul\x00", "new\nline",
    "\ud800", "é", "x'; DROP TABLE teams; --", "a/b", "ml ", " ml", "\u202eml",
]  # fmt: skip


async def test_create_team_checks_everything_before_writing(api: Api, unique: str) -> None:
    lead = await enabled_user(f"lead-{unique}")
    for name in BAD_NAMES:
        await refused(create_team(name, lead.id), "INVALID", "name")
    team = await create_team(f"Vision-{unique}", lead.id)
    assert [(m.user_id, m.role) for m in await members_of(team.id)] == [(lead.id, Role.ADMIN)]
    for name in (f"vision-{unique}", f"VISION-{unique}", f"Vision-{unique}"):
        await refused(create_team(name, lead.id), "DUPLICATE", "name")
    found = await team_by_name(f"vIsIoN-{unique}")
    assert found is not None and found.id == team.id
    assert await team_by_name("not a name") is None
    for bad in (0, -1, 2**40, 999_999_999, cast(Any, True), cast(Any, "1"), cast(Any, None)):
        await refused(create_team(f"new-{unique}", bad), "NOT_FOUND", "user")
    gone = await enabled_user(f"gone-{unique}")
    await User.filter(id=gone.id).update(disabled_at=datetime.now(UTC))
    await refused(create_team(f"new-{unique}", gone.id), "INVALID", "user")
    assert await team_by_name(f"new-{unique}") is None


async def test_two_racing_creations_of_one_name_make_one_team(api: Api, unique: str) -> None:
    lead = await enabled_user(f"lead-{unique}")
    results = await asyncio.gather(
        create_team(f"race-{unique}", lead.id),
        create_team(f"RACE-{unique}", lead.id),
        return_exceptions=True,
    )
    errors = [r for r in results if isinstance(r, DomainError)]
    assert len(errors) == 1 and errors[0].code == "DUPLICATE", results
    rows = await db.fetch("SELECT id FROM teams WHERE LOWER(name) = ?", [f"race-{unique}"])
    assert len(rows) == 1


async def test_members_and_roles(api: Api, unique: str) -> None:
    lead = await enabled_user(f"lead-{unique}")
    ada = await enabled_user(f"ada-{unique}")
    bob = await enabled_user(f"bob-{unique}")
    team = await create_team(f"ml-{unique}", lead.id)
    other = await create_team(f"aa-{unique}", ada.id)
    await add_member(team.id, ada.id, parse_role(" editor "))
    assert [(m.team_name, m.role) for m in await teams_of(ada.id)] == [
        (f"aa-{unique}", Role.ADMIN),
        (f"ml-{unique}", Role.EDITOR),
    ]

    # Bad input: the typed error, and nothing changed.
    for role in ("", "owner", "ADMIN\x00", "\ud800", "3", cast(Any, 3), cast(Any, None)):
        with pytest.raises(DomainError) as raised:
            parse_role(role)
        assert (raised.value.code, raised.value.field) == ("INVALID", "role")
    for role in (cast(Any, 3), cast(Any, "ADMIN"), cast(Any, None)):
        await refused(add_member(team.id, bob.id, role), "INVALID", "role")
        await refused(set_role(team.id, ada.id, role), "INVALID", "role")
    for bad in (0, -5, 2**40, 999_999_999, cast(Any, "1"), cast(Any, True)):
        await refused(add_member(bad, bob.id, Role.VIEWER), "NOT_FOUND", "team")
        await refused(add_member(team.id, bad, Role.VIEWER), "NOT_FOUND", "user")
        await refused(set_role(bad, ada.id, Role.VIEWER), "NOT_FOUND", "team")
        await refused(set_role(team.id, bad, Role.VIEWER), "NOT_FOUND", "user")
        await refused(remove_member(bad, ada.id), "NOT_FOUND", "team")
        await refused(remove_member(team.id, bad), "NOT_FOUND", "user")
    await refused(add_member(team.id, ada.id, Role.VIEWER), "DUPLICATE", "user")
    await refused(set_role(team.id, bob.id, Role.VIEWER), "NOT_FOUND", "user")  # not a member
    await refused(remove_member(team.id, bob.id), "NOT_FOUND", "user")
    await refused(remove_member(other.id, lead.id), "NOT_FOUND", "user")
    gone = await enabled_user(f"gone-{unique}")
    await User.filter(id=gone.id).update(disabled_at=datetime.now(UTC))
    await refused(add_member(team.id, gone.id, Role.VIEWER), "INVALID", "user")

    # A team never loses its last ADMIN.
    await refused(set_role(team.id, lead.id, Role.EDITOR), "CONFLICT", "role")
    await refused(remove_member(team.id, lead.id), "CONFLICT", "user")
    await set_role(team.id, ada.id, Role.ADMIN)
    await set_role(team.id, lead.id, Role.VIEWER)  # ada is an ADMIN now
    await refused(remove_member(team.id, ada.id), "CONFLICT", "user")
    await set_role(team.id, ada.id, Role.ADMIN)  # the same role again: nothing to do
    await add_member(team.id, bob.id, Role.VIEWER)
    await remove_member(team.id, lead.id)
    assert [(m.user_id, m.role) for m in await members_of(team.id)] == sorted(
        [(ada.id, Role.ADMIN), (bob.id, Role.VIEWER)]
    )
    assert await teams_of(lead.id) == []


async def test_admins_removed_at_once_leave_one(api: Api, unique: str) -> None:
    """Each removal alone is allowed; all together would leave no ADMIN: the last is
    CONFLICT. (Without the team row's lock, PostgreSQL let all four through.)"""
    admins = [await enabled_user(f"a{n}-{unique}") for n in range(4)]
    team = await create_team(f"ml-{unique}", admins[0].id)
    for admin in admins[1:]:
        await add_member(team.id, admin.id, Role.ADMIN)
    results = await asyncio.gather(
        *(remove_member(team.id, admin.id) for admin in admins), return_exceptions=True
    )
    errors = [r for r in results if isinstance(r, DomainError)]
    assert len(errors) == 1 and errors[0].code == "CONFLICT", results
    assert [m.role for m in await members_of(team.id)] == [Role.ADMIN]
