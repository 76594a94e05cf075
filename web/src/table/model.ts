// The experiments table's rows: segments (one per branch when rows are nested as Studio
// nests them, one for a flat list), each read page by page through the API's cursor, and
// updated in place by the live subscriptions.
import { request } from '../api';
import {
  TableRowsDocument,
  TableRowsNestedDocument,
  type ExperimentFilter,
  type ExperimentOrder,
  type RowFieldsFragment,
} from '../gql/graphql';

export type Row = RowFieldsFragment & {
  committedAt?: string | undefined;
  branches?: string[] | undefined;
  /** Nested mode: the experiments and live runs whose baseline is this commit. */
  children?: Row[] | undefined;
};

export interface Segment {
  key: string;
  /** Shown as the group's header row; null: no header (flat list). */
  label: string | null;
  branch: string | null;
  filter: ExperimentFilter;
  rows: Row[];
  total: number | null;
  cursor: string | null;
  hasNext: boolean;
  loading: boolean;
  error: string | null;
  /** Its rows are being read again: those shown stay until the first page replaces them. */
  stale?: boolean;
}

export interface Query {
  projectId: string;
  filter: ExperimentFilter;
  orderBy: ExperimentOrder[] | null;
  columns: string[];
  nested: boolean;
}

// Items carry no key string: a 40,000-line table would build one per line on every page read;
// keyOf makes the keys of the lines in view only.
export type Item =
  | { t: 'branch'; seg: Segment }
  | { t: 'row'; row: Row; seg: Segment; depth: 0 }
  | { t: 'child'; row: Row; parent: Row; seg: Segment; depth: 1 }
  | { t: 'more'; seg: Segment };

/** A line's key for the renderer (a placeholder's is its index: placeholders share one item). */
export function keyOf(item: Item, index: number): string {
  switch (item.t) {
    case 'branch':
      return 'b:' + item.seg.key;
    case 'row':
      return item.seg.key + ':' + item.row.id;
    case 'child':
      return item.seg.key + ':' + item.parent.id + ':' + item.row.id;
    case 'more':
      return `m:${item.seg.key}:${String(index)}`;
  }
}

// The server refuses a query whose cost (objects it may return: page size times the cells
// and nested experiments of a row, priced at GITSTUDIO_COST_EXPERIMENTS_PER_COMMIT = 20 per
// commit) passes 100,000: the page shrinks as the columns shown grow.
const COST_BUDGET = 90000;
const MAX_PAGE = 500;
const EXPERIMENTS_PER_COMMIT = 20;

export function pageSize(columns: number, nested: boolean, first: boolean): number {
  const row = 4 + columns;
  const perRow = row + 2 + (nested ? 1 + EXPERIMENTS_PER_COMMIT * row : 0);
  const size = Math.floor(COST_BUDGET / perRow);
  return Math.max(5, Math.min(first ? 100 : MAX_PAGE, size));
}

interface PageNode extends RowFieldsFragment {
  commit: { committedAt: string; branches: string[]; experiments?: RowFieldsFragment[] } | null;
}

function toRow(node: PageNode, nested: boolean): Row {
  const { commit, ...rest } = node;
  const row: Row = { ...rest, committedAt: commit?.committedAt, branches: commit?.branches };
  if (nested && node.kind === 'COMMIT') row.children = commit?.experiments ? [...commit.experiments] : [];
  return row;
}

/** The rows of one generation of the table (a new filter, order or columns: a new model). */
export class TableModel {
  readonly query: Query;
  readonly segments: Segment[];
  private readonly onChange: () => void;
  private stopped = false;
  private itemsCache: Item[] | null = null;
  // The line items of the rows, kept while the row object is the same (a row changed by a
  // live event is a new object, so a new item): items() allocates only for new rows.
  private readonly rowItems = new WeakMap<Row, Item>();
  private readonly placeholders = new Map<Segment, Item>();
  private readonly branchItems = new Map<Segment, Item>();
  // The ids read into each segment (a page's rows are checked against it, not a new set).
  private readonly ids = new Map<Segment, Set<string>>();
  /** Shared by the page's successive models: a new filter keeps what was folded. */
  readonly collapsedBranches: Set<string>;
  readonly collapsedRows: Set<string>;
  includeHidden: boolean;

