// Metric charts of the compared rows: each metric's stored history first (metricHistory,
// downsampled), then, for runs still going, the steps appended as liveMetrics sends them.
import { useEffect, useRef, useState } from 'preact/hooks';
import { request, subscribe } from '../api';
import { MetricHistoryDocument, RunMetricsDocument } from '../gql/graphql';
import { metricSpec, renderChart, type ChartHandle } from '../plots';

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

export function MetricCharts(props: { projectId: string; rows: ChartRow[] }): preact.JSX.Element | null {
  const names = [...new Set(props.rows.flatMap((r) => r.metricNames))].sort().slice(0, MAX_CHARTS);
  const charts = useRef(new Map<string, LiveChartApi>());
  const key = props.rows.map((r) => r.id).join(',');

  // Live runs: after every chart has drawn its history, append the steps that follow.
  const [ready, setReady] = useState(0);
  useEffect(() => {
    if (ready < names.length || names.length === 0) return;
    const stops: (() => void)[] = [];
    for (const row of props.rows.filter((r) => r.live)) {
      let since = -1;
      for (const chart of charts.current.values()) since = Math.max(since, chart.lastStep(row.label));
      stops.push(
        subscribe(
          RunMetricsDocument,
          { projectId: props.projectId, experimentId: row.id, sinceStep: since >= 0 ? since : null },
          (data) => {
            const event = data.liveMetrics;
            if (event.type !== 'DATA' || event.step === null || typeof event.metrics !== 'object' || !event.metrics) return;
            for (const [name, value] of Object.entries(event.metrics as Record<string, unknown>)) {
              if (typeof value !== 'number') continue;
              charts.current.get(name)?.append({ rev: row.label, step: event.step, value });
            }
          },
        ),
      );
    }
    return () => {
      for (const stop of stops) stop();
    };
    // key stands for the rows; ready counts the charts drawn.
  }, [key, ready, names.length, props.projectId]);

  if (names.length === 0) return null;
  return (
    <div class="plots" data-testid="metric-charts">
      {names.map((name) => (
        <LiveChart
          key={`${key}:${name}`}
          name={name}
          rows={props.rows.filter((r) => r.metricNames.includes(name))}
          register={(api) => {
            charts.current.set(name, api);
            setReady((n) => n + 1);
          }}
        />
      ))}
    </div>
  );
}

interface LiveChartApi {
  append: (point: Point) => void;
  lastStep: (rev: string) => number;
}

function LiveChart(props: { name: string; rows: ChartRow[]; register: (api: LiveChartApi) => void }): preact.JSX.Element {
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
      props.register({
        lastStep: (rev) => last.get(rev) ?? -1,
        append: (point) => {
          if ((last.get(point.rev) ?? -1) >= point.step) return; // replayed: drawn already
          last.set(point.rev, point.step);
          count += 1;
          setPoints(count);
          void handle?.insert('points', [point]);
        },
      });
    };
    load().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
    return () => {
      life.stopped = true;
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
