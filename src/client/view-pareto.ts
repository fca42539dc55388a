/**
 * Pareto: X and Y pickers over every language, competency and task column, and a checkpoint
 * picker as the contour's, plus every checkpoint (`?x=&y=&step=` in the URL). The build rendered
 * the chart of the default settings; others are drawn here by the same builder, loaded only
 * when needed.
 */

import { defaultCheckpoints, runSteps, type Checkpoints } from '../lib/charts/checkpoints.ts';
import { modelHyperparameters } from '../lib/charts/hyperparameters.ts';
import {
  chartRun,
  metricGroups,
  paretoSettings,
  paretoSettingsKey,
  type ParetoSettings,
} from '../lib/site/chart-choices.ts';
import { chartRedrawer, createChartHost } from './chart-interact.ts';
import { metricField, selectField } from './chart-controls.ts';
import { h } from './dom.ts';
import { setReady } from './ready-flag.ts';
import type { RunContext, View } from './run-context.ts';

const CHOICES: readonly { readonly value: 'latest' | 'all'; readonly label: string }[] = [
  { value: 'latest', label: 'Latest of each configuration' },
  { value: 'all', label: 'All checkpoints' },
];

function checkpointsOf(value: string): Checkpoints {
  return value === 'latest' || value === 'all' ? value : Number(value);
}

export function paretoView(panel: HTMLElement, context: RunContext): View {
  const run = chartRun(context.run);
  const hyperparameters = modelHyperparameters(run.rows, run.hyperparameters);
  const fallback = defaultCheckpoints(run.rows);
  let host: HTMLElement | null = null;
  const redraw = chartRedrawer(panel);
  let sync: ((settings: ParetoSettings) => void) | null = null;

  const current = () =>
    paretoSettings(run, {
      x: context.state.paretoX,
      y: context.state.paretoY,
      step: context.state.paretoStep,
    });

  const render = async () => {
    if (host === null) return;
    const settings = current();
    const { x, y, step } = settings;
    // The default stays out of the URL, as the contour's latest does; an unchanged URL is left be.
    const paretoStep = step === fallback ? null : step;
    const { state } = context;
    if (state.paretoX !== x || state.paretoY !== y || state.paretoStep !== paretoStep) {
      context.update({ paretoX: x, paretoY: y, paretoStep });
    }
    sync?.(settings);
    await redraw(host, paretoSettingsKey(settings), async () => {
      const { paretoChart } = await import('../lib/charts/pareto.ts');
      return paretoChart(run, { x, y, step, hyperparameters, id: 'pareto' });
    });
  };

  const build = () => {
    host = panel.querySelector<HTMLElement>('lb-chart');
    if (host === null) {
      host = createChartHost();
      panel.append(host);
    }
    const groups = metricGroups(run.columns);
    const settings = current();
    const change = (patch: Parameters<RunContext['update']>[0]) => {
      context.update(patch);
      void render();
    };
    const x = metricField('X axis', groups, settings.x, (value) => change({ paretoX: value }));
    const y = metricField('Y axis', groups, settings.y, (value) => change({ paretoY: value }));
    const stepOptions = [
      ...CHOICES,
      ...runSteps(run.rows).map((step) => ({ value: String(step), label: `Step ${step}` })),
    ];
    const step = selectField('Checkpoint', stepOptions, String(settings.step), (value) =>
      change({ paretoStep: checkpointsOf(value) }),
    );
    sync = (s) => {
      x.control.value = s.x;
      y.control.value = s.y;
      step.control.value = String(s.step);
    };
    host.before(
      h('div', { class: 'field-row chart-controls' }, x.element, y.element, step.element),
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
