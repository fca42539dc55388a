/** What the chart pickers offer and choose, and the write-up components' prop checks. */
import { describe, expect, it } from 'vitest';
import { hyperparameterNamed, modelHyperparameters } from '../../src/lib/charts/hyperparameters.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/lib/config/defaults.ts';
import {
  chartRun,
  contourChoices,
  contourSettings,
  metricGroups,
  paretoAxes,
  paretoSettings,
  scatterAxes,
} from '../../src/lib/site/chart-choices.ts';
import { scatterRuns, compareData } from '../../src/lib/site/compare-data.ts';
import type { ColumnData, Level, RowData, RunData } from '../../src/lib/site/site-data.ts';
import { PropChecker, WriteupPropError } from '../../src/lib/site/writeup-props.ts';
import { writeupApplies, writeupConfigProblem } from '../../src/lib/site/writeups.ts';

const SPECS: readonly (readonly [string, Level, string | null, string])[] = [
  ['sea_total', 'lang', null, 'SEA Avg'],
  ['id', 'lang', 'id', 'Indonesian'],
  ['th', 'lang', 'th', 'Thai'],
  ['en', 'lang', 'en', 'English'],
  ['total', 'lang', null, 'Aggregate'],
  ['id_nlu', 'competency', 'id', 'nlu'],
  ['th_nlu', 'competency', 'th', 'nlu'],
  ['BBH', 'competency', 'en', 'BBH'],
  ['id_qa', 'task', 'id', 'qa'],
];
const COLUMNS: ColumnData[] = SPECS.map(([id, level, lang, label]) => ({
  id,
  level,
  lang,
  label,
  competency: level === 'task' ? 'nlu' : null,
}));

function row(model: string, step: number, total: number, baseline: string | null = null): RowData {
  const values = COLUMNS.map((c, i) => (c.id === 'total' ? total : 40 + i));
  return { model, baseline, step, limited: false, values, status: '', notes: {} };
}

/** A sweep over cc_ratio (0 included) and en_ratio, checkpoints 100 and 200, one baseline. */
const RUN: RunData = {
  key: 'exp_mix',
  slug: 'exp_mix',
  section: 'experiments',
  isHeroRun: false,
  languages: [
    { code: 'id', name: 'Indonesian' },
    { code: 'th', name: 'Thai' },
  ],
  columns: COLUMNS,
  rows: [
    row('m-en_ratio0.1-cc_ratio0_100', 100, 30),
    row('m-en_ratio0.1-cc_ratio0_200', 200, 31),
    row('m-en_ratio0.2-cc_ratio0.5_200', 200, 33),
    row('m-en_ratio0.4-cc_ratio0.2_200', 200, 32),
    row('BASELINE_experiments_gemma_00000', 0, 35, 'BASELINE_experiments_gemma'),
  ],
  baselines: ['gemma'],
  hyperparameters: DEFAULT_HYPERPARAMETERS,
};
const HP = modelHyperparameters(RUN.rows, RUN.hyperparameters);
const NO_WISH = { x: null, y: null, metric: null, logX: false, logY: false, step: null };

