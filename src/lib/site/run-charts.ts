/**
 * The charts a run page shows before any setting is changed, drawn at build time: the Pareto
 * plot and the contour of the default settings (`chart-choices.ts`). Both the page and the
 * static chart files use these, so the browser gets the same SVG either way.
 */

import { contourChart } from '../charts/contour.ts';
import { modelHyperparameters } from '../charts/hyperparameters.ts';
import { paretoChart } from '../charts/pareto.ts';
import type { ChartResult } from '../charts/result.ts';
import {
  chartRun,
  contourSettings,
  contourSettingsKey,
  paretoSettings,
  paretoSettingsKey,
} from './chart-choices.ts';
import type { RunData } from './site-data.ts';

/**
 * Runs with more rows than this get their default Pareto and contour as static files, fetched
 * when the tab opens, instead of inline: a 5,000-model Pareto plot is ~1.8 MB of SVG that a
 * reader of the Overall table should not have to download.
 */
export const INLINE_CHART_ROWS = 1000;

export function chartsInline(run: Pick<RunData, 'rows'>): boolean {
  return run.rows.length <= INLINE_CHART_ROWS;
}

export interface DefaultChart {
  /** The settings drawn (`data-settings`), or null when the chart has none to change. */
  readonly settings: string | null;
  /** Draws the chart (only where it is shown: inline, or in its static file). */
  render(): ChartResult;
}

export function defaultPareto(run: RunData): DefaultChart {
  const settings = paretoSettings(run, { x: null, y: null, step: null });
  const hyperparameters = modelHyperparameters(run.rows, run.hyperparameters);
  return {
    settings: paretoSettingsKey(settings),
    render: () => paretoChart(chartRun(run), { ...settings, hyperparameters, id: 'pareto' }),
  };
}

export function defaultContour(run: RunData): DefaultChart {
  const charted = chartRun(run);
  const hyperparameters = modelHyperparameters(run.rows, run.hyperparameters);
  const settings = contourSettings(charted, hyperparameters, {
    x: null,
    y: null,
    metric: null,
    logX: false,
    logY: false,
    step: null,
  });
  if (settings === null) {
    return {
      settings: null,
      render: () => contourChart(charted, { hyperparameters, id: 'contour' }),
    };
  }
  const { x, y, metric, logX, logY, step } = settings;
  return {
    settings: contourSettingsKey(settings),
    render: () =>
      contourChart(charted, { hyperparameters, x, y, metric, logX, logY, step, id: 'contour' }),
  };
}
