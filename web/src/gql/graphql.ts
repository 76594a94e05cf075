/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type ClosePullRequestInput = {
  clientMutationId?: string | null | undefined;
  pullRequestId: string | number;
};

/** A condition on one column, e.g. {column: 'metric:metrics.json:acc', op: GT, value: 0.9}. */
export type ColumnFilter = {
  column: string;
  op: FilterOperator;
  value?: unknown;
};

/** Which values of a column are better. */
export type ColumnGoal =
  | 'HIGHER'
  | 'LOWER';

export type ColumnKind =
  | 'METRIC'
  | 'PARAM';

export type CreateAccessTokenInput = {
  /** A retry with the same id returns the same token. */
  clientMutationId?: string | null | undefined;
  name: string;
  ownerEmail?: string | null | undefined;
  /** Whom writes made with the token are by (with ownerEmail); unset: the owner of the token creating it when the new token is its own user's, else none (the server's Git author). */
  ownerName?: string | null | undefined;
  /** Restrict it to these projects (ones you read; a restricted caller's own at most); unset: the caller's restriction, if any. */
  projects?: Array<string | number> | null | undefined;
  scopes: Array<TokenScope>;
  /** The user the token belongs to (a site admin's ADMIN token may name any); unset: the caller's user. */
  user?: string | null | undefined;
};

export type DeleteViewInput = {
  clientMutationId?: string | null | undefined;
  id: string | number;
};

export type DeprecateModelInput = {
  clientMutationId?: string | null | undefined;
  message?: string | null | undefined;
  model: string;
  projectId: string | number;
};

export type Direction =
  | 'ASC'
  | 'DESC';

/** Why a mutation did not do what was asked. */
export type ErrorCode =
  | 'CONFLICT'
  | 'DUPLICATE'
  | 'FORBIDDEN'
  | 'FORBIDDEN_REPOSITORY'
  | 'FORBIDDEN_URL'
  | 'INTERNAL'
  | 'INVALID'
  | 'INVALID_URL'
  | 'IN_GIT'
  | 'LIMIT_EXCEEDED'
  | 'NOT_FOUND'
  | 'TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'UNREACHABLE';

export type ExperimentFilter = {
  /** Substring of the author's name or email. */
  author?: string | null | undefined;
  baselineSha?: string | null | undefined;
  /** Studio's 'branch = X': the commits of this branch's first-parent line from its head (`git rev-list --first-parent X`), experiments and live runs by their baseline. Every commit it reaches: onBranch. */
  branch?: string | null | undefined;
  columns?: Array<ColumnFilter> | null | undefined;
  /** true: only detached rows (Experiment.detached); false: none of them. */
  detached?: boolean | null | undefined;
  /** Also the hidden rows (hideRows, or '[skip studio]' in the commit message); without it they are left out of the rows, the count and every order. */
  includeHidden?: boolean | null | undefined;
  kinds?: Array<ExperimentKind> | null | undefined;
  /** Substring of the commit message. */
  message?: string | null | undefined;
  /** Studio's 'commits on branch X': every commit the branch reaches (`git rev-list X`), experiments and live runs by their baseline. */
  onBranch?: string | null | undefined;
  statuses?: Array<ExperimentStatus> | null | undefined;
  /** The commit this tag names (experiments and live runs by their baseline). */
  tag?: string | null | undefined;
};

export type ExperimentKind =
  | 'COMMIT'
  | 'EXPERIMENT'
  | 'LIVE';

/** Order by a column id, or by a row field (the creation time when both are omitted). AUTHOR (the author's name), MESSAGE (its first 200 characters) and BRANCH (the first, by name, of the branches whose first-parent line holds the row's commit; rows on none last), in code point order, come first and alone: the time then orders their ties; columns cannot follow them. */
export type ExperimentOrder = {
  column?: string | null | undefined;
  direction?: Direction;
  field?: ExperimentSortField | null | undefined;
};

/** A field of the rows the table can be ordered by. */
export type ExperimentSortField =
  | 'AUTHOR'
  | 'BRANCH'
  | 'COMMITTED_AT'
  | 'MESSAGE';

export type ExperimentStatus =
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'STALE';

export type FilterOperator =
  | 'CONTAINS'
  | 'EQ'
  | 'EXISTS'
  | 'GT'
  | 'GTE'
  | 'LT'
  | 'LTE'
  | 'NE';

/** Forges pull requests can be opened on. */
export type ForgeKind =
  | 'GITEA'
  | 'GITHUB'
  | 'GITLAB';

