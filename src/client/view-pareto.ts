/**
 * Pareto: X and Y pickers over every language, competency and task column (`?x=&y=` in the
 * URL). The build rendered the chart of the default axes; other axes are drawn here by the same
 * builder, loaded only when needed.
 */

import { modelHyperparameters } from '../lib/charts/hyperparameters.ts';
import { chartRun, metricGroups, paretoAxes, settingsKey } from '../lib/site/chart-choices.ts';
import { createChartHost, loadChart, showChart } from './chart-interact.ts';
import { metricField } from './chart-controls.ts';
import { h } from './dom.ts';
import { setReady, type RunContext, type View } from './run-context.ts';

export function paretoView(panel: HTMLElement, context: RunContext): View {
  const run = chartRun(context.run);
  const hyperparameters = modelHyperparameters(run.rows, run.hyperparameters);
  let host: HTMLElement | null = null;
  let pending = 0;

  const render = async () => {
    if (host === null) return;
    const axes = paretoAxes(run.columns, context.state.paretoX, context.state.paretoY);
    if (context.state.paretoX !== axes.x || context.state.paretoY !== axes.y) {
      context.update({ paretoX: axes.x, paretoY: axes.y });
    }
    const key = settingsKey([axes.x, axes.y]);
    if (host.dataset['settings'] === key) {
      // The build's chart: inline, or a static file fetched now (very large runs).
      await loadChart(host);
      setReady(panel, true);
      return;
    }
    setReady(panel, false);
    const ticket = ++pending;
    const { paretoChart } = await import('../lib/charts/pareto.ts');
    if (ticket !== pending) return; // a newer choice is being drawn
    showChart(host, paretoChart(run, { ...axes, hyperparameters, id: 'pareto' }));
    host.dataset['settings'] = key;
    setReady(panel, true);
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
