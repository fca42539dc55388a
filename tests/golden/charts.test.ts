/**
 * Golden SVGs of every chart builder on fixed data: each case renders a builder and compares the
 * bytes with `tests/golden/charts/<name>.svg`.
 *
 * - A missing expected file is written (so a new case starts by reviewing the file it creates),
 *   but never when `CI` is set: then the test fails.
 * - A mismatch writes `<name>-changed.svg` beside it (git-ignored) and fails; look at both, and
 *   if the change is right, move the `-changed` file over the expected one.
 */

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contourChart } from '../../src/lib/charts/contour.ts';
import { deltaHeatmap } from '../../src/lib/charts/delta-heatmap.ts';
import { modelHyperparameters } from '../../src/lib/charts/hyperparameters.ts';
import { paretoChart } from '../../src/lib/charts/pareto.ts';
import { progressChart } from '../../src/lib/charts/progress.ts';
import type { ChartResult } from '../../src/lib/charts/result.ts';
import { scatterChart, scatterKey } from '../../src/lib/charts/scatter.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/lib/config/defaults.ts';
import type { ColumnData, Level, RowData, RunData } from '../../src/lib/site/site-data.ts';

const GOLDEN_DIR = fileURLToPath(new URL('./charts/', import.meta.url));
const ON_CI = !['', '0', 'false', undefined].includes(process.env['CI']);

function svgOf(result: ChartResult): string {
  if (result.kind !== 'chart') throw new Error(`expected a chart, got: ${result.message}`);
  return `${result.svg}\n`;
}

function expectGolden(name: string, svg: string): void {
  const expectedFile = path.join(GOLDEN_DIR, `${name}.svg`);
  const changedFile = path.join(GOLDEN_DIR, `${name}-changed.svg`);
  if (!existsSync(expectedFile)) {
    if (ON_CI) throw new Error(`${expectedFile} is missing; run the tests locally to create it.`);
    writeFileSync(expectedFile, svg);
    return;
  }
  if (readFileSync(expectedFile, 'utf8') === svg) {
    rmSync(changedFile, { force: true });
    return;
  }
  writeFileSync(changedFile, svg);
  expect.fail(`${name}.svg differs; the new output is in ${changedFile}`);
}

// ---------------------------------------------------------------------------------------------
// Fixed data: a hand-written run shape with formula values (no randomness).

type ColumnSpec = readonly [id: string, level: Level, lang: string | null, label: string];

const SEA = [
  ['id', 'Indonesian'],
  ['th', 'Thai'],
  ['vi', 'Vietnamese'],
] as const;
const COMPETENCIES = ['nlu', 'nlg', 'nlr', 'safety'] as const;
const ENGLISH = ['IFEval', 'BBH', 'MATH Lvl 5'] as const;

const COLUMN_SPECS: readonly ColumnSpec[] = [
  ['sea_total', 'lang', null, 'SEA Avg'],
  ...SEA.map(([code, name]): ColumnSpec => [code, 'lang', code, name]),
  ['en', 'lang', 'en', 'English'],
  ['total', 'lang', null, 'Aggregate'],
  ...SEA.flatMap(([code]) =>
    COMPETENCIES.map((c): ColumnSpec => [`${code}_${c}`, 'competency', code, c]),
  ),
  ...ENGLISH.map((c): ColumnSpec => [c, 'competency', 'en', c]),
];

const COLUMNS: readonly ColumnData[] = COLUMN_SPECS.map(([id, level, lang, label]) => ({
  id,
  level,
  lang,
  label,
  competency: null,
}));

/** Deterministic pseudo-noise in [-1, 1]. */
function wobble(seed: number): number {
  return Math.sin(seed * 12.9898) * 0.5 + Math.sin(seed * 4.1414) * 0.5;
}

/**
 * Scores of one model: `skill` in [0, 1] moves every column, `seed` varies them, `shift` trades
 * SEA (down) against English (up).
 */
