// The experiments table's grid: the virtualised lines (rows windowed by blocks of lines,
// value cells windowed by the columns in view), the header that sorts, and a row's cells.
// What the rows are (pages read by cursor, live updates) is the model's (table/model.ts);
// what the user chose is the page's state (table/state.ts).
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDelta, formatTime, formatValue, shortColumn } from '../format';
import type { ColumnGoal, RowFieldsFragment } from '../gql/graphql';
import { keyOf, type Item, type Row, type Segment, type TableModel } from './model';
import { FIELDS, type Project, type TableState } from './state';

const ROW_H = 32;
// Lines rendered above and below the window. Few: every row rendered is a layer for the
// compositor (its sticky cells) at every frame; 12 cost twice the layerization of 4.
const OVERSCAN = 4;
// Pages are read ahead of the rows in view, so a steady scroll rarely meets a placeholder.
const READ_AHEAD = 60;

export function rowLabel(row: RowFieldsFragment): string {
  if (row.kind === 'COMMIT') return row.sha?.slice(0, 7) ?? String(row.databaseId);
  return row.name ?? (row.kind === 'LIVE' ? `live run ${row.databaseId}` : (row.sha?.slice(0, 7) ?? String(row.databaseId)));
}

const valueMaps = new WeakMap<RowFieldsFragment, Map<string, unknown>>();
function valuesOf(row: RowFieldsFragment): Map<string, unknown> {
  let map = valueMaps.get(row);
  if (!map) {
    map = new Map(row.values.map((c) => [c.column, c.value]));
    valueMaps.set(row, map);
  }
  return map;
}

/** A saved view's own goals (read apart from the list of views: see ViewGoals). */


/** A cell's classes, with `clip` when its text may not fit its width (the cell's index in
 * FIXED, -1: a value cell): only those cells clip (see `.td.clip` in styles.css). */
function cellClass(base: string, text: string, fixed: number, extra = 0): string {
  const width = fixed >= 0 ? (FIXED[fixed] ?? VALUE_W) : VALUE_W;
  // 7.5 px a character of the 14 px font, digits included; 8 px of padding each side.
  return (text.length + extra) * 7.5 <= width - 16 ? base : base + ' clip';
}

function firstLine(text: string | null | undefined): string {
  return (text ?? '').split('\n', 1)[0] ?? '';
}

// The cells' widths, set by styles.css (`.tr > .w0` to `.w6`, `.wa`): the row's width is their sum.
const FIXED = [36, 250, 124, 120, 120, 240, 140];
const VALUE_W = 116;
const ACTIONS_W = 84;

const FIXED_W = FIXED.reduce((a, b) => a + b, 0);
// The sticky cells (select, name) cover the left of the view: what scrolls under them is hidden.
const STICKY_W = (FIXED[0] ?? 0) + (FIXED[1] ?? 0);
// Value columns rendered beyond each side of the view (a quick horizontal scroll shows
// cells already made, not blanks, for this many columns).
const COL_OVERSCAN = 2;

function tableWidth(columns: string[]): number {
  return FIXED_W + columns.length * VALUE_W + ACTIONS_W;
}

/** The value columns a row renders, [start, end) of `state.columns`: those in the view and
 * COL_OVERSCAN more each side. With 40 columns a row made 48 cells and a screen of new rows
 * cost the frame their making and layout; only the 5 to 10 in view are made now. Left of
 * the window a margin stands for the columns skipped, so the cells keep their places. */
export function columnWindow(count: number, scrollLeft: number, width: number): [number, number] {
  const firstShown = Math.floor((scrollLeft + STICKY_W - FIXED_W) / VALUE_W);
  const lastShown = Math.floor((scrollLeft + width - FIXED_W) / VALUE_W);
  const start = Math.min(count, Math.max(0, firstShown - COL_OVERSCAN));
  const end = Math.min(count, Math.max(start, lastShown + 1 + COL_OVERSCAN));
  return [start, end];
}

// The rendered window moves by blocks of lines: while scrolling, the table re-renders when a
// block comes into view, not at every scroll event (a wheel notch is a few lines).
const BLOCK = 8;

export interface TableProps {
  project: Project;
  model: TableModel;
  state: TableState;
  goals: Map<string, ColumnGoal>;
  selected: Set<string>;
  flash: Map<string, number>;
  signedIn: boolean;
  onSelect: (id: string, on: boolean) => void;
  onSort: (key: string) => void;
  onHide: (row: Row, unhide: boolean) => void;
  onHideBranch: (name: string, unhide: boolean) => void;
}

