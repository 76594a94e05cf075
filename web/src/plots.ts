// Charts are drawn by vega-embed, loaded on first use (a chunk of its own: the table does
// not pay for it). The server's Content-Security-Policy forbids eval, so specs are parsed to
// an AST and run by vega-interpreter; vega-embed's and vega-tooltip's injected <style>
// elements are turned off (style-src 'self') and their rules live in styles.css.

export interface ChartHandle {
  finalize: () => void;
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
  return { finalize: () => result.finalize() };
}
