/** The progress line of the command (src/cli/progress.ts), on a terminal and elsewhere. */
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/lib/config/load.ts';
import { runPipeline, type ProgressEvent } from '../../src/lib/pipeline.ts';
import { summarize } from '../../src/lib/report/summary.ts';
import { fitted, progressReporter } from '../../src/cli/progress.ts';

/** What a terminal of `columns` columns shows after `output`: its rows, trailing blanks cut. */
function screen(output: string, columns: number): string[] {
  const rows: string[][] = [[]];
  let row = 0;
  let column = 0;
  for (let i = 0; i < output.length; i++) {
    const c = output[i] ?? '';
    if (output.startsWith('\x1b[2K', i)) {
      rows[row] = [];
      i += 3;
    } else if (c === '\r') column = 0;
    else if (c === '\n') {
      row += 1;
      column = 0;
    } else {
      if (column === columns) {
        // The line wraps: the text goes on on the next row.
        row += 1;
        column = 0;
      }
      const cells = (rows[row] ??= []);
      cells[column] = c;
      column += 1;
    }
    rows[row] ??= [];
  }
  return rows.map((cells) =>
    Array.from(cells, (c) => c ?? ' ')
      .join('')
      .trimEnd(),
  );
}

const EVENTS: ProgressEvent[] = [
  { stage: 'discovered', files: 4920 },
  { stage: 'parsed', done: 10, total: 4920 },
  { stage: 'parsed', done: 4920, total: 4920 },
  { stage: 'scored', run: 'exp_datamix_with_a_long_name', models: 20, baselineModels: 2 },
  { stage: 'scored', run: 'hero', models: 1, baselineModels: 0 },
];

function run(stream: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = {}) {
  let output = '';
  const progress = progressReporter(
    {
      ...stream,
      write: (text: string) => (output += text),
    },
    env,
  );
  for (const event of EVENTS) progress.show(event);
  return { progress, output: () => output };
}

describe('progressReporter', () => {
  it('keeps each line within a narrow terminal, so no wrapped pieces are left on the screen', () => {
    const { output } = run({ isTTY: true, columns: 20 });
    expect(screen(output(), 20)).toEqual(['scored exp_datamix…', 'scored hero: 1 mod…', '']);
  });

  it('shows whole lines on a wide terminal', () => {
    const { output } = run({ isTTY: true, columns: 80 });
    expect(screen(output(), 80)).toEqual([
      'scored exp_datamix_with_a_long_name: 20 models (+ 2 baseline models)',
      'scored hero: 1 model',
      '',
    ]);
  });

  it('clears a line still shown, so that a message starts on a line of its own', () => {
    const { progress, output } = run({ isTTY: true, columns: 80 });
    progress.show({ stage: 'parsed', done: 5, total: 9 });
    progress.clear();
    expect(screen(`${output()}stopped`, 80)).toEqual([
      'scored exp_datamix_with_a_long_name: 20 models (+ 2 baseline models)',
      'scored hero: 1 model',
      'stopped',
    ]);
  });

  it('writes nothing where standard error is not a terminal, or one that takes no escape codes', () => {
    expect(run({ isTTY: false, columns: 80 }).output()).toBe('');
    expect(run({}).output()).toBe('');
    expect(run({ isTTY: true, columns: 80 }, { TERM: 'dumb' }).output()).toBe('');
  });

  it('says 1 result file, not 1 result files', () => {
    let output = '';
    progressReporter({ isTTY: true, columns: 80, write: (t: string) => (output += t) }, {}).show({
      stage: 'discovered',
      files: 1,
    });
    expect(screen(output, 80)).toEqual(['found 1 result file']);
  });

  it('shows the parsed count at most every 100 ms, and the last one at once', () => {
    let now = 1_000_000;
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      let output = '';
      const progress = progressReporter(
        { isTTY: true, columns: 80, write: (t: string) => (output += t) },
        {},
      );
      progress.show({ stage: 'parsed', done: 1, total: 10 });
      now += 50;
      progress.show({ stage: 'parsed', done: 2, total: 10 });
      expect(screen(output, 80)).toEqual(['parsed 1/10 files']);
      now += 51;
      progress.show({ stage: 'parsed', done: 3, total: 10 });
      expect(screen(output, 80)).toEqual(['parsed 3/10 files']);
      now += 1;
      progress.show({ stage: 'parsed', done: 10, total: 10 });
      expect(screen(output, 80)).toEqual(['parsed 10/10 files']);
    } finally {
      clock.mockRestore();
    }
  });

  it('shows a run key with control characters escaped, never as escape codes', () => {
    let output = '';
    progressReporter({ isTTY: true, columns: 80, write: (t: string) => (output += t) }, {}).show({
      stage: 'scored',
      run: 'a\u001b[2Jb',
      models: 1,
      baselineModels: 0,
    });
    expect(output).not.toContain('\u001b[2J');
    expect(screen(output, 80)).toEqual(['scored a\\u001b[2Jb: 1 model', '']);
  });
});

describe('the scored events', () => {
  it("count each run's own models as the summary does, and its baselines' rows apart", async () => {
    const scored: ProgressEvent[] = [];
    const result = await runPipeline(await loadConfig(path.resolve('leaderboard.config.yaml')), {
      threads: 1,
      onProgress: (event) => {
        if (event.stage === 'scored') scored.push(event);
      },
    });
    const summary = summarize(result);
    const own = scored.map((e) => (e.stage === 'scored' ? e.models : 0));
    expect(own.reduce((a, b) => a + b, 0)).toBe(summary.models);
    expect(scored).toEqual(
      result.runs.map(({ run, table }) => ({
        stage: 'scored',
        run: run.key,
        models: table.rows.filter((row) => row.baseline === null).length,
        baselineModels: table.rows.filter((row) => row.baseline !== null).length,
      })),
    );
    // The sample merges gemma-3-4b and qwen3-4b into both experiments, llama-3.1-8b into hero_8b.
    expect(scored.map((e) => (e.stage === 'scored' ? e.baselineModels : 0))).toEqual([2, 2, 1]);
  });
});

describe('fitted', () => {
  it('cuts text to a width in terminal columns, wide characters counting two', () => {
    expect(fitted('abcdef', 6)).toBe('abcdef');
    expect(fitted('abcdef', 5)).toBe('abcd…');
    expect(fitted('日本語のラン', 7)).toBe('日本語…');
    expect(fitted('e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301e\u0301');
    expect(fitted('abc', null)).toBe('abc');
  });

  it('counts columns as a terminal does: enclosing marks none, U+303F one, emoji two', () => {
    expect(fitted('a\u20dda\u20dda\u20dd', 3)).toBe('a\u20dda\u20dda\u20dd');
    expect(fitted('\u303f\u303f\u303f', 3)).toBe('\u303f\u303f\u303f');
    expect(fitted('🙂🙂🙂', 5)).toBe('🙂🙂…');
  });
});