  constructor(
    query: Query,
    segments: Segment[],
    onChange: () => void,
    collapsed: { branches: Set<string>; rows: Set<string> } = { branches: new Set(), rows: new Set() },
  ) {
    this.collapsedBranches = collapsed.branches;
    this.collapsedRows = collapsed.rows;
    this.query = query;
    this.segments = segments;
    this.onChange = onChange;
    this.includeHidden = Boolean(query.filter.includeHidden);
  }

  stop(): void {
    this.stopped = true;
  }

  /** A method, not the field: the field's narrowing does not see a stop during an await. */
  isStopped(): boolean {
    return this.stopped;
  }

  changed(): void {
    this.itemsCache = null;
    if (!this.stopped) this.onChange();
  }

  /** Read the rows again from the first page (a sorted or filtered table cannot place a
   *  new or changed row itself: where it goes is the API's order). A read begun before
   *  is dropped. Each segment is read again as its lines come in view (the grid reads
   *  stale segments as it reads placeholders), not every segment at each event. */
  reread(): void {
    this.generation += 1;
    for (const seg of this.segments) {
      // A segment's rows shown stay until its first page, read again, replaces them: the
      // table does not blank to placeholders at every event of a live run. One without rows
      // shows its placeholder again (its total unknown: a detached group of none too).
      const stale = seg.rows.length > 0;
      Object.assign(seg, { cursor: null, hasNext: true, loading: false, error: null, stale });
      if (!stale) seg.total = null;
    }
    this.changed();
  }

  private generation = 0;

  /** Read the next page of a segment (at most one request at a time per segment). */
  async load(seg: Segment): Promise<void> {
    if (seg.loading || (!seg.hasNext && seg.total !== null) || this.stopped) return;
    seg.loading = true;
    const generation = this.generation;
    try {
      const vars = {
        projectId: this.query.projectId,
        filter: seg.filter,
        orderBy: this.query.orderBy,
        first: pageSize(this.query.columns.length, this.query.nested, seg.total === null),
        after: seg.cursor,
        columns: this.query.columns,
      };
      const data = this.query.nested
        ? await request(TableRowsNestedDocument, vars)
        : await request(TableRowsDocument, vars);
      if (this.isStopped() || generation !== this.generation) return;
      const node = data.node;
      if (!node || !('experiments' in node)) throw new Error('the project is gone');
      const page = node.experiments;
      if (seg.stale) {
        seg.rows = [];
        seg.stale = false;
        this.ids.delete(seg);
      }
      const seen = this.idsOf(seg);
      for (const n of page.nodes) {
        if (seen.has(n.id)) continue;
        seen.add(n.id);
        seg.rows.push(toRow(n, this.query.nested));
      }
      seg.total = Math.max(page.totalCount, seg.rows.length);
      seg.cursor = page.pageInfo.endCursor;
      seg.hasNext = page.pageInfo.hasNextPage;
      if (!seg.hasNext) seg.total = seg.rows.length;
      seg.error = null;
    } catch (e) {
      if (generation !== this.generation) return;
      seg.error = e instanceof Error ? e.message : String(e);
      seg.hasNext = false;
      seg.total = seg.rows.length;
    } finally {
      if (generation === this.generation) {
        seg.loading = false;
        this.changed();
      }
    }
  }

  private idsOf(seg: Segment): Set<string> {
    let ids = this.ids.get(seg);
    if (!ids) {
      ids = new Set(seg.rows.map((r) => r.id));
      this.ids.set(seg, ids);
    }
    return ids;
  }

  /** What the virtualised list shows, one entry per line. Rebuilt after each change (a page
   * read, a live event): it reuses the items of unchanged rows and one placeholder item per
   * segment, so a rebuild of 40,000 lines allocates little besides the array. */
  items(): Item[] {
    if (this.itemsCache) return this.itemsCache;
    const out: Item[] = [];
    const items = this.rowItems;
    for (const seg of this.segments) {
      // Detached runs are rare: their group shows only when it has rows.
      if (seg.key === 'detached' && seg.total === 0) continue;
      if (seg.label !== null) {
        out.push(this.placeholder(seg, 'branch'));
        if (this.collapsedBranches.has(seg.key)) continue;
      }
      for (const row of seg.rows) {
        if (!this.includeHidden && row.hidden) continue;
        let item = items.get(row);
        if (item?.seg !== seg) {
          item = { t: 'row', row, seg, depth: 0 };
          items.set(row, item);
        }
        out.push(item);
        if (row.children && !this.collapsedRows.has(row.id)) {
          for (const child of row.children) {
            if (!this.includeHidden && child.hidden) continue;
            let line = items.get(child);
            if (line?.t !== 'child' || line.parent !== row || line.seg !== seg) {
              line = { t: 'child', row: child, parent: row, seg, depth: 1 };
              items.set(child, line);
            }
            out.push(line);
          }
        }
      }
      // A failed read shows as one line saying why (the API's message), not as no rows.
      const missing = seg.error ? 1 : seg.total === null ? 1 : seg.total - seg.rows.length;
      if (missing > 0) {
        const more = this.placeholder(seg, 'more');
        const at = out.length;
        out.length = at + missing;
        out.fill(more, at);
      }
    }
    this.itemsCache = out;
    return out;
  }

