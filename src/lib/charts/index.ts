/**
 * Chart builders: pure functions from data and options to an SVG string (or a message saying why
 * there is no chart). No DOM; safe to call at build time and in the browser.
 */

export { contourChart, contourInput, logScaleRefusal } from './contour.ts';
export type {
  ContourInput,
  ContourOptions,
  ContourPoint,
  ContourReason,
  ContourRun,
} from './contour.ts';
export { deltaHeatmap } from './delta-heatmap.ts';
export type { DeltaHeatmapOptions, DeltaHeatmapReason, DeltaHeatmapRun } from './delta-heatmap.ts';
export {
  configurationName,
  hyperparameter,
  hyperparameterKeys,
  hyperparameterText,
  modelHyperparameters,
} from './hyperparameters.ts';
export type { Hyperparameters } from './hyperparameters.ts';
export { paretoChart } from './pareto.ts';
export type { ParetoOptions, ParetoReason, ParetoRun } from './pareto.ts';
export { paretoFront } from './pareto-front.ts';
export { progressChart } from './progress.ts';
export type { ProgressOptions, ProgressReason, ProgressRun, ProgressView } from './progress.ts';
export type { ChartFrameOptions, ChartMessage, ChartResult, ChartSvg } from './result.ts';
export { scatterChart, scatterKey } from './scatter.ts';
export type { ScatterOptions, ScatterReason, ScatterRun } from './scatter.ts';
