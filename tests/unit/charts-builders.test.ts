/** Chart builders: behaviours the golden SVGs do not spell out, escaping, accessibility. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { arc } from 'd3-shape';
import { LIGHT_PALETTE, symbolPath } from '../../src/lib/charts/colors.ts';
import { contourChart } from '../../src/lib/charts/contour.ts';
import { deltaHeatmap } from '../../src/lib/charts/delta-heatmap.ts';
import { modelHyperparameters } from '../../src/lib/charts/hyperparameters.ts';
import { limitedNote, paretoChart } from '../../src/lib/charts/pareto.ts';
import {
  BASELINE_STYLES,
  baselineStyle,
  limitLabelAt,
  progressChart,
  SERIES_STYLES,
} from '../../src/lib/charts/progress.ts';
import { chartFileText, chartSvg, notesOf, type ChartResult } from '../../src/lib/charts/result.ts';
import { scatterChart, scatterKey } from '../../src/lib/charts/scatter.ts';
import {
  escapeXml,
  FONT_SIZE,
  idPrefix,
  MIN_SCALE,
  num,
  textWidth,
} from '../../src/lib/charts/svg.ts';
import { DEFAULT_HYPERPARAMETERS } from '../../src/lib/config/defaults.ts';
import type { ColumnData, Level, RowData, RunData } from '../../src/lib/site/site-data.ts';
import { contrastRatio } from '../helpers/contrast.ts';

const SPECS: readonly (readonly [string, Level, string | null, string])[] = [
  ['sea_total', 'lang', null, 'SEA Avg'],
  ['id', 'lang', 'id', 'Indonesian'],
  ['th', 'lang', 'th', 'Thai'],
  ['en', 'lang', 'en', 'English'],
  ['total', 'lang', null, 'Aggregate'],
  ['id_nlu', 'competency', 'id', 'nlu'],
  ['id_nlg', 'competency', 'id', 'nlg'],
  ['th_nlu', 'competency', 'th', 'nlu'],
  ['BBH', 'competency', 'en', 'BBH'],
];
const COLUMNS: ColumnData[] = SPECS.map(([id, level, lang, label]) => ({
  id,
  level,
  lang,
  label,
  competency: null,
}));

type Values = Readonly<Record<string, number | null>>;

function row(model: string, step: number, values: Values, baseline: string | null = null): RowData {
  return {
    model,
    baseline,
    step,
    limited: false,
    values: COLUMNS.map((c) => values[c.id] ?? null),
    status: 'o'.repeat(COLUMNS.length),
    notes: {},
  };
}

function run(key: string, rows: RowData[]): RunData {
  return {
    key,
    slug: key,
    section: 'experiments',
    isHeroRun: false,
    languages: [
      { code: 'id', name: 'Indonesian' },
      { code: 'th', name: 'Thai' },
    ],
    columns: COLUMNS,
    rows,
    baselines: [],
    hyperparameters: [],
  };
}

const all = (v: number): Values => Object.fromEntries(SPECS.map(([id], i) => [id, v + i]));

function svg(result: ChartResult): string {
  if (result.kind !== 'chart') throw new Error(result.message);
  return result.svg;
}

const HOSTILE = '<img src=x onerror=alert(1)>';

describe('svg helpers', () => {
  it('escapes markup and quotes and drops forbidden control characters', () => {
    expect(escapeXml(`${HOSTILE}"'&\u0001`)).toBe(
      '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;',
    );
  });

  it('rounds numbers deterministically without -0 or trailing zeros', () => {
    expect([num(1.25), num(-0.04), num(3), num(0.1 + 0.2, 2), num(Number.NaN)]).toEqual([
      '1.3',
      '0',
      '3',
      '0.3',
      '0',
    ]);
    expect(idPrefix('my chart "1"')).toBe('my-chart-1');
    expect(idPrefix('9x')).toBe('c-9x');
  });
});

describe('chart files', () => {
  it('carry their notes on the root element, read back as text', () => {
    const notes = [`${HOSTILE} has no "English" & is not drawn.`, 'Step 2000: --limit'];
    const file = chartFileText(chartSvg('<svg xmlns="http://www.w3.org/2000/svg"></svg>', notes));
    const attribute = /^<svg data-notes="([^"]*)" /.exec(file)?.[1] ?? null;
    expect(attribute).not.toContain('<');
    const decoded = (attribute ?? '')
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    expect(notesOf(decoded)).toEqual(notes);
    expect(chartFileText(chartSvg('<svg></svg>'))).toBe('<svg></svg>');
    expect(notesOf(null)).toEqual([]);
    expect(notesOf('{oops')).toEqual([]);
  });
});

describe('progress chart', () => {
  const hero = run('hero', [
    row('hero_01000', 1000, all(10)),
    row('hero_02000', 2000, { ...all(12), th: null, th_nlu: null }),
    row('hero_03000', 3000, all(14)),
    row('BASELINE_hero_runs_base_00000', 0, all(20), 'base'),
    row('BASELINE_hero_runs_empty_00000', 0, {}, 'empty'),
  ]);

  it('draws SEA Avg, English and Aggregate apart from the languages (B19)', () => {
    const out = svg(progressChart(hero));
    const style = (id: string) =>
      new RegExp(`data-series="${id}"[^>]*><path class="series-line"[^>]*`).exec(out)?.[0] ?? '';
    expect(style('id')).toContain('stroke-width="1.5"');
    expect(style('id')).not.toContain('stroke-dasharray');
    expect(style('sea_total')).toContain('stroke-dasharray="7 4"');
    expect(style('en')).toContain('stroke-dasharray="2 3"');
    expect(style('total')).toContain('stroke-width="3.5"');
  });

  it('draws every language of a run of 11 or more with a colour and dash of its own', () => {
    const codes = ['id', 'vi', 'th', 'ta', 'tl', 'ms', 'my', 'jv', 'su', 'km', 'lo', 'xx'];
    const columns: ColumnData[] = codes.map((code) => ({
      id: code,
      level: 'lang',
      lang: code,
      label: code,
      competency: null,
    }));
    const rows = [1000, 2000].map((step) => ({
      model: `hero_${step}`,
      baseline: null,
      step,
      limited: false,
      values: codes.map((_, i) => 10 + i),
      status: 'o'.repeat(codes.length),
      notes: {},
    }));
    const out = svg(progressChart({ columns, rows }));
    const strokes = codes.map((code) => {
      const line = new RegExp(`data-series="${code}"[^>]*><path class="series-line"[^>]*`);
      const path = line.exec(out)?.[0] ?? '';
      return `${/stroke="([^"]*)"/.exec(path)?.[1]} ${/stroke-dasharray="([^"]*)"/.exec(path)?.[1]}`;
    });
    expect(new Set(strokes).size).toBe(codes.length);
    // The legend shows the same dash as the line: Lao is told from Indonesian there too.
    const swatches = [...out.matchAll(/<path d="M0,0H16"[^>]*>/g)].map((m) => m[0]);
    expect(new Set(swatches).size).toBe(codes.length);

    // Past every (colour, dash) pair, a note says the styles repeat.
    const tasks: ColumnData[] = Array.from({ length: SERIES_STYLES + 1 }, (_, i) => ({
      id: `id_t${i}`,
      level: 'task',
      lang: 'id',
      label: `t${i}`,
      competency: 'nlu',
    }));
    const taskRows = rows.map((r) => ({ ...r, values: tasks.map(() => 50), status: '' }));
    const many = progressChart(
      { columns: tasks, rows: taskRows },
      { view: { level: 'task', lang: 'id' } },
    );
    expect(many.kind === 'chart' ? many.notes : []).toContain(
      `Line colours and dashes repeat past the first ${SERIES_STYLES} tasks (this chart has ${SERIES_STYLES + 1}); the legend names each and shows or hides its line.`,
    );
    // Exactly that many lines: none repeats, and no note says one does.
    const exact = progressChart(
      { columns: tasks.slice(0, SERIES_STYLES), rows: taskRows },
      { view: { level: 'task', lang: 'id' } },
    );
    expect(exact.kind === 'chart' ? exact.notes : null).toEqual([]);
  });

  it('leaves out the languages hidden in the table, and says so', () => {
    const whole = progressChart(hero);
    const none = progressChart(hero, { hidden: new Set() });
    expect(none).toEqual(whole);
    const result = progressChart(hero, { hidden: new Set(['th', 'en']) });
    const out = svg(result);
    expect(out).not.toContain('data-series="th"');
    expect(out).not.toContain('data-series="en"');
    for (const id of ['id', 'sea_total', 'total']) expect(out).toContain(`data-series="${id}"`);
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      'The chart excludes hidden languages: Thai, English.',
    );
    // Only the language view has languages to hide.
    const competency = { view: { level: 'competency', lang: 'th' } } as const;
    expect(progressChart(hero, { ...competency, hidden: new Set(['th']) })).toEqual(
      progressChart(hero, competency),
    );
  });

  it('breaks a line at a missing value instead of drawing 0', () => {
    const out = svg(progressChart(hero));
    const thai = /data-series="th"[^>]*><path class="series-line" d="([^"]*)"/.exec(out)?.[1];
    expect(thai?.match(/M/g)).toHaveLength(2);
    // Both isolated points are marked, so they stay visible.
    expect(out.match(/class="mark"[^>]*data-series="th"/g)).toHaveLength(2);
  });

  it('skips a baseline without the value, with a note (B20)', () => {
    const result = progressChart(hero);
    expect(result.kind).toBe('chart');
    if (result.kind !== 'chart') return;
    expect(result.notes).toEqual([
      'Baseline empty has no Aggregate, SEA Avg or English and is not drawn.',
    ]);
    expect(result.svg).toContain('data-baseline="base"');
    expect(result.svg).toContain('data-y="24"'); // base's Aggregate (20 + index 4)
    const competency = progressChart(hero, { view: { level: 'competency', lang: 'id' } });
    expect(competency.kind === 'chart' ? competency.notes : []).toEqual([
      'Baseline empty has no Indonesian competency score and is not drawn.',
    ]);
  });

  it('draws a baseline without Aggregate at the side it has, and says so', () => {
    const seaOnly = { ...all(20), en: null, total: null, BBH: null };
    const oneSide = run('o', [
      ...hero.rows,
      row('BASELINE_hero_runs_sea_00000', 0, seaOnly, 'sea'),
    ]);
    const result = progressChart(oneSide);
    const out = svg(result);
    expect(out).toContain('data-baseline="sea" data-for="sea_total" data-y="20"');
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      'Baseline sea has no Aggregate (it has no English): its line is at its SEA Avg.',
    );
    // Asked for another column: no stand-in.
    const asked = progressChart(oneSide, { baselineColumn: 'en' });
    expect(svg(asked)).not.toContain('data-baseline="sea"');
    expect(asked.kind === 'chart' ? asked.notes : []).toContain(
      'Baseline sea has no English and is not drawn.',
    );
  });

  describe('many baselines', () => {
    const withBaselines = (count: number) =>
      run('m', [
        ...hero.rows.filter((r) => r.baseline === null),
        ...Array.from({ length: count }, (_, i) =>
          row(`BASELINE_hero_runs_b${i}_00000`, 0, all(20 + i), `b${i}`),
        ),
      ]);
    /** Each baseline's look: its line's dash and marker shape, and its legend swatch. */
    const looks = (out: string) => ({
      lines: [...out.matchAll(/<g class="reference"[^>]*>(.*?)<\/g>/g)].map((m) => {
        const dash = /stroke-dasharray="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '';
        const marker = /class="reference-markers"[^>]*><use href="([^"]*)"/.exec(m[1] ?? '');
        return `${dash}|${marker?.[1] ?? ''}`;
      }),
      swatches: [
        ...out.matchAll(/<g class="legend-item" data-series="baseline:[^"]*"[^>]*>(.*?)<text/g),
      ].map((m) => m[1]),
    });

    it('draws each with a dash pattern and marker shape of its own, legend included', () => {
      for (const view of [undefined, { level: 'competency', lang: 'id' } as const]) {
        const count = 8;
        const out = svg(progressChart(withBaselines(count), view && { view }));
        const { lines, swatches } = looks(out);
        // The component view draws one line per component for each baseline: same look.
        expect(new Set(lines).size).toBe(count);
        expect(swatches).toHaveLength(count);
        expect(new Set(swatches).size).toBe(count);
        // Markers along each line, in the legend too.
        expect(out).toContain('class="reference-markers"');
      }
    });

    it('keeps every style distinct up to BASELINE_STYLES, then says they repeat', () => {
      const styles = Array.from({ length: BASELINE_STYLES }, (_, i) => baselineStyle(i));
      expect(new Set(styles.map((s) => `${s.dash}|${s.shape}`)).size).toBe(BASELINE_STYLES);
      expect(baselineStyle(BASELINE_STYLES)).toEqual(baselineStyle(0));
      const notesOf = (count: number) => {
        const result = progressChart(withBaselines(count));
        return result.kind === 'chart' ? result.notes.join(' ') : '';
      };
      expect(notesOf(BASELINE_STYLES)).not.toContain('repeat');
      expect(notesOf(BASELINE_STYLES + 1)).toContain(
        `Baseline line styles repeat past the first ${BASELINE_STYLES} baselines (this run has ${BASELINE_STYLES + 1})`,
      );
    });

    it('is deterministic', () => {
      expect(svg(progressChart(withBaselines(6)))).toBe(svg(progressChart(withBaselines(6))));
    });

    it('shortens a long end label to fit the chart, never its value', () => {
      const long = 'a-baseline-with-a-rather-long-name';
      const out = svg(
        progressChart(
          run('e', [
            ...hero.rows.filter((r) => r.baseline === null),
            row(`BASELINE_hero_runs_${long}_00000`, 0, all(20), long),
          ]),
        ),
      );
      const label = /<g class="reference"[^>]*>.*?<text x="([^"]*)"[^>]*>([^<]*)<\/text>/.exec(out);
      expect(label?.[2]).toMatch(/^a-baseline-w… Aggregate 24\.00$/);
      const width = Number(/viewBox="0 0 (\d+)/.exec(out)?.[1]);
      expect(Number(label?.[1]) + textWidth(label?.[2] ?? '', FONT_SIZE)).toBeLessThanOrEqual(
        width,
      );
    });

    it("tells long baselines' end labels apart by the words where their names differ", () => {
      // Cut at their end, both read `meta-llama/L… Aggregate …`.
      const names = ['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Llama-3.1-70B-Instruct'];
      const out = svg(
        progressChart(
          run('e', [
            ...hero.rows.filter((r) => r.baseline === null),
            ...names.map((name, i) => row(`BASELINE_hero_runs_b${i}_00000`, 0, all(20 + i), name)),
          ]),
        ),
      );
      const labels = [...out.matchAll(/<g class="reference"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/g)];
      expect(labels.map(([, label]) => label)).toEqual([
        'meta…8B… Aggregate 24.00',
        'meta…70B… Aggregate 25.00',
      ]);
    });

    it('leaves a run with one baseline its plain dashed line', () => {
      expect(svg(progressChart(withBaselines(1)))).not.toContain('reference-markers');
    });
  });

  it('says when a baseline line read from English comes from an lm-eval --limit run', () => {
    const limited = { ...row('BASELINE_hero_runs_lim_00000', 0, all(30), 'lim'), limited: true };
    const withLimited = run('l', [...hero.rows, limited]);
    const note =
      'Baseline lim is an lm-eval --limit run: its line read from English is not comparable.';
    const overall = progressChart(withLimited);
    expect(overall.kind === 'chart' ? overall.notes : []).toContain(note);
    const english = progressChart(withLimited, { view: { level: 'competency', lang: 'en' } });
    expect(english.kind === 'chart' ? english.notes : []).toContain(note);
    // A SEA-HELM view reads nothing from English.
    const sea = progressChart(withLimited, { view: { level: 'competency', lang: 'id' } });
    expect(sea.kind === 'chart' ? sea.notes.join(' ') : '').not.toContain('--limit');
  });

  it("marks a baseline line drawn at a partial value, with the value's coverage", () => {
    // A baseline scored on one SEA language of two: its SEA Avg is partial, its line drawn there.
    const seaOnly = row('BASELINE_hero_runs_sea_00000', 0, { sea_total: 56.7, th: 56.7 }, 'sea');
    const at = (id: string) => COLUMNS.findIndex((c) => c.id === id);
    const status = [...seaOnly.status];
    status[at('sea_total')] = 'p';
    const partial = {
      ...seaOnly,
      status: status.join(''),
      notes: { [at('sea_total')]: '1/2 missing: id' },
    };
    const result = progressChart(run('s', [...hero.rows.slice(0, 3), partial]));
    const label = /data-baseline="sea"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/s.exec(svg(result));
    expect(label?.[1]).toBe('sea SEA Avg 56.70*');
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      "Baseline sea's SEA Avg line (marked *) is at a partial value: 1/2 missing: id.",
    );
    // A complete one keeps its plain label and gets no such note.
    const complete = progressChart(run('c', [...hero.rows.slice(0, 3), seaOnly]));
    expect(svg(complete)).toMatch(/>sea SEA Avg 56\.70<\/text>/);
    expect((complete.kind === 'chart' ? complete.notes : []).join(' ')).not.toContain('partial');
  });

  it('names the components a baseline has no line for', () => {
    const partial = row('BASELINE_hero_runs_half_00000', 0, { ...all(30), id_nlg: null }, 'half');
    const result = progressChart(run('h', [...hero.rows, partial]), {
      view: { level: 'competency', lang: 'id' },
    });
    expect(svg(result)).toContain('data-baseline="half" data-for="id_nlu"');
    expect(svg(result)).not.toContain('data-baseline="half" data-for="id_nlg"');
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      'Baseline half has no nlg: no line for it.',
    );
  });

  it('lists up to 5 components a baseline lacks, and counts the rest', () => {
    const labels = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
    const columns: ColumnData[] = labels.map((label) => ({
      id: `id_${label}`,
      level: 'competency',
      lang: 'id',
      label,
      competency: null,
    }));
    const at = (
      model: string,
      step: number,
      values: (number | null)[],
      baseline: string | null,
    ) => ({
      model,
      baseline,
      step,
      limited: false,
      values,
      status: 'o'.repeat(values.length),
      notes: {},
    });
    const rows = [
      at(
        'h_1000',
        1000,
        labels.map(() => 10),
        null,
      ),
      at('BASELINE_five', 0, [30, 30, null, null, null, null, null], 'five'),
      at('BASELINE_six', 0, [30, null, null, null, null, null, null], 'six'),
    ];
    const result = progressChart({ columns, rows }, { view: { level: 'competency', lang: 'id' } });
    expect(result.kind === 'chart' ? result.notes : []).toEqual([
      'Baseline five has no c3, c4, c5, c6 or c7: no line for them.',
      'Baseline six has no c2, c3, c4, c5, c6 and 1 more: no line for them.',
    ]);
  });

  it('draws a baseline at its latest row, whatever the row order', () => {
    const rows = [
      ...hero.rows.slice(0, 3),
      row('BASELINE_hero_runs_x_01000', 1000, all(40), 'x'),
      row('BASELINE_hero_runs_x_00000', 0, all(30), 'x'),
    ];
    const out = svg(progressChart(run('h', rows)));
    expect(out.match(/data-baseline="x" data-for="total" data-y="([^"]*)"/)?.[1]).toBe('44');
  });

  it('draws a point at every checkpoint of a run of 60, and only lines past 60', () => {
    const points = (count: number) => {
      const rows = Array.from({ length: count }, (_, i) =>
        row(`h_${i + 1}`, (i + 1) * 100, all(10 + (i % 7))),
      );
      return svg(progressChart(run('h', rows))).match(/data-series="id" data-model=/g)?.length ?? 0;
    };
    expect(points(60)).toBe(60);
    expect(points(61)).toBe(0);
  });

  it('draws one reference line per component in the competency view (B20)', () => {
    const out = svg(progressChart(hero, { view: { level: 'competency', lang: 'id' } }));
    expect(out.match(/class="reference"/g)).toHaveLength(2);
    expect(out).toContain('data-for="id_nlu" data-y="25"');
    expect(out).toContain('data-for="id_nlg" data-y="26"');
  });

  it('makes room for a long legend and leaves dozens of baseline lines unlabelled', () => {
    // 30 English subtasks, as the task view of English has (39 in the real benchmarks).
    const columns: ColumnData[] = Array.from({ length: 30 }, (_, i) => ({
      id: `en_bbh_subtask_with_a_long_name_${i}`,
      level: 'task' as Level,
      lang: 'en',
      label: `bbh_subtask_with_a_long_name_${i}`,
      competency: 'BBH',
    }));
    const many = (model: string, step: number, v: number, baseline: string | null = null) => ({
      model,
      baseline,
      step,
      limited: false,
      values: columns.map((_, i) => v + i),
      status: 'o'.repeat(columns.length),
      notes: {},
    });
    const english = {
      ...run('e', []),
      columns,
      rows: [many('e_01000', 1000, 10), many('e_02000', 2000, 12), many('B_00000', 0, 20, 'b')],
    };
    const result = progressChart(english, { view: { level: 'task', lang: 'en' } });
    const out = svg(result);
    const height = Number(/viewBox="0 0 \d+ (\d+)"/.exec(out)?.[1]);
    expect(height).toBeGreaterThan(420);
    expect(out.match(/class="reference"/g)).toHaveLength(30);
    expect(out).not.toMatch(/class="reference"[^>]*>(?:<path[^>]*\/>)<text/);
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      '30 baseline lines are drawn without end labels (too many to place); the tables give their values.',
    );
    // Up to 12 lines are labelled at their end; from 13 on, none is.
    const unlabelled = (count: number) => {
      const some = progressChart(
        { ...english, columns: columns.slice(0, count) },
        { view: { level: 'task', lang: 'en' } },
      );
      return (some.kind === 'chart' ? some.notes : []).filter((n) => n.includes('end labels'));
    };
    expect(unlabelled(12)).toEqual([]);
    expect(unlabelled(13)).toEqual([
      '13 baseline lines are drawn without end labels (too many to place); the tables give their values.',
    ]);
  });

  it('marks a --limit checkpoint with a dotted line and a note where English is shown', () => {
    const limited = run('l', [
      row('l_01000', 1000, all(10)),
      { ...row('l_02000', 2000, all(12)), limited: true },
      row('l_03000', 3000, all(14)),
    ]);
    const result = progressChart(limited);
    const out = svg(result);
    expect(out.match(/class="limited-step"/g)).toHaveLength(1);
    expect(out).toContain('data-step="2000"');
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      'Step 2000: an lm-eval --limit run (the vertical line marked --limit); its English scores are not comparable.',
    );
    // A SEA language's competencies do not come from lm-eval: no mark there.
    const sea = svg(progressChart(limited, { view: { level: 'competency', lang: 'id' } }));
    expect(sea).not.toContain('limited-step');
  });

  it('draws a partial value as a hollow point whose tooltip data says why', () => {
    const partialRow = row('p_02000', 2000, all(12));
    const sea = COLUMNS.findIndex((c) => c.id === 'sea_total');
    const status = [...partialRow.status];
    status[sea] = 'p';
    const rows = [
      row('p_01000', 1000, all(10)),
      { ...partialRow, status: status.join(''), notes: { [sea]: '1/2 missing: th' } },
      row('p_03000', 3000, all(14)),
    ];
    const result = progressChart(run('p', rows), { markers: 'none' });
    const out = svg(result);
    const marks = [...out.matchAll(/<(?:circle|path) class="mark"[^>]*>/g)].map((m) => m[0]);
    expect(marks).toHaveLength(1);
    // SEA Avg's points are squares (the summary lines share a colour).
    expect(marks[0]).toMatch(
      /^<path class="mark" transform="translate\([^)]*\)" d="M-[\d.]+,-[\d.]+h/,
    );
    expect(marks[0]).toContain('fill="var(--bg, #ffffff)"');
    expect(marks[0]).toContain('data-partial="SEA Avg is partial (1/2 missing: th)"');
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      'Hollow points are partial values (not every expected input present); hover for which.',
    );
  });

  it('tells the summary lines apart by the shape of their points, also in the legend', () => {
    const rows = [row('q_01000', 1000, all(10)), row('q_02000', 2000, all(12))];
    const out = svg(progressChart(run('q', rows), { markers: 'all' }));
    const shapeOf = (series: string) =>
      new RegExp(`<(circle|path) class="mark"[^>]*data-series="${series}"`).exec(out)?.[1];
    expect(['sea_total', 'en', 'total', 'id'].map(shapeOf)).toEqual([
      'path',
      'path',
      'circle',
      'circle',
    ]);
    const legendOf = (label: string) =>
      new RegExp(
        `<g class="legend-item" data-series="[^"]*"[^>]*>((?:(?!</g>).)*)${label}</text>`,
      ).exec(out)?.[1] ?? '';
    expect(legendOf('SEA Avg').match(/<path/g)).toHaveLength(2); // line and square
    expect(legendOf('Indonesian').match(/<path/g)).toHaveLength(1); // line only
  });

  it('orders checkpoints by step whatever the row order', () => {
    const shuffled = run(
      'h',
      [hero.rows[2], hero.rows[0], hero.rows[1]].filter((r) => r !== undefined),
    );
    const xs = [
      ...svg(progressChart(shuffled)).matchAll(
        /data-series="id" data-model="[^"]*" data-x="(\d+)"/g,
      ),
    ];
    expect(xs.map((m) => m[1])).toEqual(['1000', '2000', '3000']);
  });

  it('labels whole steps only, and a run of one step at that step alone', () => {
    const labels = (steps: readonly number[]) => {
      const rows = steps.map((s) => row(`s_${s}`, s, all(10 + s)));
      const axis = /<g class="axis axis-x".*?<\/g>/s.exec(svg(progressChart(run('s', rows))));
      return [...(axis?.[0] ?? '').matchAll(/>([^<]+)<\/text>/g)]
        .map((m) => m[1])
        .filter((label) => label !== 'Training step');
    };
    expect(labels([0])).toEqual(['0']);
    expect(labels([1000])).toEqual(['1,000']);
    expect(labels([0, 1])).toEqual(['0', '1']);
    expect(labels([0, 2])).toEqual(['0', '1', '2']);
  });

  it('keeps the --limit label inside the chart when the last step is a --limit run', () => {
    const last = run('l', [
      row('l_01000', 1000, all(10)),
      { ...row('l_02000', 2000, all(12)), limited: true },
    ]);
    const group = /<g class="limited-step".*?<\/g>/s.exec(svg(progressChart(last)))?.[0] ?? '';
    const label = /<text x="([\d.]+)"([^>]*)>--limit<\/text>/.exec(group);
    expect(label?.[2]).toContain('text-anchor="end"');
    expect(Number(label?.[1])).toBeLessThan(720);
    expect(limitLabelAt(100, 600, 720)).toEqual({ x: 103, 'text-anchor': null });
  });

  it('keeps the step labels of a long run apart (huge step numbers)', () => {
    const steps = Array.from({ length: 250 }, (_, i) => (i === 0 ? 0 : 1e12 + i * 4e9));
    const out = svg(
      progressChart(
        run(
          'big',
          steps.map((s, i) => row(`big_${i}`, s, all(i / 10))),
        ),
      ),
    );
    const axis = /<g class="axis axis-x".*?<\/g>/s.exec(out)?.[0] ?? '';
    const labels = [...axis.matchAll(/<text x="([\d.]+)"[^>]*>([\d,]+)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      half: (m[2] ?? '').length * 11 * 0.3,
    }));
    expect(labels.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < labels.length; i += 1) {
      const [a, b] = [labels[i - 1], labels[i]];
      expect((b?.x ?? 0) - (b?.half ?? 0)).toBeGreaterThan((a?.x ?? 0) + (a?.half ?? 0));
    }
  });

  it('returns messages instead of empty charts', () => {
    expect(progressChart(run('e', []))).toMatchObject({
      kind: 'message',
      reason: 'no-checkpoints',
    });
    expect(progressChart(hero, { view: { level: 'competency', lang: 'xx' } })).toMatchObject({
      reason: 'no-columns',
    });
    const empty = run('e', [row('m_00001', 1, {})]);
    expect(progressChart(empty)).toMatchObject({ reason: 'no-values' });
  });
});

