/** Contour input and messages: hyperparameters from configuration names, checkpoints, log axes. */
import { describe, expect, it } from 'vitest';
import { contourChart, contourInput } from '../../src/lib/charts/contour.ts';
import {
  configurationName,
  hyperparameter,
  hyperparameterText,
  modelHyperparameters,
} from '../../src/lib/charts/hyperparameters.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/lib/config/defaults.ts';
import type { ColumnData, RowData } from '../../src/lib/site/site-data.ts';

const COLUMNS: ColumnData[] = [
  { id: 'sea_total', level: 'lang', lang: null, label: 'SEA Avg', competency: null },
  { id: 'total', level: 'lang', lang: null, label: 'Aggregate', competency: null },
];

function row(
  model: string,
  step: number,
  total: number | null,
  baseline: string | null = null,
): RowData {
  return { model, baseline, step, limited: false, values: [total, total], status: 'oo', notes: {} };
}

function contourRun(rows: RowData[]) {
  return { columns: COLUMNS, rows };
}

describe('hyperparameters through the contour input', () => {
  it('reads the configuration name without its step suffix', () => {
    expect(configurationName('x-LR1e-4-GBS64_20000')).toBe('x-LR1e-4-GBS64');
    expect(configurationName('plain')).toBe('plain');
    const rows = [row('x-LR1e-4-GBS64_20000', 20000, 50)];
    const hp = modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS);
    expect(hp.get('x-LR1e-4-GBS64_20000')).toEqual({ LR: 0.0001, GBS: 64 });
    const input = contourInput(contourRun(rows), hp, { x: 'LR', y: 'GBS', metric: 1 });
    expect(input.points).toEqual([
      {
        configuration: 'x-LR1e-4-GBS64',
        model: 'x-LR1e-4-GBS64_20000',
        step: 20000,
        x: 0.0001,
        y: 64,
        value: 50,
        partial: null,
      },
    ]);
  });

  it('does not read LR inside another token, and baselines have none', () => {
    const rows = [
      row('a_CLR5_GBS8_00100', 100, 1),
      row('BASELINE_experiments_LR1_GBS2_00000', 0, 1, 'b'),
    ];
    const hp = modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS);
    expect(hp.get('a_CLR5_GBS8_00100')).toEqual({ GBS: 8 });
    expect(hp.get('BASELINE_experiments_LR1_GBS2_00000')).toEqual({});
  });

  it("reads a model's own values only: a name such as toString is no hyperparameter of it", () => {
    expect(hyperparameter({}, 'toString')).toBeUndefined();
    expect(hyperparameter({ constructor: 2 }, 'constructor')).toBe(2);
    expect(hyperparameterText({ LR: 1e-4 }, ['constructor', 'LR'])).toBe('LR=1e-4');
  });
});

describe('which checkpoint stands for a configuration', () => {
  const rows = [
    row('c_LR1e-3_GBS64_01000', 1000, 40),
    row('c_LR1e-3_GBS64_02000', 2000, 45),
    row('d_LR1e-4_GBS64_01000', 1000, 30),
    row('e_LR1e-4_GBS128_02000', 2000, null),
    row('f_GBS128_02000', 2000, 20),
  ];
  const hp = modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS);
  const axes = { x: 'LR', y: 'GBS', metric: 1 };

  it('takes the latest step by default and counts what is left out', () => {
    const input = contourInput(contourRun(rows), hp, axes);
    expect(input.points.map((p) => [p.model, p.value])).toEqual([
      ['c_LR1e-3_GBS64_02000', 45],
      ['d_LR1e-4_GBS64_01000', 30],
    ]);
    expect(input.withoutMetric).toBe(1);
    expect(input.withoutHyperparameters).toBe(1);
    expect(input.withoutStep).toBe(0);
  });

  it('takes the configurations in code-point order, as the reports take their rows', () => {
    const named = [row('😀_LR1e-3_GBS64_01000', 1000, 40), row('ｚ_LR1e-4_GBS64_01000', 1000, 30)];
    const input = contourInput(
      contourRun(named),
      modelHyperparameters(named, DEFAULT_HYPERPARAMETERS),
      axes,
    );
    expect(input.points.map((p) => p.model)).toEqual([
      'ｚ_LR1e-4_GBS64_01000',
      '😀_LR1e-3_GBS64_01000',
    ]);
  });

  it('takes a given step and counts configurations without it', () => {
    const input = contourInput(contourRun(rows), hp, axes, 1000);
    expect(input.points.map((p) => p.model)).toEqual([
      'c_LR1e-3_GBS64_01000',
      'd_LR1e-4_GBS64_01000',
    ]);
    expect(input.withoutStep).toBe(2);
  });
});

