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
