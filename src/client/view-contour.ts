/**
 * Contour: pickers for the X and Y hyperparameters, the metric and the checkpoint, and log-scale
 * toggles (disabled, with the chart's note, when an axis has a value ≤ 0); all in the URL. The
 * build rendered the default contour; other settings are drawn here by the same builder, loaded
 * only when needed. Runs with fewer than 2 hyperparameters keep the builder's message.
 */

import { modelHyperparameters } from '../lib/charts/hyperparameters.ts';
import {
  chartRun,
  contourChoices,
  contourSettings,
  contourSettingsKey,
  metricGroups,
  type ContourSettings,
} from '../lib/site/chart-choices.ts';
import { checkField, metricField, selectField, setDisabled } from './chart-controls.ts';
import { chartRedrawer, createChartHost, loadChart } from './chart-interact.ts';
import { h } from './dom.ts';
import { setReady } from './ready-flag.ts';
import type { RunContext, View } from './run-context.ts';

const LATEST = 'latest';

export function contourView(panel: HTMLElement, context: RunContext): View {
  const run = chartRun(context.run);
  const hyperparameters = modelHyperparameters(run.rows, run.hyperparameters);
  let host: HTMLElement | null = null;
  const redraw = chartRedrawer(panel);
  let sync: ((settings: ContourSettings) => void) | null = null;

  const current = () =>
    contourSettings(run, hyperparameters, {
      x: context.state.contourX,
      y: context.state.contourY,
      metric: context.state.metric,
      logX: context.state.logX,
      logY: context.state.logY,
      step: context.state.step,
    });

  const render = async () => {
    const settings = current();
    if (host === null) return;
    if (settings === null) {
      await loadChart(host); // the build's message, inline or in a static file
      setReady(panel, true);
      return;
    }
    const { x, y, metric, logX, logY, step } = settings;
    context.update({
      contourX: x,
      contourY: y,
      metric,
      logX,
      logY,
      step: step === LATEST ? null : step,
    });
    sync?.(settings);
    await redraw(host, contourSettingsKey(settings), async () => {
      const { contourChart } = await import('../lib/charts/contour.ts');
      const options = { hyperparameters, x, y, metric, logX, logY, step, id: 'contour' };
      return contourChart(run, options);
    });
  };

  const build = () => {
    host = panel.querySelector<HTMLElement>('lb-chart');
    if (host === null) {
      host = createChartHost();
      panel.append(host);
    }
    const settings = current();
    if (settings === null) return; // the build's message says why there is no contour
    const { keys, steps } = contourChoices(run, hyperparameters);
    const keyOptions = keys.map((key) => ({ value: key, label: key }));
    const change = (patch: Parameters<RunContext['update']>[0]) => {
      context.update(patch);
      void render();
    };
    const x = selectField('X axis', keyOptions, settings.x, (value) => change({ contourX: value }));
    const y = selectField('Y axis', keyOptions, settings.y, (value) => change({ contourY: value }));
    const metric = metricField('Metric', metricGroups(run.columns), settings.metric, (value) =>
      change({ metric: value }),
    );
    const stepOptions = [
      { value: LATEST, label: 'Latest of each configuration' },
      ...steps.map((step) => ({ value: String(step), label: `Step ${step}` })),
    ];
    const step = selectField('Checkpoint', stepOptions, String(settings.step), (value) =>
      change({ step: value === LATEST ? null : Number(value) }),
    );
    const logX = checkField('Log scale X', settings.logX, (checked) => change({ logX: checked }));
    const logY = checkField('Log scale Y', settings.logY, (checked) => change({ logY: checked }));
    logX.control.dataset['axis'] = 'x';
    logY.control.dataset['axis'] = 'y';
    sync = (s) => {
      x.control.value = s.x;
      y.control.value = s.y;
      metric.control.value = s.metric;
      step.control.value = String(s.step);
      setDisabled(logX, s.refusalX);
      setDisabled(logY, s.refusalY);
      logX.control.checked = s.logX;
      logY.control.checked = s.logY;
    };
    host.before(
      h(
        'div',
        { class: 'field-row chart-controls' },
        x.element,
        y.element,
        metric.element,
        step.element,
      ),
      h('div', { class: 'field-row chart-controls' }, logX.element, logY.element),
    );
  };

  return {
    show() {
      // The build put the run's no-models message in place of the chart.
      if (context.noModels !== null) return setReady(panel, true);
      if (host === null) build();
      void render();
    },
  };
}