describe('contour messages and notes', () => {
  const grid = [
    row('a_LR1e-4_GBS64_01000', 1000, 10),
    row('b_LR1e-3_GBS64_01000', 1000, 20),
    row('c_LR1e-4_GBS256_01000', 1000, 30),
    row('d_LR1e-3_GBS256_01000', 1000, 40),
  ];
  const chart = (rows: RowData[], options: { logX?: boolean; x?: string; y?: string } = {}) =>
    contourChart(contourRun(rows), {
      hyperparameters: modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS),
      x: options.x ?? 'LR',
      y: options.y ?? 'GBS',
      metric: 'total',
      ...(options.logX === undefined ? {} : { logX: options.logX }),
    });

  it('needs two hyperparameters', () => {
    const rows = [row('a_LR1e-4_00100', 100, 1)];
    const result = contourChart(contourRun(rows), {
      hyperparameters: modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS),
    });
    expect(result).toMatchObject({ kind: 'message', reason: 'too-few-hyperparameters' });
    if (result.kind === 'message') expect(result.message).toContain('found LR');
  });

  it('says where to read hyperparameters from configuration names no default pattern reads', () => {
    const message = (rows: RowData[]) => {
      const result = contourChart(contourRun(rows), {
        hyperparameters: modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS),
      });
      return result.kind === 'message' ? result.message : result.kind;
    };
    const sweep = [row('lr_1e-4_gbs_1024_1000', 1000, 10), row('lr_3e-4_gbs_512_1000', 1000, 20)];
    expect(message(sweep)).toBe(
      "A contour plot needs at least 2 hyperparameters in the configuration names; found none in names such as 'lr_1e-4_gbs_1024'. The config's hyperparameters patterns say how to read them from the names.",
    );
    // A run of one configuration (a hero run) has none to read: no patterns would help.
    const hero = [row('hero_8b_1000', 1000, 10), row('hero_8b_2000', 2000, 20)];
    expect(message(hero)).toBe(
      'A contour plot needs at least 2 hyperparameters in the configuration names; found none.',
    );
  });

  it('defaults y to another hyperparameter than a given x, also the second one', () => {
    const hyperparameters = modelHyperparameters(grid, DEFAULT_HYPERPARAMETERS);
    const keys = ['LR', 'GBS'];
    for (const x of keys) {
      const result = contourChart(contourRun(grid), { hyperparameters, x });
      expect(result.kind).toBe('chart');
    }
  });

  it('defaults x to another hyperparameter than a given y, also the first one', () => {
    // ContourPlot y="LR" alone published 'Choose two different hyperparameters for X and Y.'
    const hyperparameters = modelHyperparameters(grid, DEFAULT_HYPERPARAMETERS);
    for (const y of ['LR', 'GBS']) {
      expect(contourChart(contourRun(grid), { hyperparameters, y }).kind).toBe('chart');
    }
  });

  it('needs two different axes and a known metric', () => {
    expect(chart(grid, { x: 'LR', y: 'LR' })).toMatchObject({
      kind: 'message',
      reason: 'same-axis',
    });
    expect(chart(grid, { x: 'XYZ' })).toMatchObject({ reason: 'unknown-hyperparameter' });
    const result = contourChart(contourRun(grid), {
      hyperparameters: modelHyperparameters(grid, DEFAULT_HYPERPARAMETERS),
      metric: 'nope',
    });
    expect(result).toMatchObject({ reason: 'unknown-metric' });
  });

  it('keeps the plot wide for a metric with a long name, shortening the colour bar title', () => {
    // A task of the sample: the colour bar's title widened the right margin to 397 px, and a
    // longer name left the plot 1 px wide.
    for (const label of [
      'bbh_tracking_shuffled_objects_seven_objects',
      `task_${'x'.repeat(150)}`,
    ]) {
      const columns: ColumnData[] = [
        ...COLUMNS,
        { id: 'en_t', level: 'task', lang: 'en', label, competency: null },
      ];
      const rows = grid.map((r) => ({ ...r, values: [...r.values, r.values[0] ?? null] }));
      const result = contourChart(
        { columns, rows },
        {
          hyperparameters: modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS),
          x: 'LR',
          y: 'GBS',
          metric: 'en_t',
        },
      );
      if (result.kind !== 'chart') throw new Error(result.kind);
      const plot = /<rect class="no-data" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(
        result.svg,
      );
      const plotRight = Number(plot?.[1]) + Number(plot?.[2]);
      // The colour bar and its title take at most 220 px of the 720 px.
      expect(plotRight).toBeGreaterThanOrEqual(720 - 220);
      const shown = /<g class="legend legend-color"[^>]*><text[^>]*>([^<]*)<\/text>/.exec(
        result.svg,
      )?.[1];
      expect(shown).toMatch(/^English .*…$/);
      expect(`English ${label}`.startsWith(shown?.slice(0, -1) ?? '-')).toBe(true);
      // The chart's title names it whole.
      expect(result.svg).toContain(`>Contour plot: English ${label} over LR and GBS</title>`);
    }
  });

  it('needs three distinct points', () => {
    const result = chart(grid.slice(0, 2));
    expect(result).toMatchObject({ kind: 'message', reason: 'too-few-points' });
    if (result.kind === 'message') expect(result.message).toContain('found 2');
  });

  it('refuses collinear points', () => {
    const rows = [
      row('a_LR1e-4_GBS64_01000', 1000, 1),
      row('b_LR2e-4_GBS128_01000', 1000, 2),
      row('c_LR3e-4_GBS192_01000', 1000, 3),
    ];
    expect(chart(rows)).toMatchObject({ kind: 'message', reason: 'collinear' });
  });

  it('says when the latest steps of the configurations differ, and not at a given step', () => {
    const rows = [...grid, row('a_LR1e-4_GBS64_02000', 2000, 15)];
    const notes = (result: ReturnType<typeof chart>) =>
      result.kind === 'chart' ? result.notes.join(' ') : '';
    expect(notes(chart(rows))).toContain(
      'The configurations are at different steps (1000 to 2000); choose one checkpoint to compare them at equal training.',
    );
    expect(notes(chart(grid))).not.toContain('different steps');
    const atStep = contourChart(contourRun(rows), {
      hyperparameters: modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS),
      x: 'LR',
      y: 'GBS',
      metric: 'total',
      step: 1000,
    });
    expect(notes(atStep)).not.toContain('different steps');
  });

  it('averages configurations sharing (x, y) and says so', () => {
    const rows = [...grid, row('e_LR1e-3_GBS256_x_01000', 1000, 60)];
    const result = chart(rows);
    expect(result.kind).toBe('chart');
    if (result.kind === 'chart') {
      expect(result.notes.join(' ')).toContain('2 configurations share their (LR, GBS)');
      expect(result.svg).toContain('data-value="50"');
    }
  });

  it('refuses a log axis with a value <= 0, with a note', () => {
    const rows = [...grid.slice(1), row('z_LR0_GBS64_01000', 1000, 5)];
    const result = chart(rows, { logX: true });
    expect(result.kind).toBe('chart');
    if (result.kind === 'chart') {
      expect(result.notes).toContain(
        'Log scale refused for LR: it has values ≤ 0 (smallest 0); shown on a linear axis.',
      );
      expect(result.svg).not.toContain('LR (log scale)');
      expect(result.svg).toContain('Log scale refused');
    }
  });

  it('uses log10 positions when every value is positive', () => {
    const result = chart(grid, { logX: true });
    expect(result.kind).toBe('chart');
    if (result.kind === 'chart') {
      expect(result.svg).toContain('LR (log scale)');
      expect(result.svg).toContain('>1e-4<');
      expect(result.svg).toContain('>1e-3<');
      expect(result.notes).toEqual([]);
    }
  });
});