export type HideRowsInput = {
  /** Branch names of this project: a hidden branch is left out of Project.branches unless includeHidden (a sync keeps it hidden). One the project lacks is NOT_FOUND and none changes. 1 to 1,000 ids and branches together. */
  branches?: Array<string>;
  clientMutationId?: string | null | undefined;
  /** Experiment ids (commits, experiments, live runs) of this project. One that is not (unknown, another project's) is NOT_FOUND and none changes. */
  ids?: Array<string | number>;
  projectId: string | number;
};

export type LiveEventType =
  | 'DATA'
  | 'DONE'
  | 'START';

/** How mergePullRequest joins the branches. */
export type MergeMethod =
  | 'FAST_FORWARD'
  | 'MERGE_COMMIT';

export type MergePullRequestInput = {
  clientMutationId?: string | null | undefined;
  method?: MergeMethod;
  pullRequestId: string | number;
};

/** Which models `Query.models` lists: every condition given holds. */
export type ModelFilter = {
  /** A part of the model's full name, in any case. */
  name?: string | null | undefined;
  /** Only these projects (at most 100); those you may not read are skipped, as missing ones are. */
  projectIds?: Array<string | number> | null | undefined;
  /** Some version holds it. */
  stage?: string | null | undefined;
  /** The declared type. */
  type?: string | null | undefined;
};

/** Why the registry tags of a model cannot be folded. */
export type ModelRegistryErrorCode =
  | 'SEVERAL_VERSIONS_AT_COMMIT'
  | 'UNFOLDABLE';

/** One parameter to change, e.g. {file: 'params.yaml', path: 'lr', value: 0.01}. */
export type ParamChangeInput = {
  /** Relative to the project's DVC root. */
  file: string;
  /** Kept for old clients: only existing keys are changed. */
  new?: boolean;
  /** Dotted key path; list items by index (layers.0). */
  path: string;
  /** The value may change type. */
  retype?: boolean;
  value: unknown;
};

export type PlotKind =
  | 'IMAGE'
  | 'VEGA';

export type PullRequestState =
  | 'CLOSED'
  | 'MERGED'
  | 'OPEN';

export type RegisterModelVersionInput = {
  bump?: VersionBump | null | undefined;
  clientMutationId?: string | null | undefined;
  message?: string | null | undefined;
  /** Full name (`dir:name` in monorepos). */
  model: string;
  projectId: string | number;
  /** The commit: sha, branch or tag. */
  rev: string;
  /** `vX.Y.Z`; omitted: the latest version bumped. */
  version?: string | null | undefined;
};

/** What a registry tag did. */
export type RegistryEventKind =
  | 'ASSIGNMENT'
  | 'DEPRECATION'
  | 'DEREGISTRATION'
  | 'REGISTRATION'
  | 'UNASSIGNMENT';

export type RunExperimentInput = {
  /** A branch name, or a commit sha. */
  baseRev: string;
  /** PULL_REQUEST: its description (default: the changes). */
  body?: string | null | undefined;
  /** BRANCH, PULL_REQUEST: the new branch. COMMIT: the branch to move when baseRev is a sha. */
  branch?: string | null | undefined;
  /** A retry with the same id returns the first result. */
  clientMutationId?: string | null | undefined;
  message?: string | null | undefined;
  paramChanges: Array<ParamChangeInput>;
  projectId: string | number;
  target?: RunTarget;
  /** PULL_REQUEST: its title (default: the commit's first line). */
  title?: string | null | undefined;
};

/** Where the new commit goes. */
export type RunTarget =
  | 'BRANCH'
  | 'COMMIT'
  | 'PULL_REQUEST';

export type SaveViewInput = {
  /** An experiment of the project, to take deltas from. */
  baseline?: string | number | null | undefined;
  clientMutationId?: string | null | undefined;
  /** Column ids of the project to show, in order (at most GITSTUDIO_MAX_COLUMNS); none: the client's default. */
  columns?: Array<string> | null | undefined;
  filter?: ExperimentFilter | null | undefined;
  /** Goals overriding the project's for these columns. */
  goals?: Array<ViewGoalInput> | null | undefined;
  /** Show hidden rows: sets the filter's includeHidden (null: as the filter says). */
  includeHidden?: boolean | null | undefined;
  /** Saving a name again replaces that view (the shared one, or the caller's own): at most GITSTUDIO_MAX_VIEW_NAME_CHARS characters. */
  name: string;
  order?: Array<ExperimentOrder> | null | undefined;
  projectId: string | number;
  /** Shared with the project's readers (needs the EDITOR role), or the caller's own (any signed-in reader). */
  shared?: boolean;
};

