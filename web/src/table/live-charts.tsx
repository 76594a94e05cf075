// Metric charts of the compared rows: each metric's stored history first (metricHistory,
// downsampled), then, for runs still going, the steps appended as liveMetrics sends them
// (through the compare panel's LiveFeed, which the plot charts read too).
import { useEffect, useRef, useState } from 'preact/hooks';
import { request, subscribe } from '../api';
import { MetricHistoryDocument, RunMetricsDocument } from '../gql/graphql';
import { metricSpec, renderChart, type ChartHandle } from '../plots';

/** One DATA step of a live run, as liveMetrics sends it. */
export interface LiveStep {
  rowId: string;
  step: number;
  metrics: Record<string, unknown>;
  /** {plot id: rows this step adds to that plot's data} (rows carry `rev`, as the spec's). */
  plotRows: Record<string, unknown[]>;
}

type Listener = (step: LiveStep) => void;

// Steps kept for charts that finish drawing after they arrived (a long run's replay).
const MAX_KEPT = 20000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The live steps of the compared runs, one subscription per run for every chart. A chart
 * that starts listening first gets the steps already received (it skips those it drew from
 * its stored history), so nothing falls between its first draw and the live steps. */
export class LiveFeed {
  private readonly kept: LiveStep[] = [];
  private readonly listeners = new Set<Listener>();

  listen(listener: Listener): () => void {
    for (const step of this.kept) listener(step);
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Subscribe to the run's steps after `sinceStep` (null: all it stored); returns the stop. */
  follow(projectId: string, rowId: string, sinceStep: number | null): () => void {
    return subscribe(RunMetricsDocument, { projectId, experimentId: rowId, sinceStep }, (data) => {
      const event = data.liveMetrics;
      if (event.type !== 'DATA' || event.step === null) return;
      const plotRows: Record<string, unknown[]> = {};
      if (isRecord(event.plotRows)) {
        for (const [plot, rows] of Object.entries(event.plotRows)) if (Array.isArray(rows)) plotRows[plot] = rows as unknown[];
      }
      this.emit({ rowId, step: event.step, metrics: isRecord(event.metrics) ? event.metrics : {}, plotRows });
    });
  }

  private emit(step: LiveStep): void {
    if (this.kept.length >= MAX_KEPT) this.kept.shift();
    this.kept.push(step);
    for (const listener of this.listeners) listener(step);
  }
}

export interface ChartRow {
  id: string;
  label: string;
  live: boolean;
  metricNames: string[];
}

const MAX_CHARTS = 12;
const MAX_POINTS = 500;

interface Point {
  rev: string;
  step: number;
  value: number;
}

export function MetricCharts(props: { rows: ChartRow[]; feed: LiveFeed }): preact.JSX.Element | null {
  const names = [...new Set(props.rows.flatMap((r) => r.metricNames))].sort().slice(0, MAX_CHARTS);
  const key = props.rows.map((r) => r.id).join(',');

  if (names.length === 0) return null;
  return (
    <div class="plots" data-testid="metric-charts">
      {names.map((name) => (
        <LiveChart
          key={`${key}:${name}`}
          name={name}
          rows={props.rows.filter((r) => r.metricNames.includes(name))}
          feed={props.feed}
        />
      ))}
    </div>
  );
}

function LiveChart(props: { name: string; rows: ChartRow[]; feed: LiveFeed }): preact.JSX.Element {
  const el = useRef<HTMLDivElement>(null);
  const [points, setPoints] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const target = el.current;
    if (!target) return;
    // Read through a function: a flag's narrowing does not see the cleanup during an await.
    const life = { stopped: false };
    const isStopped = (): boolean => life.stopped;
    let handle: ChartHandle | null = null;
    let stopListening = (): void => undefined;
    const last = new Map<string, number>();
    let count = 0;
    const load = async (): Promise<void> => {
      const series = await Promise.all(
        props.rows.map(async (row) => {
          const data = await request(MetricHistoryDocument, { id: row.id, name: props.name, maxPoints: MAX_POINTS });
          const node = data.node;
          const history = node && 'metricHistory' in node ? node.metricHistory : null;
          const out: Point[] = [];
          if (history) {
            history.steps.forEach((step, i) => {
              const value = history.values[i];
              if (typeof value === 'number') out.push({ rev: row.label, step, value });
            });
          }
          return out;
        }),
      );
      const all = series.flat();
      for (const p of all) last.set(p.rev, Math.max(last.get(p.rev) ?? -1, p.step));
      if (isStopped()) return;
      handle = await renderChart(target, metricSpec(props.name, all));
      if (isStopped()) {
        handle.finalize();
        return;
      }
      count = all.length;
      setPoints(count);
      const labels = new Map(props.rows.filter((r) => r.live).map((r) => [r.id, r.label]));
      stopListening = props.feed.listen((step) => {
        const rev = labels.get(step.rowId);
        const value = step.metrics[props.name];
        if (rev === undefined || typeof value !== 'number') return;
        if ((last.get(rev) ?? -1) >= step.step) return; // replayed: drawn already
        last.set(rev, step.step);
        count += 1;
        setPoints(count);
        void handle?.insert('points', [{ rev, step: step.step, value }]);
      });
    };
    load().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      life.stopped = true;
      stopListening();
      handle?.finalize();
    };
    // Drawn once per chart (its key names the rows and the metric).
  }, []);

  return (
    <figure class="plot" data-testid="metric-chart" data-metric={props.name} data-points={points}>
      <figcaption>{props.name}</figcaption>
      <div ref={el} class="chart" />
      {error ? <p class="sync-error">{error}</p> : null}
    </figure>
  );
}
