// Compare: the selected rows side by side (the columns that differ, deltas and goals against
// the baseline) and their plots in one set of charts, as `dvc plots diff` draws them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../api';
import { formatDelta, formatValue } from '../format';
import { CompareRowsDocument, type CompareRowsQuery } from '../gql/graphql';
import { renderChart } from '../plots';

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
  if (plot.kind === 'IMAGE') {
    return (
      <figure class="plot" data-testid="plot" data-plot={plot.id}>
        <figcaption>{plot.id}</figcaption>
        <div class="images">
          {plot.images.map((img) => (
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
  return (
    <figure class="plot" data-testid="plot" data-plot={plot.id}>
      <figcaption>{plot.id}</figcaption>
      <Chart spec={plot.spec} />
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
