"""Tortoise models: the durable state of gitstudio.

JSON documents (params, metrics, ...) are stored as text encoded with orjson rather than as
database JSON types: the bulk writers insert them with raw ``executemany`` on SQLite and
PostgreSQL alike, and the read path hands them to the API without re-shaping. Git times are
integer epoch seconds plus the committer's UTC offset, exactly as Git stores them.

Each model says ``_no_comments``: tortoise would otherwise look for ``#:`` comments to use as
field descriptions (none here) by ``inspect.getsource`` of the class, which parses this whole
module once per class: some 0.16 s of every process's start (the server, each CLI command),
half the time of a migration check on a current database.
"""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Project(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True)
    repo_url = fields.TextField()
    subdir = fields.CharField(max_length=255, default="")
    default_branch = fields.CharField(max_length=255, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    # Ref tips seen by the last successful sync ({ref name: sha}): the base of incremental sync.
    ref_tips = fields.TextField(default="{}")
    last_synced_at = fields.DatetimeField(null=True)
    last_sync_error = fields.TextField(null=True)
    sync_count = fields.IntField(default=0)
    # A lease so that one instance at a time syncs a project (several servers, one database).
    sync_owner = fields.CharField(max_length=64, null=True)
    sync_lease_until = fields.FloatField(null=True)
    # Models declared at the default branch's head (sync.artifacts.Declarations as JSON).
    registry = fields.TextField(null=True)
    # Where pull requests go: {"kind", "api_url", "repository"} (sync.forges); NULL for
    # plain Git, where gitstudio keeps the pull requests itself. The forge's token is
    # stored encrypted (storage.secrets), never returned by the API.
    forge = fields.TextField(null=True)
    forge_token = fields.TextField(null=True)
    # Param/metric columns the last syncs found beyond GITSTUDIO_MAX_COLUMNS: not indexed.
    skipped_columns = fields.IntField(default=0, db_default=0)
    # Who may see and change it (storage.access): its owner, a user or a team, and its
    # visibility (storage.roles.Visibility). Migration 0014 gave the projects that existed
    # to the built-in admin, PRIVATE. Enforced by storage.access.
    owner_user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="projects", null=True, on_delete=fields.RESTRICT
    )
    owner_user_id: int | None
    owner_team: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="projects", null=True, on_delete=fields.RESTRICT
    )
    owner_team_id: int | None
    visibility = fields.CharField(max_length=8, default="PRIVATE", db_default="PRIVATE")
    # What is imported (updateProject; storage.project_settings, migration 0021): commits
    # committed before ``import_since`` (epoch seconds) are not indexed; ``column_filter``
    # ({"include": [glob], "exclude": [glob]}) names the columns stored as cells;
    # ``custom_files`` ([{"path", "kind"}]) are read as params or metrics files besides
    # DVC's; ``column_limit`` caps the columns below GITSTUDIO_MAX_COLUMNS (NULL: that);
    # ``auto_hide_unchanged`` hides commits whose params, metrics and deps equal their
    # first parent's (experiments.hidden = 2). ``reindex`` is 1 from a change of any of
    # them until the full re-index it asked for has written its tips.
    import_since = fields.BigIntField(null=True)
    column_filter = fields.TextField(null=True)
    custom_files = fields.TextField(null=True)
    column_limit = fields.IntField(null=True)
    auto_hide_unchanged = fields.SmallIntField(default=0, db_default=0)
    reindex = fields.SmallIntField(default=0, db_default=0)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "projects"
        indexes = (("owner_user_id",), ("owner_team_id",))  # storage.access.visible_clause


class Branch(Model):
    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="branches", on_delete=fields.CASCADE
    )
    project_id: int
    name = fields.CharField(max_length=255)
    sha = fields.CharField(max_length=40)
    # 1: hidden by hideRows (left out of Project.branches unless included); kept by syncs,
    # which update a branch's row in place (storage.index._write_branches). Migration 0025.
    hidden = fields.SmallIntField(default=0, db_default=0)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "branches"
        unique_together = (("project", "name"),)