function scores(skill: number, seed: number, shift = 0): Record<string, number> {
  const values: Record<string, number> = {};
  SEA.forEach(([code], l) => {
    COMPETENCIES.forEach((c, k) => {
      values[`${code}_${c}`] = 30 + 40 * (skill - shift) + 6 * wobble(seed + 7 * l + k) - 4 * l;
    });
    values[code] = COMPETENCIES.reduce((s, c) => s + (values[`${code}_${c}`] ?? 0), 0) / 4;
  });
  ENGLISH.forEach((c, k) => {
    values[c] = 25 + 45 * (skill + shift) + 5 * wobble(seed + 31 + k);
  });
  values['en'] = ENGLISH.reduce((s, c) => s + (values[c] ?? 0), 0) / ENGLISH.length;
  values['sea_total'] = SEA.reduce((s, [code]) => s + (values[code] ?? 0), 0) / SEA.length;
  values['total'] = ((values['sea_total'] ?? 0) + (values['en'] ?? 0)) / 2;
  return values;
}

interface RowSpec {
  readonly model: string;
  readonly baseline?: string;
  readonly step: number;
  readonly values: Readonly<Record<string, number | null>>;
}

function makeRow(spec: RowSpec): RowData {
  return {
    model: spec.model,
    baseline: spec.baseline ?? null,
    step: spec.step,
    limited: false,
    values: COLUMNS.map((c) => {
      const v = spec.values[c.id];
      return v === undefined || v === null ? null : Math.round(v * 100) / 100;
    }),
    status: COLUMNS.map(() => 'o').join(''),
    notes: {},
  };
}

function makeRun(key: string, rows: readonly RowSpec[]): RunData {
  return {
    key,
    slug: key,
    section: 'experiments',
    isHeroRun: false,
    languages: SEA.map(([code, name]) => ({ code, name })),
    columns: COLUMNS,
    rows: rows.map(makeRow),
    baselines: [...new Set(rows.flatMap((r) => (r.baseline === undefined ? [] : [r.baseline])))],
    hyperparameters: [],
  };
}

const pad = (step: number) => String(step).padStart(5, '0');

/** A hero run: 12 checkpoints, Thai missing at two of them, a baseline and an empty baseline. */
const HERO = makeRun('hero_8b', [
  ...Array.from({ length: 12 }, (_, i): RowSpec => {
    const step = (i + 1) * 2000;
    const values: Record<string, number | null> = scores(Math.log10(step) / 5 - 0.55, i);
    if (i === 4 || i === 5) {
      values['th'] = null;
      values['th_nlu'] = null;
    }
    if (i === 8) values['vi_nlg'] = null;
    return { model: `hero_8b_${pad(step)}`, step, values };
  }),
  {
    model: 'BASELINE_hero_runs_gemma-3-4b_00000',
    baseline: 'gemma-3-4b',
    step: 0,
    values: scores(0.42, 99),
  },
  { model: 'BASELINE_hero_runs_empty_00000', baseline: 'empty', step: 0, values: {} },
]);

const LRS = [1e-4, 3e-4, 1e-3, 3e-3] as const;
const GBSS = [64, 256, 1024] as const;

/** One sweep configuration at one step; the best configuration is near LR 5e-4, GBS 256. */
function sweepRow(lr: number, gbs: number, step: number, suffix = ''): RowSpec {
  const best = 1 - Math.abs(Math.log10(lr) + 3.3) / 1.5 - Math.abs(Math.log2(gbs) - 8) / 8;
  const skill = 0.25 + 0.35 * best + (step === 2000 ? 0.06 : 0);
  const lrText = lr.toExponential().replace('+', '');
  return {
    model: `exp_LR${lrText}_GBS${gbs}${suffix}_${pad(step)}`,
    step,
    values: scores(
      skill,
      Math.log10(lr) * 3 + Math.log2(gbs) + step / 1000,
      0.12 * (Math.log10(lr) + 3.3),
    ),
  };
}

/**
 * A sweep: LR × GBS configurations at steps 1000 and 2000; a copy equal on every score to one
 * of them (ties on the front), a hostile model name, a model without Aggregate, a baseline.
 */
