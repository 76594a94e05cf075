// Trends per branch: chosen metrics along a branch's first-parent line (Project.trends).
import { useEffect, useState } from 'preact/hooks';
import { request } from '../api';
import { TrendsDocument } from '../gql/graphql';
import { shortColumn } from '../format';
import { Chart } from './compare';
import type { Project } from './state';

const POINTS = 200;

export function TrendsPanel(props: { project: Project; onClose: () => void }): preact.JSX.Element {
  const { project } = props;
  const metrics = project.columns.filter((c) => c.kind === 'METRIC' && c.type === 'number');
  const branches = project.branches.filter((b) => !b.hidden);
  const [branch, setBranch] = useState(project.defaultBranch ?? branches[0]?.name ?? '');
  const [column, setColumn] = useState(metrics[0]?.id ?? '');
  const [spec, setSpec] = useState<object | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!branch || !column) return;
    let stopped = false;
    setSpec(null);
    request(TrendsDocument, { projectId: project.id, branch, columns: [column], first: POINTS })
      .then((data) => {
        const node = data.node;
        if (stopped || !node || !('trends' in node)) return;
        const values = node.trends
          .filter((p) => typeof p.values[0] === 'number')
          .map((p) => ({ committedAt: p.committedAt, value: p.values[0], sha: p.sha.slice(0, 7), message: p.message }));
        setSpec({
          $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
          title: `${shortColumn(column)} on ${branch}`,
          width: 560,
          height: 220,
          data: { values },
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x: { field: 'committedAt', type: 'temporal', title: 'committed' },
            y: { field: 'value', type: 'quantitative', title: shortColumn(column), scale: { zero: false } },
            tooltip: [
              { field: 'sha', title: 'commit' },
              { field: 'message', title: 'message' },
              { field: 'value', title: shortColumn(column) },
            ],
          },
        });
        setError(null);
      })
      .catch((e: unknown) => {
        if (!stopped) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      stopped = true;
    };
  }, [project.id, branch, column]);

  return (
    <section class="compare" aria-labelledby="trends-title" data-testid="trends-panel">
      <div class="compare-head">
        <h2 id="trends-title">Trends</h2>
        <label>
          Branch
          <select value={branch} onChange={(e) => setBranch(e.currentTarget.value)}>
            {branches.map((b) => (
              <option key={b.name} value={b.name}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Metric
          <select value={column} onChange={(e) => setColumn(e.currentTarget.value)}>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={props.onClose}>
          Close trends
        </button>
      </div>
      {error ? <p class="sync-error">{error}</p> : null}
      {metrics.length === 0 ? <p class="muted">This project has no numeric metric.</p> : null}
      {spec ? <Chart spec={spec} /> : null}
    </section>
  );
}