describe('contour bands', () => {
  const chartOf = (rows: RowData[]) => {
    const result = contourChart(contourRun(rows), {
      hyperparameters: modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS),
      x: 'LR',
      y: 'GBS',
      metric: 'total',
    });
    if (result.kind !== 'chart') throw new Error(result.message);
    return result;
  };
  const bandRings = (svg: string) =>
    [...svg.matchAll(/<path class="band"[^>]* d="([^"]*)"/g)].map(
      (m) => m[1]?.split('M').length ?? 0,
    );

  it('fills the whole hull with one band when every configuration has the same value', () => {
    for (const value of [27.62, 7]) {
      const rows = [
        row('a_LR1e-4_GBS64_01000', 1000, value),
        row('b_LR3e-4_GBS100_01000', 1000, value),
        row('c_LR2e-4_GBS256_01000', 1000, value),
      ];
      const { svg } = chartOf(rows);
      // One band of one ring (the grid's outline, clipped to the hull): no holes.
      expect(bandRings(svg)).toEqual([2]);
      // The colour bar is one block over its whole height (434 px here), not a sliver.
      const legend = /<g class="legend legend-color"[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
      const blocks = [...legend.matchAll(/<rect [^>]*height="([\d.]+)" fill="#/g)];
      expect(blocks.map((m) => Number(m[1]))).toEqual([434]);
    }
  });

  it('starts the bands once at a round smallest value, each band a colour of its own', () => {
    const rows = [
      row('a_LR1e-4_GBS64_00100', 100, 40),
      row('b_LR1e-3_GBS64_00100', 100, 50),
      row('c_LR1e-4_GBS128_00100', 100, 60),
      row('d_LR1e-3_GBS128_00100', 100, 55),
    ];
    const { svg } = chartOf(rows);
    const thresholds = [...svg.matchAll(/data-threshold="([^"]*)"/g)].map((m) => m[1]);
    expect(thresholds).toEqual(['40', '42', '44', '46', '48', '50', '52', '54', '56', '58']);
    const legend = /<g class="legend legend-color"[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
    const fills = [...legend.matchAll(/<rect [^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(new Set(fills).size).toBe(10);
  });

  it('marks a configuration whose value is partial, in its ring, its tooltip and a note', () => {
    const partial: RowData = {
      ...row('b_LR1e-3_GBS64_01000', 1000, 20),
      status: 'pp',
      notes: { 1: '1/2 missing: en' },
    };
    const rows = [
      row('a_LR1e-4_GBS64_01000', 1000, 10),
      partial,
      row('c_LR1e-4_GBS256_01000', 1000, 30),
    ];
    const result = chartOf(rows);
    const marks = [...result.svg.matchAll(/<circle class="mark"[^>]*>/g)].map((m) => m[0]);
    const marked = marks.filter((m) => m.includes('data-partial'));
    expect(marked).toHaveLength(1);
    expect(marked[0]).toContain('data-model="b_LR1e-3_GBS64_01000"');
    expect(marked[0]).toContain('data-partial="Aggregate is partial (1/2 missing: en)"');
    expect(marked[0]).toContain('stroke-dasharray');
    expect(marks.filter((m) => m.includes('stroke-dasharray'))).toHaveLength(1);
    expect(result.notes).toContain(
      '1 configuration with a partial Aggregate (not every expected input present; hover for which) is drawn with a dashed ring, and interpolated like the others.',
    );
  });
});