export function ExperimentsTable(props: TableProps): preact.JSX.Element {
  const { model, state } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // The first block of lines in view; the viewport's height, read by a ResizeObserver (never
  // on scroll: a scroll reads scrollTop alone, no layout).
  const [block, setBlock] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [viewWidth, setViewWidth] = useState(1200);
  const [scrollLeft, setScrollLeft] = useState(0);
  const items = model.items();
  const width = useMemo(() => tableWidth(state.columns), [state.columns]);
  // One array per window: rows compare it by identity to know whether their cells change.
  const [colStart, colEnd] = columnWindow(state.columns.length, scrollLeft, viewWidth);
  const cols = useMemo((): [number, number] => [colStart, colEnd], [colStart, colEnd]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) {
        setViewport(Math.ceil(box.height));
        setViewWidth(Math.ceil(box.width));
      }
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new model starts at the top.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setBlock(0);
  }, [model]);

  const first = block * BLOCK;
  const start = Math.max(0, first - OVERSCAN);
  const end = Math.min(items.length, first + BLOCK + Math.ceil(viewport / ROW_H) + OVERSCAN);

  // Read the next page of each segment whose placeholders are in view (or just below), and
  // the first page again of each stale segment (TableModel.reread) with a line in view.
  useEffect(() => {
    const wanted = new Set<Segment>();
    const stop = Math.min(items.length, end + READ_AHEAD);
    for (let i = start; i < stop; i++) {
      const item = items[i];
      if (item && (item.t === 'more' || item.seg.stale) && !item.seg.loading && !item.seg.error) {
        wanted.add(item.seg);
      }
    }
    for (const seg of wanted) void model.load(seg);
  });

  const headerRows = state.baseline ? 2 : 1;
  const rows: preact.JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    if (item) rows.push(<Line key={keyOf(item, i)} item={item} index={i} rowIndex={i + headerRows + 1} cols={cols} {...props} />);
  }

  return (
    <div
      class="table-scroll"
      ref={scroller}
      role="table"
      aria-label={`Experiments of ${props.project.name}`}
      aria-rowcount={items.length + headerRows}
      aria-colcount={FIXED.length + state.columns.length + 1}
      data-testid="experiments-table"
      data-nested={model.query.nested ? 'true' : 'false'}
      onScroll={(e) => {
        const el = e.currentTarget;
        setBlock(Math.floor(el.scrollTop / ROW_H / BLOCK));
        // Re-rendered only when the window of columns moves (a column's width scrolled).
        const [start, end] = columnWindow(state.columns.length, el.scrollLeft, viewWidth);
        if (start !== colStart || end !== colEnd) setScrollLeft(el.scrollLeft);
      }}
      style={{ '--table-w': `${width}px` }}
    >
      <div role="rowgroup" class="thead">
        <HeaderRow columns={state.columns} sort={state.sort} goals={props.goals} onSort={props.onSort} />
        {state.baseline ? (
          <RowLine row={state.baseline} depth={0} rowIndex={2} baseline {...props} index={-1} cols={cols} />
        ) : null}
      </div>
      <div role="rowgroup" class="tbody" style={{ height: `${items.length * ROW_H}px` }}>
        {rows}
      </div>
      {items.length === 0 ? <p class="empty muted">No rows match.</p> : null}
    </div>
  );
}

interface HeaderProps {
  columns: string[];
  sort: TableState['sort'];
  goals: Map<string, ColumnGoal>;
  onSort: (key: string) => void;
}

/** The header row: the same while the rows scroll, so not rendered again with them (only
 * when the columns, the sort, the goals or the page change). */
class HeaderRow extends Component<HeaderProps> {
  override shouldComponentUpdate(next: HeaderProps): boolean {
    const p = this.props;
    return p.columns !== next.columns || p.sort !== next.sort || p.goals !== next.goals || p.onSort !== next.onSort;
  }

