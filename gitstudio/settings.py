"""Settings: ``GITSTUDIO_*`` environment variables, overridden by command-line flags."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path = Path("gitstudio-data")
    database_url: str = ""  # empty: SQLite file inside data_dir
    # Longest a read statement outside a transaction (every request's query; the statements
    # of one plan, a page or a count, together) may run before it is ended with
    # QUERY_TIMEOUT; 0 disables. 10 s: every page of the table answers in
    # milliseconds, so a read still running after 10 s is a runaway that holds a connection
    # (on SQLite: one of a few readers) from others, while 10 s stays well inside HTTP
    # clients' and proxies' own timeouts (30-60 s) so the caller gets a typed error, not a cut.
    # Write transactions (index, live metrics, migrations) are not bounded by it.
    statement_timeout_seconds: float = 10.0
    # Read-only connections (each on its own thread) that answer reads on a SQLite file in
    # WAL mode, so a slow read blocks neither writes nor other reads; 0: every read on the
    # one connection (in-memory databases always are). 4 suits 2-8 cores.
    sqlite_readers: int = 4
    # Page cache of each SQLite reader in MiB, filled as it reads (0: SQLite's 2 MiB). A
    # sorted or filtered page at 10,000 commits touches more pages than 2 MiB holds.
    sqlite_reader_cache_mib: int = 8
    # Bytes of the SQLite file each reader maps into memory (MiB; 0: none): pages are read
    # from the OS's page cache without a read() each, which halves long reads (a CSV export
    # of 40,000 rows). Address space, not memory: the pages are the OS's cache, shared.
    # SQLite's caveat: an I/O error on a mapped page (a failing disk) or a file truncated
    # under the mapping stops the process; the server truncates it never (storage.db).
    sqlite_reader_mmap_mib: int = 1024
    event_bus: str = "memory"
    host: str = "127.0.0.1"
    port: int = 8000
    # Seconds between background syncs of every project; 0 disables polling.
    poll_interval: float = 0.0
    # Secrets for forge push webhooks; an empty secret refuses every delivery.
    github_webhook_secret: str = ""
    gitlab_webhook_token: str = ""
    # Credentials for https remotes (token auth) and ssh remotes (key files).
    git_username: str = ""
    git_password: str = ""
    ssh_key_path: str = ""
    ssh_pubkey_path: str = ""
    # The identity of the tags (and commits) gitstudio writes.
    git_author_name: str = "gitstudio"
    git_author_email: str = "gitstudio@localhost"
    # Signs model download links (dvc artifacts get); empty: a key kept in the data directory.
    url_signing_key: str = ""
    # Encrypts secrets kept in the database (forge tokens, DVC remote settings); empty: a key
    # in the data directory.
    secret_key: str = ""
    # GraphQL limits.
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 2000
    max_page_size: int = 500
    public_url: str = ""  # base URL used in links; defaults to http://host:port
    # Seconds without an event after which a RUNNING live run is marked STALE (0: never).
    live_stale_after: float = 600.0
    # Redis channel prefix when GITSTUDIO_EVENT_BUS is redis:// (several deployments, one Redis).
    redis_prefix: str = "gitstudio"
    # Frames a websocket may have waiting; a subscriber that stays this far behind is closed.
    ws_send_queue: int = 1000
    # Seconds a project's sync/write lease lives unless renewed (renewed every third of it
    # while the work runs): a crashed holder's lease lapses within this, so another instance
    # takes over in well under 30 s, while two renewals may still fail before it lapses.
    lease_seconds: float = 20.0
    # Seconds a sync or write waits for a lease another live instance holds, then CONFLICT.
    # At least lease_seconds, so a waiter always outlasts the lease of a dead holder.
    lease_wait: float = 30.0
    # This server's stable instance id (at most 51 characters, no '#': the lease owner is
    # it, '#' and a per-boot nonce, in a 64-character column); empty: host + data
    # directory + a slot locked in the data directory, stable across restarts. Set it
    # (unique per running process: a second one on the same data directory is refused) to
    # keep the id when the data directory moves. Restart recovery (ending the dead previous
    # boot's leases at once) relies on flock over the data directory; where flock does not
    # work, a dead boot's leases simply lapse after lease_seconds.
    instance_id: str = ""
    # Limits: each bounds what one request, file or client can make us do.
    # Files larger than this are not parsed while indexing (a FileError says so), as Studio
    # skips files over 10 MB: a params/metrics file of that size is data, not a summary.
    max_parse_file_bytes: int = 10 * 1024 * 1024
    # Plots: values (each cell, row and nested value counts one) read of one plot data file,
    # and of all the plot data one request renders (the rows of Project.plots(ids), a live
    # run's points). A CSV of 50,000 rows of three columns is 200,000 values; 2,000,000 are
    # a few hundred MiB while rendering. Larger files are a PlotError, larger charts refused.
    plot_max_file_values: int = 200_000
    plot_max_chart_values: int = 2_000_000
    # Metrics, params and plots kept in a DVC remote (sync/remote_files.py): one read (its
    # connection and its bytes) takes at most this many seconds, then the row says the
    # remote did not answer (and that remote is not asked again during that sync or
    # request); the objects read are kept on disk per project and md5, this many bytes in all (the
    # least recently written go first); a value configureRemote sets holds at most this
    # many bytes (an AWS session token is about 1-2 KB).
    remote_timeout_seconds: float = 30.0
    remote_cache_bytes: int = 256 * 1024 * 1024
    remote_setting_max_bytes: int = 4096
    # Param + metric columns indexed per project; the rest are counted as skipped. Studio
    # imports 500: the same number shows a project moving from Studio the same columns, and
    # bounds the cells of one row (and of the columns catalog) to 500.
    max_columns: int = 500
    # Globs a project's columns setting may hold in each of its include and exclude lists
    # (updateProject), and files its customFiles setting may declare.
    max_column_globs: int = 100
    max_custom_files: int = 50
    # Cost of one GraphQL operation: objects it may return, page sizes multiplied through
    # nested connections (schema/cost.py). 100 projects x a full page (500) of experiments
    # passes, 500 x 500 (250,000 rows) does not.
    max_query_cost: int = 100_000
    # Experiments of one commit as the query cost prices Commit.experiments (a list without
    # pages, so its length is an estimate, not a bound): a commit with its own row and a
    # couple of dozen `dvc exp run`s on it. Higher prices nested experiments more strictly.
    cost_experiments_per_commit: int = 20
    # Nesting of one JSON argument value (param values are shallow; deep ones only recurse).
    max_json_depth: int = 32
    # Saved views (storage.views): shared views of one project, and one user's own views of
    # one project (Project.views lists at most the sum); a view's name in characters; its
    # state (columns, filter, order, baseline, goals) as JSON in bytes: 64 KiB holds the
    # 500 columns GITSTUDIO_MAX_COLUMNS allows a view to show, with filters, several times.
    max_views_per_project: int = 100
    max_views_per_user: int = 100
    max_view_name_chars: int = 100
    max_view_bytes: int = 64 * 1024
    # Branches a page ordered by BRANCH may walk (one statement per branch, each over its
    # first-parent line): a project with more answers that order with BAD_USER_INPUT.
    max_branch_order_branches: int = 100
    # Operations one websocket may run at once (a dashboard watches tens of runs).
    ws_max_operations: int = 200
    # Bytes of one websocket message, as POST /graphql's body bound (1 MB).
    ws_max_message_bytes: int = 1_000_000
    # Open websockets of one token in this process (tabs of dashboards, scripts).
    ws_max_connections_per_token: int = 100
    # Websockets without credentials (anonymous readers of PUBLIC projects), all together.
    ws_max_anonymous_connections: int = 100
    # uvicorn's websocket implementation for `serve`: "lean" (uvicorn's websockets-sansio
    # with less held per idle connection, gitstudio/ws_server.py), or one of uvicorn's own:
    # "websockets-sansio", "websockets", "wsproto" (needs the wsproto package).
    ws_protocol: str = "lean"
    # Collect cyclic garbage after this many subscriptions went live (0: never): each one
    # leaves its setup behind in reference cycles (~6 KiB) that `serve`'s rare full
    # collections would otherwise keep while thousands of subscribers connect. A collection
    # walks what the process made since it started (~20-40 ms with 10,000 subscribers).
    ws_collect_every: int = 250
    # Pending `dvc studio login`s started from one client address (a person logs in a few
    # tools at once); the whole server still holds at most 1000.
    device_login_pending_per_client: int = 10
    # Unknown user codes one client address may try per 15 minutes (the codes' lifetime).
    device_login_attempts_per_client: int = 20
    # Browser sessions (gitstudio/sessions.py): a login lasts at most this many seconds
    # (14 days), however active, and ends sooner after GITSTUDIO_SESSION_IDLE_SECONDS
    # without a request (3 days: a weekend away keeps it; 0: no idle bound).
    audit_retention_days: float = 365.0  # audit log records older are deleted; 0: kept
    session_ttl_seconds: float = 14 * 86_400.0
    session_idle_seconds: float = 3 * 86_400.0
    # Failed logins (POST /login) allowed within GITSTUDIO_LOGIN_WINDOW_SECONDS per user
    # name, and per client address (an IPv6 client by its /64; an office behind one NAT
    # shares it, hence more); past either, logins are refused with 429 until the oldest
    # failure leaves the window, a right password too. Counted in the database: every
    # instance sees the same failures.
    login_max_failures: int = 5
    login_max_failures_per_client: int = 20
    login_window_seconds: float = 900.0
    # OIDC sign-in (gitstudio/oidc.py, storage/oidc.py): GET /login/oidc signs a browser in
    # with the OpenID provider whose issuer URL this is (its discovery document is
    # {issuer}/.well-known/openid-configuration), as the confidential client registered
    # there with the redirect URI {GITSTUDIO_PUBLIC_URL}/login/oidc/callback; empty: off.
    oidc_issuer: str = ""
    oidc_client_id: str = ""
    oidc_client_secret: str = ""
    # The scopes asked for, space-separated: add the one that brings the teams claim (often
    # "groups") when the provider needs it.
    oidc_scopes: str = "openid profile email"
    # A claim holding team names (e.g. "groups"): each sign-in makes the user a member with
    # GITSTUDIO_OIDC_TEAM_ROLE of the existing teams it names, and removes the memberships
    # an earlier claim made that it no longer names; empty: sign-ins leave teams alone.
    oidc_teams_claim: str = ""
    oidc_team_role: str = "VIEWER"
    # Seconds each request to the provider (discovery, keys, token, userinfo) may take.
    oidc_timeout_seconds: float = 10.0
    # Seconds the provider's discovery document and signing keys are kept before they are
    # fetched again (the keys sooner: at once when an ID token names a key not among them).
    oidc_cache_seconds: float = 3600.0
    # Seconds a sign-in started at /login/oidc may take at the provider before its callback
    # is refused (the life of the gitstudio_oidc cookie that carries its state).
    oidc_login_seconds: float = 600.0
    # Characters kept of a repository URL no project matches (longer ones are truncated).
    unmatched_url_chars: int = 2000
    # Rows of the unmatched repository URLs table; past it the least recently seen goes.
    unmatched_max_rows: int = 1000
    # Seconds a write's push into a repository on this machine (git receive-pack and the
    # repository's hooks) may take before it is ended and answered UNREACHABLE: meanwhile
    # the project's write lock and lease are held, so a hung hook holds no longer than this.
    # 300 s: room for hooks that run checks before accepting (pre-receive linting, tests).
    push_timeout_seconds: float = 300.0
    # Repository access policy (sync/repo_policy.py). Directories whose repositories API
    # callers may add by local path or file:// URL; empty: none (only the operator's CLI
    # adds local repositories). Never the data directory.
    local_repo_roots: tuple[Path, ...] = ()
    # Network hosts (host or host:port) allowed although they resolve to loopback, private,
    # link-local or other non-public addresses, e.g. an internal Git server.
    allowed_git_hosts: tuple[str, ...] = ()
    # Plain http remotes (credentials and content in clear text); off: https, ssh, git only.
    allow_http_remotes: bool = False
    # Bytes of a repository URL: real ones are far shorter; 2 KiB is what browsers and
    # most servers accept in a URL.
    max_repo_url_bytes: int = 2048
    # Seconds between two reloads of the repo-URL index (gitstudio.project_index) caused by
    # URLs no project has while the projects did not change (a creation, in any process,
    # reloads at once): any token holder can send such URLs and a reload reads every
    # project. A second bounds that cost and still picks up other changes promptly.
    repo_index_reload_seconds: float = 1.0
    # Outgoing webhooks (storage/deliveries.py, gitstudio/outgoing.py). Their URLs pass the
    # repository policy above (public hosts, or listed in GITSTUDIO_ALLOWED_GIT_HOSTS).
    # Webhooks one project may have (GitHub allows 20 per repository).
    max_webhooks_per_project: int = 20
    # Bytes of a webhook's URL and of its secret (GitHub's secrets are far shorter).
    max_webhook_url_bytes: int = 2048
    max_webhook_secret_bytes: int = 256
    # Bytes of an event's object as stored; a larger one is sent cut to its id.
    max_webhook_payload_bytes: int = 64 * 1024
    # Finished (delivered or failed) deliveries kept per webhook; older ones are deleted.
    webhook_deliveries_kept: int = 1000
    # Attempts of a delivery before it is FAILED, and the backoff between them: the base
    # delay after the first failure, doubled after each, at most the cap (8 attempts at
    # 10 s doubling span about 21 minutes).
    webhook_max_attempts: int = 8
    webhook_retry_base_seconds: float = 10.0
    webhook_retry_max_seconds: float = 3600.0
    # One attempt (connect, send, answer); GitHub's own webhooks wait 10 s.
    webhook_timeout_seconds: float = 10.0
    # How old a process's snapshot of which webhooks want which events may be (a webhook
    # made in another process is served from then on); this process's own changes at once.
    webhook_cache_seconds: float = 5.0
    # Seconds between looks for due deliveries when this process queued none meanwhile.
    webhook_poll_seconds: float = 1.0
    # Deliveries a server sends at once.
    webhook_concurrency: int = 8
    # Write policy (sync/write_policy.py), checked before any parsing or Git work.
    # Param changes in one runExperiment (a sweep sets a handful).
    max_param_changes: int = 100
    # Bytes of a params file name and of a param path (a long path is a few hundred).
    max_param_path_bytes: int = 1024
    # Keys in one param path (model.layers.0.units is 4; real files nest a few levels).
    max_param_path_depth: int = 32
    # Bytes of one param value as JSON: a hyperparameter, not a data file.
    max_param_value_bytes: int = 16 * 1024
    # Bytes of a commit message and of a pull request body (GitHub caps bodies at 65,536).
    max_message_bytes: int = 64 * 1024
    # Bytes of a pull request title (GitHub shows 256 characters).
    max_title_bytes: int = 1024
    # Bytes of a branch or tag name (git allows ~4 KB, forges far less); also of a model's
    # name, type and each of its labels (addModel).
    max_ref_name_bytes: int = 200
    # Bytes of a model's description written by addModel (a paragraph or two).
    max_model_description_bytes: int = 16 * 1024
    # Labels of one model written by addModel.
    max_model_labels: int = 32
    # Request bodies, refused with 413 before they are read past the bound.
    # POST /graphql: a document and its variables (a large query is a few KB).
    max_graphql_body_bytes: int = 1_000_000
    # POST /api/live: Studio's own bound (DVCLive caps a request's plots at 29 MB).
    max_live_body_bytes: int = 30_000_000
    # Forge push webhooks: GitHub caps payloads at 25 MB, but a push naming 5 MB of commits
    # only needs its repository; 5 MB is ample.
    max_webhook_body_bytes: int = 5 * 1024 * 1024
    # GET /api/projects/{id}/blobs/{blob_id}/{name}: an image committed to Git (a plot)
    # larger than this is refused (413) before it is read. DVC renders plot images into
    # its HTML as they are; 20 MiB holds any chart or sample grid and bounds what a request
    # makes the server hold in memory.
    plot_image_max_bytes: int = 20 * 1024 * 1024
    # Every other route (POST /webhook/dvc, /api/create-project, device login): small JSON
    # objects; device login answers anyone without a token, so keep it tight.
    max_request_body_bytes: int = 64 * 1024
    # Pending `dvc studio login`s of the whole server (an unauthenticated route: bounds what
    # anyone can make us store).
    device_login_pending_max: int = 1000
    # Browser origins (scheme://host[:port], or *) whose pages may call /graphql and the
    # /api routes: CORS (gitstudio/cors.py). Empty: no cross-origin access, as a server that
    # holds tokens should start; websockets from another origin are refused the same way.
    cors_origins: tuple[str, ...] = ()
    # Queries run on compiled plans (schema/plans.py); off: every query on graphql-core
    # (the plans' reference), e.g. to rule them out when chasing a bug.
    compiled_plans: bool = True
    # Rows one sync writes (commits, experiment rows, branch memberships) past which the
    # touched tables get VACUUM (ANALYZE) on PostgreSQL (a first index always does; it sets
    # the visibility map index-only counts need; ANALYZE alone if it fails): autovacuum waits
    # for 10% of a table to change, and until then a sorted page may scan every cell.
    # 1,000 rows cost an ANALYZE (well under a second) only when a real batch arrived.
    analyze_after_rows: int = 1000
    # Loose refs in a mirror after a fetch past which they are packed into packed-refs:
    # 30,000 experiment refs as files cost every later sync a directory walk; a small
    # fetch (a few refs) pays nothing. 100 files are read in well under a millisecond.
    pack_refs_after: int = 100
    # Revisions (commits and experiment refs) a sync reads, then writes in one transaction,
    # at a time: a larger sync streams batch by batch, so its memory is two batches, not
    # the repository (rows become visible batch by batch, whole; refs and tips move last).
    # 2,000 revisions (~60,000 cells) keep a transaction around a second.
    index_batch_rows: int = 2000
    # Parsed params/metrics/dvc.yaml blobs (and values derived from them) the process keeps
    # across syncs, all projects together: nearby revisions share most blobs, so a full
    # index of any size keeps its hit rate; 20,000 entries are a few tens of MiB.
    parse_cache_entries: int = 20_000
    # Revisions a sync reads at least before it reads them in a child process
    # (sync.scan_process), in parallel with writing them; 0: always in the server's thread.
    # Reading and writing a large index each hold the GIL for about half its time: in two
    # processes a 10,000-commit index takes ~40 % less. Smaller syncs are not worth a second
    # interpreter's start (~0.5 s) and memory (~150 MiB while it reads 10,000 commits).
    scan_process_revisions: int = 5000
    # MiB of libgit2's object cache (commits and trees) in that child: libgit2 keeps up to
    # 256 MiB, and a scan reads each tree about once, so a large cache only grows the
    # child (205 -> 150 MiB at 10,000 commits with 16, no slower).
    scan_process_git_cache_mib: int = 16
    # Refs the process remembers read from repositories' files (loose ref files by their
    # stat, packed-refs files whole), so a sync of a local repository with 30,000
    # experiment refs reads only the files that changed; 200,000 are a few tens of MiB.
    ref_memo_entries: int = 200_000
    # inotify watches a syncer may hold on the ref directories of repositories on this
    # machine (a directory each, plus a ref file with a second hard link): a sync of a
    # local repository whose refs no watch saw change reads none of its ref files (34,005
    # loose refs: ~0.4 s of stat calls otherwise). Each watch holds about 1 KiB of kernel
    # memory (and counts against fs.inotify.max_user_watches). 0: no watches, every sync
    # stats them.
    ref_watches: int = 50_000
    # The longest a watched read of a local repository's refs is trusted: the one change
    # no watch sees (a hard link made to a ref file after it was read, then a write in place
    # through it) is picked up within this many seconds.
    ref_watch_seconds: float = 600.0
    # MiB of SQLite page cache the writing connection gets while a sync streams (restored
    # and released after): the cells indexes take random inserts, and with SQLite's 2 MiB
    # default each batch writes and reads back their pages; 64 MiB cut a third of the CPU
    # of 1.2 M cells. 0: leave the cache as it is.
    sqlite_bulk_cache_mib: int = 64
    # Projects whose folded model registry (resolvers/models.py) the app keeps, least
    # recently read dropped first: folding 4,000 tags costs tens of ms, a kept registry a
    # few MiB at most; 100 covers a server's active projects.
    registry_cache_projects: int = 100
    # Projects whose new registry (after a sync changed their tags) a server folds off the
    # request path, queued at once (resolvers/registry_folds.py; folded one at a time, while
    # readers get the previous one); past it a read folds. 0: reads fold, as before.
    registry_warm_projects: int = 16
    # What else each app keeps between requests (resolvers/caches.py), least recently used
    # dropped first; 0 keeps nothing. Principals by token hash, each for 5 s (a token
    # revoked by another process works here that long), so requests skip the database;
    # unknown tokens are remembered too, hence the bound. 10,000 entries are ~6 MiB.
    token_cache_entries: int = 10_000
    # Project rows by id and by name (misses too), each for 2 s: almost every request reads
    # one. 10,000 entries are ~3 MiB.
    project_cache_entries: int = 10_000
    # POST /api/live: plot file names -> metric names, parsed once per name; every event of
    # a run repeats the same few. 10,000 entries are ~4 MiB.
    plot_name_cache_entries: int = 10_000
    # POST /api/live, repositories with several projects (monorepos): the project each run
    # (repository, baseline, name) went to, so its next events skip the database.
    live_run_cache_entries: int = 10_000
    # Plots (resolvers.plots): parsed plot data files, templates and dvc.yaml files by blob
    # id, all projects together; a chart's revisions share most blobs with the last one's.
    plot_cache_entries: int = 20_000
    # ... and at most this many values of parsed plot data (a value is ~100 bytes: ~500 MiB).
    plot_cache_values: int = 5_000_000
    # Where sync and indexing work runs (sync/scheduling.py): "inprocess" (the embedded
    # default: each process syncs in the background, at most one running and one pending
    # sync per project) or "procrastinate" (PostgreSQL only: webhooks, polling and
    # syncProject enqueue jobs that `gitstudio worker` processes run; serve only answers).
    job_queue: str = "inprocess"
    # Syncs that run at once: in each worker (queue jobs), or in a server (inprocess). A
    # sync is mostly Git and database waits; 4 keeps a couple of cores busy without
    # starving the requests of the same process.
    worker_concurrency: int = 4
    # Seconds without a heartbeat (sent every third of it) after which a worker counts as
    # dead and its running jobs are queued again for another worker; the project's lease
    # (GITSTUDIO_LEASE_SECONDS) still keeps the retry from writing until the dead holder's
    # lease lapsed. 30 s: two missed heartbeats are tolerated, a killed worker's sync
    # resumes well within a minute.
    job_stalled_seconds: float = 30.0
    # Seconds syncProject waits for its queued sync job to end (GITSTUDIO_JOB_QUEUE other
    # than inprocess) before answering CONFLICT (the job goes on): a sync of a large
    # repository takes minutes, within the 5-10 min HTTP clients and proxies allow.
    sync_wait_seconds: float = 300.0
    # Hours a queued sync's result (its report or error) is kept for whoever waits on it
    # (syncProject) before the workers prune it; a waiter gives up after
    # GITSTUDIO_SYNC_WAIT_SECONDS, so a day is ample and bounds the table.
    job_results_kept_hours: float = 24.0
    # GET /metrics (Prometheus) without a token; off: it needs a token with the ADMIN scope,
    # as the figures name operations and reveal load. Turn on behind a private network.
    metrics_public: bool = False
    # Distinct GraphQL operation names that become label values of /metrics; later ones
    # (and names that are not GraphQL names) count as "other": callers choose the names,
    # and every label value is a series Prometheus keeps.
    metrics_max_operations: int = 200
    # Log lines: "text" (human) or "json" (one object per line: time, level, logger,
    # message, request_id, job_id, exception) for log shippers.
    log_format: str = "text"
    # Seconds each /healthz check (database, event bus, job queue) may take before it is
    # reported failing: well under a load balancer's probe timeout (typically 5 s).
    healthz_timeout_seconds: float = 2.0
    # OpenTelemetry: spans of GraphQL operations, syncs and jobs are sent over OTLP/HTTP to
    # this endpoint (the standard OTEL_EXPORTER_OTLP_ENDPOINT; the other OTEL_* variables
    # apply too); empty: no tracing, nothing of OpenTelemetry imported. Needs the otel extra.
    otel_endpoint: str = ""
    # The dashboard's built files (index.html and assets/, gitstudio/dashboard.py); None: the
    # build shipped in the package (gitstudio/static/dashboard). A development build
    # (web/dist) or a test's fixture elsewhere.
    dashboard_dir: Path | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def effective_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite://{self.data_dir.resolve() / 'gitstudio.db'}"

    @property
    def mirrors_dir(self) -> Path:
        return self.data_dir.resolve() / "mirrors"

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


_ENV: dict[str, tuple[str, Any]] = {
    "data_dir": ("GITSTUDIO_DATA_DIR", Path),
    "database_url": ("GITSTUDIO_DATABASE_URL", str),
    "statement_timeout_seconds": ("GITSTUDIO_STATEMENT_TIMEOUT_SECONDS", float),
    "sqlite_readers": ("GITSTUDIO_SQLITE_READERS", int),
    "sqlite_reader_cache_mib": ("GITSTUDIO_SQLITE_READER_CACHE_MIB", int),
    "sqlite_reader_mmap_mib": ("GITSTUDIO_SQLITE_READER_MMAP_MIB", int),
    "event_bus": ("GITSTUDIO_EVENT_BUS", str),
    "host": ("GITSTUDIO_HOST", str),
    "port": ("GITSTUDIO_PORT", int),
    "poll_interval": ("GITSTUDIO_POLL_INTERVAL", float),
    "github_webhook_secret": ("GITSTUDIO_GITHUB_WEBHOOK_SECRET", str),
    "gitlab_webhook_token": ("GITSTUDIO_GITLAB_WEBHOOK_TOKEN", str),
    "git_username": ("GITSTUDIO_GIT_USERNAME", str),
    "git_password": ("GITSTUDIO_GIT_PASSWORD", str),
    "ssh_key_path": ("GITSTUDIO_SSH_KEY", str),
    "ssh_pubkey_path": ("GITSTUDIO_SSH_PUBKEY", str),
    "git_author_name": ("GITSTUDIO_GIT_AUTHOR_NAME", str),
    "git_author_email": ("GITSTUDIO_GIT_AUTHOR_EMAIL", str),
    "url_signing_key": ("GITSTUDIO_URL_SIGNING_KEY", str),
    "secret_key": ("GITSTUDIO_SECRET_KEY", str),
    "max_query_depth": ("GITSTUDIO_MAX_QUERY_DEPTH", int),
    "max_aliases": ("GITSTUDIO_MAX_ALIASES", int),
    "max_tokens": ("GITSTUDIO_MAX_TOKENS", int),
    "max_page_size": ("GITSTUDIO_MAX_PAGE_SIZE", int),
    "public_url": ("GITSTUDIO_PUBLIC_URL", str),
    "redis_prefix": ("GITSTUDIO_REDIS_PREFIX", str),
    "ws_send_queue": ("GITSTUDIO_WS_SEND_QUEUE", int),
    "max_parse_file_bytes": ("GITSTUDIO_MAX_PARSE_FILE_BYTES", int),
    "plot_max_file_values": ("GITSTUDIO_PLOT_MAX_FILE_VALUES", int),
    "plot_max_chart_values": ("GITSTUDIO_PLOT_MAX_CHART_VALUES", int),
    "remote_timeout_seconds": ("GITSTUDIO_REMOTE_TIMEOUT_SECONDS", float),
    "remote_cache_bytes": ("GITSTUDIO_REMOTE_CACHE_BYTES", int),
    "remote_setting_max_bytes": ("GITSTUDIO_REMOTE_SETTING_MAX_BYTES", int),
    "max_columns": ("GITSTUDIO_MAX_COLUMNS", int),
    "max_column_globs": ("GITSTUDIO_MAX_COLUMN_GLOBS", int),
    "max_custom_files": ("GITSTUDIO_MAX_CUSTOM_FILES", int),
    "max_query_cost": ("GITSTUDIO_MAX_QUERY_COST", int),
    "cost_experiments_per_commit": ("GITSTUDIO_COST_EXPERIMENTS_PER_COMMIT", int),
    "max_json_depth": ("GITSTUDIO_MAX_JSON_DEPTH", int),
    "max_views_per_project": ("GITSTUDIO_MAX_VIEWS_PER_PROJECT", int),
    "max_views_per_user": ("GITSTUDIO_MAX_VIEWS_PER_USER", int),
    "max_view_name_chars": ("GITSTUDIO_MAX_VIEW_NAME_CHARS", int),
    "max_view_bytes": ("GITSTUDIO_MAX_VIEW_BYTES", int),
    "max_branch_order_branches": ("GITSTUDIO_MAX_BRANCH_ORDER_BRANCHES", int),
    "ws_max_operations": ("GITSTUDIO_WS_MAX_OPERATIONS", int),
    "ws_max_message_bytes": ("GITSTUDIO_WS_MAX_MESSAGE_BYTES", int),
    "ws_max_connections_per_token": ("GITSTUDIO_WS_MAX_CONNECTIONS_PER_TOKEN", int),
    "ws_max_anonymous_connections": ("GITSTUDIO_WS_MAX_ANONYMOUS_CONNECTIONS", int),
    "ws_protocol": ("GITSTUDIO_WS_PROTOCOL", str),
    "ws_collect_every": ("GITSTUDIO_WS_COLLECT_EVERY", int),
    "device_login_pending_per_client": ("GITSTUDIO_DEVICE_LOGIN_PENDING_PER_CLIENT", int),
    "device_login_attempts_per_client": ("GITSTUDIO_DEVICE_LOGIN_ATTEMPTS_PER_CLIENT", int),
    "audit_retention_days": ("GITSTUDIO_AUDIT_RETENTION_DAYS", float),
    "session_ttl_seconds": ("GITSTUDIO_SESSION_TTL_SECONDS", float),
    "session_idle_seconds": ("GITSTUDIO_SESSION_IDLE_SECONDS", float),
    "login_max_failures": ("GITSTUDIO_LOGIN_MAX_FAILURES", int),
    "login_max_failures_per_client": ("GITSTUDIO_LOGIN_MAX_FAILURES_PER_CLIENT", int),
    "login_window_seconds": ("GITSTUDIO_LOGIN_WINDOW_SECONDS", float),
    "oidc_issuer": ("GITSTUDIO_OIDC_ISSUER", str),
    "oidc_client_id": ("GITSTUDIO_OIDC_CLIENT_ID", str),
    "oidc_client_secret": ("GITSTUDIO_OIDC_CLIENT_SECRET", str),
    "oidc_scopes": ("GITSTUDIO_OIDC_SCOPES", str),
    "oidc_teams_claim": ("GITSTUDIO_OIDC_TEAMS_CLAIM", str),
    "oidc_team_role": ("GITSTUDIO_OIDC_TEAM_ROLE", str),
    "oidc_timeout_seconds": ("GITSTUDIO_OIDC_TIMEOUT_SECONDS", float),
    "oidc_cache_seconds": ("GITSTUDIO_OIDC_CACHE_SECONDS", float),
    "oidc_login_seconds": ("GITSTUDIO_OIDC_LOGIN_SECONDS", float),
    "unmatched_url_chars": ("GITSTUDIO_UNMATCHED_URL_CHARS", int),
    "unmatched_max_rows": ("GITSTUDIO_UNMATCHED_MAX_ROWS", int),
    "push_timeout_seconds": ("GITSTUDIO_PUSH_TIMEOUT_SECONDS", float),
    "live_stale_after": ("GITSTUDIO_LIVE_STALE_AFTER", float),
    "lease_seconds": ("GITSTUDIO_LEASE_SECONDS", float),
    "lease_wait": ("GITSTUDIO_LEASE_WAIT", float),
    "instance_id": ("GITSTUDIO_INSTANCE_ID", str),
    "local_repo_roots": ("GITSTUDIO_LOCAL_REPO_ROOTS", lambda v: _listed(v, os.pathsep, Path)),
    "allowed_git_hosts": ("GITSTUDIO_ALLOWED_GIT_HOSTS", lambda v: _listed(v, ",", str)),
    "allow_http_remotes": ("GITSTUDIO_ALLOW_HTTP_REMOTES", lambda v: _flag(v)),
    "max_repo_url_bytes": ("GITSTUDIO_MAX_REPO_URL_BYTES", int),
    "repo_index_reload_seconds": ("GITSTUDIO_REPO_INDEX_RELOAD_SECONDS", float),
    "max_webhooks_per_project": ("GITSTUDIO_MAX_WEBHOOKS_PER_PROJECT", int),
    "max_webhook_url_bytes": ("GITSTUDIO_MAX_WEBHOOK_URL_BYTES", int),
    "max_webhook_secret_bytes": ("GITSTUDIO_MAX_WEBHOOK_SECRET_BYTES", int),
    "max_webhook_payload_bytes": ("GITSTUDIO_MAX_WEBHOOK_PAYLOAD_BYTES", int),
    "webhook_deliveries_kept": ("GITSTUDIO_WEBHOOK_DELIVERIES_KEPT", int),
    "webhook_max_attempts": ("GITSTUDIO_WEBHOOK_MAX_ATTEMPTS", int),
    "webhook_retry_base_seconds": ("GITSTUDIO_WEBHOOK_RETRY_BASE_SECONDS", float),
    "webhook_retry_max_seconds": ("GITSTUDIO_WEBHOOK_RETRY_MAX_SECONDS", float),
    "webhook_timeout_seconds": ("GITSTUDIO_WEBHOOK_TIMEOUT_SECONDS", float),
    "webhook_cache_seconds": ("GITSTUDIO_WEBHOOK_CACHE_SECONDS", float),
    "webhook_poll_seconds": ("GITSTUDIO_WEBHOOK_POLL_SECONDS", float),
    "webhook_concurrency": ("GITSTUDIO_WEBHOOK_CONCURRENCY", int),
    "max_param_changes": ("GITSTUDIO_MAX_PARAM_CHANGES", int),
    "max_param_path_bytes": ("GITSTUDIO_MAX_PARAM_PATH_BYTES", int),
    "max_param_path_depth": ("GITSTUDIO_MAX_PARAM_PATH_DEPTH", int),
    "max_param_value_bytes": ("GITSTUDIO_MAX_PARAM_VALUE_BYTES", int),
    "max_message_bytes": ("GITSTUDIO_MAX_MESSAGE_BYTES", int),
    "max_title_bytes": ("GITSTUDIO_MAX_TITLE_BYTES", int),
    "max_ref_name_bytes": ("GITSTUDIO_MAX_REF_NAME_BYTES", int),
    "max_model_description_bytes": ("GITSTUDIO_MAX_MODEL_DESCRIPTION_BYTES", int),
    "max_model_labels": ("GITSTUDIO_MAX_MODEL_LABELS", int),
    "max_graphql_body_bytes": ("GITSTUDIO_MAX_GRAPHQL_BODY_BYTES", int),
    "max_live_body_bytes": ("GITSTUDIO_MAX_LIVE_BODY_BYTES", int),
    "max_webhook_body_bytes": ("GITSTUDIO_MAX_WEBHOOK_BODY_BYTES", int),
    "max_request_body_bytes": ("GITSTUDIO_MAX_REQUEST_BODY_BYTES", int),
    "plot_image_max_bytes": ("GITSTUDIO_PLOT_IMAGE_MAX_BYTES", int),
    "device_login_pending_max": ("GITSTUDIO_DEVICE_LOGIN_PENDING_MAX", int),
    "cors_origins": ("GITSTUDIO_CORS_ORIGINS", lambda v: _listed(v, ",", str)),
    "compiled_plans": ("GITSTUDIO_COMPILED_PLANS", lambda v: _flag(v)),
    "analyze_after_rows": ("GITSTUDIO_ANALYZE_AFTER_ROWS", int),
    "pack_refs_after": ("GITSTUDIO_PACK_REFS_AFTER", int),
    "index_batch_rows": ("GITSTUDIO_INDEX_BATCH_ROWS", int),
    "parse_cache_entries": ("GITSTUDIO_PARSE_CACHE_ENTRIES", int),
    "scan_process_revisions": ("GITSTUDIO_SCAN_PROCESS_REVISIONS", int),
    "scan_process_git_cache_mib": ("GITSTUDIO_SCAN_PROCESS_GIT_CACHE_MIB", int),
    "ref_memo_entries": ("GITSTUDIO_REF_MEMO_ENTRIES", int),
    "ref_watches": ("GITSTUDIO_REF_WATCHES", int),
    "ref_watch_seconds": ("GITSTUDIO_REF_WATCH_SECONDS", float),
    "sqlite_bulk_cache_mib": ("GITSTUDIO_SQLITE_BULK_CACHE_MIB", int),
    "registry_cache_projects": ("GITSTUDIO_REGISTRY_CACHE_PROJECTS", int),
    "registry_warm_projects": ("GITSTUDIO_REGISTRY_WARM_PROJECTS", int),
    "token_cache_entries": ("GITSTUDIO_TOKEN_CACHE_ENTRIES", int),
    "project_cache_entries": ("GITSTUDIO_PROJECT_CACHE_ENTRIES", int),
    "plot_name_cache_entries": ("GITSTUDIO_PLOT_NAME_CACHE_ENTRIES", int),
    "live_run_cache_entries": ("GITSTUDIO_LIVE_RUN_CACHE_ENTRIES", int),
    "plot_cache_entries": ("GITSTUDIO_PLOT_CACHE_ENTRIES", int),
    "plot_cache_values": ("GITSTUDIO_PLOT_CACHE_VALUES", int),
    "job_queue": ("GITSTUDIO_JOB_QUEUE", str),
    "worker_concurrency": ("GITSTUDIO_WORKER_CONCURRENCY", int),
    "job_stalled_seconds": ("GITSTUDIO_JOB_STALLED_SECONDS", float),
    "job_results_kept_hours": ("GITSTUDIO_JOB_RESULTS_KEPT_HOURS", float),
    "sync_wait_seconds": ("GITSTUDIO_SYNC_WAIT_SECONDS", float),
    "metrics_public": ("GITSTUDIO_METRICS_PUBLIC", lambda v: _flag(v)),
    "metrics_max_operations": ("GITSTUDIO_METRICS_MAX_OPERATIONS", int),
    "log_format": ("GITSTUDIO_LOG_FORMAT", str),
    "healthz_timeout_seconds": ("GITSTUDIO_HEALTHZ_TIMEOUT_SECONDS", float),
    "otel_endpoint": ("OTEL_EXPORTER_OTLP_ENDPOINT", str),
    "dashboard_dir": ("GITSTUDIO_DASHBOARD_DIR", Path),
}


def _listed(value: str, sep: str, convert: Any) -> tuple[Any, ...]:
    return tuple(convert(v.strip()) for v in value.split(sep) if v.strip())


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


def from_env(environ: Mapping[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for attr, (name, convert) in _ENV.items():
        if name in env and env[name] != "":
            values[attr] = convert(env[name])
    return Settings(**values)


__all__ = ["Settings", "from_env"]