export type SetColumnGoalInput = {
  clientMutationId?: string | null | undefined;
  /** 'param:FILE:PATH' or 'metric:FILE:PATH'. */
  column: string;
  /** null clears it. */
  goal?: ColumnGoal | null | undefined;
  projectId: string | number;
};

export type StageInput = {
  clientMutationId?: string | null | undefined;
  message?: string | null | undefined;
  model: string;
  projectId: string | number;
  stage: string;
  version: string;
};

/** What a project's syncing is doing. */
export type SyncState =
  /** The last sync failed (lastSyncError); the next one retries. */
  | 'FAILED'
  | 'IDLE'
  /** A sync waits to start. */
  | 'QUEUED'
  /** A settings change asked for a full re-index, which has not finished: the table still shows rows as the old settings made them, rewritten as it goes. */
  | 'REINDEXING'
  /** A sync (or a write) runs. */
  | 'SYNCING';

export type TokenScope =
  | 'ADMIN'
  | 'EXPERIMENTS'
  | 'MODELS'
  | 'PROJECTS'
  | 'READ';

/** Which part of the latest version a registration bumps. */
export type VersionBump =
  | 'MAJOR'
  | 'MINOR'
  | 'PATCH';

/** A goal of a saved view for one column. */
export type ViewGoalInput = {
  /** 'param:FILE:PATH' or 'metric:FILE:PATH'. */
  column: string;
  goal: ColumnGoal;
};

/** Who may read a project: PRIVATE its owner (a user, or a team's members by role) and site admins; TEAM the same for a team's project; PUBLIC anyone, even without a token. */
export type Visibility =
  | 'PRIVATE'
  | 'PUBLIC'
  | 'TEAM';

export type CompareRowsQueryVariables = Exact<{
  projectId: string | number;
  ids: Array<string | number> | string | number;
  baseline?: string | number | null | undefined;
}>;


export type CompareRowsQuery = { node:
    | { compare: { differing: Array<string>, experiments: Array<{ id: string, kind: ExperimentKind, name: string | null, sha: string | null, status: ExperimentStatus, lastStep: number | null, metricNames: Array<string> }>, rows: Array<{ column: string, values: Array<unknown>, deltas: Array<number | null>, goal: ColumnGoal | null, better: Array<boolean | null> }>, plots: Array<{ id: string, kind: PlotKind, revisions: Array<string>, spec: unknown, images: Array<{ revision: string, step: number | null, url: string, contentType: string }> }>, plotErrors: Array<{ plot: string | null, revision: string, message: string }> } }
    | Record<PropertyKey, never>
   | null };

export type MetricHistoryQueryVariables = Exact<{
  id: string | number;
  name: string;
  maxPoints: number;
}>;


export type MetricHistoryQuery = { node:
    | { metricHistory: { name: string, steps: Array<number>, values: Array<number | null>, total: number } }
    | Record<PropertyKey, never>
   | null };

export type RunMetricsSubscriptionVariables = Exact<{
  projectId: string | number;
  experimentId: string | number;
  sinceStep?: number | null | undefined;
}>;


export type RunMetricsSubscription = { liveMetrics: { type: LiveEventType, step: number | null, metrics: unknown, plotRows: unknown, experimentId: string } };

export type ModelFieldsFragment = { name: string, type: string | null, description: string, labels: Array<string>, path: string | null, declaredIn: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string } | null, versions: Array<{ version: string, commit: string, tag: string, author: string, createdAt: string, active: boolean, registered: boolean, discovered: boolean, stages: Array<string> }>, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, history: Array<{ kind: RegistryEventKind, version: string | null, stage: string | null, commit: string, tag: string, author: string, createdAt: string, message: string }> };

export type ModelPageQueryVariables = Exact<{
  project: string;
  model: string;
}>;


export type ModelPageQuery = { project: { id: string, name: string, repoUrl: string, defaultBranch: string | null, model: { name: string, type: string | null, description: string, labels: Array<string>, path: string | null, declaredIn: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string } | null, versions: Array<{ version: string, commit: string, tag: string, author: string, createdAt: string, active: boolean, registered: boolean, discovered: boolean, stages: Array<string> }>, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, history: Array<{ kind: RegistryEventKind, version: string | null, stage: string | null, commit: string, tag: string, author: string, createdAt: string, message: string }> } | null } | null };

export type RegisterVersionMutationVariables = Exact<{
  input: RegisterModelVersionInput;
}>;