  override render(): preact.JSX.Element {
    const props = this.props;
    const sortOf = (key: string): 'ascending' | 'descending' | 'none' =>
      props.sort?.key === key ? (props.sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
    const sortable = (key: string, label: string, title: string, cls = ''): preact.JSX.Element => (
      <div role="columnheader" class={`th ${cls}`} aria-sort={sortOf(key)} data-testid="column-header" data-column={key}>
        <button type="button" class="sort" title={title} onClick={() => props.onSort(key)}>
          <span>{label}</span>
          <span class="arrow" aria-hidden="true">
            {sortOf(key) === 'ascending' ? '▲' : sortOf(key) === 'descending' ? '▼' : ''}
          </span>
        </button>
      </div>
    );
    return (
      <div role="row" class="tr head" aria-rowindex={1}>
        <div role="columnheader" class="th w0 sticky0">
          <span class="sr-only">Select</span>
        </div>
        <div role="columnheader" class="th w1 sticky1">
          Experiment
        </div>
        <div role="columnheader" class="th w2">
          Status
        </div>
        {FIELDS.map((f, i) =>
          sortable('field:' + f.field, f.label, `Sort by ${f.label.toLowerCase()}`, `w${String(3 + i)}`),
        )}
        {props.columns.map((c) => {
          const goal = props.goals.get(c);
          return sortable(
            c,
            shortColumn(c),
            `${c}${goal ? ` (${goal.toLowerCase()} is better)` : ''}`,
            c.startsWith('metric:') ? 'metric num' : 'param num',
          );
        })}
        <div role="columnheader" class="th wa">
          <span class="sr-only">Actions</span>
        </div>
      </div>
    );
  }
}

function Line(props: TableProps & { item: Item; index: number; rowIndex: number; cols: [number, number] }): preact.JSX.Element {
  const { item } = props;
  const top = { transform: `translateY(${props.index * ROW_H}px)` };
  if (item.t === 'branch') {
    const seg = item.seg;
    const collapsed = props.model.collapsedBranches.has(seg.key);
    const count = seg.total === null ? '…' : String(seg.total);
    const hiddenBranch = props.project.branches.some((b) => b.name === seg.branch && b.hidden);
    return (
      <div role="row" class="tr branch" style={top} aria-rowindex={props.rowIndex} data-testid="branch-row" data-branch={seg.branch ?? seg.key}>
        <div role="cell" class="td span">
          <button
            type="button"
            class="twisty"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${seg.label ?? ''}`}
            onClick={() => {
              if (collapsed) props.model.collapsedBranches.delete(seg.key);
              else props.model.collapsedBranches.add(seg.key);
              props.model.changed();
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
          <strong>{seg.label}</strong>
          <span class="muted small">
            {count} {seg.key === 'detached' ? 'rows' : 'commits'}
          </span>
          {seg.branch && props.signedIn ? (
            <button
              type="button"
              class="link"
              onClick={() => props.onHideBranch(seg.branch ?? '', hiddenBranch)}
              aria-label={`${hiddenBranch ? 'Unhide' : 'Hide'} branch ${seg.branch}`}
              data-testid="hide-branch"
            >
              {hiddenBranch ? 'Unhide branch' : 'Hide branch'}
            </button>
          ) : null}
          {seg.error ? <span class="sync-error">{seg.error}</span> : null}
        </div>
      </div>
    );
  }
  if (item.t === 'more') {
    return (
      <div
        role="row"
        class={item.seg.error ? 'tr more read-error' : 'tr more'}
        style={top}
        aria-rowindex={props.rowIndex}
        data-testid={item.seg.error ? 'read-error' : 'placeholder-row'}
      >
        <div role="cell" class="td span muted">
          {item.seg.error ?? 'Loading…'}
        </div>
      </div>
    );
  }
  return <RowLine {...props} row={item.row} depth={item.depth} style={top} />;
}

type RowProps = TableProps & {
  row: Row;
  depth: 0 | 1;
  rowIndex: number;
  index: number;
  cols: [number, number];
  baseline?: boolean;
  style?: Record<string, string>;
};

/** A row re-renders only when what it shows changes: while scrolling, rows already in view
 * keep their DOM untouched and only the rows coming into view are built. */
class RowLine extends Component<RowProps> {
  private flashUntil = 0;
  private collapsed = false;

  override shouldComponentUpdate(next: RowProps): boolean {
    const p = this.props;
    return (
      p.row !== next.row ||
      p.index !== next.index ||
      p.cols !== next.cols ||
      p.rowIndex !== next.rowIndex ||
      p.depth !== next.depth ||
      p.state !== next.state ||
      p.goals !== next.goals ||
      p.selected !== next.selected ||
      p.signedIn !== next.signedIn ||
      p.baseline !== next.baseline ||
      p.model !== next.model ||
      this.flashUntil !== (next.flash.get(next.row.id) ?? 0) ||
      this.collapsed !== next.model.collapsedRows.has(next.row.id)
    );
  }

  override render(): preact.JSX.Element {
    this.flashUntil = this.props.flash.get(this.props.row.id) ?? 0;
    this.collapsed = this.props.model.collapsedRows.has(this.props.row.id);
    return rowLine(this.props);
  }
}

function rowLine(props: RowProps): preact.JSX.Element {
  const { row, state, model } = props;
  const [colStart, colEnd] = props.cols;
  // The columns right of the window (and left of it too when it holds none) as the actions
  // cell's margin: the row keeps its width and the cells their places.
  const skippedAfter = state.columns.length - colEnd + (colEnd === colStart ? colStart : 0);
  const label = rowLabel(row);
  const values = valuesOf(row);
  const base = state.baseline ? valuesOf(state.baseline) : null;
  const isBaseline = props.baseline === true || state.baseline?.id === row.id;
  const flashing = (props.flash.get(row.id) ?? 0) > Date.now();
  const collapsed = model.collapsedRows.has(row.id);
  const branch = row.branches?.[0] ?? '';
  const author = row.author?.name ?? '';
  const message = firstLine(row.message);
  const time = formatTime(row.committedAt ?? row.createdAt).replace(' UTC', '');
  const classes = [
    'tr',
    props.depth === 1 ? 'child' : '',
    row.kind === 'LIVE' ? 'live' : '',
    row.status === 'RUNNING' ? 'running' : '',
    row.hidden ? 'hidden-row' : '',
    props.selected.has(row.id) ? 'selected' : '',
    flashing ? 'flash' : '',
    props.baseline ? 'baseline' : '',
  ].join(' ');
  return (
    <div
      role="row"
      class={classes}
      style={props.style}
      aria-rowindex={props.rowIndex}
      data-testid={props.baseline ? 'baseline-row' : 'row'}
      data-row-id={row.id}
      data-kind={row.kind}
      data-status={row.status}
      data-hidden={row.hidden ? 'true' : 'false'}
    >
      <div role="cell" class="td w0 sticky0">
        <input
          type="checkbox"
          aria-label={`Select ${label}`}
          checked={props.selected.has(row.id)}
          onChange={(e) => props.onSelect(row.id, e.currentTarget.checked)}
        />
      </div>
      <div role="cell" class="td w1 sticky1 name" data-testid="row-name">
        {props.depth === 1 ? <span class="indent" aria-hidden="true" /> : null}
        {row.children && row.children.length > 0 && !props.baseline ? (
          <button
            type="button"
            class="twisty"
            aria-expanded={!collapsed}
            aria-label={`${collapsed ? 'Show' : 'Hide'} the ${row.children.length} experiments of ${label}`}
            onClick={() => {
              if (collapsed) model.collapsedRows.delete(row.id);
              else model.collapsedRows.add(row.id);
              model.changed();
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span class="twisty-space" aria-hidden="true" />
        )}
        <span class={row.kind === 'COMMIT' ? 'sha' : 'exp-name'} title={row.sha ?? row.name ?? ''}>
          {label}
        </span>
        {isBaseline ? <span class="chip base">baseline</span> : null}
        {row.kind === 'LIVE' ? <span class="chip live-chip">live{row.lastStep !== null ? ` · step ${row.lastStep}` : ''}</span> : null}
        {row.detached ? <span class="chip">detached</span> : null}
        {row.tags.slice(0, 2).map((t) => (
          <span class="chip tag" key={t}>
            {t}
          </span>
        ))}
      </div>
      <div role="cell" class="td w2" data-testid="status">
        <span class={`status status-${row.status.toLowerCase()}`}>{row.status}</span>
      </div>
      <div role="cell" class={cellClass('td w3', branch, 3)}>{branch}</div>
      <div role="cell" class={cellClass('td w4', author, 4)}>{author}</div>
      <div role="cell" class={cellClass('td w5', message, 5)} title={row.message ?? ''}>
        {message}
      </div>
      <div role="cell" class={cellClass('td w6', time, 6)} title={formatTime(row.committedAt ?? row.createdAt)}>
        {time}
      </div>
      {state.columns.slice(colStart, colEnd).map((c, k) => {
        const v = values.get(c);
        const b = base?.get(c);
        let text = formatValue(v);
        let cls = 'td num';
        let marker = 0; // the goal's ▲/▼ after the text
        let title: string | undefined;
        if (base && !isBaseline && typeof v === 'number' && typeof b === 'number') {
          const delta = v - b;
          if (state.deltas) text = formatDelta(delta);
          const goal = props.goals.get(c);
          if (goal && delta !== 0) {
            const better = goal === 'HIGHER' ? delta > 0 : delta < 0;
            cls += better ? ' better' : ' worse';
            marker = 2;
            title = `${better ? 'better' : 'worse'} than the baseline (${formatDelta(delta)})`;
          }
        }
        return (
          <div
            role="cell"
            class={cellClass(cls, text, -1, marker)}
            key={c}
            title={title}
            data-column={c}
            aria-colindex={FIXED.length + colStart + k + 1}
            style={k === 0 && colStart > 0 ? { marginLeft: `${String(colStart * VALUE_W)}px` } : undefined}
          >
            {text}
          </div>
        );
      })}
      <div
        role="cell"
        class="td wa actions"
        aria-colindex={FIXED.length + state.columns.length + 1}
        style={skippedAfter > 0 ? { marginLeft: `${String(skippedAfter * VALUE_W)}px` } : undefined}
      >
        {props.signedIn && !props.baseline ? (
          <button type="button" class="link" aria-label={`${row.hidden ? 'Unhide' : 'Hide'} ${label}`} onClick={() => props.onHide(row, row.hidden)} data-testid="hide-row">
            {row.hidden ? 'Unhide' : 'Hide'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
