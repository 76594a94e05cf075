import { Component } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, request, subscribe, type Session } from '../api';
import { formatDelta, formatTime, formatValue, shortColumn } from '../format';
import {
  BaselineRowDocument,
  DeleteViewDocument,
  HideRowsDocument,
  SaveViewDocument,
  SetColumnGoalDocument,
  TableExperimentEventsDocument,
  TableLiveMetricsDocument,
  TableProjectDocument,
  UnhideRowsDocument,
  ViewGoalsDocument,
  type ColumnGoal,
  type ExperimentFilter,
  type RowFieldsFragment,
  type ViewFieldsFragment,
} from '../gql/graphql';
import { navigate } from '../router';
import { ComparePanel } from '../table/compare';
import { ColumnsChooser, Filters, Views } from '../table/controls';
import { PullRequestsPanel, RunPanel } from '../table/run';
import { TrendsPanel } from '../table/trends';
import { keyOf, TableModel, type Item, type Row, type Segment } from '../table/model';
import {
  canNest,
  csvLink,
  FIELDS,
  fromView,
  goalsOf,
  initialState,
  toFilter,
  toOrder,
  toViewFields,
  viewFromAddress,
  type Project,
  type TableState,
} from '../table/state';
import { ErrorNotice, SignInNeeded, useTitle } from './misc';

const ROW_H = 32;
// Lines rendered above and below the window. Few: every row rendered is a layer for the
// compositor (its sticky cells) at every frame; 12 cost twice the layerization of 4.
const OVERSCAN = 4;
// Pages are read ahead of the rows in view, so a steady scroll rarely meets a placeholder.
const READ_AHEAD = 60;
const FLASH_MS = 2500;
// How long a sorted or filtered table waits after a run's event before reading its rows again
// (the events of one moment, a run's start and first step, cost one read).
const REREAD_MS = 300;

function segmentsFor(project: Project, state: TableState, nested: boolean): Segment[] {
  const base = toFilter(state);
  const seg = (key: string, label: string | null, branch: string | null, filter: ExperimentFilter): Segment => ({
    key,
    label,
    branch,
    filter,
    rows: [],
    total: null,
    cursor: null,
    hasNext: true,
    loading: false,
    error: null,
  });
  if (!nested) return [seg('all', null, null, base)];
  const commits: ExperimentFilter = { ...base, kinds: ['COMMIT'] };
  if (base.detached === true) return [seg('detached', 'Detached runs', null, base)];
  if (base.branch) return [seg('branch:' + base.branch, base.branch, base.branch, commits)];
  if (base.onBranch) return [seg('on:' + base.onBranch, `commits on ${base.onBranch}`, null, commits)];
  if (base.tag) return [seg('tag:' + base.tag, `tag ${base.tag}`, null, commits)];
  const branches = project.branches
    .filter((b) => !b.folded && (state.showHidden || !b.hidden))
    .sort((a, b) =>
      a.name === project.defaultBranch ? -1 : b.name === project.defaultBranch ? 1 : a.name < b.name ? -1 : 1,
    );
  const out = branches.map((b) => seg('branch:' + b.name, b.name, b.name, { ...commits, branch: b.name }));
  if (base.detached !== false) out.push(seg('detached', 'Detached runs', null, { ...base, detached: true }));
  return out;
}

