// Compare: the selected rows side by side (the columns that differ, deltas and goals against
// the baseline) and their plots in one set of charts, as `dvc plots diff` draws them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api';
import { formatDelta, formatValue } from '../format';
import { CompareRowsDocument, type CompareRowsQuery } from '../gql/graphql';
import { renderChart } from '../plots';
import { MetricCharts } from './live-charts';

type Comparison = Extract<NonNullable<CompareRowsQuery['node']>, { compare: unknown }>['compare'];
type Plot = Comparison['plots'][number];

export function ComparePanel(props: {
  projectId: string;
  ids: string[];
  baselineId: string | null;
  onClose: () => void;
}): preact.JSX.Element {
  const [data, setData] = useState<Comparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyDiffering, setOnlyDiffering] = useState(true);
  const key = props.ids.join(',');

  useEffect(() => {
    let stopped = false;
    setData(null);
    request(CompareRowsDocument, { projectId: props.projectId, ids: props.ids, baseline: props.baselineId })
      .then((d) => {
        const node = d.node;
        if (!stopped && node && 'compare' in node) setData(node.compare);
      })
      .catch((e: unknown) => {
        if (!stopped) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      stopped = true;
    };
  }, [props.projectId, key, props.baselineId]);

  const differing = new Set(data?.differing ?? []);
  const rows = data ? data.rows.filter((r) => !onlyDiffering || differing.has(r.column)) : [];
  return (
    <section class="compare" aria-labelledby="compare-title" data-testid="compare-panel">
      <div class="compare-head">
        <h2 id="compare-title">Compare {props.ids.length} rows</h2>
        <label>
          <input type="checkbox" checked={onlyDiffering} onChange={(e) => setOnlyDiffering(e.currentTarget.checked)} /> only columns
          that differ
        </label>
        <button type="button" onClick={props.onClose}>
          Close compare
        </button>
      </div>
      {error ? <p class="sync-error">{error}</p> : null}
      {!data && !error ? <p class="muted">Loading…</p> : null}
      {data ? (
        <>
          <div class="compare-table-wrap">
            <table class="compare-table">
              <thead>
                <tr>
                  <th scope="col">Column</th>
                  {data.experiments.map((e) => (
                    <th scope="col" key={e.id}>
                      {e.name ?? e.sha?.slice(0, 7) ?? e.id}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.column}>
                    <th scope="row" title={r.column}>
                      {r.column}
                    </th>
                    {r.values.map((v, i) => {
                      const delta = r.deltas[i];
                      const better = r.better[i];
                      const cls = better === true ? 'better' : better === false ? 'worse' : '';
                      return (
                        <td key={i} class={`num ${cls}`}>
                          {formatValue(v)}
                          {delta !== null && delta !== undefined && delta !== 0 ? (
                            <span class="delta"> ({formatDelta(delta)})</span>
                          ) : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MetricCharts
            projectId={props.projectId}
            rows={data.experiments.map((e) => ({
              id: e.id,
              label: e.name ?? e.sha?.slice(0, 7) ?? e.id,
              live: e.kind === 'LIVE' && (e.status === 'RUNNING' || e.status === 'QUEUED'),
              metricNames: e.metricNames,
            }))}
          />
          <div class="plots" data-testid="plots">
            {data.plots.map((p) => (
              <PlotView key={p.id} plot={p} />
            ))}
            {data.plots.length === 0 ? <p class="muted">These rows have no plots.</p> : null}
          </div>
          {data.plotErrors.length ? (
            <ul class="plot-errors">
              {data.plotErrors.map((e, i) => (
                <li key={i} class="sync-error">
                  {e.revision}: {e.plot ?? 'all plots'}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function PlotView(props: { plot: Plot }): preact.JSX.Element {
  const { plot } = props;
  if (plot.kind === 'IMAGE') return <ImagePlot plot={plot} />;
  return (
    <figure class="plot" data-testid="plot" data-plot={plot.id}>
      <figcaption>{plot.id}</figcaption>
      <Chart spec={plot.spec} />
    </figure>
  );
}

/** A plot's images, one per row; a live run's are per step: the slider picks the step (each
 * row shows its image at that step, or the last before it). */
function ImagePlot(props: { plot: Plot }): preact.JSX.Element {
  const { plot } = props;
  const steps = [...new Set(plot.images.map((i) => i.step).filter((s): s is number => s !== null))].sort((a, b) => a - b);
  const [index, setIndex] = useState(steps.length - 1);
  const step = steps[Math.min(Math.max(index, 0), steps.length - 1)];
  const revisions = [...new Set(plot.images.map((i) => i.revision))];
  const shown = revisions
    .map((rev) => {
      const mine = plot.images.filter((i) => i.revision === rev);
      if (step === undefined) return mine[mine.length - 1];
      const before = mine.filter((i) => i.step === null || i.step <= step);
      return before[before.length - 1] ?? mine[0];
    })
    .filter((img): img is Plot['images'][number] => img !== undefined);
  return (
    <figure class="plot" data-testid="plot" data-plot={plot.id}>
      <figcaption>{plot.id}</figcaption>
      {steps.length > 1 ? (
        <label class="step-slider">
          Step {step}
          <input
            type="range"
            min={0}
            max={steps.length - 1}
            value={index}
            onInput={(e) => setIndex(Number(e.currentTarget.value))}
            data-testid="step-slider"
          />
        </label>
      ) : null}
      <div class="images">
        {shown.map((img) => (
          <img
            key={img.url}
            src={img.url}
            alt={`${plot.id} of ${img.revision}${img.step !== null ? ` at step ${img.step}` : ''}`}
            loading="lazy"
          />
        ))}
      </div>
    </figure>
  );
}

export function Chart(props: { spec: unknown }): preact.JSX.Element {
  const el = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<string>('loading');
  useEffect(() => {
    const target = el.current;
    if (!target || props.spec == null) return;
    let handle: { finalize: () => void } | null = null;
    let stopped = false;
    renderChart(target, props.spec)
      .then((h) => {
        if (stopped) h.finalize();
        else {
          handle = h;
          setState('ready');
        }
      })
      .catch((e: unknown) => setState(e instanceof Error ? e.message : String(e)));
    return () => {
      stopped = true;
      handle?.finalize();
    };
  }, [props.spec]);
  return (
    <div class="chart-wrap" data-state={state === 'loading' || state === 'ready' ? state : 'error'}>
      <div ref={el} class="chart" data-testid="chart" />
      {state !== 'loading' && state !== 'ready' ? <p class="sync-error">{state}</p> : null}
    </div>
  );
}
