/**
 * Pareto: X and Y pickers over every language, competency and task column (`?x=&y=` in the
 * URL). The build rendered the chart of the default axes; other axes are drawn here by the same
 * builder, loaded only when needed.
 */

import { modelHyperparameters } from '../lib/charts/hyperparameters.ts';
import { chartRun, metricGroups, paretoAxes, settingsKey } from '../lib/site/chart-choices.ts';
import { chartRedrawer, createChartHost } from './chart-interact.ts';
import { metricField } from './chart-controls.ts';
import { h } from './dom.ts';
import type { RunContext, View } from './run-context.ts';

export function paretoView(panel: HTMLElement, context: RunContext): View {
  const run = chartRun(context.run);
  const hyperparameters = modelHyperparameters(run.rows, run.hyperparameters);
  let host: HTMLElement | null = null;
  const redraw = chartRedrawer(panel);

  const render = async () => {
    if (host === null) return;
    const axes = paretoAxes(run.columns, context.state.paretoX, context.state.paretoY);
    if (context.state.paretoX !== axes.x || context.state.paretoY !== axes.y) {
      context.update({ paretoX: axes.x, paretoY: axes.y });
    }
    await redraw(host, settingsKey([axes.x, axes.y]), async () => {
      const { paretoChart } = await import('../lib/charts/pareto.ts');
      return paretoChart(run, { ...axes, hyperparameters, id: 'pareto' });
    });
  };

  const build = () => {
    host = panel.querySelector<HTMLElement>('lb-chart');
    if (host === null) {
      host = createChartHost();
      panel.append(host);
    }
    const groups = metricGroups(run.columns);
    const axes = paretoAxes(run.columns, context.state.paretoX, context.state.paretoY);
    const x = metricField('X axis', groups, axes.x, (value) => {
      context.update({ paretoX: value });
      void render();
    });
    const y = metricField('Y axis', groups, axes.y, (value) => {
      context.update({ paretoY: value });
      void render();
    });
    host.before(h('div', { class: 'field-row chart-controls' }, x.element, y.element));
  };

  return {
    show() {
      if (host === null) build();
      void render();
    },
  };
}
