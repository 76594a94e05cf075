// Compare: the selected rows side by side (the columns that differ, deltas and goals against
// the baseline) and their plots in one set of charts, as `dvc plots diff` draws them.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { request } from '../api';
import { formatDelta, formatValue } from '../format';
import { CompareRowsDocument, type CompareRowsQuery } from '../gql/graphql';
import { appendable, renderChart, type ChartHandle } from '../plots';
import { LiveFeed, MetricCharts } from './live-charts';

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

  // Live runs among the compared rows: one subscription each feeds the metric charts and the
  // plot charts (they append the rows each step adds). It starts from the step before the one
  // the comparison read (a chart skips the steps it already holds), so no step is missed.
  const feed = useMemo(() => new LiveFeed(), [data]);
  useEffect(() => {
    if (!data) return;
    const stops = data.experiments
      .filter((e) => e.kind === 'LIVE' && (e.status === 'RUNNING' || e.status === 'QUEUED'))
      .map((e) => feed.follow(props.projectId, e.id, e.lastStep === null ? null : e.lastStep - 1));
    return () => {
      for (const stop of stops) stop();
    };
  }, [feed]);
  const live = data?.experiments.some((e) => e.kind === 'LIVE' && (e.status === 'RUNNING' || e.status === 'QUEUED')) ?? false;

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
            feed={feed}
            rows={data.experiments.map((e) => ({
              id: e.id,
              label: e.name ?? e.sha?.slice(0, 7) ?? e.id,
              live: e.kind === 'LIVE' && (e.status === 'RUNNING' || e.status === 'QUEUED'),
              metricNames: e.metricNames,
            }))}
          />
          <div class="plots" data-testid="plots">
            {data.plots.map((p) => (
              <PlotView key={p.id} plot={p} feed={live ? feed : null} />
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

function PlotView(props: { plot: Plot; feed: LiveFeed | null }): preact.JSX.Element {
  const { plot } = props;
  const [rows, setRows] = useState<number | null>(null);
  if (plot.kind === 'IMAGE') return <ImagePlot plot={plot} />;
  return (
    <figure class="plot" data-testid="plot" data-plot={plot.id} data-rows={rows ?? undefined}>
      <figcaption>{plot.id}</figcaption>
      <Chart spec={plot.spec} live={props.feed ? { feed: props.feed, plot: plot.id, onRows: setRows } : null} />
    </figure>
  );
}

type Live = { feed: LiveFeed; plot: string; onRows: (count: number) => void } | null;

/** The steps of a row already in the plot's data, by `rev` (rows without a numeric step are
 * not counted: they cannot be told apart from a replayed one). */
function lastSteps(rows: unknown[]): Map<unknown, number> {
  const last = new Map<unknown, number>();
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const { rev, step } = row as { rev?: unknown; step?: unknown };
    if (typeof step === 'number') last.set(rev, Math.max(last.get(rev) ?? -Infinity, step));
  }
  return last;
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

/** A Vega(-Lite) chart; `live`: a live run's plot, to which the rows each step adds (the
 * feed's `plotRows` for this plot id) are appended, as the metric charts append points. */
export function Chart(props: { spec: unknown; live?: Live }): preact.JSX.Element {
  const el = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<string>('loading');
  const live = props.live ?? null;
  useEffect(() => {
    const target = el.current;
    if (!target || props.spec == null) return;
    let handle: ChartHandle | null = null;
    let stopped = false;
    let stopListening = (): void => undefined;
    const data = live ? appendable(props.spec) : null;
    renderChart(target, data ? data.spec : props.spec)
      .then((h) => {
        if (stopped) {
          h.finalize();
          return;
        }
        handle = h;
        setState('ready');
        if (!live || !data) return;
        const last = lastSteps(data.rows);
        let count = data.rows.length;
        live.onRows(count);
        stopListening = live.feed.listen((step) => {
          const rows = (step.plotRows[live.plot] ?? []).filter((row) => {
            if (typeof row !== 'object' || row === null) return false;
            const { rev } = row as { rev?: unknown };
            const seen = last.get(rev);
            return seen === undefined || step.step > seen; // replayed: drawn already
          });
          if (rows.length === 0) return;
          for (const row of rows) last.set((row as { rev?: unknown }).rev, step.step);
          count += rows.length;
          live.onRows(count);
          void h.insert(data.dataset, rows as object[]);
        });
      })
      .catch((e: unknown) => setState(e instanceof Error ? e.message : String(e)));
    return () => {
      stopped = true;
      stopListening();
      handle?.finalize();
    };
    // The live feed changes with the comparison, which brings a new spec.
  }, [props.spec, live?.feed]);
  return (
    <div class="chart-wrap" data-state={state === 'loading' || state === 'ready' ? state : 'error'}>
      <div ref={el} class="chart" data-testid="chart" />
      {state !== 'loading' && state !== 'ready' ? <p class="sync-error">{state}</p> : null}
    </div>
  );
}
