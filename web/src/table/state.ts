// What the user chose for the table (columns, order, filter, baseline, goals), how it maps
// onto the API's ExperimentFilter / ExperimentOrder, and how a saved view maps back onto it.
import type {
  ColumnFilter,
  ColumnGoal,
  ExperimentFilter,
  ExperimentOrder,
  ExperimentSortField,
  FilterOperator,
  TableProjectQuery,
  ViewFieldsFragment,
} from '../gql/graphql';
import type { Row } from './model';

export type Project = NonNullable<TableProjectQuery['project']>;
export type ColumnInfo = Project['columns'][number];

export interface GitFilter {
  branch: string;
  onBranch: string;
  tag: string;
  /** '' any, 'only' detached rows only, 'none' no detached rows. */
  detached: '' | 'only' | 'none';
  author: string;
  message: string;
}

/** A value condition; `vsBaseline`: its value is a delta from the baseline row's value of
 *  the column (a filter by deltas, as Studio's), sent to the API as that value plus the
 *  baseline's while a baseline is shown. */
export type Condition = ColumnFilter & { vsBaseline?: boolean };

const DELTA_OPS = new Set(['EQ', 'NE', 'GT', 'GTE', 'LT', 'LTE']);

/** Whether the condition can be a delta: a comparison of numbers. */
export function deltaCapable(c: Condition): boolean {
  return DELTA_OPS.has(c.op);
}

/** What the API is sent for a condition: a delta one turned into the value it stands for
 *  against the baseline row (null while none is shown, or the baseline has no number
 *  there: the condition waits). */
function toColumnFilter(c: Condition, baseline: Row | null): ColumnFilter | null {
  const { vsBaseline, ...filter } = c;
  if (!vsBaseline) return filter;
  if (!deltaCapable(c) || typeof c.value !== 'number' || !baseline) return null;
  const base = baseline.values.find((v) => v.column === c.column)?.value;
  return typeof base === 'number' ? { ...filter, value: base + c.value } : null;
}

export interface Sort {
  key: string; // a column id, or 'field:AUTHOR' ...
  direction: 'ASC' | 'DESC';
}

export interface TableState {
  columns: string[];
  sort: Sort | null;
  git: GitFilter;
  conditions: Condition[];
  showHidden: boolean;
  groupByBranch: boolean;
  /** The row deltas are taken from; its row is read (with the columns shown) as baseline. */
  baselineId: string | null;
  baseline: Row | null;
  deltas: boolean;
  /** The view's goals over the project's, by column id. */
  viewGoals: Record<string, ColumnGoal>;
  view: string | null;
}

export const OPERATORS: { op: FilterOperator; label: string }[] = [
  { op: 'EQ', label: '=' },
  { op: 'NE', label: '≠' },
  { op: 'GT', label: '>' },
  { op: 'GTE', label: '≥' },
  { op: 'LT', label: '<' },
  { op: 'LTE', label: '≤' },
  { op: 'CONTAINS', label: 'contains' },
  { op: 'EXISTS', label: 'exists' },
];

export const FIELDS: { field: ExperimentSortField; label: string }[] = [
  { field: 'BRANCH', label: 'Branch' },
  { field: 'AUTHOR', label: 'Author' },
  { field: 'MESSAGE', label: 'Message' },
  { field: 'COMMITTED_AT', label: 'Created' },
];

export const EMPTY_GIT: GitFilter = { branch: '', onBranch: '', tag: '', detached: '', author: '', message: '' };

/** Studio shows every column; past a few dozen, the first ones (metrics first) until chosen. */
export function defaultColumns(columns: ColumnInfo[]): string[] {
  const metrics = columns.filter((c) => c.kind === 'METRIC').map((c) => c.id);
  const params = columns.filter((c) => c.kind === 'PARAM').map((c) => c.id);
  if (metrics.length + params.length <= 40) return [...metrics, ...params];
  return [...metrics.slice(0, 20), ...params.slice(0, 20)];
}

export function initialState(project: Project): TableState {
  return {
    columns: defaultColumns(project.columns),
    sort: null,
    git: { ...EMPTY_GIT },
    conditions: [],
    showHidden: false,
    groupByBranch: true,
    baselineId: null,
    baseline: null,
    deltas: false,
    viewGoals: {},
    view: null,
  };
}

export function toFilter(state: TableState): ExperimentFilter {
  const f: ExperimentFilter = {};
  const g = state.git;
  if (g.branch) f.branch = g.branch;
  if (g.onBranch) f.onBranch = g.onBranch;
  if (g.tag) f.tag = g.tag;
  if (g.detached) f.detached = g.detached === 'only';
  if (g.author.trim()) f.author = g.author.trim();
  if (g.message.trim()) f.message = g.message.trim();
  const conditions = state.conditions
    .filter((c) => c.column)
    .map((c) => toColumnFilter(c, state.baseline))
    .filter((c): c is ColumnFilter => c !== null);
  if (conditions.length) f.columns = conditions;
  if (state.showHidden) f.includeHidden = true;
  return f;
}

