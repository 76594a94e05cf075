import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, request, subscribe, type Session } from '../api';
import { formatTime } from '../format';
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
import { TableModel, type Row, type Segment } from '../table/model';
import {
  canNest,
  csvLink,
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
import { ExperimentsTable, rowLabel } from '../table/grid';
import { ErrorNotice, SignInNeeded, useTitle } from './misc';

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

  // The baseline row, with the columns shown and those of the delta conditions (a view names
  // it by id; new columns need its values).
  const baselineId = state?.baselineId ?? null;
  const wantedOfBaseline = state
    ? [...new Set([...state.columns, ...state.conditions.filter((c) => c.vsBaseline).map((c) => c.column)])]
    : [];
  const baselineColumns = JSON.stringify(wantedOfBaseline);
  useEffect(() => {
    if (!baselineId || !state) return;
    let stopped = false;
    request(BaselineRowDocument, { id: baselineId, columns: wantedOfBaseline })
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
    // baselineColumns stands for wantedOfBaseline.
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
