// The table's controls: filters (git fields and column conditions), the columns chooser
// with order and goals, and saved views.
import { useEffect, useState } from 'preact/hooks';
import type { ColumnGoal, FilterOperator, ViewFieldsFragment } from '../gql/graphql';
import { shortColumn } from '../format';
import {
  deltaCapable,
  OPERATORS,
  parseValue,
  type ColumnInfo,
  type Condition,
  type GitFilter,
  type Project,
  type TableState,
} from './state';

type Update = (change: Partial<TableState>) => void;

/** A text box whose typed text survives the table's re-renders (rows arriving, live
 *  updates): the text is its own until committed (Enter, or leaving the box), and it
 *  follows `value` only when `value` itself changes. */
function DraftInput(props: { type: string; value: string; commit: (text: string) => void }): preact.JSX.Element {
  const [draft, setDraft] = useState(props.value);
  useEffect(() => {
    setDraft(props.value);
  }, [props.value]);
  return (
    <input
      type={props.type}
      value={draft}
      onInput={(e) => setDraft(e.currentTarget.value)}
      onChange={(e) => props.commit(e.currentTarget.value)}
    />
  );
}

export function Filters(props: { project: Project; state: TableState; update: Update }): preact.JSX.Element {
  const { project, state, update } = props;
  const git = (change: Partial<GitFilter>): void => update({ git: { ...state.git, ...change } });
  const branches = project.branches.filter((b) => state.showHidden || !b.hidden);
  const conditions = state.conditions;
  const setCondition = (i: number, change: Partial<Condition>): void =>
    update({ conditions: conditions.map((c, j) => (j === i ? { ...c, ...change } : c)) });
  const active =
    conditions.length + Object.values(state.git).filter((v) => v !== '').length;
  return (
    <details class="panel" data-testid="filters">
      <summary>Filters{active ? ` (${active})` : ''}</summary>
      <div class="panel-body">
        <fieldset>
          <legend>Git</legend>
          <label>
            Branch
            <select value={state.git.branch} onChange={(e) => git({ branch: e.currentTarget.value })} data-testid="filter-branch">
              <option value="">any</option>
              {branches.map((b) => (
                <option key={b.name} value={b.name}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Commits on branch
            <select value={state.git.onBranch} onChange={(e) => git({ onBranch: e.currentTarget.value })}>
              <option value="">any</option>
              {branches.map((b) => (
                <option key={b.name} value={b.name}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag
            <select value={state.git.tag} onChange={(e) => git({ tag: e.currentTarget.value })}>
              <option value="">any</option>
              {project.tags.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Detached
            <select
              value={state.git.detached}
              onChange={(e) => git({ detached: e.currentTarget.value as GitFilter['detached'] })}
            >
              <option value="">shown</option>
              <option value="only">only</option>
              <option value="none">left out</option>
            </select>
          </label>
          <label>
            Author
            <DraftInput type="search" value={state.git.author} commit={(text) => git({ author: text })} />
          </label>
          <label>
            Message
            <DraftInput type="search" value={state.git.message} commit={(text) => git({ message: text })} />
          </label>
        </fieldset>
        <fieldset>
          <legend>Values</legend>
          {conditions.map((c, i) => (
            <div class="condition" key={i} data-testid="condition">
              <label>
                <span class="sr-only">Column of condition {i + 1}</span>
                <select value={c.column} onChange={(e) => setCondition(i, { column: e.currentTarget.value })}>
                  {project.columns.map((col) => (
                    <option key={col.id} value={col.id}>
                      {col.id}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span class="sr-only">Operator of condition {i + 1}</span>
                <select value={c.op} onChange={(e) => setCondition(i, { op: e.currentTarget.value as FilterOperator })}>
                  {OPERATORS.map((o) => (
                    <option key={o.op} value={o.op}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </label>
              {c.op !== 'EXISTS' ? (
                <label>
                  <span class="sr-only">Value of condition {i + 1}</span>
                  <DraftInput
                    type="text"
                    value={c.value === null || c.value === undefined ? '' : typeof c.value === 'string' ? c.value : JSON.stringify(c.value)}
                    commit={(text) => setCondition(i, { value: parseValue(text) })}
                  />
                </label>
              ) : null}
              {deltaCapable(c) ? (
                <label title="The value is a difference from the baseline row's (choose a baseline first)">
                  <input
                    type="checkbox"
                    checked={c.vsBaseline === true}
                    disabled={!state.baselineId}
                    onChange={(e) => setCondition(i, { vsBaseline: e.currentTarget.checked })}
                    data-testid="condition-delta"
                  />
                  <span class="sr-only">Condition {i + 1} is a delta from the baseline</span>
                  <span aria-hidden="true">Δ baseline</span>
                </label>
              ) : null}
              <button
                type="button"
                aria-label={`Remove condition ${i + 1}`}
                onClick={() => update({ conditions: conditions.filter((_, j) => j !== i) })}
              >
                ✕
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={project.columns.length === 0}
            onClick={() => {
              const first = project.columns.find((col) => col.kind === 'METRIC') ?? project.columns[0];
              if (first) update({ conditions: [...conditions, { column: first.id, op: 'GT', value: null }] });
            }}
          >
            Add condition
          </button>
        </fieldset>
        {active ? (
          <button type="button" onClick={() => update({ conditions: [], git: { branch: '', onBranch: '', tag: '', detached: '', author: '', message: '' } })}>
            Clear filters
          </button>
        ) : null}
      </div>
    </details>
  );
}

export function ColumnsChooser(props: {
  project: Project;
  state: TableState;
  update: Update;
  /** Make the goals chosen here the project's (setColumnGoal; its ADMINs only). */
  saveProjectGoals?: (() => void) | undefined;
}): preact.JSX.Element {
  const { project, state, update } = props;
  const [search, setSearch] = useState('');
  const shown = new Set(state.columns);
  const projectGoals = new Map(project.columnGoals.map((g) => [g.column, g.goal]));
  const move = (id: string, by: number): void => {
    const cols = [...state.columns];
    const i = cols.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= cols.length) return;
    [cols[i], cols[j]] = [cols[j] as string, cols[i] as string];
    update({ columns: cols });
  };
  const toggle = (id: string, on: boolean): void =>
    update({ columns: on ? [...state.columns, id] : state.columns.filter((c) => c !== id) });
  const setGoal = (id: string, goal: string): void => {
    const goals: Record<string, ColumnGoal> = {};
    for (const [column, g] of Object.entries(state.viewGoals)) if (column !== id) goals[column] = g;
    if (goal === 'HIGHER' || goal === 'LOWER') goals[id] = goal;
    update({ viewGoals: goals });
  };
  const needle = search.trim().toLowerCase();
  const byId = new Map(project.columns.map((c) => [c.id, c]));
  // Shown columns in their order first (so they can be moved), then the others.
  const ordered: ColumnInfo[] = [
    ...state.columns.map((id) => byId.get(id)).filter((c): c is ColumnInfo => c !== undefined),
    ...project.columns.filter((c) => !shown.has(c.id)),
  ].filter((c) => !needle || c.id.toLowerCase().includes(needle));
  return (
    <details class="panel" data-testid="columns-chooser">
      <summary>
        Columns ({state.columns.length}/{project.columns.length})
      </summary>
      <div class="panel-body columns-body">
        <div class="row-controls">
          <label>
            Find
            <input type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
          </label>
          <button type="button" onClick={() => update({ columns: project.columns.map((c) => c.id) })}>
            Show all
          </button>
          <button type="button" onClick={() => update({ columns: [] })}>
            Hide all
          </button>
          {props.saveProjectGoals && Object.keys(state.viewGoals).length ? (
            <button type="button" onClick={props.saveProjectGoals} data-testid="save-project-goals">
              Make these goals the project's
            </button>
          ) : null}
        </div>
        <ul class="columns-list">
          {ordered.map((c) => {
            const on = shown.has(c.id);
            const goal = state.viewGoals[c.id] ?? '';
            return (
              <li key={c.id} data-testid="column-option" data-column={c.id}>
                <label class="grow">
                  <input type="checkbox" checked={on} onChange={(e) => toggle(c.id, e.currentTarget.checked)} />
                  <span class={`kind kind-${c.kind.toLowerCase()}`}>{c.kind === 'METRIC' ? 'M' : 'P'}</span> {c.id}
                </label>
                <label>
                  <span class="sr-only">Goal of {c.id}</span>
                  <select value={goal} onChange={(e) => setGoal(c.id, e.currentTarget.value)}>
                    <option value="">{projectGoals.get(c.id) ? `project: ${(projectGoals.get(c.id) ?? '').toLowerCase()}` : 'no goal'}</option>
                    <option value="HIGHER">higher is better</option>
                    <option value="LOWER">lower is better</option>
                  </select>
                </label>
                <button type="button" disabled={!on} aria-label={`Move ${c.id} left`} onClick={() => move(c.id, -1)}>
                  ↑
                </button>
                <button type="button" disabled={!on} aria-label={`Move ${c.id} right`} onClick={() => move(c.id, 1)}>
                  ↓
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </details>
  );
}

export function Views(props: {
  views: ViewFieldsFragment[];
  current: string | null;
  signedIn: boolean;
  pick: (name: string | null) => void;
  save: (name: string, shared: boolean) => Promise<string | null>;
  remove: (view: ViewFieldsFragment) => Promise<string | null>;
}): preact.JSX.Element {
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const current = props.views.find((v) => v.name === props.current) ?? null;
  return (
    <div class="views" data-testid="views">
      <label>
        View
        <select
          value={props.current ?? ''}
          data-testid="view-select"
          onChange={(e) => props.pick(e.currentTarget.value || null)}
        >
          <option value="">(none)</option>
          {props.views.map((v) => (
            <option key={v.id} value={v.name}>
              {v.name}
              {v.shared ? ' (shared)' : ''}
            </option>
          ))}
        </select>
      </label>
      {current ? (
        <button
          type="button"
          onClick={() => {
            void props.remove(current).then(setMessage);
          }}
        >
          Delete view
        </button>
      ) : null}
      {props.signedIn ? (
        <form
          class="save-view"
          onSubmit={(e) => {
            e.preventDefault();
            const n = name.trim() || props.current || '';
            if (!n) {
              setMessage('Name the view');
              return;
            }
            void props.save(n, shared).then((err) => {
              setMessage(err ?? `Saved “${n}”`);
              if (!err) setName('');
            });
          }}
        >
          <label>
            Save as
            <input
              type="text"
              value={name}
              placeholder={props.current ?? 'view name'}
              onInput={(e) => setName(e.currentTarget.value)}
              data-testid="view-name"
            />
          </label>
          <label>
            <input type="checkbox" checked={shared} onChange={(e) => setShared(e.currentTarget.checked)} /> shared
          </label>
          <button type="submit">Save view</button>
        </form>
      ) : null}
      {message ? (
        <span class="muted" role="status">
          {message}
        </span>
      ) : null}
    </div>
  );
}

export function columnTitle(id: string): string {
  return shortColumn(id);
}
