/**
 * Chart budget (issue #4): rendering every chart of a 200-model run at build time takes < 1 s.
 *
 * The synthetic run: 20 configurations (5 LR × 4 GBS) × 10 checkpoints, one baseline, 6 SEA
 * languages with 8 competencies of 3 tasks each, and English with 6 competencies. "Every chart":
 * the progress chart's language view and each language's competency and task views, two Pareto
 * plots, the contour, the comparison scatter, and a delta heatmap for every model.
 *
 * Usage: npm run bench:charts [-- --repeat 5]
 */

import { parseArgs } from 'node:util';
import { contourChart } from '../src/lib/charts/contour.ts';
import { deltaHeatmap } from '../src/lib/charts/delta-heatmap.ts';
import { modelHyperparameters } from '../src/lib/charts/hyperparameters.ts';
import { paretoChart } from '../src/lib/charts/pareto.ts';
import { progressChart } from '../src/lib/charts/progress.ts';
import type { ChartResult } from '../src/lib/charts/result.ts';
import { scatterChart, scatterKey } from '../src/lib/charts/scatter.ts';
import { DEFAULT_HYPERPARAMETERS } from '../src/lib/config/defaults.ts';
import type { ColumnData, RowData, RunData } from '../src/lib/site/site-data.ts';

const BUDGET_MS = 1000;
const SEA = ['id', 'vi', 'th', 'ta', 'tl', 'ms'];
const COMPETENCIES = ['nlu', 'nlg', 'nlr', 'nlr2', 'safety', 'instruct', 'multi', 'cultural'];
const ENGLISH = ['IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO'];
const LRS = [1e-4, 2e-4, 5e-4, 1e-3, 3e-3];
const GBSS = [64, 128, 256, 1024];
const STEPS = Array.from({ length: 10 }, (_, i) => (i + 1) * 1000);

function columns(): ColumnData[] {
  const col = (id: string, level: ColumnData['level'], lang: string | null, label: string) => ({
    id,
    level,
    lang,
    label,
    competency: null,
  });
  return [
    col('sea_total', 'lang', null, 'SEA Avg'),
    ...SEA.map((code) => col(code, 'lang', code, code.toUpperCase())),
    col('en', 'lang', 'en', 'English'),
    col('total', 'lang', null, 'Aggregate'),
    ...SEA.flatMap((code) => COMPETENCIES.map((c) => col(`${code}_${c}`, 'competency', code, c))),
    ...ENGLISH.map((c) => col(c, 'competency', 'en', c)),
    ...SEA.flatMap((code) =>
      COMPETENCIES.flatMap((c) =>
        [1, 2, 3].map((t) => ({
          ...col(`${code}_${c}_t${t}`, 'task', code, `${c}_t${t}`),
          competency: c,
        })),
      ),
    ),
  ];
}

/** Deterministic values in [20, 80] with a little structure; every 37th value missing. */
function values(count: number, seed: number, skill: number): (number | null)[] {
  return Array.from({ length: count }, (_, i) => {
    if ((seed * 31 + i) % 37 === 0) return null;
    const noise = Math.sin(seed * 12.9898 + i * 78.233) * 8;
    return Math.round((20 + 50 * skill + noise) * 100) / 100;
  });
}

function syntheticRun(): RunData {
  const cols = columns();
  const rows: RowData[] = [];
  let seed = 0;
  for (const lr of LRS) {
    for (const gbs of GBSS) {
      const quality = 1 - Math.abs(Math.log10(lr) + 3.3) / 2 - Math.abs(Math.log2(gbs) - 8) / 10;
      for (const step of STEPS) {
        seed += 1;
        const skill = Math.max(0, Math.min(1, quality * 0.6 + step / 25000));
        rows.push({
          model: `sweep_LR${lr.toExponential().replace('+', '')}_GBS${gbs}_${String(step).padStart(5, '0')}`,
          baseline: null,
          step,
          limited: false,
          values: values(cols.length, seed, skill),
          status: 'o'.repeat(cols.length),
          notes: {},
        });
      }
    }
  }
  rows.push({
    model: 'BASELINE_experiments_gemma_00000',
    baseline: 'gemma',
    step: 0,
    limited: false,
    values: values(cols.length, 999, 0.5),
    status: 'o'.repeat(cols.length),
    notes: {},
  });
  return {
    key: 'bench',
    slug: 'bench',
    section: 'experiments',
    isHeroRun: false,
    languages: SEA.map((code) => ({ code, name: code.toUpperCase() })),
    columns: cols,
    rows,
    baselines: ['gemma'],
    hyperparameters: DEFAULT_HYPERPARAMETERS,
  };
}

