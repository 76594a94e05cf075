// Run an experiment: a params editor built from a row's params, committed on top of its
// commit (onto its branch, a new branch, or a new branch with a pull request); and the
// project's pull requests, which plain-Git projects merge or close here.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { formatTime, formatValue } from '../format';
import {
  ClosePullRequestDocument,
  MergePullRequestDocument,
  PullRequestsDocument,
  RowParamsDocument,
  RunExperimentDocument,
  type PullRequestsQuery,
  type RunTarget,
} from '../gql/graphql';
import { parseValue } from './state';

interface Param {
  file: string;
  path: string;
  value: unknown;
}

/** {file: {a: {b: 1}}} (DVC's params, each file's `data`) as file, dotted path, value. */
function flatten(params: unknown): Param[] {
  const out: Param[] = [];
  if (typeof params !== 'object' || params === null) return out;
  for (const [file, content] of Object.entries(params as Record<string, unknown>)) {
    const data =
      typeof content === 'object' && content !== null && 'data' in content ? (content).data : content;
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k);
      } else if (path) out.push({ file, path, value });
    };
    walk(data, '');
  }
  return out;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : formatValue(value);
}

export function RunPanel(props: { projectId: string; rowId: string; label: string; onClose: () => void }): preact.JSX.Element {
  const [params, setParams] = useState<Param[] | null>(null);
  const [baseRev, setBaseRev] = useState('');
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<RunTarget>('BRANCH');
  const [branch, setBranch] = useState('');
  const [message, setMessage] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    request(RowParamsDocument, { id: props.rowId })
      .then((data) => {
        const node = data.node;
        if (!node || !('params' in node)) return;
        setParams(flatten(node.params));
        // The row's own commit (an experiment's: its baseline): the params shown are its.
        // (Commit.branches are the branches whose history holds it, not their heads: a
        // branch's name would start from its head, with other params.) To commit onto a
        // branch, type its name.
        setBaseRev(node.commit?.sha ?? node.sha ?? '');
      })
      .catch((e: unknown) => setResult(e instanceof Error ? e.message : String(e)));
  }, [props.rowId]);

  const key = (p: Param): string => `${p.file}\u0000${p.path}`;
  const changes = (params ?? [])
    .filter((p) => key(p) in edits && edits[key(p)] !== show(p.value))
    .map((p) => ({ file: p.file, path: p.path, value: parseValue(edits[key(p)] ?? '') }));

  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      const data = await request(RunExperimentDocument, {
        input: {
          projectId: props.projectId,
          baseRev,
          paramChanges: changes,
          target,
          branch: branch.trim() || null,
          message: message.trim() || null,
        },
      });
      const payload = data.runExperiment;
      const err = payload.errors[0];
      if (err) setResult(`${err.code}: ${err.message}`);
      else {
        const pr = payload.pullRequest;
        setResult(
          `Committed ${payload.commit?.sha.slice(0, 7) ?? ''}${payload.branch ? ` on ${payload.branch}` : ''}${pr ? `, pull request #${pr.number}` : ''}`,
        );
      }
    } catch (e) {
      setResult(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="compare" aria-labelledby="run-title" data-testid="run-panel">
      <div class="compare-head">
        <h2 id="run-title">Run an experiment from {props.label}</h2>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      {params === null ? <p class="muted">Loading params…</p> : null}
      {params ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run();
          }}
        >
          <div class="params-grid">
            {params.map((p) => (
              <label key={key(p)} class="param" data-testid="param" data-file={p.file} data-path={p.path}>
                <span class="muted small">{p.file}</span> {p.path}
                <input
                  type="text"
                  value={edits[key(p)] ?? show(p.value)}
                  onInput={(e) => setEdits({ ...edits, [key(p)]: e.currentTarget.value })}
                />
              </label>
            ))}
          </div>
          <fieldset>
            <legend>Where the commit goes</legend>
            <label>
              Base
              <input type="text" value={baseRev} onInput={(e) => setBaseRev(e.currentTarget.value)} required />
            </label>
            <label>
              Target
              <select value={target} onChange={(e) => setTarget(e.currentTarget.value as RunTarget)} data-testid="run-target">
                <option value="COMMIT">commit onto the branch</option>
                <option value="BRANCH">a new branch</option>
                <option value="PULL_REQUEST">a new branch and a pull request</option>
              </select>
            </label>
            <label>
              Branch
              <input type="text" value={branch} onInput={(e) => setBranch(e.currentTarget.value)} data-testid="run-branch" />
            </label>
            <label>
              Message
              <input type="text" value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
            </label>
            <button type="submit" class="primary" disabled={busy || changes.length === 0} data-testid="run-submit">
              Run ({changes.length} changed)
            </button>
          </fieldset>
        </form>
      ) : null}
      {result ? (
        <p class="notice" role="status" data-testid="run-result">
          {result}
        </p>
      ) : null}
    </section>
  );
}

type PullRequest = Extract<NonNullable<PullRequestsQuery['node']>, { pullRequests: unknown }>['pullRequests'][number];

export function PullRequestsPanel(props: { projectId: string; onClose: () => void }): preact.JSX.Element {
  const [prs, setPrs] = useState<PullRequest[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = async (): Promise<void> => {
    const data = await request(PullRequestsDocument, { projectId: props.projectId, state: null });
    const node = data.node;
    setPrs(node && 'pullRequests' in node ? node.pullRequests : []);
  };
  useEffect(() => {
    load().catch((e: unknown) => setMessage(e instanceof Error ? e.message : String(e)));
  }, [props.projectId]);

  const act = async (pr: PullRequest, merge: boolean): Promise<void> => {
    try {
      const input = { pullRequestId: pr.id };
      const payload = merge
        ? (await request(MergePullRequestDocument, { input })).mergePullRequest
        : (await request(ClosePullRequestDocument, { input })).closePullRequest;
      const err = payload.errors[0];
      setMessage(err ? `${err.code}: ${err.message}` : `#${pr.number} ${merge ? 'merged' : 'closed'}`);
      await load();
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section class="compare" aria-labelledby="prs-title" data-testid="pull-requests">
      <div class="compare-head">
        <h2 id="prs-title">Pull requests</h2>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      {message ? (
        <p class="muted" role="status">
          {message}
        </p>
      ) : null}
      {prs === null ? (
        <p class="muted">Loading…</p>
      ) : prs.length === 0 ? (
        <p class="muted">No pull requests.</p>
      ) : (
        <table class="projects">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Title</th>
              <th scope="col">Branches</th>
              <th scope="col">State</th>
              <th scope="col">Opened</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {prs.map((pr) => (
              <tr key={pr.id} data-testid="pull-request" data-number={pr.number}>
                <td>{pr.url ? <a href={pr.url}>#{pr.number}</a> : `#${pr.number}`}</td>
                <th scope="row">{pr.title}</th>
                <td>
                  {pr.sourceBranch} → {pr.targetBranch}
                </td>
                <td>
                  {pr.state.toLowerCase()}
                  {pr.state === 'OPEN' && pr.mergeable === false ? ` (conflicts: ${pr.conflicts.join(', ')})` : ''}
                </td>
                <td>
                  {formatTime(pr.createdAt)} by {pr.createdBy}
                </td>
                <td>
                  {pr.state === 'OPEN' && pr.forge === null ? (
                    <>
                      <button type="button" disabled={pr.mergeable === false} onClick={() => void act(pr, true)}>
                        Merge #{pr.number}
                      </button>{' '}
                      <button type="button" onClick={() => void act(pr, false)}>
                        Close #{pr.number}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
