// Charts are drawn by vega-embed, loaded on first use (a chunk of its own: the table does
// not pay for it). The server's Content-Security-Policy forbids eval, so specs are parsed to
// an AST and run by vega-interpreter; vega-embed's and vega-tooltip's injected <style>
// elements are turned off (style-src 'self') and their rules live in styles.css.

export interface ChartHandle {
  finalize: () => void;
  /** Append rows to a named dataset of the spec and redraw (live charts). */
  insert: (dataset: string, rows: object[]) => Promise<void>;
}

export async function renderChart(el: HTMLElement, spec: unknown): Promise<ChartHandle> {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([
    import('vega-embed'),
    import('vega-interpreter'),
  ]);
  const result = await embed(el, spec as Parameters<typeof embed>[1], {
    ast: true,
    expr: expressionInterpreter,
    actions: false,
    defaultStyle: false,
    renderer: 'canvas',
    tooltip: { disableDefaultStyle: true },
  });
  return {
    finalize: () => result.finalize(),
    insert: async (dataset, rows) => {
      await result.view.insert(dataset, rows).runAsync();
    },
  };
}

/** A line chart of one metric over steps, a series per row, fed by `insert('points', ...)`. */
export function metricSpec(name: string, points: object[]): object {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: name,
    width: 360,
    height: 200,
    data: { name: 'points', values: points },
    mark: { type: 'line', point: true, tooltip: true },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'step' },
      y: { field: 'value', type: 'quantitative', title: name, scale: { zero: false } },
      color: { field: 'rev', type: 'nominal', title: 'row' },
    },
  };
}

/** The dataset a plot's rows are appended to (live runs), given to the spec's inline data. */
export const PLOT_DATA = 'plot_rows';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plot's spec ready to take appended rows: its inline data (`data.values` of a Vega-Lite
 * spec, as DVC renders plots) named so that `insert(dataset, rows)` finds it, with the rows it
 * holds. Null when the spec has no inline dataset to append to. */
export function appendable(spec: unknown): { spec: object; dataset: string; rows: unknown[] } | null {
  if (!isRecord(spec)) return null;
  const data = spec.data;
  if (isRecord(data) && Array.isArray(data.values)) {
    const dataset = typeof data.name === 'string' && data.name ? data.name : PLOT_DATA;
    return { spec: { ...spec, data: { ...data, name: dataset } }, dataset, rows: data.values as unknown[] };
  }
  // A Vega spec: its first named dataset with inline values.
  if (Array.isArray(data)) {
    for (const d of data as unknown[]) {
      if (isRecord(d) && typeof d.name === 'string' && Array.isArray(d.values)) {
        return { spec, dataset: d.name, rows: d.values as unknown[] };
      }
    }
  }
  return null;
}
