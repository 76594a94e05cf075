"""The vocabulary of access control, apart from the decision (storage.access) so that
storage.tokens can carry a user's team roles in its Principal without importing it."""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Role(IntEnum):
    """A user's role on a project, ordered: each grants what the ones below it grant.
    Stored by name (``team_members.role``)."""

    VIEWER = 1  # read
    EDITOR = 2  # experiments, live metrics, registry writes, runs
    ADMIN = 3  # settings, forge configuration, visibility, deletion, the team's members


class Visibility(StrEnum):
    """Who may read a project besides its owner and site admins (``projects.visibility``)."""

    PRIVATE = "PRIVATE"  # its owner: the owner user, or the owner team's members by role
    TEAM = "TEAM"  # the owner team's members by role (for a personal project, as PRIVATE)
    PUBLIC = "PUBLIC"  # anyone reads it, even without a token