interface Tally {
  charts: number;
  bytes: number;
  ms: number;
}

/** Renders every chart, timing and sizing each kind. */
function renderAll(run: RunData): { kinds: Map<string, Tally>; messages: string[] } {
  const kinds = new Map<string, Tally>();
  const messages: string[] = [];
  const time = (kind: string, render: () => ChartResult) => {
    const started = performance.now();
    const result = render();
    const tally = kinds.get(kind) ?? { charts: 0, bytes: 0, ms: 0 };
    tally.ms += performance.now() - started;
    tally.charts += 1;
    if (result.kind === 'chart') tally.bytes += result.svg.length;
    else messages.push(`${kind}: ${result.message}`);
    kinds.set(kind, tally);
  };
  time('progress (languages)', () => progressChart(run));
  for (const lang of [...SEA, 'en']) {
    time('progress (competencies)', () =>
      progressChart(run, { view: { level: 'competency', lang } }),
    );
    if (lang !== 'en') {
      time('progress (tasks)', () => progressChart(run, { view: { level: 'task', lang } }));
    }
  }
  const hyperparameters = modelHyperparameters(run.rows, DEFAULT_HYPERPARAMETERS);
  time('pareto', () => paretoChart(run, { x: 'sea_total', y: 'total', hyperparameters }));
  time('pareto', () => paretoChart(run, { x: 'sea_total', y: 'en', hyperparameters }));
  time('contour', () =>
    contourChart(run, {
      hyperparameters,
      x: 'LR',
      y: 'GBS',
      metric: 'total',
      logX: true,
      logY: true,
    }),
  );
  const selected = new Set(run.rows.slice(0, 5).map((r) => scatterKey(run.key, r.model)));
  time('scatter', () => scatterChart([run], { selected }));
  const reference = run.rows[run.rows.length - 1]?.model ?? '';
  for (const row of run.rows) {
    time('delta heatmap (one per model)', () => deltaHeatmap(run, { model: row.model, reference }));
  }
  return { kinds, messages };
}

const total = (kinds: Map<string, Tally>, key: keyof Tally) =>
  [...kinds.values()].reduce((sum, t) => sum + t[key], 0);

const { values: args } = parseArgs({ options: { repeat: { type: 'string', default: '3' } } });
const repeat = Math.max(1, Number(args.repeat) || 3);
const run = syntheticRun();
// The first pass includes module loading and JIT warm-up, as a build's first page would.
let last = renderAll(run);
const first = total(last.kinds, 'ms');
const times: number[] = [];
for (let i = 0; i < repeat; i += 1) {
  last = renderAll(run);
  times.push(total(last.kinds, 'ms'));
}
const worst = Math.max(first, ...times);
const ownModels = run.rows.filter((r) => r.baseline === null).length;
console.log(
  `Every chart of a ${ownModels}-model run (+1 baseline, ${run.columns.length} columns), ${repeat} passes after a first one:`,
);
for (const [kind, t] of last.kinds) {
  const kib = (t.bytes / 1024).toFixed(0);
  console.log(
    `  ${kind.padEnd(32)} ${String(t.charts).padStart(4)} charts ${t.ms.toFixed(1).padStart(7)} ms ${kib.padStart(6)} KiB`,
  );
}
const steady = Math.max(...times);
console.log(
  `render time: first pass ${first.toFixed(0)} ms, later passes up to ${steady.toFixed(0)} ms (budget < ${BUDGET_MS} ms): ${worst < BUDGET_MS ? 'OK' : 'OVER BUDGET'}`,
);
if (last.messages.length > 0)
  console.log(`messages instead of charts: ${last.messages.join(' | ')}`);
if (worst >= BUDGET_MS) process.exitCode = 1;