describe('pareto chart of a run with an lm-eval --limit checkpoint', () => {
  const rows = [
    row('h_01000', 1000, { sea_total: 10, th: 10, en: 10, total: 10 }),
    { ...row('h_02000', 2000, { sea_total: 12, th: 12, en: 40, total: 26 }), limited: true },
    row('h_03000', 3000, { sea_total: 14, th: 14, en: 12, total: 13 }),
  ];
  const notes = (x: string, y: string) => {
    const result = paretoChart(run('h', rows), { x, y, step: 'all' });
    return result.kind === 'chart' ? result.notes : [];
  };

  it('names it when an axis reads English (it sat on the front unmarked)', () => {
    const note = 'h_02000 is an lm-eval --limit run: its English scores are not comparable.';
    expect(notes('sea_total', 'en')).toContain(note);
    expect(notes('th', 'total')).toContain(note);
    expect(notes('sea_total', 'th').join(' ')).not.toContain('--limit');
    expect(svg(paretoChart(run('h', rows), { x: 'sea_total', y: 'en', step: 'all' }))).toMatch(
      /data-model="h_02000"[^>]*data-limited="1"/,
    );
  });
});

describe('pareto chart', () => {
  const sweep = run('sweep', [
    row('a_LR1e-4_GBS64_00100', 100, { sea_total: 10, en: 30 }),
    row('b_LR1e-3_GBS64_00100', 100, { sea_total: 20, en: 20 }),
    row('c_LR1e-3_GBS128_00100', 100, { sea_total: 20, en: 20 }),
    row('d_LR1e-4_GBS128_00100', 100, { sea_total: 15, en: 15 }),
    row('e_LR1e-4_GBS128_00100', 100, { sea_total: null, en: 50 }),
    row(`${HOSTILE}_00100`, 100, { sea_total: 5, en: 5 }),
    row('BASELINE_experiments_ref_00000', 0, { sea_total: 99, en: 99 }, 'ref'),
  ]);
  const hp = modelHyperparameters(sweep.rows, DEFAULT_HYPERPARAMETERS);
  const result = paretoChart(sweep, { x: 'sea_total', y: 'en', hyperparameters: hp });
  const out = svg(result);

  it('marks the front, keeping exact ties, and leaves baselines off it by default', () => {
    const front = [...out.matchAll(/data-model="([^"]*)"[^>]*data-front="1"/g)].map((m) => m[1]);
    expect(front).toEqual([
      'a_LR1e-4_GBS64_00100',
      'b_LR1e-3_GBS64_00100',
      'c_LR1e-3_GBS128_00100',
    ]);
    expect(out).toContain('data-baseline="ref"');
    const withBaseline = svg(
      paretoChart(sweep, { x: 'sea_total', y: 'en', hyperparameters: hp, baselinesOnFront: true }),
    );
    expect([...withBaseline.matchAll(/data-front="1"/g)]).toHaveLength(1);
  });

  it("keeps baselines' labels off each other and off the front's points", () => {
    // Ten baselines with long names side by side at one English score, and a front point
    // right among them: each label went above its cross, towards the middle, over the others.
    const crowded = run('crowded', [
      row('a_00100', 100, { sea_total: 55.5, en: 44.6 }),
      row('b_00100', 100, { sea_total: 40, en: 30 }),
      ...Array.from({ length: 10 }, (_, i) =>
        row(
          `BASELINE_experiments_b${i}_00000`,
          0,
          { sea_total: 50 + i, en: 44 },
          `org${i}/very-long-model-name-${i}`,
        ),
      ),
    ]);
    const result = paretoChart(crowded, { x: 'sea_total', y: 'en' });
    const out = svg(result);
    const boxes = [
      ...out.matchAll(
        /baseline-mark" transform="translate\(([-\d.]+),([-\d.]+)\)"[^>]*>(?:(?!<\/g>).)*?<text x="([-\d.]+)" y="([-\d.]+)"( text-anchor="end")?[^>]*>([^<]*)<\/text>/g,
      ),
    ].map(([, cx, cy, dx, dy, end, label]) => {
      const width = textWidth(label ?? '', FONT_SIZE);
      const start = Number(cx) + Number(dx);
      const left = end === undefined ? start : start - width;
      const baseline = Number(cy) + Number(dy);
      return { left, right: left + width, top: baseline - FONT_SIZE, bottom: baseline + 3 };
    });
    expect(boxes.length).toBeGreaterThan(0);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, JSON.stringify([a, b])).toBe(true);
      }
    }
    const front = /<circle[^>]*cx="([^"]*)" cy="([^"]*)" r="([^"]*)"[^>]*data-model="a_00100"/.exec(
      out,
    );
    const [fx, fy, r] = [Number(front?.[1]), Number(front?.[2]), Number(front?.[3])];
    expect(out).toMatch(/data-model="a_00100"[^>]*data-front="1"/);
    for (const box of boxes) {
      const clear =
        box.right <= fx - r || fx + r <= box.left || box.bottom <= fy - r || fy + r <= box.top;
      expect(clear, JSON.stringify(box)).toBe(true);
    }
    // Each label that could not be placed is counted, and its cross keeps its name for the tooltip.
    const unlabelled = 10 - boxes.length;
    expect(unlabelled).toBeGreaterThan(0);
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      `${unlabelled} baselines without a label: no room beside their crosses that covers no other label or front point; point at a cross for its name.`,
    );
  });

  describe('checkpoints', () => {
    // Two configurations: a reaches step 200, b only step 100; b at 100 beats a at 100.
    const steps = run('steps', [
      row('a_00100', 100, { sea_total: 10, en: 10 }),
      row('a_00200', 200, { sea_total: 40, en: 40 }),
      row('b_00100', 100, { sea_total: 20, en: 20 }),
      row('BASELINE_experiments_ref_00000', 0, { sea_total: 30, en: 30 }, 'ref'),
    ]);
    const drawn = (step?: 'all' | 'latest' | number) => {
      const result = paretoChart(steps, {
        x: 'sea_total',
        y: 'en',
        ...(step === undefined ? {} : { step }),
      });
      const marks = [...svg(result).matchAll(/data-model="([^"]*)"[^>]*data-front="(\d)"/g)];
      return {
        models: marks.map((m) => `${m[1] ?? ''}${m[2] === '1' ? ' (front)' : ''}`),
        notes: result.kind === 'chart' ? result.notes : [],
      };
    };

    it('computes the front among configurations at their latest step by default', () => {
      expect(drawn()).toEqual({
        models: ['b_00100', 'a_00200 (front)', 'BASELINE_experiments_ref_00000'],
        notes: [
          'The front is over each configuration at its latest step. They are at different steps (100 to 200); choose one checkpoint to compare them at equal training.',
        ],
      });
      expect(drawn('latest')).toEqual(drawn());
    });

    it('computes it at one step, leaving out and counting configurations without it', () => {
      expect(drawn(100)).toEqual({
        models: ['a_00100', 'b_00100 (front)', 'BASELINE_experiments_ref_00000'],
        notes: ['The front is over the configurations at step 100.'],
      });
      expect(drawn(200)).toEqual({
        models: ['a_00200 (front)', 'BASELINE_experiments_ref_00000'],
        notes: [
          'The front is over the configurations at step 200.',
          '1 configuration without step 200 left out.',
        ],
      });
    });

    it('mixes every checkpoint only when asked, and says so', () => {
      const all = drawn('all');
      expect(all.models).toEqual([
        'a_00100',
        'b_00100',
        'a_00200 (front)',
        'BASELINE_experiments_ref_00000',
      ]);
      expect(all.notes[0]).toContain('every checkpoint of every configuration');
    });

    it('draws every checkpoint of a run of one configuration (a hero run) by default', () => {
      const hero = run(
        'hero',
        steps.rows.filter((r) => r.model.startsWith('a_')),
      );
      const result = paretoChart(hero, { x: 'sea_total', y: 'en' });
      expect(svg(result).match(/data-model="a_/g)).toHaveLength(2);
      expect(result.kind === 'chart' ? result.notes : []).toEqual([
        'The front is over every checkpoint.',
      ]);
    });
  });

  it('colours by the first hyperparameter and shapes by the second', () => {
    expect(out).toContain('data-series="color:64" data-shape="shape:1e-4"');
    expect(out).toContain('data-series="color:n/a" data-shape="shape:n/a"');
    expect(out).toContain('data-hp="GBS=64;LR=1e-4"');
  });

  it('counts the models left out for a missing value', () => {
    if (result.kind !== 'chart') return;
    expect(result.notes).toEqual([
      'The front is over each configuration at its latest step.',
      '1 model without a value for SEA Avg or English left out.',
    ]);
    expect(out).toContain('1 model without a value for SEA Avg or English left out.</desc>');
  });

  it('draws models without the shape hyperparameter as rings, a shape no value gets', () => {
    const shapes = (model: string) =>
      new RegExp(`<(circle|path)[^>]*data-model="${model}"`).exec(out)?.[0] ?? '';
    // GBS colours, LR shapes; the hostile name has neither (n/a), a_ has LR 1e-4 (the first).
    expect(shapes('a_LR1e-4_GBS64_00100')).toMatch(/^<circle/);
    const ring = shapes('&lt;img src=x onerror=alert\\(1\\)&gt;_00100');
    expect(ring).toMatch(/^<path/);
    expect(ring).toContain('data-shape="shape:n/a"');
    // The ring has a hole: a second subpath.
    expect(/ d="([^"]*)"/.exec(ring)?.[1]?.split('M')).toHaveLength(3);
  });

  it('keeps hyperparameter values that round alike apart in the legend and tooltips', () => {
    const close = run('close', [
      row('a_LR0.12345_GBS64_00100', 100, { sea_total: 10, en: 30 }),
      row('b_LR0.12346_GBS64_00100', 100, { sea_total: 20, en: 20 }),
    ]);
    const hpClose = modelHyperparameters(close.rows, DEFAULT_HYPERPARAMETERS);
    const text = svg(paretoChart(close, { x: 'sea_total', y: 'en', hyperparameters: hpClose }));
    expect(text).toContain('data-shape="shape:0.12345"');
    expect(text).toContain('data-shape="shape:0.12346"');
    expect(text).toContain('data-hp="GBS=64;LR=0.12346"');
  });

  it('draws and describes the front line only when the front has two points', () => {
    expect(out).toContain('class="front-line"');
    expect(out).toContain('3 on the front');
    expect(out).toContain('joined by a dashed line');
    const one = svg(
      paretoChart(run('one', sweep.rows.slice(2, 4)), {
        x: 'sea_total',
        y: 'en',
        hyperparameters: hp,
      }),
    );
    expect(one).toContain(
      '1 on the front (not beaten on both metrics by another model of the run; baselines are not on it).',
    );
    expect(one).not.toContain('dashed line');
    expect(one).not.toContain('class="front-line"');
    expect(one).not.toContain('Pareto front</text>');
  });

  it('gives up to 10 colour values a categorical colour each, more a sequential scale', () => {
    const fills = (count: number) => {
      const rows = Array.from({ length: count }, (_, i) =>
        row(`m${i}_00100`, 100, { sea_total: i, en: count - i }),
      );
      const byLr = new Map(rows.map((r, i) => [r.model, { LR: i + 1 }]));
      const out = svg(
        paretoChart(run('c', rows), { x: 'sea_total', y: 'en', hyperparameters: byLr }),
      );
      return [...out.matchAll(/<circle[^>]* fill="([^"]*)"[^>]*data-model=/g)].map(
        (m) => m[1] ?? '',
      );
    };
    const ten = fills(10);
    expect(ten).toHaveLength(10);
    expect(new Set(ten)).toEqual(
      new Set(LIGHT_PALETTE.map((c, i) => `var(--chart-${i + 1}, ${c})`)),
    );
    expect(fills(11).filter((fill) => fill.startsWith('var('))).toEqual([]);
  });

  it('names up to 3 --limit models in its note, and counts the rest', () => {
    const limited = (model: string) => ({ model, baseline: null, limited: true });
    const english = [{ id: 'en', lang: 'en' }];
    expect(limitedNote(['a', 'b', 'c'].map(limited), english)).toBe(
      '3 models are lm-eval --limit runs (a, b, c): their English scores are not comparable.',
    );
    expect(limitedNote(['a', 'b', 'c', 'd'].map(limited), english)).toBe(
      '4 models are lm-eval --limit runs (a, b, c and 1 more): their English scores are not comparable.',
    );
  });

  it("cuts a baseline's name beside its cross to 24 characters, its tooltip keeping it whole", () => {
    const key = 'a-baseline-with-a-long-key-name';
    const rows = [
      row('m_00100', 100, { sea_total: 10, en: 30 }),
      row(`BASELINE_experiments_${key}_00000`, 0, { sea_total: 20, en: 20 }, key),
    ];
    const out = svg(paretoChart(run('b', rows), { x: 'sea_total', y: 'en' }));
    expect(out).toContain(`>${key.slice(0, 23)}…</text>`);
    expect(out).toContain(`data-baseline="${key}"`);
  });

  it('says shapes repeat only past 7 values, a model without one (a ring) aside', () => {
    const notes = (values: number) => {
      const rows = Array.from({ length: values + 1 }, (_, i) =>
        row(`m${i}_00100`, 100, { sea_total: i, en: 10 - i }),
      );
      const byLr = new Map(rows.map((r, i) => [r.model, i < values ? { LR: i + 1 } : {}]));
      const result = paretoChart(run('s', rows), {
        x: 'sea_total',
        y: 'en',
        hyperparameters: byLr,
        colorBy: null,
        shapeBy: 'LR',
      });
      return (result.kind === 'chart' ? result.notes : []).filter((n) => n.includes('repeat'));
    };
    expect(notes(7)).toEqual([]);
    expect(notes(8)).toEqual(['LR has more than 7 values: shapes repeat.']);
  });

  it('returns messages for unusable choices', () => {
    expect(paretoChart(sweep, { x: 'en', y: 'en' })).toMatchObject({ reason: 'same-metric' });
    expect(paretoChart(sweep, { x: 'nope', y: 'en' })).toMatchObject({ reason: 'unknown-metric' });
    expect(paretoChart(sweep, { x: 'id_nlu', y: 'en' })).toMatchObject({ reason: 'no-points' });
  });
});