describe('chart choices', () => {
  it('groups every column by level with the names readers use', () => {
    const groups = metricGroups(COLUMNS);
    expect(groups.map((g) => g.level)).toEqual(['lang', 'competency', 'task']);
    expect(groups[1]?.choices).toEqual([
      { id: 'id_nlu', title: 'Indonesian nlu' },
      { id: 'th_nlu', title: 'Thai nlu' },
      { id: 'BBH', title: 'English BBH' },
    ]);
  });

  it('defaults Pareto to SEA Avg against English and keeps valid URL choices', () => {
    expect(paretoAxes(COLUMNS, null, null)).toEqual({ x: 'sea_total', y: 'en' });
    expect(paretoAxes(COLUMNS, 'id_qa', 'bogus')).toEqual({ x: 'id_qa', y: 'en' });
    expect(paretoAxes(COLUMNS, 'en', null)).toEqual({ x: 'en', y: 'total' });
    // An address may name them as the page shows them; an ambiguous name is no choice.
    expect(paretoAxes(COLUMNS, 'Thai', 'aggregate')).toEqual({ x: 'th', y: 'total' });
    expect(paretoAxes(COLUMNS, 'Thai nlu', 'nlu')).toEqual({ x: 'th_nlu', y: 'en' });
  });

  it("defaults the Pareto checkpoints to the contour's, and to all of a one-configuration run", () => {
    const wish = { x: null, y: null, step: null };
    expect(paretoSettings(RUN, wish)).toEqual({ x: 'sea_total', y: 'en', step: 'latest' });
    expect(paretoSettings(RUN, { ...wish, step: 'all' }).step).toBe('all');
    expect(paretoSettings(RUN, { ...wish, step: 100 }).step).toBe(100);
    expect(paretoSettings(RUN, { ...wish, step: 150 }).step).toBe('latest');
    const hero = { ...RUN, rows: [row('hero_100', 100, 30), row('hero_200', 200, 31)] };
    expect(paretoSettings(hero, wish).step).toBe('all');
    expect(paretoSettings(hero, { ...wish, step: 'latest' }).step).toBe('latest');
  });

  it('defaults a run scored on one side only to a pair and a metric its models have values of', () => {
    // SEA-HELM files alone: English, its benchmarks and Aggregate are empty in every row.
    const only = (keep: (column: ColumnData) => boolean) => ({
      ...RUN,
      rows: RUN.rows.map((r) => ({
        ...r,
        values: r.values.map((v, i) => (keep(COLUMNS[i] as ColumnData) ? v : null)),
      })),
    });
    const english = (c: ColumnData) => c.lang === 'en' || c.id === 'en';
    const sea = only((c) => !english(c) && c.id !== 'total');
    expect(paretoSettings(sea, { x: null, y: null, step: null })).toMatchObject({
      x: 'sea_total',
      y: 'id',
    });
    // An axis the address gives keeps it; the other is one with values beside it.
    expect(paretoAxes(COLUMNS, 'th', null, sea.rows)).toEqual({ x: 'th', y: 'sea_total' });
    expect(contourSettings(sea, HP, NO_WISH)?.metric).toBe('sea_total');
    // A baseline scored on both sides changes nothing: the defaults are the models' own.
    const seaBesideBaseline = {
      ...sea,
      rows: sea.rows.map((r, i) => (r.baseline === null ? r : (RUN.rows[i] ?? r))),
    };
    expect(paretoSettings(seaBesideBaseline, { x: null, y: null, step: null })).toMatchObject({
      x: 'sea_total',
      y: 'id',
    });
    expect(contourSettings(seaBesideBaseline, HP, NO_WISH)?.metric).toBe('sea_total');
    // lm-eval files alone: every SEA column and Aggregate are empty.
    const en = only((c) => english(c));
    expect(paretoSettings(en, { x: null, y: null, step: null })).toMatchObject({
      x: 'en',
      y: 'BBH',
    });
    expect(contourSettings(en, HP, NO_WISH)?.metric).toBe('en');
    // A run with both sides keeps SEA Avg against English, and Aggregate.
    expect(paretoAxes(COLUMNS, null, null, RUN.rows)).toEqual({ x: 'sea_total', y: 'en' });
    expect(contourSettings(RUN, HP, NO_WISH)?.metric).toBe('total');
    // English at an earlier checkpoint only: judged at the checkpoints drawn (each latest).
    const early = {
      ...RUN,
      rows: RUN.rows.map((r) =>
        r.step === 200
          ? {
              ...r,
              values: r.values.map((v, i) =>
                english(COLUMNS[i] as ColumnData) || COLUMNS[i]?.id === 'total' ? null : v,
              ),
            }
          : r,
      ),
    };
    expect(paretoSettings(early, { x: null, y: null, step: null })).toMatchObject({
      x: 'sea_total',
      y: 'id',
    });
    expect(paretoSettings(early, { x: null, y: null, step: 100 })).toMatchObject({
      x: 'sea_total',
      y: 'en',
    });
    // No pair anywhere: the usual default, whose chart says why it is empty.
    const none = only(() => false);
    expect(paretoAxes(COLUMNS, null, null, none.rows)).toEqual({ x: 'sea_total', y: 'en' });
  });

  it('defaults the scatter to SEA Avg against Aggregate', () => {
    expect(scatterAxes(['sea_total', 'id', 'total'], null, null)).toEqual({
      x: 'sea_total',
      y: 'total',
    });
    expect(scatterAxes(['sea_total', 'id', 'total'], 'total', 'nope')).toEqual({
      x: 'total',
      y: 'sea_total',
    });
  });

  it('offers the hyperparameters and checkpoints of the run', () => {
    expect(contourChoices(RUN, HP)).toEqual({ keys: ['cc_ratio', 'en_ratio'], steps: [100, 200] });
  });

  it('orders hyperparameter names by code point, a full-width letter before an emoji', () => {
    // UTF-16 order puts the emoji (a surrogate pair) first; README promises code-point order.
    const hyperparameters = [
      { name: '😀', pattern: 'e(\\d+)' },
      { name: 'ｚ', pattern: 'z(\\d+)' },
    ];
    const rows = [row('a-e1-z2_100', 100, 30), row('b-e3-z4_100', 100, 31)];
    const run = { ...RUN, rows, hyperparameters };
    const hp = modelHyperparameters(rows, hyperparameters);
    expect(contourChoices(run, hp).keys).toEqual(['ｚ', '😀']);
    expect(contourSettings(run, hp, NO_WISH)).toMatchObject({ x: 'ｚ', y: '😀' });
  });

  it('disables a log axis with the chart note when a value is <= 0', () => {
    const settings = contourSettings(RUN, HP, { ...NO_WISH, logX: true, logY: true });
    expect(settings).toMatchObject({
      x: 'cc_ratio',
      y: 'en_ratio',
      metric: 'total',
      logX: false,
      logY: true,
      step: 'latest',
      refusalY: null,
    });
    expect(settings?.refusalX).toBe(
      'Log scale refused for cc_ratio: it has values ≤ 0 (smallest 0); shown on a linear axis.',
    );
  });

  it('falls back to the defaults for unknown names and keeps a known step', () => {
    const settings = contourSettings(RUN, HP, { ...NO_WISH, x: 'LR', metric: 'x', step: 100 });
    expect(settings).toMatchObject({ x: 'cc_ratio', y: 'en_ratio', metric: 'total', step: 100 });
    expect(contourSettings(RUN, HP, { ...NO_WISH, step: 150 })?.step).toBe('latest');
    expect(contourSettings(RUN, HP, { ...NO_WISH, metric: 'SEA Avg' })?.metric).toBe('sea_total');
    const same = contourSettings(RUN, HP, { ...NO_WISH, x: 'en_ratio', y: 'en_ratio' });
    expect(same).toMatchObject({ x: 'en_ratio', y: 'cc_ratio' });
  });

  it('takes hyperparameters in any case, as the pickers name them, and gives their names', () => {
    const settings = contourSettings(RUN, HP, { ...NO_WISH, x: 'EN_RATIO', y: 'Cc_Ratio' });
    expect(settings).toMatchObject({ x: 'en_ratio', y: 'cc_ratio' });
    // The same one twice, in two cases: y falls back to the other, as for the same name.
    const same = contourSettings(RUN, HP, { ...NO_WISH, x: 'en_ratio', y: 'EN_RATIO' });
    expect(same).toMatchObject({ x: 'en_ratio', y: 'cc_ratio' });
  });

  it('reads a hyperparameter in another case only when that fits one', () => {
    expect(hyperparameterNamed(['LR', 'GBS'], 'lr')).toBe('LR');
    expect(hyperparameterNamed(['LR', 'GBS'], 'GBS')).toBe('GBS');
    expect(hyperparameterNamed(['LR', 'lr'], 'lr')).toBe('lr');
    expect(hyperparameterNamed(['LR', 'lr'], 'Lr')).toBeNull();
    expect(hyperparameterNamed(['LR'], 'L')).toBeNull();
  });

  it('has no contour settings with fewer than 2 hyperparameters', () => {
    const hero = { ...RUN, hyperparameters: [] };
    expect(contourSettings(hero, modelHyperparameters(hero.rows, []), NO_WISH)).toBeNull();
  });

  it('names baselines by their config key for the charts, sharing the values', () => {
    const charted = chartRun(RUN);
    expect(charted.rows[4]?.baseline).toBe('gemma');
    expect(charted.rows[4]?.values).toBe(RUN.rows[4]?.values);
    expect(charted.rows[0]).toBe(RUN.rows[0]);
  });

  it('gives the comparison scatter one entry per run with steps', () => {
    const runs = scatterRuns(compareData([RUN], []));
    expect(runs.map((r) => r.key)).toEqual(['exp_mix']);
    expect(runs[0]?.rows[4]).toMatchObject({
      step: 0,
      baseline: 'BASELINE_experiments_gemma_00000',
    });
    expect(runs[0]?.rows[0]?.baseline).toBeNull();
  });
});