const SWEEP = makeRun('exp_sweep', [
  ...LRS.flatMap((lr) =>
    GBSS.flatMap((gbs) => [1000, 2000].map((step) => sweepRow(lr, gbs, step))),
  ),
  sweepRow(3e-4, 256, 2000, '-copy'),
  { model: '<img src=x onerror=alert(1)>_02000', step: 2000, values: scores(0.3, 3) },
  { model: 'exp_LR1e-3_GBS128_02000', step: 2000, values: { ...scores(0.5, 5), total: null } },
  {
    model: 'BASELINE_experiments_gemma-3-4b_00000',
    baseline: 'gemma-3-4b',
    step: 0,
    values: scores(0.55, 99),
  },
]);

const HYPERPARAMETERS = modelHyperparameters(SWEEP.rows, DEFAULT_HYPERPARAMETERS);

/** Scattered configurations whose convex hull leaves the corners of the plot without data. */
const SPARSE = makeRun(
  'exp_sparse',
  (
    [
      [1e-4, 128],
      [3e-4, 64],
      [2e-3, 64],
      [3e-3, 512],
      [1e-3, 1024],
      [2e-4, 768],
      [6e-4, 384],
      [1e-3, 256],
    ] as const
  ).map(([lr, gbs]) => sweepRow(lr, gbs, 2000)),
);

describe('golden chart SVGs', () => {
  it('progress: language view', () => {
    expectGolden('progress-lang', svgOf(progressChart(HERO, { id: 'g-progress-lang' })));
  });

  it('progress: Thai competencies with a reference line per component', () => {
    const result = progressChart(HERO, {
      id: 'g-progress-th',
      view: { level: 'competency', lang: 'th' },
    });
    expectGolden('progress-competency', svgOf(result));
  });

  it('pareto: English vs SEA Avg, colour GBS, shape LR, a tie, a baseline, a hostile name', () => {
    // Every checkpoint, for more marks; the choice of checkpoints is a unit test.
    const result = paretoChart(SWEEP, {
      id: 'g-pareto',
      x: 'sea_total',
      y: 'en',
      hyperparameters: HYPERPARAMETERS,
      step: 'all',
    });
    expectGolden('pareto', svgOf(result));
  });

  it('contour: Aggregate over LR (log) and GBS (log), latest step', () => {
    const result = contourChart(SWEEP, {
      id: 'g-contour',
      hyperparameters: HYPERPARAMETERS,
      x: 'LR',
      y: 'GBS',
      metric: 'total',
      logX: true,
      logY: true,
    });
    expectGolden('contour-log', svgOf(result));
  });

  it('contour: linear axes at step 1000', () => {
    const result = contourChart(SWEEP, {
      id: 'g-contour-linear',
      hyperparameters: HYPERPARAMETERS,
      x: 'LR',
      y: 'GBS',
      metric: 'th_nlu',
      step: 1000,
    });
    expectGolden('contour-linear', svgOf(result));
  });

  it('contour: scattered configurations, hatched outside their hull', () => {
    const result = contourChart(SPARSE, {
      id: 'g-contour-hull',
      hyperparameters: modelHyperparameters(SPARSE.rows, DEFAULT_HYPERPARAMETERS),
      metric: 'sea_total',
      logX: true,
    });
    expectGolden('contour-hull', svgOf(result));
  });

  it('scatter: two runs, two selected models', () => {
    const selected = new Set([
      scatterKey('exp_sweep', 'exp_LR3e-4_GBS256_02000'),
      scatterKey('hero_8b', 'hero_8b_24000'),
    ]);
    expectGolden('scatter', svgOf(scatterChart([SWEEP, HERO], { id: 'g-scatter', selected })));
  });

  it('delta heatmap: a checkpoint minus the baseline', () => {
    const result = deltaHeatmap(HERO, {
      id: 'g-delta',
      model: 'hero_8b_10000',
      reference: 'BASELINE_hero_runs_gemma-3-4b_00000',
    });
    expectGolden('delta-heatmap', svgOf(result));
  });
});