export type RegisterVersionMutation = { registerModelVersion: { tag: string | null, model: { name: string, type: string | null, description: string, labels: Array<string>, path: string | null, declaredIn: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string } | null, versions: Array<{ version: string, commit: string, tag: string, author: string, createdAt: string, active: boolean, registered: boolean, discovered: boolean, stages: Array<string> }>, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, history: Array<{ kind: RegistryEventKind, version: string | null, stage: string | null, commit: string, tag: string, author: string, createdAt: string, message: string }> } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type AssignStageMutationVariables = Exact<{
  input: StageInput;
}>;


export type AssignStageMutation = { assignStage: { tag: string | null, model: { name: string, type: string | null, description: string, labels: Array<string>, path: string | null, declaredIn: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string } | null, versions: Array<{ version: string, commit: string, tag: string, author: string, createdAt: string, active: boolean, registered: boolean, discovered: boolean, stages: Array<string> }>, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, history: Array<{ kind: RegistryEventKind, version: string | null, stage: string | null, commit: string, tag: string, author: string, createdAt: string, message: string }> } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type UnassignStageMutationVariables = Exact<{
  input: StageInput;
}>;


export type UnassignStageMutation = { unassignStage: { tag: string | null, model: { name: string, type: string | null, description: string, labels: Array<string>, path: string | null, declaredIn: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string } | null, versions: Array<{ version: string, commit: string, tag: string, author: string, createdAt: string, active: boolean, registered: boolean, discovered: boolean, stages: Array<string> }>, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, history: Array<{ kind: RegistryEventKind, version: string | null, stage: string | null, commit: string, tag: string, author: string, createdAt: string, message: string }> } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type DeprecateModelMutationVariables = Exact<{
  input: DeprecateModelInput;
}>;


export type DeprecateModelMutation = { deprecateModel: { tag: string | null, model: { name: string, type: string | null, description: string, labels: Array<string>, path: string | null, declaredIn: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string } | null, versions: Array<{ version: string, commit: string, tag: string, author: string, createdAt: string, active: boolean, registered: boolean, discovered: boolean, stages: Array<string> }>, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, history: Array<{ kind: RegistryEventKind, version: string | null, stage: string | null, commit: string, tag: string, author: string, createdAt: string, message: string }> } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type ModelsDashboardQueryVariables = Exact<{
  after?: string | null | undefined;
  filter?: ModelFilter | null | undefined;
}>;


export type ModelsDashboardQuery = { models: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ name: string, type: string | null, description: string, labels: Array<string>, path: string | null, registered: boolean, deprecated: boolean, registryError: { code: ModelRegistryErrorCode, message: string } | null, latestVersion: { version: string, createdAt: string } | null, stages: Array<{ stage: string, versions: Array<{ version: string }> }>, project: { id: string, name: string } | null }> } };

export type ProjectsDashboardQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type ProjectsDashboardQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, databaseId: number, name: string, repoUrl: string, visibility: Visibility, defaultBranch: string | null, lastSyncedAt: string | null, lastSyncError: string | null, syncState: SyncState, rows: { totalCount: number }, commits: { totalCount: number }, running: { totalCount: number, nodes: Array<{ id: string, name: string | null, lastStep: number | null, lastEventAt: string | null }> } }> } };

export type RowParamsQueryVariables = Exact<{
  id: string | number;
}>;


export type RowParamsQuery = { node:
    | { id: string, sha: string | null, params: unknown, commit: { sha: string, branches: Array<string> } | null }
    | Record<PropertyKey, never>
   | null };

export type RunExperimentMutationVariables = Exact<{
  input: RunExperimentInput;
}>;


export type RunExperimentMutation = { runExperiment: { branch: string | null, commit: { sha: string } | null, pullRequest: { number: number, url: string | null } | null, errors: Array<{ code: ErrorCode, message: string, field: string | null }> } };

export type PullRequestsQueryVariables = Exact<{
  projectId: string | number;
  state?: PullRequestState | null | undefined;
}>;


export type PullRequestsQuery = { node:
    | { pullRequests: Array<{ id: string, number: number, title: string, sourceBranch: string, targetBranch: string, state: PullRequestState, url: string | null, forge: ForgeKind | null, createdBy: string, createdAt: string, mergeable: boolean | null, conflicts: Array<string> }> }
    | Record<PropertyKey, never>
   | null };

export type MergePullRequestMutationVariables = Exact<{
  input: MergePullRequestInput;
}>;