class Tag(Model):
    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="tags", on_delete=fields.CASCADE
    )
    project_id: int
    name = fields.CharField(max_length=255)
    sha = fields.CharField(max_length=40)  # the commit the tag points at (peeled)
    annotated = fields.BooleanField(default=False)
    tagger_name = fields.CharField(max_length=255, null=True)
    tagger_email = fields.CharField(max_length=255, null=True)
    tagged_at = fields.BigIntField(null=True)
    message = fields.TextField(null=True)
    tagger_offset = fields.IntField(null=True)  # minutes east of UTC

    _no_comments = True  # see the module's doc

    class Meta:
        table = "tags"
        unique_together = (("project", "name"),)


class Commit(Model):
    """A commit reachable from a branch or a tag (experiment commits live in Experiment)."""

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="commits", on_delete=fields.CASCADE
    )
    project_id: int
    sha = fields.CharField(max_length=40)
    parents = fields.TextField(default="[]")
    author_name = fields.CharField(max_length=255)
    author_email = fields.CharField(max_length=255)
    authored_at = fields.BigIntField()
    committer_name = fields.CharField(max_length=255)
    committer_email = fields.CharField(max_length=255)
    committed_at = fields.BigIntField()
    commit_offset = fields.IntField(default=0)  # minutes east of UTC
    message = fields.TextField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "commits"
        unique_together = (("project", "sha"),)
        indexes = (("project_id", "committed_at"),)


class BranchCommit(Model):
    """Membership of a commit in a branch's history (maintained incrementally by sync)."""

    id = fields.IntField(primary_key=True)
    branch: fields.ForeignKeyRelation[Branch] = fields.ForeignKeyField(
        "models.Branch", related_name="memberships", on_delete=fields.CASCADE
    )
    branch_id: int
    commit: fields.ForeignKeyRelation[Commit] = fields.ForeignKeyField(
        "models.Commit", related_name="memberships", on_delete=fields.CASCADE
    )
    commit_id: int
    # 1: the commit is on the branch's first-parent line from its head (``git rev-list
    # --first-parent``): ExperimentFilter.branch. Kept by storage.index (migration 0025).
    first_parent = fields.SmallIntField(default=0, db_default=0)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "branch_commits"
        unique_together = (("branch", "commit"),)
        # Raw-SQL index (migration 0025): branch_first_parents (branch_id, first_parent,
        # commit_id), a branch's first-parent line.


class Experiment(Model):
    """One row of the experiments table: a commit, an experiment ref or a live run.

    ``key`` identifies the row within its project: the sha for COMMIT rows, the full ref for
    EXPERIMENT rows, ``baseline_sha/name`` for LIVE rows.
    """

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="experiments", on_delete=fields.CASCADE
    )
    project_id: int
    kind = fields.CharField(max_length=16)
    key = fields.CharField(max_length=400)
    sha = fields.CharField(max_length=40, null=True)
    baseline_sha = fields.CharField(max_length=40, null=True)
    name = fields.CharField(max_length=255, null=True)
    ref = fields.CharField(max_length=400, null=True)
    status = fields.CharField(max_length=16)
    author_name = fields.CharField(max_length=255, null=True)
    author_email = fields.CharField(max_length=255, null=True)
    message = fields.TextField(null=True)
    created_at = fields.BigIntField()  # commit time (epoch seconds)
    params = fields.TextField(default="{}")
    metrics = fields.TextField(default="{}")
    errors = fields.TextField(default="[]")
    plots = fields.TextField(default="[]")
    deps = fields.TextField(default="{}")
    outs = fields.TextField(default="{}")
    # Set when DVC itself could not load the revision (broken dvc.yaml or dvc.lock...):
    # `dvc exp show` then prints "data": null; what could be read is still kept above.
    revision_error = fields.TextField(null=True)
    # Live runs (DVCLive / DVC posting to /api/live); kept when the run is linked to its ref.
    experiment_rev = fields.CharField(max_length=40, null=True)
    live_subdir = fields.CharField(max_length=255, null=True)
    last_step = fields.IntField(null=True)
    last_event_at = fields.FloatField(null=True)  # epoch seconds of the last live event
    # {metric name: highest step stored} of a live run's series (metric_steps), kept by the
    # writer so names and resend checks never scan the series.
    live_metrics = fields.TextField(null=True)
    # 1: left out of the table unless a filter includes hidden rows (hideRows, or the
    # commit message's "[skip studio]"); 2: the same, hidden by the project's
    # autoHideUnchanged (storage.index; shown again when it is turned off). A small integer
    # rather than a boolean, so that one SQL literal (``hidden = 0``) filters on both
    # databases.
    hidden = fields.SmallIntField(default=0, db_default=0)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "experiments"
        unique_together = (("project", "key"),)
        indexes = (
            ("project_id", "kind", "created_at"),
            ("project_id", "baseline_sha"),
            ("project_id", "sha"),
        )
        # Raw-SQL indexes: experiments_by_time (project_id, created_at, id), migration 0010;
        # experiments_shown_by_time (project_id, hidden, created_at, id), migration 0020.