  /** The segment's header item or its placeholder item (shared by its missing lines). */
  private placeholder(seg: Segment, t: 'branch' | 'more'): Item {
    const map = t === 'branch' ? this.branchItems : this.placeholders;
    const found = map.get(seg);
    if (found) return found;
    const made: Item = t === 'branch' ? { t: 'branch', seg } : { t: 'more', seg };
    map.set(seg, made);
    return made;
  }

  /** Every place a row of this id is shown (a commit shows under each of its branches). */
  private *places(id: string): Generator<{ list: Row[]; index: number }> {
    for (const seg of this.segments) {
      for (let i = 0; i < seg.rows.length; i++) {
        const row = seg.rows[i];
        if (!row) continue;
        if (row.id === id) yield { list: seg.rows, index: i };
        if (row.children) {
          const j = row.children.findIndex((c) => c.id === id);
          if (j >= 0) yield { list: row.children, index: j };
        }
      }
    }
  }

  /** A row as the API now has it: replaced where shown, else placed as a new row. */
  upsert(fresh: RowFieldsFragment, created: boolean): boolean {
    let found = false;
    for (const { list, index } of this.places(fresh.id)) {
      const old = list[index];
      if (old) list[index] = { ...old, ...fresh };
      found = true;
    }
    if (!found && created) found = this.place(fresh);
    if (found) this.changed();
    return found;
  }

  private place(fresh: RowFieldsFragment): boolean {
    if (this.query.nested && fresh.kind !== 'COMMIT') {
      let placed = false;
      for (const seg of this.segments) {
        for (const row of seg.rows) {
          if (row.kind === 'COMMIT' && row.sha && row.sha === fresh.baselineSha && row.children) {
            row.children.unshift({ ...fresh });
            placed = true;
          }
        }
      }
      if (placed) return true;
      const detached = this.segments.find((s) => s.key === 'detached');
      if (fresh.detached && detached) {
        detached.rows.unshift({ ...fresh });
        this.idsOf(detached).add(fresh.id);
        detached.total = (detached.total ?? 0) + 1;
        return true;
      }
      return false;
    }
    // Flat: a new row is the newest; shown first (the default order) until the next read.
    const first = this.segments[0];
    if (!first || this.query.nested) return false;
    first.rows.unshift({ ...fresh });
    this.idsOf(first).add(fresh.id);
    if (first.total !== null) first.total += 1;
    return true;
  }

  /** Change some fields of a row wherever it is shown (hidden after hideRows). */
  patch(id: string, change: Partial<RowFieldsFragment>): void {
    let any = false;
    for (const { list, index } of this.places(id)) {
      const old = list[index];
      if (old) list[index] = { ...old, ...change };
      any = true;
    }
    if (any) this.changed();
  }

  remove(id: string): void {
    let any = false;
    for (const seg of this.segments) {
      const before = seg.rows.length;
      seg.rows = seg.rows.filter((r) => r.id !== id);
      if (seg.rows.length !== before) {
        this.ids.get(seg)?.delete(id);
        any = true;
        if (seg.total !== null) seg.total -= before - seg.rows.length;
      }
      for (const row of seg.rows) {
        if (row.children?.some((c) => c.id === id)) {
          row.children = row.children.filter((c) => c.id !== id);
          any = true;
        }
      }
    }
    if (any) this.changed();
  }

  /** Every loaded row, parents and children (selection, baseline lookups). */
  find(id: string): Row | null {
    for (const { list, index } of this.places(id)) return list[index] ?? null;
    return null;
  }
}