export type MergePullRequestMutation = { mergePullRequest: { pullRequest: { id: string, state: PullRequestState, mergeSha: string | null } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type ClosePullRequestMutationVariables = Exact<{
  input: ClosePullRequestInput;
}>;


export type ClosePullRequestMutation = { closePullRequest: { pullRequest: { id: string, state: PullRequestState } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type RowFieldsFragment = { id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> };

export type ViewFieldsFragment = { id: string, name: string, shared: boolean, owner: string | null, columns: Array<string>, filter: unknown, order: unknown, includeHidden: boolean, baseline: { id: string } | null };

export type TableProjectQueryVariables = Exact<{
  name: string;
  includeHidden: boolean;
}>;


export type TableProjectQuery = { project: { id: string, databaseId: number, name: string, defaultBranch: string | null, visibility: Visibility, syncState: SyncState, lastSyncedAt: string | null, lastSyncError: string | null, branches: Array<{ name: string, folded: boolean, hidden: boolean, ownCommits: number }>, tags: Array<{ name: string }>, columns: Array<{ id: string, kind: ColumnKind, file: string, path: string, type: string }>, columnGoals: Array<{ column: string, goal: ColumnGoal | null }>, views: Array<{ id: string, name: string, shared: boolean, owner: string | null, columns: Array<string>, filter: unknown, order: unknown, includeHidden: boolean, baseline: { id: string } | null }> } | null };

export type ViewGoalsQueryVariables = Exact<{
  projectId: string | number;
  name: string;
}>;


export type ViewGoalsQuery = { node:
    | { view: { id: string, goals: Array<{ column: string, goal: ColumnGoal | null }> } | null }
    | Record<PropertyKey, never>
   | null };

export type BaselineRowQueryVariables = Exact<{
  id: string | number;
  columns?: Array<string> | string | null | undefined;
}>;


export type BaselineRowQuery = { node:
    | { id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> }
    | Record<PropertyKey, never>
   | null };

export type TableRowsQueryVariables = Exact<{
  projectId: string | number;
  filter?: ExperimentFilter | null | undefined;
  orderBy?: Array<ExperimentOrder> | ExperimentOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
  columns?: Array<string> | string | null | undefined;
}>;


export type TableRowsQuery = { node:
    | { experiments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, commit: { committedAt: string, branches: Array<string> } | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> }> } }
    | Record<PropertyKey, never>
   | null };

export type TableRowsNestedQueryVariables = Exact<{
  projectId: string | number;
  filter?: ExperimentFilter | null | undefined;
  orderBy?: Array<ExperimentOrder> | ExperimentOrder | null | undefined;
  first: number;
  after?: string | null | undefined;
  columns?: Array<string> | string | null | undefined;
}>;


export type TableRowsNestedQuery = { node:
    | { experiments: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, commit: { committedAt: string, branches: Array<string>, experiments: Array<{ id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> }> } | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> }> } }
    | Record<PropertyKey, never>
   | null };

export type HideRowsMutationVariables = Exact<{
  input: HideRowsInput;
}>;


export type HideRowsMutation = { hideRows: { experiments: Array<{ id: string, hidden: boolean, autoHidden: boolean }>, branches: Array<{ name: string, hidden: boolean }>, errors: Array<{ code: ErrorCode, message: string }> } };

export type UnhideRowsMutationVariables = Exact<{
  input: HideRowsInput;
}>;


export type UnhideRowsMutation = { unhideRows: { experiments: Array<{ id: string, hidden: boolean, autoHidden: boolean }>, branches: Array<{ name: string, hidden: boolean }>, errors: Array<{ code: ErrorCode, message: string }> } };

export type SaveViewMutationVariables = Exact<{
  input: SaveViewInput;
}>;