describe('scatter chart', () => {
  const a = run('a', [
    row('m_00100', 100, { sea_total: 10, total: 20 }),
    row('n_00200', 200, { sea_total: 30, total: null }),
  ]);
  const b = run('b', [row('m_00100', 100, { sea_total: 12, total: 18 })]);

  it('highlights the selected models by run and model', () => {
    const out = svg(scatterChart([a, b], { selected: new Set([scatterKey('b', 'm_00100')]) }));
    expect(out.match(/data-selected="1"/g)).toHaveLength(1);
    expect(out).toContain(`data-key="${escapeXml(scatterKey('b', 'm_00100'))}"`);
    expect(out).toContain('fill-opacity="0.3"');
    expect(out).toContain('1 model without a value for SEA Avg or Aggregate left out.');
  });

  it("keeps the selected models' labels off each other and off the selected points", () => {
    // Four of a sweep's configurations next to each other, with names of 80 characters: each
    // label went above its point, and they were written over each other.
    const config = 'llama3.1-8b-cpt-sea-mix-v3-cosine-warmup2000-seq8192';
    const names = ['LR1e-4-GBS512', 'LR8e-5-GBS512', 'LR1e-4-GBS1024', 'LR2e-4-GBS512'].map(
      (hp) => `${config}-${hp}-bf16-zero3_20000`,
    );
    const sweep = run(
      's',
      names.map((name, i) => row(name, 20000, { sea_total: 54 + i * 1.5, total: 50 + i * 0.5 })),
    );
    const spread = run('t', [row('t_00100', 100, { sea_total: 10, total: 10 })]);
    const selected = new Set(names.map((name) => scatterKey('s', name)));
    const result = scatterChart([sweep, spread], { selected });
    const out = svg(result);
    const boxes = [
      ...out.matchAll(
        /class="mark-label"[^>]*x="([-\d.]+)" y="([-\d.]+)"( text-anchor="end")?[^>]*>([^<]*)</g,
      ),
    ].map(([, x, y, end, label]) => {
      const width = textWidth(label ?? '', FONT_SIZE);
      const left = end === undefined ? Number(x) : Number(x) - width;
      return { left, right: left + width, top: Number(y) - FONT_SIZE, bottom: Number(y) + 3 };
    });
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, JSON.stringify([a, b])).toBe(true);
      }
    }
    const points = [
      ...out.matchAll(/<circle[^>]*cx="([-\d.]+)" cy="([-\d.]+)"[^>]*data-selected="1"/g),
    ];
    expect(points).toHaveLength(4);
    for (const [, cx, cy] of points) {
      for (const box of boxes) {
        const clear =
          box.right <= Number(cx) - 4 ||
          Number(cx) + 4 <= box.left ||
          box.bottom <= Number(cy) - 4 ||
          Number(cy) + 4 <= box.top;
        expect(clear, JSON.stringify({ box, cx, cy })).toBe(true);
      }
    }
    // Two labels fit beside the four points; the notes count the other two.
    expect(boxes).toHaveLength(2);
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      '2 selected models without a label: no room beside their points that covers no other label or selected point; point at them for the name.',
    );
  });

  it('names the selected models of one sweep by the words that tell them apart', () => {
    // Cut at their end, the four labels all read `llama3.1-8b-cpt-sea-mix-v3-cosi…`.
    const config = 'llama3.1-8b-cpt-sea-mix-v3-cosine-warmup2000-seq8192';
    const names = ['LR1e-4-GBS512', 'LR8e-5-GBS512'].flatMap((hp) =>
      ['10000', '20000'].map((step) => `${config}-${hp}-bf16-zero3_${step}`),
    );
    const sweep = run(
      's',
      names.map((name, i) => row(name, 20000, { sea_total: 10 + i * 20, total: 10 + i * 20 })),
    );
    const selected = new Set(names.map((name) => scatterKey('s', name)));
    const out = svg(scatterChart([sweep], { selected }));
    const labels = [...out.matchAll(/class="mark-label"[^>]*>([^<]*)</g)].map(([, l]) => l);
    expect(labels.sort()).toEqual([
      'llama3.1…LR1e-4…10000',
      'llama3.1…LR1e-4…20000',
      'llama3.1…LR8e-5…10000',
      'llama3.1…LR8e-5…20000',
    ]);
  });

  it('says in the tooltip data which plotted values are partial, and why', () => {
    const at = COLUMNS.findIndex((c) => c.id === 'sea_total');
    const partial = row('p_00100', 100, { sea_total: 40, total: 35 });
    const status = [...partial.status];
    status[at] = 'p';
    const marked = { ...partial, status: status.join(''), notes: { [at]: '5/7 missing: ms, my' } };
    const out = svg(
      scatterChart([run('c', [marked, row('q_00100', 100, { sea_total: 1, total: 2 })])]),
    );
    expect(out).toContain('data-partial="SEA Avg is partial (5/7 missing: ms, my)"');
    expect(out.match(/data-partial=/g)).toHaveLength(1);
    const pareto = svg(paretoChart(run('c', [marked]), { x: 'sea_total', y: 'total' }));
    expect(pareto).toContain('data-partial="SEA Avg is partial (5/7 missing: ms, my)"');
  });

  it('rings a partial point, model or baseline, with a dashed circle, and says so', () => {
    const at = COLUMNS.findIndex((c) => c.id === 'sea_total');
    const markPartial = (r: RowData): RowData => {
      const status = [...r.status];
      status[at] = 'p';
      return { ...r, status: status.join(''), notes: { [at]: '5/7 missing: ms, my' } };
    };
    const partial = markPartial(row('p_00100', 100, { sea_total: 40, total: 35 }));
    const beaten = markPartial(row('r_00100', 100, { sea_total: 30, total: 25 }));
    const complete = row('q_00100', 100, { sea_total: 1, total: 2 });
    const base = markPartial(
      row('BASELINE_experiments_ref_00000', 0, { sea_total: 50, total: 40 }, 'ref'),
    );
    // Each ring follows its point's marker (a model's) or sits in its cross's group (a baseline's).
    const ringed = (out: string) =>
      [...out.matchAll(/data-model="([^"]*)"[^>]*><circle class="partial-ring"/g)].map((m) => m[1]);
    const rings = (out: string) => out.match(/<circle class="partial-ring"[^>]*>/g) ?? [];
    const note =
      'with a partial SEA Avg or Aggregate (not every expected input present; hover for which)';

    const scatter = scatterChart([run('c', [partial, complete, base])]);
    const scatterSvg = svg(scatter);
    expect(rings(scatterSvg)).toHaveLength(2);
    expect(ringed(scatterSvg).sort()).toEqual(['BASELINE_experiments_ref_00000', 'p_00100']);
    expect(scatterSvg).not.toMatch(/data-model="q_00100"[^>]*><circle class="partial-ring"/);
    expect(scatter.kind === 'chart' ? scatter.notes : []).toContain(
      `2 points ${note} have a dashed ring around them.`,
    );

    // On the front and off it alike; the complete point has none.
    const pareto = paretoChart(run('c', [partial, beaten, complete, base]), {
      x: 'sea_total',
      y: 'total',
    });
    const paretoSvg = svg(pareto);
    expect(rings(paretoSvg)).toHaveLength(3);
    expect(ringed(paretoSvg).sort()).toEqual([
      'BASELINE_experiments_ref_00000',
      'p_00100',
      'r_00100',
    ]);
    expect(pareto.kind === 'chart' ? pareto.notes : []).toContain(
      `3 points ${note} have a dashed ring around them.`,
    );
    // A baseline's ring is in its cross's group, around the cross.
    expect(paretoSvg).toMatch(
      /<g class="mark baseline-mark"[^>]*data-partial="SEA Avg is partial[^"]*"><circle class="partial-ring" cx="0" cy="0" r="8"/,
    );

    const none = svg(scatterChart([run('c', [complete])]));
    expect(rings(none)).toEqual([]);
    expect(none).not.toContain('dashed ring');
  });

  it('names a partial value once when both axes read the same column', () => {
    const at = COLUMNS.findIndex((c) => c.id === 'sea_total');
    const partial = row('p_00100', 100, { sea_total: 40 });
    const status = [...partial.status];
    status[at] = 'p';
    const marked = { ...partial, status: status.join(''), notes: { [at]: '5/7 missing: ms, my' } };
    const result = scatterChart([run('c', [marked])], { x: 'sea_total', y: 'sea_total' });
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      '1 point with a partial SEA Avg (not every expected input present; hover for which) has a dashed ring around it.',
    );
  });

  it('draws a baseline merged into several runs once, as a cross outside the step colours', () => {
    const base = row('BASELINE_experiments_ref_00000', 0, { sea_total: 50, total: 40 }, 'ref');
    const runs = [
      run('a', [row('m_00100', 100, { sea_total: 10, total: 20 }), base]),
      run('b', [row('m_00300', 300, { sea_total: 12, total: 18 }), base]),
    ];
    const out = svg(scatterChart(runs, { selected: new Set([scatterKey('b', base.model)]) }));
    const crosses = [...out.matchAll(/<g class="mark baseline-mark"[^>]*>/g)].map((m) => m[0]);
    expect(crosses).toHaveLength(1);
    expect(crosses[0]).toContain('data-run="a, b"');
    expect(crosses[0]).toContain('data-selected="1"');
    expect(crosses[0]).not.toContain('data-step');
    expect(out).toContain('for 2 models of 2 runs and 1 baseline (marked with a cross, once each)');
    expect(out).toContain('Colour: training step from 100 to 300.');
    expect(out).not.toContain('has no point on this chart');
  });

  it('names the runs where a baseline drawn once is partial, when the runs disagree', () => {
    // The sample's gemma-3-4b: SEA Avg complete over exp_datamix's languages, partial over
    // exp_lr_gbs's (ms and my missing), at the same value.
    const at = COLUMNS.findIndex((c) => c.id === 'sea_total');
    const base = row('BASELINE_experiments_ref_00000', 0, { sea_total: 50, total: 40 }, 'ref');
    const status = [...base.status];
    status[at] = 'p';
    const partial = { ...base, status: status.join(''), notes: { [at]: '5/7 missing: ms, my' } };
    const cross = (runs: RunData[]) =>
      svg(scatterChart(runs)).match(/<g class="mark baseline-mark"[^>]*>/g) ?? [];
    const mixed = cross([run('a', [base]), run('b', [partial])]);
    expect(mixed).toHaveLength(1);
    expect(mixed[0]).toContain('data-run="a, b"');
    expect(mixed[0]).toContain('data-partial="b: SEA Avg is partial (5/7 missing: ms, my)"');
    // Runs that agree keep the one note, without run names.
    const both = cross([run('a', [partial]), run('b', [partial])]);
    expect(both[0]).toContain('data-partial="SEA Avg is partial (5/7 missing: ms, my)"');
    expect(cross([run('a', [base]), run('b', [base])])[0]).not.toContain('data-partial');
  });

  it('counts baselines apart, once each, also when left out or alone', () => {
    const noValue = row('BASELINE_experiments_b_00000', 0, { sea_total: 50, total: null }, 'b');
    const lone = row('BASELINE_experiments_c_00000', 0, { sea_total: 40, total: 30 }, 'c');
    const runs = [
      run('a', [row('m_00100', 100, { sea_total: 10, total: null }), noValue, lone]),
      run('b', [noValue, lone]),
    ];
    const picked = new Set([scatterKey('a', lone.model), scatterKey('b', lone.model)]);
    const result = scatterChart(runs, { selected: picked });
    const out = svg(result);
    expect(out).toContain(
      'Aggregate against SEA Avg for 1 baseline (marked with a cross, once each); both axes',
    );
    expect(out).not.toContain('Colour: training step');
    expect(out).not.toContain('class="legend-steps"');
    expect(out).toContain('2 selected models highlighted and named.');
    expect(result.kind === 'chart' ? result.notes : []).toEqual([
      '1 model and 1 baseline without a value for SEA Avg or Aggregate left out.',
    ]);
  });

  it('says when a selected model has no point', () => {
    const result = scatterChart([a], { selected: new Set([scatterKey('a', 'n_00200')]) });
    expect(result.kind === 'chart' ? result.notes : []).toContain(
      '1 selected model has no point on this chart.',
    );
  });
});