export function toOrder(sort: Sort | null): ExperimentOrder[] | null {
  if (!sort) return null;
  if (sort.key.startsWith('field:')) {
    return [{ field: sort.key.slice(6) as ExperimentSortField, direction: sort.direction }];
  }
  return [{ column: sort.key, direction: sort.direction }];
}

/** Rows nest (branch → commit → experiments) in the creation/commit order only: a sort by a
 * value or a value filter lists every matching row flat, in the API's order. */
export function canNest(state: TableState): boolean {
  const sortOk = state.sort === null || state.sort.key === 'field:COMMITTED_AT';
  return sortOk && state.conditions.length === 0 && !state.git.author.trim() && !state.git.message.trim();
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A saved view's table: its columns (those the project still has), filter, order, goals. */
export function fromView(
  view: ViewFieldsFragment,
  project: Project,
  current: TableState,
  viewGoals: readonly { column: string; goal: ColumnGoal | null }[] = [],
): TableState {
  const known = new Set(project.columns.map((c) => c.id));
  const filter = (view.filter ?? {}) as Record<string, unknown>;
  const order = Array.isArray(view.order) ? (view.order as Record<string, unknown>[]) : [];
  const first = order[0];
  let sort: Sort | null = null;
  if (first) {
    const direction = first.direction === 'ASC' ? 'ASC' : 'DESC';
    if (typeof first.column === 'string' && first.column) sort = { key: first.column, direction };
    else if (typeof first.field === 'string' && first.field) sort = { key: 'field:' + first.field, direction };
  }
  const detached = filter.detached === true ? 'only' : filter.detached === false ? 'none' : '';
  const goals: Record<string, ColumnGoal> = {};
  for (const g of viewGoals) if (g.goal) goals[g.column] = g.goal;
  const columns = view.columns.filter((c) => known.has(c));
  return {
    ...current,
    columns: columns.length ? columns : defaultColumns(project.columns),
    sort,
    git: {
      branch: str(filter.branch),
      onBranch: str(filter.onBranch),
      tag: str(filter.tag),
      detached,
      author: str(filter.author),
      message: str(filter.message),
    },
    conditions: Array.isArray(filter.columns) ? (filter.columns as ColumnFilter[]) : [],
    showHidden: view.includeHidden,
    baselineId: view.baseline?.id ?? null,
    baseline: null,
    deltas: current.deltas && view.baseline !== null,
    viewGoals: goals,
    view: view.name,
  };
}

/** The goal each column follows: the project's, with the view's over them. */
export function goalsOf(project: Project, state: TableState): Map<string, ColumnGoal> {
  const out = new Map<string, ColumnGoal>();
  for (const g of project.columnGoals) if (g.goal) out.set(g.column, g.goal);
  for (const [column, goal] of Object.entries(state.viewGoals)) out.set(column, goal);
  return out;
}

/** A filter value typed as JSON when it parses (0.9, true, "x"), else the text itself. */
export function parseValue(text: string): unknown {
  const t = text.trim();
  if (t === '') return null;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    return t;
  }
}

export function csvLink(projectDatabaseId: number, state: TableState): string {
  const params = new URLSearchParams();
  params.set('filter', JSON.stringify(toFilter(state)));
  const order = toOrder(state.sort);
  if (order) params.set('orderBy', JSON.stringify(order));
  for (const column of state.columns) params.append('columns', column);
  return `/api/projects/${projectDatabaseId}/experiments.csv?${params.toString()}`;
}

/** What a saved view holds, taken from the table: the address bar keeps it (`?table=`), so
 *  a reload or a shared link opens the same table. */
export function toViewFields(state: TableState): Omit<ViewFieldsFragment, 'id' | 'name' | 'shared' | 'owner'> {
  return {
    columns: state.columns,
    filter: toFilter(state),
    order: toOrder(state.sort) ?? [],
    includeHidden: state.showHidden,
    baseline: state.baselineId ? { id: state.baselineId } : null,
  };
}

/** The `?table=` parameter read back as a view (null when absent or not a view's shape: a
 *  hand-edited address opens the default table, never a broken one). */
export function viewFromAddress(text: string | null): ViewFieldsFragment | null {
  if (!text) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const v = parsed as Record<string, unknown>;
  const columns = Array.isArray(v.columns) ? v.columns.filter((c): c is string => typeof c === 'string') : [];
  const filter = typeof v.filter === 'object' && v.filter !== null && !Array.isArray(v.filter) ? v.filter : {};
  const baseline = v.baseline as { id?: unknown } | null | undefined;
  return {
    id: '',
    name: '',
    shared: false,
    owner: null,
    columns,
    filter,
    order: Array.isArray(v.order) ? v.order.filter((o) => typeof o === 'object' && o !== null) : [],
    includeHidden: v.includeHidden === true,
    baseline: baseline && typeof baseline.id === 'string' ? { id: baseline.id } : null,
  };
}