class Cell(Model):
    """One flattened param or metric value of an experiment row, for filtering and ordering."""

    id = fields.BigIntField(primary_key=True)
    project_id = fields.IntField()
    experiment: fields.ForeignKeyRelation[Experiment] = fields.ForeignKeyField(
        "models.Experiment", related_name="cells", on_delete=fields.CASCADE
    )
    experiment_id: int
    kind = fields.CharField(max_length=8)  # "param" | "metric"
    file = fields.CharField(max_length=255)
    path = fields.CharField(max_length=512)
    vtype = fields.CharField(max_length=8)  # "number" | "string" | "bool" | "null"
    num = fields.FloatField(null=True)
    text = fields.TextField(null=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "cells"
        # Raw-SQL indexes (migration 0010): cells_column_order (project_id, kind, file, path,
        # number, text prefix, value type since 0012, num and experiment_id since 0026: a
        # range's rows read from the index alone) orders, filters and counts a project's column;
        # cells_of_experiment (experiment_id, kind, file, path) probes a row's cell. The
        # raw-SQL table cell_columns (0012) sums a project's cells per column and value type.


class ColumnGoal(Model):
    """Which way a param or metric column of a project is better (storage.goals): compare
    marks values better or worse than its baseline by it."""

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="column_goals", on_delete=fields.CASCADE
    )
    project_id: int
    column = fields.TextField()  # 'param:FILE:PATH' or 'metric:FILE:PATH' (storage.cells)
    goal = fields.CharField(max_length=8)  # HIGHER or LOWER

    _no_comments = True  # see the module's doc

    class Meta:
        table = "column_goals"
        unique_together = (("project", "column"),)


class View(Model):
    """A saved view of a project's experiments table (storage.views): shared (no owner) or
    one user's own; ``state`` is its columns, filter, order, baseline and goals as JSON."""

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="views", on_delete=fields.CASCADE
    )
    project_id: int
    owner_user_id = fields.IntField(null=True)  # None: shared with the project's readers
    name = fields.CharField(max_length=255)
    state = fields.TextField()  # JSON (storage.views)
    created_at = fields.FloatField()  # epoch seconds
    updated_at = fields.FloatField()
    created_by_user_id = fields.IntField(null=True)
    updated_by_user_id = fields.IntField(null=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "views"
        # Raw-SQL unique index views_by_name (project_id, COALESCE(owner_user_id, 0), name),
        # migration 0022: one shared view and one view per user of a name.


class RemoteSetting(Model):
    """What configureRemote set for one DVC remote of a project (storage.remotes): its
    settings (DVC option names and values) as one JSON object sealed with the server's
    secret key (storage.sealed), and the names of the keys set, which is all the API shows.
    ``name`` is the remote's name in the repository's .dvc/config, or '' for whichever
    remote a revision names as its default (core.remote)."""

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="remote_settings", on_delete=fields.CASCADE
    )
    project_id: int
    name = fields.CharField(max_length=64)
    sealed = fields.TextField()
    keys = fields.TextField()  # JSON list of the key names set, sorted

    _no_comments = True  # see the module's doc

    class Meta:
        table = "remote_settings"
        unique_together = (("project", "name"),)