/** The message a prop check fails with (it must fail). */
function failure(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WriteupPropError);
    return (error as Error).message;
  }
  throw new Error('expected a failure');
}

describe('write-up component props', () => {
  const FILE = 'src/content/writeups/datamix.mdx';
  const check = new PropChecker(FILE, 'ParetoPlot');
  const RUNS = [{ key: 'exp_datamix' }, { key: 'exp_lr_gbs' }, { key: 'hero_8b' }];

  it('names the write-up, the component, the prop and the runs for an unknown run', () => {
    expect(failure(() => check.run(RUNS, 'exp_x'))).toBe(
      `${FILE}: <ParetoPlot run="exp_x">: no run 'exp_x' (runs: exp_datamix, exp_lr_gbs, hero_8b)`,
    );
    expect(check.run(RUNS, 'hero_8b')).toEqual({ key: 'hero_8b' });
    expect(failure(() => check.run(RUNS, undefined))).toContain("'run' must be a non-empty text");
  });

  it('accepts a metric by id, by display name, and case-insensitively when unambiguous', () => {
    expect(check.metric(RUN, 'x', 'SEA Avg')).toBe('sea_total');
    expect(check.metric(RUN, 'x', 'sea_total')).toBe('sea_total');
    expect(check.metric(RUN, 'x', 'Indonesian nlu')).toBe('id_nlu');
    expect(check.metric(RUN, 'x', 'english bbh')).toBe('BBH');
    expect(check.metric(RUN, 'x', 'Indonesian qa')).toBe('id_qa');
    const message = failure(() => check.metric(RUN, 'y', 'SEA Average'));
    expect(message).toContain(`${FILE}: <ParetoPlot y="SEA Average">: no metric 'SEA Average'`);
    expect(message).toContain('SEA Avg, Indonesian, Thai, English, Aggregate');
  });

  it('checks hyperparameters, models, languages, steps and choices', () => {
    expect(check.hyperparameter(RUN, ['cc_ratio', 'en_ratio'], 'x', 'en_ratio')).toBe('en_ratio');
    expect(check.hyperparameter(RUN, ['cc_ratio', 'en_ratio'], 'x', 'EN_Ratio')).toBe('en_ratio');
    expect(failure(() => check.hyperparameter(RUN, ['cc_ratio'], 'x', 'LR'))).toContain(
      "no hyperparameter 'LR' in run 'exp_mix' (hyperparameters: cc_ratio)",
    );
    expect(check.model(RUN, 'reference', 'gemma')).toBe('BASELINE_experiments_gemma_00000');
    expect(check.model(RUN, 'model', 'm-en_ratio0.1-cc_ratio0_200')).toBe(
      'm-en_ratio0.1-cc_ratio0_200',
    );
    expect(failure(() => check.model(RUN, 'model', 'nope'))).toContain("no model 'nope'");
    expect(check.language(RUN, 'competency', 'lang', 'Thai')).toBe('th');
    expect(check.language(RUN, 'competency', 'lang', 'id')).toBe('id');
    // A code in capitals, as readers write codes: SEA-HELM's are lower-case.
    expect(check.language(RUN, 'competency', 'lang', 'TH')).toBe('th');
    expect(failure(() => check.language(RUN, 'task', 'lang', 'Thai'))).toContain(
      "no task columns for language 'Thai'",
    );
    // Absent: the view is what makes it required.
    expect(failure(() => check.language(RUN, 'competency', 'lang', undefined))).toMatch(
      /: a competency view needs 'lang', the language to show; none given \(languages: .*Thai \(th\)/,
    );
    expect(check.step(RUN, 'step', 100)).toBe(100);
    expect(check.step(RUN, 'step', undefined)).toBe('latest');
    expect(failure(() => check.step(RUN, 'step', 150))).toContain('(steps: latest, 100, 200)');
    expect(failure(() => check.step(RUN, 'step', 'all'))).toContain('(steps: latest, 100, 200)');
    expect(check.checkpoints(RUN, 'step', 'all')).toBe('all');
    expect(check.checkpoints(RUN, 'step', '200')).toBe(200);
    expect(failure(() => check.checkpoints(RUN, 'step', 'first'))).toContain(
      `<ParetoPlot step="first">: no step first in run 'exp_mix' (steps: latest, all, 100, 200)`,
    );
    expect(check.choice('view', undefined, ['a', 'b'] as const, 'a')).toBe('a');
    expect(failure(() => check.choice('view', 'c', ['a', 'b'] as const, 'a'))).toContain(
      "'view' must be one of a, b",
    );
    expect(failure(() => check.flag('logX', 'yes'))).toContain('<ParetoPlot logX="yes">');
  });

  it('finds comparison models by name, run:model or { run, model }', () => {
    const runs = [RUN, { ...RUN, key: 'other' }];
    const one = [{ ...RUN, key: 'only' }];
    expect(check.models(one, 'models', ['m-en_ratio0.1-cc_ratio0_100'])).toEqual([
      { run: 'only', model: 'm-en_ratio0.1-cc_ratio0_100' },
    ]);
    expect(check.models(runs, 'models', ['other:m-en_ratio0.1-cc_ratio0_100'])).toEqual([
      { run: 'other', model: 'm-en_ratio0.1-cc_ratio0_100' },
    ]);
    expect(
      check.models(runs, 'models', [{ run: 'exp_mix', model: 'm-en_ratio0.1-cc_ratio0_100' }]),
    ).toEqual([{ run: 'exp_mix', model: 'm-en_ratio0.1-cc_ratio0_100' }]);
    expect(failure(() => check.models(runs, 'models', ['m-en_ratio0.1-cc_ratio0_100']))).toContain(
      'is in several runs (exp_mix, other)',
    );
    expect(failure(() => check.models(runs, 'models', 'x'))).toContain('must be a list');
  });
});

describe('write-up props that would be dropped or crash', () => {
  const FILE = 'src/content/writeups/w.mdx';
  const check = new PropChecker(FILE, 'ComparisonScatter');
  const COLUMNS = [
    { id: 'sea_total', label: 'SEA Avg' },
    { id: 'en', label: 'English' },
  ];

  it('says a required prop is missing instead of showing it as null', () => {
    expect(failure(() => check.text('model', undefined))).toBe(
      `${FILE}: <ComparisonScatter>: 'model' must be a non-empty text; none given`,
    );
  });

  it('checks a scatter metric of any type with a message (a number crashed on toLowerCase)', () => {
    expect(check.scatterMetric(COLUMNS, 'x', 'english')).toBe('en');
    expect(failure(() => check.scatterMetric(COLUMNS, 'x', 3))).toBe(
      `${FILE}: <ComparisonScatter x={3}>: 'x' must be a non-empty text`,
    );
    expect(failure(() => check.scatterMetric(COLUMNS, 'y', 'Thai nlu'))).toContain(
      "no metric 'Thai nlu' (metrics: SEA Avg, English)",
    );
  });

  it('refuses an empty list, a caption that is not text and a prop that does not apply', () => {
    expect(failure(() => check.list('runs', [], 'run names'))).toBe(
      `${FILE}: <ComparisonScatter runs={[]}>: 'runs' must be a list of one or more run names`,
    );
    expect(check.list('runs', ['a'], 'run names')).toEqual(['a']);
    // An empty list of models highlighted none without a word.
    expect(failure(() => check.models([RUN], 'models', []))).toBe(
      `${FILE}: <ComparisonScatter models={[]}>: 'models' must be a list of one or more models (names, 'run:model' or { run, model })`,
    );
    expect(check.models([RUN], 'models', undefined)).toEqual([]);
    expect(failure(() => check.optionalText('caption', 5))).toContain("'caption' must be a text");
    expect(check.optionalText('caption', undefined)).toBeUndefined();
    expect(failure(() => check.unused('lang', 'Thai', 'applies to view="task" only'))).toBe(
      `${FILE}: <ComparisonScatter lang="Thai">: 'lang' applies to view="task" only`,
    );
    expect(() => check.unused('lang', undefined, 'x')).not.toThrow();
  });

  it('refuses a second axis equal to the first (the chart said "Choose two different …")', () => {
    expect(failure(() => check.distinct('y', 'SEA Avg', 'sea_total', 'sea_total', 'x'))).toBe(
      `${FILE}: <ComparisonScatter y="SEA Avg">: 'y' must differ from 'x' (both are sea_total)`,
    );
    expect(() => check.distinct('y', 'English', 'en', 'sea_total', 'x')).not.toThrow();
  });

  it("defaults ParetoPlot's absent axis as the run page does, never to the given one", () => {
    // y="SEA Avg" alone was refused as "'y' must differ from 'x'", x never given.
    expect(check.paretoPlotAxes(RUN, undefined, 'SEA Avg', 'latest')).toEqual({
      x: 'total',
      y: 'sea_total',
    });
    expect(check.paretoPlotAxes(RUN, 'English', undefined, 'latest')).toEqual({
      x: 'en',
      y: 'total',
    });
    expect(check.paretoPlotAxes(RUN, undefined, undefined, 'latest')).toEqual({
      x: 'sea_total',
      y: 'en',
    });
    expect(failure(() => check.paretoPlotAxes(RUN, 'SEA Avg', 'sea_total', 'latest'))).toBe(
      `${FILE}: <ComparisonScatter y="sea_total">: 'y' must differ from 'x' (both are sea_total)`,
    );
  });

  it('reads a step given as text only from digits (an empty one is not step 0)', () => {
    const run = { key: 'h', rows: [row('h_0', 0, 30)] };
    expect(check.step(run, 'step', '0')).toBe(0);
    expect(failure(() => check.step(run, 'step', ''))).toContain("no step '' in run");
    expect(failure(() => check.step(run, 'step', ' '))).toContain('no step');
  });
});

describe('write-ups for another config', () => {
  it('are left out only when they name a different config', () => {
    expect(writeupApplies(undefined, '/p/other.yaml', '/p')).toBe(true);
    expect(writeupApplies('leaderboard.config.yaml', '/p/leaderboard.config.yaml', '/p')).toBe(
      true,
    );
    expect(
      writeupApplies('leaderboard.config.yaml', '/tmp/evil/leaderboard.config.yaml', '/p'),
    ).toBe(false);
  });
});

describe("a write-up's config", () => {
  const FILE = 'src/content/writeups/w.mdx';
  const files = new Set(['/p/leaderboard.config.yaml', '/p/configs/other.yaml']);
  const isFile = (absolute: string) => files.has(absolute);

  it('names a config file that exists, relative to the project root, or is left out', () => {
    expect(writeupConfigProblem(FILE, undefined, '/p', isFile)).toBeNull();
    expect(writeupConfigProblem(FILE, 'leaderboard.config.yaml', '/p', isFile)).toBeNull();
    expect(writeupConfigProblem(FILE, './configs/other.yaml', '/p', isFile)).toBeNull();
  });

  it('that names no file stops the build (the write-up was left out of every site)', () => {
    expect(writeupConfigProblem(FILE, 'leaderbaord.config.yaml', '/p', isFile)).toBe(
      `${FILE}: config: no file 'leaderbaord.config.yaml' (/p/leaderbaord.config.yaml); expected the config file the write-up was written for, relative to the project root`,
    );
    expect(writeupConfigProblem(FILE, 'configs', '/p', isFile)).toContain("no file 'configs'");
  });
});