export type SaveViewMutation = { saveView: { view: { id: string, name: string, shared: boolean, owner: string | null, columns: Array<string>, filter: unknown, order: unknown, includeHidden: boolean, baseline: { id: string } | null } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type DeleteViewMutationVariables = Exact<{
  input: DeleteViewInput;
}>;


export type DeleteViewMutation = { deleteView: { deletedId: string | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type SetColumnGoalMutationVariables = Exact<{
  input: SetColumnGoalInput;
}>;


export type SetColumnGoalMutation = { setColumnGoal: { columnGoal: { column: string, goal: ColumnGoal | null } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type TableExperimentEventsSubscriptionVariables = Exact<{
  projectId: string | number;
  columns?: Array<string> | string | null | undefined;
}>;


export type TableExperimentEventsSubscription = { experimentEvents: { change: string, experimentId: string, experiment: { id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> } | null } };

export type TableLiveMetricsSubscriptionVariables = Exact<{
  projectId: string | number;
  columns?: Array<string> | string | null | undefined;
}>;


export type TableLiveMetricsSubscription = { liveMetrics: { type: LiveEventType, step: number | null, experimentId: string, experiment: { id: string, databaseId: number, kind: ExperimentKind, name: string | null, status: ExperimentStatus, sha: string | null, baselineSha: string | null, message: string | null, createdAt: string, hidden: boolean, autoHidden: boolean, detached: boolean, tags: Array<string>, ref: string | null, lastStep: number | null, lastEventAt: string | null, author: { name: string } | null, values: Array<{ column: string, value: unknown }> } } };

export type MyTokensQueryVariables = Exact<{ [key: string]: never; }>;


export type MyTokensQuery = { me: { name: string, tokens: Array<{ id: string, name: string, prefix: string, scopes: Array<TokenScope>, createdAt: string, lastUsedAt: string | null, projects: Array<string> | null }> } };

export type CreateTokenMutationVariables = Exact<{
  input: CreateAccessTokenInput;
}>;


export type CreateTokenMutation = { createAccessToken: { token: string | null, accessToken: { id: string, name: string } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type RevokeTokenMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeTokenMutation = { revokeAccessToken: { accessToken: { id: string, revokedAt: string | null } | null, errors: Array<{ code: ErrorCode, message: string }> } };

export type TrendsQueryVariables = Exact<{
  projectId: string | number;
  branch: string;
  columns: Array<string> | string;
  first: number;
}>;


export type TrendsQuery = { node:
    | { trends: Array<{ sha: string, values: Array<unknown>, committedAt: string, message: string }> }
    | Record<PropertyKey, never>
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ModelFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}
    `, {"fragmentName":"ModelFields"}) as unknown as TypedDocumentString<ModelFieldsFragment, unknown>;
export const RowFieldsFragmentDoc = new TypedDocumentString(`
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}
    `, {"fragmentName":"RowFields"}) as unknown as TypedDocumentString<RowFieldsFragment, unknown>;
export const ViewFieldsFragmentDoc = new TypedDocumentString(`
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}
    `, {"fragmentName":"ViewFields"}) as unknown as TypedDocumentString<ViewFieldsFragment, unknown>;
export const CompareRowsDocument = new TypedDocumentString(`
    query CompareRows($projectId: ID!, $ids: [ID!]!, $baseline: ID) {
  node(id: $projectId) {
    ... on Project {
      compare(ids: $ids, baseline: $baseline) {
        experiments {
          id
          kind
          name
          sha
          status
          lastStep
          metricNames
        }
        differing
        rows {
          column
          values
          deltas
          goal
          better
        }
        plots {
          id
          kind
          revisions
          spec
          images {
            revision
            step
            url
            contentType
          }
        }
        plotErrors {
          plot
          revision
          message
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CompareRowsQuery, CompareRowsQueryVariables>;
export const MetricHistoryDocument = new TypedDocumentString(`
    query MetricHistory($id: ID!, $name: String!, $maxPoints: Int!) {
  node(id: $id) {
    ... on Experiment {
      metricHistory(name: $name, maxPoints: $maxPoints) {
        name
        steps
        values
        total
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MetricHistoryQuery, MetricHistoryQueryVariables>;
export const RunMetricsDocument = new TypedDocumentString(`
    subscription RunMetrics($projectId: ID!, $experimentId: ID!, $sinceStep: Int) {
  liveMetrics(
    projectId: $projectId
    experimentId: $experimentId
    sinceStep: $sinceStep
  ) {
    type
    step
    metrics
    plotRows
    experimentId
  }
}
    `) as unknown as TypedDocumentString<RunMetricsSubscription, RunMetricsSubscriptionVariables>;
export const ModelPageDocument = new TypedDocumentString(`
    query ModelPage($project: String!, $model: String!) {
  project(name: $project) {
    id
    name
    repoUrl
    defaultBranch
    model(name: $model) {
      ...ModelFields
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`) as unknown as TypedDocumentString<ModelPageQuery, ModelPageQueryVariables>;
export const RegisterVersionDocument = new TypedDocumentString(`
    mutation RegisterVersion($input: RegisterModelVersionInput!) {
  registerModelVersion(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`) as unknown as TypedDocumentString<RegisterVersionMutation, RegisterVersionMutationVariables>;
export const AssignStageDocument = new TypedDocumentString(`
    mutation AssignStage($input: StageInput!) {
  assignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`) as unknown as TypedDocumentString<AssignStageMutation, AssignStageMutationVariables>;
export const UnassignStageDocument = new TypedDocumentString(`
    mutation UnassignStage($input: StageInput!) {
  unassignStage(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`) as unknown as TypedDocumentString<UnassignStageMutation, UnassignStageMutationVariables>;
export const DeprecateModelDocument = new TypedDocumentString(`
    mutation DeprecateModel($input: DeprecateModelInput!) {
  deprecateModel(input: $input) {
    tag
    model {
      ...ModelFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ModelFields on Model {
  name
  type
  description
  labels
  path
  declaredIn
  registered
  deprecated
  registryError {
    code
    message
  }
  latestVersion {
    version
  }
  versions(includeInactive: true) {
    version
    commit
    tag
    author
    createdAt
    active
    registered
    discovered
    stages
  }
  stages {
    stage
    versions {
      version
    }
  }
  history {
    kind
    version
    stage
    commit
    tag
    author
    createdAt
    message
  }
}`) as unknown as TypedDocumentString<DeprecateModelMutation, DeprecateModelMutationVariables>;
export const ModelsDashboardDocument = new TypedDocumentString(`
    query ModelsDashboard($after: String, $filter: ModelFilter) {
  models(first: 100, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      name
      type
      description
      labels
      path
      registered
      deprecated
      registryError {
        code
        message
      }
      latestVersion {
        version
        createdAt
      }
      stages {
        stage
        versions {
          version
        }
      }
      project {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ModelsDashboardQuery, ModelsDashboardQueryVariables>;
export const ProjectsDashboardDocument = new TypedDocumentString(`
    query ProjectsDashboard($after: String) {
  projects(first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      databaseId
      name
      repoUrl
      visibility
      defaultBranch
      lastSyncedAt
      lastSyncError
      syncState
      rows: experiments(first: 1) {
        totalCount
      }
      commits: experiments(first: 1, filter: {kinds: [COMMIT]}) {
        totalCount
      }
      running: experiments(first: 5, filter: {kinds: [LIVE], statuses: [RUNNING]}) {
        totalCount
        nodes {
          id
          name
          lastStep
          lastEventAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectsDashboardQuery, ProjectsDashboardQueryVariables>;
export const RowParamsDocument = new TypedDocumentString(`
    query RowParams($id: ID!) {
  node(id: $id) {
    ... on Experiment {
      id
      sha
      params
      commit {
        sha
        branches
      }
    }
  }
}
    `) as unknown as TypedDocumentString<RowParamsQuery, RowParamsQueryVariables>;
export const RunExperimentDocument = new TypedDocumentString(`
    mutation RunExperiment($input: RunExperimentInput!) {
  runExperiment(input: $input) {
    commit {
      sha
    }
    branch
    pullRequest {
      number
      url
    }
    errors {
      code
      message
      field
    }
  }
}
    `) as unknown as TypedDocumentString<RunExperimentMutation, RunExperimentMutationVariables>;
export const PullRequestsDocument = new TypedDocumentString(`
    query PullRequests($projectId: ID!, $state: PullRequestState) {
  node(id: $projectId) {
    ... on Project {
      pullRequests(state: $state) {
        id
        number
        title
        sourceBranch
        targetBranch
        state
        url
        forge
        createdBy
        createdAt
        mergeable
        conflicts
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PullRequestsQuery, PullRequestsQueryVariables>;
export const MergePullRequestDocument = new TypedDocumentString(`
    mutation MergePullRequest($input: MergePullRequestInput!) {
  mergePullRequest(input: $input) {
    pullRequest {
      id
      state
      mergeSha
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<MergePullRequestMutation, MergePullRequestMutationVariables>;
export const ClosePullRequestDocument = new TypedDocumentString(`
    mutation ClosePullRequest($input: ClosePullRequestInput!) {
  closePullRequest(input: $input) {
    pullRequest {
      id
      state
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ClosePullRequestMutation, ClosePullRequestMutationVariables>;
export const TableProjectDocument = new TypedDocumentString(`
    query TableProject($name: String!, $includeHidden: Boolean!) {
  project(name: $name) {
    id
    databaseId
    name
    defaultBranch
    visibility
    syncState
    lastSyncedAt
    lastSyncError
    branches(includeHidden: $includeHidden) {
      name
      folded
      hidden
      ownCommits
    }
    tags {
      name
    }
    columns {
      id
      kind
      file
      path
      type
    }
    columnGoals {
      column
      goal
    }
    views {
      ...ViewFields
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`) as unknown as TypedDocumentString<TableProjectQuery, TableProjectQueryVariables>;
export const ViewGoalsDocument = new TypedDocumentString(`
    query ViewGoals($projectId: ID!, $name: String!) {
  node(id: $projectId) {
    ... on Project {
      view(name: $name) {
        id
        goals {
          column
          goal
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewGoalsQuery, ViewGoalsQueryVariables>;
export const BaselineRowDocument = new TypedDocumentString(`
    query BaselineRow($id: ID!, $columns: [String!]) {
  node(id: $id) {
    ... on Experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`) as unknown as TypedDocumentString<BaselineRowQuery, BaselineRowQueryVariables>;
export const TableRowsDocument = new TypedDocumentString(`
    query TableRows($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`) as unknown as TypedDocumentString<TableRowsQuery, TableRowsQueryVariables>;
export const TableRowsNestedDocument = new TypedDocumentString(`
    query TableRowsNested($projectId: ID!, $filter: ExperimentFilter, $orderBy: [ExperimentOrder!], $first: Int!, $after: String, $columns: [String!]) {
  node(id: $projectId) {
    ... on Project {
      experiments(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...RowFields
          commit {
            committedAt
            branches
            experiments {
              ...RowFields
            }
          }
        }
      }
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`) as unknown as TypedDocumentString<TableRowsNestedQuery, TableRowsNestedQueryVariables>;
export const HideRowsDocument = new TypedDocumentString(`
    mutation HideRows($input: HideRowsInput!) {
  hideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<HideRowsMutation, HideRowsMutationVariables>;
export const UnhideRowsDocument = new TypedDocumentString(`
    mutation UnhideRows($input: HideRowsInput!) {
  unhideRows(input: $input) {
    experiments {
      id
      hidden
      autoHidden
    }
    branches {
      name
      hidden
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UnhideRowsMutation, UnhideRowsMutationVariables>;
export const SaveViewDocument = new TypedDocumentString(`
    mutation SaveView($input: SaveViewInput!) {
  saveView(input: $input) {
    view {
      ...ViewFields
    }
    errors {
      code
      message
    }
  }
}
    fragment ViewFields on View {
  id
  name
  shared
  owner
  columns
  filter
  order
  includeHidden
  baseline {
    id
  }
}`) as unknown as TypedDocumentString<SaveViewMutation, SaveViewMutationVariables>;
export const DeleteViewDocument = new TypedDocumentString(`
    mutation DeleteView($input: DeleteViewInput!) {
  deleteView(input: $input) {
    deletedId
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<DeleteViewMutation, DeleteViewMutationVariables>;
export const SetColumnGoalDocument = new TypedDocumentString(`
    mutation SetColumnGoal($input: SetColumnGoalInput!) {
  setColumnGoal(input: $input) {
    columnGoal {
      column
      goal
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetColumnGoalMutation, SetColumnGoalMutationVariables>;
export const TableExperimentEventsDocument = new TypedDocumentString(`
    subscription TableExperimentEvents($projectId: ID!, $columns: [String!]) {
  experimentEvents(projectId: $projectId) {
    change
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`) as unknown as TypedDocumentString<TableExperimentEventsSubscription, TableExperimentEventsSubscriptionVariables>;
export const TableLiveMetricsDocument = new TypedDocumentString(`
    subscription TableLiveMetrics($projectId: ID!, $columns: [String!]) {
  liveMetrics(projectId: $projectId) {
    type
    step
    experimentId
    experiment {
      ...RowFields
    }
  }
}
    fragment RowFields on Experiment {
  id
  databaseId
  kind
  name
  status
  sha
  baselineSha
  message
  createdAt
  author {
    name
  }
  hidden
  autoHidden
  detached
  tags
  ref
  lastStep
  lastEventAt
  values(columns: $columns) {
    column
    value
  }
}`) as unknown as TypedDocumentString<TableLiveMetricsSubscription, TableLiveMetricsSubscriptionVariables>;
export const MyTokensDocument = new TypedDocumentString(`
    query MyTokens {
  me {
    name
    tokens {
      id
      name
      prefix
      scopes
      createdAt
      lastUsedAt
      projects
    }
  }
}
    `) as unknown as TypedDocumentString<MyTokensQuery, MyTokensQueryVariables>;
export const CreateTokenDocument = new TypedDocumentString(`
    mutation CreateToken($input: CreateAccessTokenInput!) {
  createAccessToken(input: $input) {
    token
    accessToken {
      id
      name
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateTokenMutation, CreateTokenMutationVariables>;
export const RevokeTokenDocument = new TypedDocumentString(`
    mutation RevokeToken($id: ID!) {
  revokeAccessToken(id: $id) {
    accessToken {
      id
      revokedAt
    }
    errors {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeTokenMutation, RevokeTokenMutationVariables>;
export const TrendsDocument = new TypedDocumentString(`
    query Trends($projectId: ID!, $branch: String!, $columns: [String!]!, $first: Int!) {
  node(id: $projectId) {
    ... on Project {
      trends(branch: $branch, columns: $columns, first: $first) {
        sha
        values
        committedAt
        message
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TrendsQuery, TrendsQueryVariables>;