import type { APIRoute, GetStaticPaths } from 'astro';
import { progressChart } from '../../../../lib/charts/progress.ts';
import { chartFileText } from '../../../../lib/charts/result.ts';
import { chartRun } from '../../../../lib/site/chart-choices.ts';
import { defaultContour, defaultPareto } from '../../../../lib/site/run-charts.ts';
import {
  progressChartName,
  runChartPaths,
  type RunChartProps,
} from '../../../../lib/site/run-paths.ts';

/**
 * Run charts as static SVG files, rendered at build time by the same builders and settings as the
 * page's inline charts; the page fetches them when they are shown (see `runChartPaths`).
 */
export const getStaticPaths = runChartPaths satisfies GetStaticPaths;

export const GET: APIRoute<RunChartProps> = ({ props }) => {
  const result =
    props.kind === 'progress'
      ? progressChart(chartRun(props.run), {
          view: { level: props.level, lang: props.lang },
          id: progressChartName(props.level, props.index),
        })
      : (props.kind === 'pareto' ? defaultPareto(props.run) : defaultContour(props.run)).render();
  // A message is sent as plain text; the page shows it as text.
  const body = result.kind === 'chart' ? chartFileText(result) : result.message;
  return new Response(body, {
    headers: { 'content-type': result.kind === 'chart' ? 'image/svg+xml' : 'text/plain' },
  });
};