function rowLabel(row: RowFieldsFragment): string {
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
async function viewGoals(projectId: string, name: string): Promise<{ column: string; goal: ColumnGoal | null }[]> {
  try {
    const data = await request(ViewGoalsDocument, { projectId, name });
    const node = data.node;
    return node && 'view' in node ? (node.view?.goals ?? []) : [];
  } catch {
    return [];
  }
}

function isRow(node: unknown): node is RowFieldsFragment {
  return typeof node === 'object' && node !== null && 'databaseId' in node && 'values' in node;
}

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

// The cells' widths, set by styles.css (`.tr > :nth-child(n)`): the row's width is their sum.
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

export function TablePage(props: { name: string; session: Session | null }): preact.JSX.Element {
  useTitle(props.name);
  const [project, setProject] = useState<Project | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [state, setState] = useState<TableState | null>(null);
  const [model, setModel] = useState<TableModel | null>(null);
  const [, setVersion] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  const [comparing, setComparing] = useState<string[] | null>(null);
  const [trends, setTrends] = useState(false);
  const [running, setRunning] = useState<Row | null>(null);
  const [pulls, setPulls] = useState(false);
  const flash = useRef(new Map<string, number>());
  const collapsed = useRef({ branches: new Set<string>(), rows: new Set<string>() });

  // The project, its columns, branches and saved views.
  const loadProject = useCallback(async (): Promise<Project | null> => {
    try {
      const data = await request(TableProjectDocument, { name: props.name, includeHidden: true });
      if (!data.project) {
        setMissing(true);
        return null;
      }
      setProject(data.project);
      return data.project;
    } catch (e) {
      if (e instanceof ApiError && (e.has('UNAUTHENTICATED') || e.has('FORBIDDEN') || e.has('NOT_FOUND'))) setMissing(true);
      else setError(e);
      return null;
    }
  }, [props.name]);

  useEffect(() => {
    void loadProject().then((p) => {
      if (!p) return;
      const initial = initialState(p);
      const address = new URLSearchParams(location.search);
      const wanted = address.get('view');
      const view = wanted ? p.views.find((v) => v.name === wanted) : undefined;
      // The table the address holds (changed since the view was picked, or no view at all).
      const shown = viewFromAddress(address.get('table')) ?? view;
      if (!shown) {
        setState(initial);
        return;
      }
      const goals = view ? viewGoals(p.id, view.name) : Promise.resolve([]);
      void goals.then((g) => setState({ ...fromView(shown, p, initial, g), view: view?.name ?? null }));
    });
  }, [loadProject]);

  const nested = state ? state.groupByBranch && canNest(state) : false;
  const queryKey = state && project
    ? JSON.stringify([project.id, toFilter(state), toOrder(state.sort), state.columns, nested, project.branches])
    : null;

  // A new filter, order, column set or nesting: a new model, read from its first page.
  useEffect(() => {
    if (!project || !state || queryKey === null) return;
    const m = new TableModel(
      { projectId: project.id, filter: toFilter(state), orderBy: toOrder(state.sort), columns: state.columns, nested },
      segmentsFor(project, state, nested),
      () => setVersion((v) => v + 1),
      collapsed.current,
    );
    setModel(m);
    return () => m.stop();
    // queryKey covers the inputs: project, filter, order, columns and nesting.
  }, [queryKey]);

  useEffect(() => {
    if (model) model.includeHidden = Boolean(state?.showHidden);
    model?.changed();
  }, [model, state?.showHidden]);

  // Live rows: new rows appear and change in place (status, steps, values) without a reload.
  useEffect(() => {
    if (!model || !project) return;
    const vars = { projectId: project.id, columns: model.query.columns };
    // A row the table has not shown is placed only where it surely belongs: under its commit
    // (nested), or first in an unfiltered flat list in the default (newest first) order.
    const unfiltered = Object.keys(model.query.filter).every((k) => k === 'includeHidden');
    const placeable = model.query.nested || (unfiltered && model.query.orderBy === null);
    const touched = (id: string): void => {
      flash.current.set(id, Date.now() + FLASH_MS);
      setTimeout(() => {
        const until = flash.current.get(id);
        if (until !== undefined && until <= Date.now()) {
          flash.current.delete(id);
          model.changed();
        }
      }, FLASH_MS + 50);
    };
    // Sorted or filtered, a run that starts, ends or changes may move or enter the rows: they
    // are read again, once for the events of a moment.
    let rereading: ReturnType<typeof setTimeout> | null = null;
    const rereadSoon = (): void => {
      rereading ??= setTimeout(() => {
        rereading = null;
        model.reread();
      }, REREAD_MS);
    };
    const stopEvents = subscribe(TableExperimentEventsDocument, vars, (data) => {
      const event = data.experimentEvents;
      if (event.change === 'REMOVED' || !event.experiment) {
        model.remove(event.experimentId);
        return;
      }
      if (model.upsert(event.experiment, placeable)) touched(event.experimentId);
      if (!placeable) rereadSoon();
    });
    const stopLive = subscribe(TableLiveMetricsDocument, vars, (data) => {
      const event = data.liveMetrics;
      if (model.upsert(event.experiment, placeable)) touched(event.experimentId);
    });
    return () => {
      stopEvents();
      stopLive();
      if (rereading !== null) clearTimeout(rereading);
    };
  }, [model, project]);

  // The baseline row, with the columns shown (a view names it by id; new columns need its values).
  const baselineId = state?.baselineId ?? null;
  const baselineColumns = state ? JSON.stringify(state.columns) : '';
  useEffect(() => {
    if (!baselineId || !state) return;
    let stopped = false;
    request(BaselineRowDocument, { id: baselineId, columns: state.columns })
      .then((data) => {
        const node = data.node;
        if (stopped || !isRow(node)) return;
        const row: Row = node;
        setState((s) => (s && s.baselineId === baselineId ? { ...s, baseline: row } : s));
      })
      .catch((e: unknown) => setNotice(e instanceof Error ? e.message : String(e)));
    return () => {
      stopped = true;
    };
    // baselineColumns stands for state.columns.
  }, [baselineId, baselineColumns]);

  const update = useCallback((change: Partial<TableState>) => {
    setState((s) => (s ? { ...s, ...change, view: 'view' in change ? (change.view ?? null) : s.view } : s));
  }, []);

  // The address holds the table (`?table=`, a view's fields) when it is not the view's or
  // the default one: a reload, the back button or a shared link opens what was shown.
  useEffect(() => {
    if (!project || !state) return;
    const view = project.views.find((v) => v.name === state.view);
    const base = view ? fromView(view, project, state) : initialState(project);
    const shown = JSON.stringify(toViewFields(state));
    const q = new URLSearchParams(location.search);
    if (shown === JSON.stringify(toViewFields(base))) q.delete('table');
    else q.set('table', shown);
    const qs = q.toString();
    navigate(location.pathname + (qs ? '?' + qs : ''), true);
  }, [project, state]);

  const viewGoalsOfState = state?.viewGoals;
  const goals = useMemo(
    () => (project && state ? goalsOf(project, state) : new Map<string, ColumnGoal>()),
    // The goals follow the project's and the view's: not the rest of the state.
    [project, viewGoalsOfState],
  );

  if (missing) return <SignInNeeded what={`Project “${props.name}”`} signedIn={props.session !== null} />;
  if (error) return <ErrorNotice error={error} />;
  if (!project || !state || !model) return <p class="muted">Loading {props.name}…</p>;

  const signedIn = props.session !== null;

  const pickView = async (name: string | null): Promise<void> => {
    const view = project.views.find((v) => v.name === name);
    const q = new URLSearchParams(location.search);
    if (view) {
      const goals = await viewGoals(project.id, view.name);
      setState(fromView(view, project, state, goals));
      q.set('view', view.name);
    } else {
      setState({ ...initialState(project), view: null });
      q.delete('view');
    }
    const qs = q.toString();
    navigate(location.pathname + (qs ? '?' + qs : ''), true);
  };

  const saveView = async (name: string, shared: boolean): Promise<string | null> => {
    try {
      const data = await request(SaveViewDocument, {
        input: {
          projectId: project.id,
          name,
          shared,
          columns: state.columns,
          filter: toFilter(state),
          order: toOrder(state.sort),
          baseline: state.baselineId,
          goals: Object.entries(state.viewGoals).map(([column, goal]) => ({ column, goal })),
          includeHidden: state.showHidden,
        },
      });
      const err = data.saveView.errors[0];
      if (err) return `${err.code}: ${err.message}`;
      const view = data.saveView.view;
      if (view) {
        const views: ViewFieldsFragment[] = [...project.views.filter((v) => v.id !== view.id), view];
        setProject({ ...project, views });
        setState({ ...state, view: view.name });
        const q = new URLSearchParams(location.search);
        q.set('view', view.name);
        navigate(location.pathname + '?' + q.toString(), true);
      }
      return null;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  const saveProjectGoals = async (): Promise<void> => {
    try {
      for (const [column, goal] of Object.entries(state.viewGoals)) {
        const data = await request(SetColumnGoalDocument, { input: { projectId: project.id, column, goal } });
        const err = data.setColumnGoal.errors[0];
        if (err) {
          setNotice(`${err.code}: ${err.message}`);
          return;
        }
      }
      await loadProject();
      setNotice('Goals saved for the project');
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  };

  const deleteView = async (view: ViewFieldsFragment): Promise<string | null> => {
    try {
      const data = await request(DeleteViewDocument, { input: { id: view.id } });
      const err = data.deleteView.errors[0];
      if (err) return `${err.code}: ${err.message}`;
      setProject({ ...project, views: project.views.filter((v) => v.id !== view.id) });
      await pickView(null);
      return `Deleted “${view.name}”`;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  const hide = async (ids: string[], branches: string[], unhide: boolean): Promise<void> => {
    try {
      const vars = { input: { projectId: project.id, ids, branches }, columns: model.query.columns };
      const payload = unhide
        ? (await request(UnhideRowsDocument, vars)).unhideRows
        : (await request(HideRowsDocument, vars)).hideRows;
      const err = payload.errors[0];
      if (err) {
        setNotice(`${err.code}: ${err.message}`);
        return;
      }
      for (const row of payload.experiments) model.patch(row.id, { hidden: row.hidden, autoHidden: row.autoHidden });
      if (branches.length) await loadProject();
      setSelected(new Set());
      setNotice(`${unhide ? 'Shown' : 'Hidden'}: ${ids.length + branches.length}`);
    } catch (e) {
      setNotice(e instanceof Error ? e.message : String(e));
    }
  };

  const selectedRows = [...selected].map((id) => model.find(id)).filter((r): r is Row => r !== null);
  const nestable = canNest(state);

  return (
    <section class="table-page" aria-labelledby="table-title">
      <div class="title-bar">
        <h1 id="table-title">{project.name}</h1>
        <span class="muted small">
          {project.visibility.toLowerCase()} · synced {formatTime(project.lastSyncedAt)} ·{' '}
          <span class={`badge sync-${project.syncState.toLowerCase()}`}>{project.syncState.toLowerCase()}</span>
        </span>
        {project.lastSyncError ? <span class="sync-error">{project.lastSyncError}</span> : null}
        <a class="csv" href={csvLink(project.databaseId, state)} data-testid="csv-link" download>
          Export CSV
        </a>
      </div>
      <div class="toolbar" role="toolbar" aria-label="Table">
        <Views
          views={project.views}
          current={state.view}
          signedIn={signedIn}
          pick={(name) => void pickView(name)}
          save={saveView}
          remove={deleteView}
        />
        <Filters project={project} state={state} update={update} />
        <ColumnsChooser
          project={project}
          state={state}
          update={update}
          saveProjectGoals={signedIn ? () => void saveProjectGoals() : undefined}
        />
        <label title={nestable ? '' : 'A sort by a value or a value filter lists rows flat'}>
          <input
            type="checkbox"
            checked={state.groupByBranch && nestable}
            disabled={!nestable}
            onChange={(e) => update({ groupByBranch: e.currentTarget.checked })}
            data-testid="group-toggle"
          />{' '}
          Group by branch
        </label>
        <label>
          <input
            type="checkbox"
            checked={state.showHidden}
            onChange={(e) => update({ showHidden: e.currentTarget.checked })}
            data-testid="show-hidden"
          />{' '}
          Show hidden
        </label>
        <button type="button" aria-pressed={trends} onClick={() => setTrends(!trends)} data-testid="trends-toggle">
          Trends
        </button>
        <button type="button" aria-pressed={pulls} onClick={() => setPulls(!pulls)} data-testid="pulls-toggle">
          Pull requests
        </button>
        <label>
          <input
            type="checkbox"
            checked={state.deltas}
            disabled={!state.baseline}
            onChange={(e) => update({ deltas: e.currentTarget.checked })}
            data-testid="delta-mode"
          />{' '}
          Deltas
        </label>
      </div>
      <div class="selection-bar" aria-live="polite">
        <span>{selected.size ? `${selected.size} selected` : 'Select rows to hide them or to use one as the baseline.'}</span>
        {selected.size ? (
          <>
            <button type="button" disabled={!signedIn} onClick={() => void hide([...selected], [], false)}>
              Hide selected
            </button>
            <button type="button" disabled={!signedIn} onClick={() => void hide([...selected], [], true)}>
              Unhide selected
            </button>
            <button
              type="button"
              disabled={selectedRows.length !== 1}
              onClick={() => update({ baseline: selectedRows[0] ?? null, baselineId: selectedRows[0]?.id ?? null })}
              data-testid="set-baseline"
            >
              Use as baseline
            </button>
            <button
              type="button"
              disabled={!signedIn || selectedRows.length !== 1}
              onClick={() => setRunning(selectedRows[0] ?? null)}
              data-testid="run-experiment"
            >
              Run experiment
            </button>
            <button
              type="button"
              disabled={selected.size > 100}
              onClick={() => setComparing([...selected])}
              data-testid="compare"
            >
              Compare
            </button>
            <button type="button" onClick={() => setSelected(new Set())}>
              Clear selection
            </button>
          </>
        ) : null}
        {state.baseline ? (
          <button type="button" onClick={() => update({ baseline: null, baselineId: null, deltas: false })}>
            Clear baseline
          </button>
        ) : null}
        {notice ? (
          <span class="muted" role="status">
            {notice}
          </span>
        ) : null}
      </div>
      {running ? (
        <RunPanel projectId={project.id} rowId={running.id} label={rowLabel(running)} onClose={() => setRunning(null)} />
      ) : null}
      {pulls ? <PullRequestsPanel projectId={project.id} onClose={() => setPulls(false)} /> : null}
      {trends ? <TrendsPanel project={project} onClose={() => setTrends(false)} /> : null}
      {comparing ? (
        <ComparePanel
          projectId={project.id}
          ids={comparing}
          baselineId={state.baselineId}
          onClose={() => setComparing(null)}
        />
      ) : null}
      <ExperimentsTable
        project={project}
        model={model}
        state={state}
        goals={goals}
        selected={selected}
        flash={flash.current}
        signedIn={signedIn}
        onSelect={(id, on) => {
          const next = new Set(selected);
          if (on) next.add(id);
          else next.delete(id);
          setSelected(next);
        }}
        onSort={(key) => {
          const s = state.sort;
          const sort: TableState['sort'] =
            s?.key !== key ? { key, direction: 'DESC' } : s.direction === 'DESC' ? { key, direction: 'ASC' } : null;
          update({ sort });
        }}
        onHide={(row, unhide) => void hide([row.id], [], unhide)}
        onHideBranch={(name, unhide) => void hide([], [name], unhide)}
      />
    </section>
  );
}

interface TableProps {
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

function ExperimentsTable(props: TableProps): preact.JSX.Element {
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

  // Read the next page of each segment whose placeholders are in view (or just below).
  useEffect(() => {
    const wanted = new Set<Segment>();
    const stop = Math.min(items.length, end + READ_AHEAD);
    for (let i = start; i < stop; i++) {
      const item = items[i];
      if (item?.t === 'more' && !item.seg.loading && !item.seg.error) wanted.add(item.seg);
    }
    for (const seg of wanted) void model.load(seg);
  });

  const headerRows = state.baseline ? 2 : 1;
  const rows: preact.JSX.Element[] = [];
  for (let i = start; i < end; i++) {
    const item = items[i];
    if (item) rows.push(<Line key={keyOf(item, i)} item={item} index={i} rowIndex={i + headerRows + 1} cols={cols} {...props} />);
  }

  const sortOf = (key: string): 'ascending' | 'descending' | 'none' =>
    state.sort?.key === key ? (state.sort.direction === 'ASC' ? 'ascending' : 'descending') : 'none';
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
        <div role="row" class="tr head" aria-rowindex={1}>
          <div role="columnheader" class="th sticky0">
            <span class="sr-only">Select</span>
          </div>
          <div role="columnheader" class="th sticky1">
            Experiment
          </div>
          <div role="columnheader" class="th">
            Status
          </div>
          {FIELDS.map((f) =>
            sortable('field:' + f.field, f.label, `Sort by ${f.label.toLowerCase()}`),
          )}
          {state.columns.map((c) => {
            const goal = props.goals.get(c);
            return sortable(
              c,
              shortColumn(c),
              `${c}${goal ? ` (${goal.toLowerCase()} is better)` : ''}`,
              c.startsWith('metric:') ? 'metric num' : 'param num',
            );
          })}
          <div role="columnheader" class="th">
            <span class="sr-only">Actions</span>
          </div>
        </div>
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
      <div role="cell" class="td sticky0">
        <input
          type="checkbox"
          aria-label={`Select ${label}`}
          checked={props.selected.has(row.id)}
          onChange={(e) => props.onSelect(row.id, e.currentTarget.checked)}
        />
      </div>
      <div role="cell" class="td sticky1 name" data-testid="row-name">
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
      <div role="cell" class="td" data-testid="status">
        <span class={`status status-${row.status.toLowerCase()}`}>{row.status}</span>
      </div>
      <div role="cell" class={cellClass('td', branch, 3)}>{branch}</div>
      <div role="cell" class={cellClass('td', author, 4)}>{author}</div>
      <div role="cell" class={cellClass('td', message, 5)} title={row.message ?? ''}>
        {message}
      </div>
      <div role="cell" class={cellClass('td', time, 6)} title={formatTime(row.committedAt ?? row.createdAt)}>
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
        class="td actions"
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