class MetricStep(Model):
    """The values a live run logged at one step, all metrics in one row (storage.metrics
    holds the format): a run logs every metric step after step, so one row per step is a
    tenth of the rows - and of the write cost - of one row per value. Written in batches by
    the group-commit writer with raw ``executemany``, never built as ORM objects on the hot
    path."""

    id = fields.BigIntField(primary_key=True)
    experiment: fields.ForeignKeyRelation[Experiment] = fields.ForeignKeyField(
        "models.Experiment", related_name="metric_steps", on_delete=fields.CASCADE
    )
    experiment_id: int
    step = fields.IntField()
    # {"train/loss": [value, token, timestamp], ...}; value None for "nan"/"inf" (see token)
    points = fields.TextField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "metric_steps"
        unique_together = (("experiment", "step"),)


class LiveImage(Model):
    """An image logged by DVCLive, the bytes live in the data directory under their digest."""

    id = fields.IntField(primary_key=True)
    experiment: fields.ForeignKeyRelation[Experiment] = fields.ForeignKeyField(
        "models.Experiment", related_name="images", on_delete=fields.CASCADE
    )
    experiment_id: int
    path = fields.CharField(max_length=512)
    step = fields.IntField()
    digest = fields.CharField(max_length=64)
    size = fields.IntField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "live_images"
        unique_together = (("experiment", "path", "step"),)


class DeviceCode(Model):
    """A pending ``dvc studio login``: approved on the verification page with an existing
    token. The new token is minted when the client next polls (never stored in clear)."""

    id = fields.IntField(primary_key=True)
    device_code_hash = fields.CharField(max_length=64, unique=True)
    user_code = fields.CharField(max_length=16, unique=True)
    client_name = fields.CharField(max_length=100)
    token_name = fields.CharField(max_length=100)
    scopes = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    status = fields.CharField(max_length=16, default="pending")  # approved, consumed, denied
    approved_by = fields.IntField(null=True)  # the approving token: the new one gets its owner
    # The address the login was started from: pending logins are bounded per address.
    client_address = fields.CharField(max_length=64, null=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "device_codes"
        indexes = (("client_address", "status"),)


class UnmatchedRepo(Model):
    """Live events for a repository no project knows, counted so an admin can add it."""

    id = fields.IntField(primary_key=True)
    repo_key = fields.CharField(max_length=512, unique=True)
    repo_url = fields.TextField()
    events = fields.IntField(default=0)
    last_seen_at = fields.DatetimeField(auto_now=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "unmatched_repos"


class User(Model):
    """Who tokens belong to. ``admin``: a site admin, who sees and does everything (with a
    token holding the ADMIN scope). A user is disabled, never deleted: its tokens then
    authenticate as nobody. The built-in user ``admin`` (storage.users.BUILTIN_ADMIN) is
    made by migration 0013 and owns the tokens minted without naming a user."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True)
    email = fields.CharField(max_length=254, null=True)
    admin = fields.BooleanField(default=False)
    password_hash = fields.CharField(max_length=255, null=True)  # Argon2id (storage.passwords)
    disabled_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "users"
        # Raw-SQL index (migration 0013): users_name_folded, unique on LOWER(name).


class OidcIdentity(Model):
    """Who a user is at an OpenID provider (storage.oidc): the issuer's URL and the
    subject it names the person by, stable at that provider; a sign-in finds its user by
    this pair, never by a name or address the provider reports."""

    id = fields.IntField(primary_key=True)
    issuer = fields.CharField(max_length=500)
    subject = fields.CharField(max_length=255)  # OIDC Core: at most 255 ASCII characters
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="oidc_identities", on_delete=fields.RESTRICT
    )
    user_id: int
    created_at = fields.DatetimeField()
    last_login_at = fields.DatetimeField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "oidc_identities"
        unique_together = (("issuer", "subject"),)
        indexes = (("user_id",),)


class OidcTeamGrant(Model):
    """A team membership a sign-in made from the provider's teams claim (storage.oidc), with
    the role it gave: the membership is removed when the claim stops naming the team, unless
    a team admin changed its role since (then it is theirs)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="oidc_team_grants", on_delete=fields.RESTRICT
    )
    user_id: int
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="oidc_grants", on_delete=fields.CASCADE
    )
    team_id: int
    role = fields.CharField(max_length=8)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "oidc_team_grants"
        unique_together = (("user", "team"),)