describe('delta heatmap', () => {
  const r = run('r', [
    row('m_00100', 100, { id: 50, id_nlu: 60, id_nlg: null, th: 40, th_nlu: 45, en: 30, BBH: 30 }),
    row('ref_00000', 0, { id: 45, id_nlu: 70, id_nlg: 50, th: 40, th_nlu: 40, en: 30, BBH: 20 }),
  ]);
  const out = svg(deltaHeatmap(r, { model: 'm_00100', reference: 'ref_00000' }));

  it('shows signed 1-decimal deltas, "–" when missing, no cell where a language lacks a column', () => {
    const cells = [
      ...out.matchAll(
        /data-language="([^"]*)" data-x="([^"]*)"[^>]*>.*?<text[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => `${m[1]}/${m[2]}=${m[3]}`);
    expect(cells).toEqual([
      'Indonesian/Language score=+5.0',
      'Indonesian/nlu=-10.0',
      'Indonesian/nlg=–',
      'Thai/Language score=0.0',
      'Thai/nlu=+5.0',
      'English/Language score=0.0',
      'English/BBH=+10.0',
    ]);
  });

  it('colours symmetric around 0 by the largest |delta|', () => {
    expect(out).toContain('fill="rgb(142, 1, 82)"'); // -10: the darkest pink
    expect(out).toContain('fill="rgb(39, 100, 25)"'); // +10: the darkest green
  });

  it('marks a delta with a partial side, as the tables do, and says why in its tooltip', () => {
    const partialAt = (model: RowData, id: string, note: string): RowData => {
      const index = COLUMNS.findIndex((c) => c.id === id);
      const status = [...model.status];
      status[index] = 'p';
      return { ...model, status: status.join(''), notes: { [index]: note } };
    };
    const [own, ref] = r.rows as [RowData, RowData];
    const marked = run('r', [
      partialAt(own, 'id', '1/2 missing: id_nlg'),
      partialAt(ref, 'th', '1/2 missing: th_nlg'),
    ]);
    const out2 = svg(deltaHeatmap(marked, { model: 'm_00100', reference: 'ref_00000' }));
    const cells = [
      ...out2.matchAll(
        /data-language="([^"]*)" data-x="([^"]*)"([^>]*)>.*?<text[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => [
      `${m[1]}/${m[2]}=${m[4]}`,
      /data-partial="([^"]*)"/.exec(m[3] ?? '')?.[1] ?? null,
    ]);
    expect(cells).toEqual([
      ['Indonesian/Language score=+5.0*', 'm_00100 is partial (1/2 missing: id_nlg)'],
      ['Indonesian/nlu=-10.0', null],
      ['Indonesian/nlg=–', null],
      ['Thai/Language score=0.0*', 'the reference ref_00000 is partial (1/2 missing: th_nlg)'],
      ['Thai/nlu=+5.0', null],
      ['English/Language score=0.0', null],
      ['English/BBH=+10.0', null],
    ]);
    expect(out2).toContain('2 differences with a partial value on either side (marked *).');
  });

  it('leaves a missing difference unmarked and uncounted, though a side is partial', () => {
    const [own, ref] = r.rows as [RowData, RowData];
    const index = COLUMNS.findIndex((c) => c.id === 'id_nlg');
    const status = [...ref.status];
    status[index] = 'p';
    const partialRef = { ...ref, status: status.join(''), notes: { [index]: '1/2 missing' } };
    const out2 = svg(
      deltaHeatmap(run('r', [own, partialRef]), { model: 'm_00100', reference: 'ref_00000' }),
    );
    expect(out2).toMatch(/data-x="nlg"(?![^>]*data-partial)[^>]*>/);
    expect(out2).not.toContain('with a partial value');
  });

  it('says there is nothing to colour when every difference is 0', () => {
    const same = svg(deltaHeatmap(r, { model: 'm_00100', reference: 'm_00100' }));
    expect(same).toContain('>No differences to colour</text>');
    expect(same).not.toContain('Colour scale');
  });

  it('leaves out the languages hidden in the Language table, and says so', () => {
    const options = { model: 'm_00100', reference: 'ref_00000' };
    const result = deltaHeatmap(r, { ...options, hidden: new Set(['th', 'en']) });
    const shown = svg(result);
    const languages = [...shown.matchAll(/data-language="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(languages)).toEqual(new Set(['Indonesian']));
    // Thai's and English's own columns go with their rows.
    expect(shown).not.toContain('data-x="BBH"');
    const note = 'The heatmap excludes hidden languages: Thai, English.';
    expect(result.kind === 'chart' ? result.notes : []).toEqual([note]);
    expect(shown).toContain(note); // in the description too
    // Nothing hidden: every row, no note.
    const full = deltaHeatmap(r, { ...options, hidden: new Set() });
    expect(full.kind === 'chart' ? full.notes : null).toEqual([]);
    expect(svg(full)).toBe(out);
    expect(deltaHeatmap(r, { ...options, hidden: new Set(['id', 'th', 'en']) })).toMatchObject({
      kind: 'message',
      reason: 'all-hidden',
    });
  });

  it('names unknown models in a message', () => {
    expect(deltaHeatmap(r, { model: 'x', reference: 'ref_00000' })).toMatchObject({
      kind: 'message',
      reason: 'unknown-model',
      message: 'Unknown model: x.',
    });
  });
});

describe('every builder', () => {
  const rows = [
    row(`${HOSTILE}_LR1e-4_GBS64_00100`, 100, all(10)),
    row(`"quoted"&_LR1e-3_GBS64_00200`, 200, all(20)),
    row(`x_LR1e-4_GBS256_00300`, 300, all(15)),
    row(`y_LR1e-3_GBS256_00300`, 300, all(25)),
    row(`BASELINE_experiments_${HOSTILE}_00000`, 0, all(12), HOSTILE),
  ];
  const r = run(HOSTILE, rows);
  const hp = modelHyperparameters(rows, DEFAULT_HYPERPARAMETERS);
  const outputs = () => [
    svg(progressChart(r, { id: HOSTILE })),
    svg(progressChart(r, { view: { level: 'competency', lang: 'id' } })),
    svg(paretoChart(r, { x: 'sea_total', y: 'total', hyperparameters: hp })),
    svg(scatterChart([r], { selected: new Set([scatterKey(HOSTILE, rows[0]?.model ?? '')]) })),
    svg(deltaHeatmap(r, { model: rows[0]?.model ?? '', reference: rows[4]?.model ?? '' })),
    svg(contourChart(r, { hyperparameters: hp })),
  ];

  it('escapes every text from data', () => {
    for (const out of outputs()) {
      expect(out).not.toContain('<img');
      expect(out).not.toMatch(/="[^"]*"quoted/);
    }
  });

  it('is accessible: role, labelled by its title and description, a viewBox', () => {
    for (const out of outputs()) {
      const id = /^<svg [^>]*\bid="([^"]+)"/.exec(out)?.[1] ?? '';
      expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
      expect(out).toContain(`role="img" aria-labelledby="${id}-title ${id}-desc"`);
      expect(out).toContain(`<title id="${id}-title">`);
      expect(out).toContain(`<desc id="${id}-desc">`);
      expect(out).toMatch(/viewBox="0 0 \d+(\.\d)? \d+(\.\d)?"/);
      expect(out).not.toContain('NaN');
      expect(out).not.toContain('undefined');
    }
  });

  it('is deterministic', () => {
    expect(outputs()).toEqual(outputs());
  });

  it('sets no text below 12 px, nor shows it below 11 px on screen', () => {
    // An lm-eval --limit checkpoint adds the progress chart's --limit label.
    const limited = run('l', [
      ...rows.slice(0, 2),
      { ...row('x_00300', 300, all(5)), limited: true },
    ]);
    for (const out of [...outputs(), svg(progressChart(limited))]) {
      const sizes = [...out.matchAll(/font-size="([^"]*)"/g)].map((m) => Number(m[1]));
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    }
    expect(svg(progressChart(limited))).toContain('>--limit</text>');
    // The browser never shows a chart below MIN_SCALE of its width (chart-interact.ts).
    expect(FONT_SIZE * MIN_SCALE).toBeGreaterThanOrEqual(11);
  });
});

describe('marker shapes', () => {
  it("draw the n/a ring as d3-shape's arc does, a hole half as wide", () => {
    for (const area of [1, 12, 28.274, 40, 40.1, 64, 100, 1234.5]) {
      const outer = Math.sqrt(area / Math.PI);
      const ring = arc<null>()
        .innerRadius(outer / 2)
        .outerRadius(outer)
        .startAngle(0)
        .endAngle(2 * Math.PI);
      expect(symbolPath('ring', area), String(area)).toBe(ring(null));
    }
  });
});

describe('the light palette', () => {
  it('has every colour at 3:1 or more on white, for lines and points (WCAG 1.4.11)', () => {
    for (const colour of LIGHT_PALETTE) {
      expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
    }
  });

  it("is the site's light theme too (global.css), colour for colour", () => {
    const css = fs.readFileSync(new URL('../../src/styles/global.css', import.meta.url), 'utf8');
    const light = [...css.matchAll(/--chart-(\d+): light-dark\((#[0-9a-f]{6}),/g)].map((m) => [
      Number(m[1]),
      m[2],
    ]);
    expect(light).toEqual(LIGHT_PALETTE.map((colour, i) => [i + 1, colour]));
  });
});