class AuditEntry(Model):
    """One write through the API and its outcome (storage.audit). Plain ids, no foreign
    keys: the record outlives the users, tokens and projects it names."""

    id = fields.IntField(primary_key=True)
    at = fields.DatetimeField()
    user_id = fields.IntField(null=True)  # null: anonymous (refused)
    user_name = fields.CharField(max_length=100, null=True)  # as it was then
    token_id = fields.IntField(null=True)
    operation = fields.CharField(max_length=100)  # a mutation's name, or METHOD /path
    project_id = fields.IntField(null=True)
    arguments = fields.TextField()  # JSON, secrets redacted, at most AUDIT_ARGUMENT_BYTES
    result = fields.CharField(max_length=200)  # OK, or the error codes

    _no_comments = True  # see the module's doc

    class Meta:
        table = "audit_log"
        indexes = (("project_id", "id"),)


class Team(Model):
    """Users who share projects (storage.teams), each with a role (storage.roles.Role). A
    team always has an ADMIN: it is made with one and never loses its last."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "teams"
        # Raw-SQL index (migration 0014): teams_name_folded, unique on LOWER(name).


class TeamMember(Model):
    id = fields.IntField(primary_key=True)
    team: fields.ForeignKeyRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", on_delete=fields.CASCADE
    )
    team_id: int
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="memberships", on_delete=fields.RESTRICT
    )
    user_id: int
    role = fields.CharField(max_length=8)  # VIEWER, EDITOR or ADMIN (storage.roles.Role)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "team_members"
        unique_together = (("team", "user"),)
        indexes = (("user_id",),)  # a user's teams (storage.tokens.authenticate)


class AccessToken(Model):
    id = fields.IntField(primary_key=True)
    # Nullable in SQL only (SQLite cannot add a NOT NULL column to rows that exist): every
    # token is created with its user (storage.tokens.create_token), and a token without one
    # authenticates as nobody.
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", null=True, on_delete=fields.RESTRICT
    )
    user_id: int | None
    name = fields.CharField(max_length=100)
    prefix = fields.CharField(max_length=16)  # first characters, shown in listings
    token_hash = fields.CharField(max_length=64, unique=True)
    scopes = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    # Whom the commits and tags written with this token are by (else the settings' author).
    owner_name = fields.CharField(max_length=200, null=True)
    owner_email = fields.CharField(max_length=254, null=True)
    # The projects it is restricted to, a JSON list of ids (storage.access); null: all its
    # user may see.
    project_ids = fields.TextField(null=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "access_tokens"
        indexes = (("user_id",),)  # a user's tokens (Query.me)


class PullRequest(Model):
    """A pull request gitstudio opened: kept here in plain-Git mode (merged by gitstudio),
    or mirrored from the forge that holds it (``forge`` set, ``external_number`` its number
    there)."""

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="pull_requests", on_delete=fields.CASCADE
    )
    project_id: int
    number = fields.IntField()  # per project, from 1
    source_branch = fields.CharField(max_length=255)
    target_branch = fields.CharField(max_length=255)
    title = fields.TextField()
    body = fields.TextField(default="")
    state = fields.CharField(max_length=16, default="OPEN")  # OPEN, MERGED, CLOSED
    # The heads compared: when opened, then when merged or closed (open ones read the mirror).
    source_sha = fields.CharField(max_length=40)
    target_sha = fields.CharField(max_length=40, null=True)
    forge = fields.CharField(max_length=16, null=True)
    external_number = fields.IntField(null=True)
    url = fields.TextField(null=True)
    created_by = fields.CharField(max_length=100, default="")
    created_at = fields.FloatField()
    merged_at = fields.FloatField(null=True)
    merge_sha = fields.CharField(max_length=40, null=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "pull_requests"
        unique_together = (("project", "number"),)


class MutationRecord(Model):
    """One write mutation done under a clientMutationId: a retry with the same key (same
    token, same mutation) gets this result instead of writing again. ``result`` is NULL
    while the first request is still running."""

    id = fields.IntField(primary_key=True)
    token_id = fields.IntField()
    mutation = fields.CharField(max_length=64)
    client_mutation_id = fields.CharField(max_length=255)
    request_hash = fields.CharField(max_length=64)
    result = fields.TextField(null=True)
    created_at = fields.FloatField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "mutation_records"
        unique_together = (("token_id", "mutation", "client_mutation_id"),)


class BrowserSession(Model):
    """A signed-in browser (storage.sessions): the cookie holds a 256-bit secret, this row
    only its SHA-256, so a leaked database signs nobody in. The CSRF token is derived from
    the secret (an HMAC), never stored. A session ends at ``expires_at`` (absolute), after
    an idle spell past ``last_seen_at`` (GITSTUDIO_SESSION_IDLE_SECONDS), or at logout
    (the row is deleted)."""

    id = fields.IntField(primary_key=True)
    secret_hash = fields.CharField(max_length=64, unique=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sessions", on_delete=fields.RESTRICT
    )
    user_id: int
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "sessions"
        indexes = (("user_id",), ("expires_at",))


class LoginFailure(Model):
    """One failed ``POST /login``, under each key it counts against (``name:<folded
    name>``, ``client:<address>``): logins are throttled per key over a window, in the
    database, so every instance counts the same failures."""

    id = fields.IntField(primary_key=True)
    key = fields.CharField(max_length=128)
    failed_at = fields.DatetimeField()

    _no_comments = True  # see the module's doc

    class Meta:
        table = "login_failures"
        indexes = (("key", "failed_at"), ("failed_at",))


class Webhook(Model):
    """An outgoing webhook (storage/deliveries.py): events of a project POSTed to ``url``,
    signed with ``secret``, which is sealed (storage.sealed: it must be read again to sign)
    and never returned by the API. ``events`` is a JSON list of event names."""

    id = fields.IntField(primary_key=True)
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="webhooks", on_delete=fields.CASCADE
    )
    project_id: int
    url = fields.TextField()
    events = fields.TextField()
    secret = fields.TextField()
    created_by = fields.CharField(max_length=100, default="")
    created_at = fields.FloatField()
    active = fields.BooleanField(default=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "webhooks"
        indexes = (("project_id",),)


class WebhookDelivery(Model):
    """One event for one webhook, written by the event's source (so it outlives a restart)
    and sent by a delivery loop (gitstudio/outgoing.py): PENDING until a 2xx answer
    (DELIVERED) or its last attempt (FAILED). ``next_attempt_at`` (epoch seconds) is when it
    is due; a loop claims it by moving that forward (storage.deliveries.claim)."""

    id = fields.IntField(primary_key=True)
    webhook: fields.ForeignKeyRelation[Webhook] = fields.ForeignKeyField(
        "models.Webhook", related_name="deliveries", on_delete=fields.CASCADE
    )
    webhook_id: int
    event = fields.CharField(max_length=40)
    payload = fields.TextField()
    status = fields.CharField(max_length=16, default="PENDING")
    attempts = fields.IntField(default=0)
    next_attempt_at = fields.FloatField()
    response_code = fields.IntField(null=True)
    error = fields.TextField(null=True)
    created_at = fields.FloatField()
    delivered_at = fields.FloatField(null=True)

    _no_comments = True  # see the module's doc

    class Meta:
        table = "webhook_deliveries"
        indexes = (("status", "next_attempt_at"), ("webhook_id", "id"))
