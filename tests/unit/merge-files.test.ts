/**
 * Several files for one model (scoring.md section 5): merged task by task; the later timestamp
 * wins; on a tie (or with no timestamps) the later full path, compared as a byte string; an
 * undated file is older than any dated one; an entry without a usable score never supersedes one
 * with a usable score; two folders that give the same model name hold the same model; `run_<N>`
 * folders are not steps and their files merge by this rule.
 */
import { describe, expect, it } from 'vitest';
import type { DiscoveredFile } from '../../src/lib/discover/discover.ts';
import {
  UNDATED,
  timeFromFileName,
  timeFromUnixSeconds,
  type FileTime,
} from '../../src/lib/parse/timestamp.ts';
import type { LmTask, SeaEntry } from '../../src/lib/parse/types.ts';
import { mergeLatest, type FileItems } from '../../src/lib/score/merge-files.ts';
import {
  mergeModel,
  type FileOutcome,
  type Model,
  type ParsedRecord,
} from '../../src/lib/score/models.ts';
import type { Superseded } from '../../src/lib/score/merge-files.ts';
import { scoreModel } from '../../src/lib/score/score-model.ts';
import { collectResults } from '../../src/lib/work/collect.ts';
import { modelJobs, scoreContext, type ModelResult } from '../../src/lib/work/model-job.ts';

/**
 * The records as the pipeline puts them together: one model per source, stem and step, merged
 * (models.ts), then named, padded and ordered (work/collect.ts).
 */
function assembleModels(
  records: readonly ParsedRecord[],
  sourceCount: number,
  seaLanguages: ReadonlySet<string>,
) {
  // The pipeline's own cut into models (one job per model).
  const jobs = modelJobs(records.map((r) => r.discovered));
  const context = scoreContext({ extraMetrics: {}, seaLanguages: [...seaLanguages] });
  const merged = new Map<string, ReturnType<typeof mergeModel>>();
  const keyOf = (m: { source: number; stem: string; step: number }) =>
    `${m.source}\u0000${m.stem}\u0000${m.step}`;
  const results: ModelResult[] = jobs.map(({ id, files: jobFiles }) => {
    const indices = jobFiles.map((f) => f.index);
    const group = indices.map((i) => records[i] as ParsedRecord);
    const files = indices.map((index) => ({
      index,
      format: records[index]?.content.format ?? null,
      diagnostics: [],
      checks: [],
    }));
    const { model } = scoreModel(group, context);
    merged.set(keyOf(model.facts.model), mergeModel(group, context.seaLanguages));
    return { id, files, model };
  });
  const collected = collectResults(
    results,
    records.map((r) => r.discovered),
    sourceCount,
  );
  const modelsBySource: Model[][] = collected.rowsBySource.map((rows) =>
    rows.map((row) => {
      const m = merged.get(keyOf(row.model));
      if (m === undefined) throw new Error(`no merged model for ${row.model.name}`);
      return { ...m.model, name: row.model.name };
    }),
  );
  const outcomes = new Map<string, FileOutcome>();
  for (const m of merged.values())
    for (const [file, outcome] of m.outcomes) outcomes.set(file, outcome);
  const superseded: Superseded[] = collected.superseded;
  return { modelsBySource, outcomes, superseded, ignoredTasks: collected.ignoredTasks };
}

interface Item {
  readonly key: string;
  readonly value: number | null;
}

const usable = (item: Item) => item.value !== null;

function timeOf(file: string): FileTime {
  return timeFromFileName(file.slice(file.lastIndexOf('/') + 1)) ?? UNDATED;
}

function file(
  name: string,
  items: Record<string, number | null>,
  time?: FileTime,
): FileItems<Item> {
  return {
    file: name,
    time: time ?? timeOf(name),
    items: Object.entries(items).map(([key, value]) => ({ key, value })),
  };
}

function merged(files: readonly FileItems<Item>[]) {
  const result = mergeLatest(files, (i) => i.key, usable);
  const winners = Object.fromEntries(
    [...result.winners].map(([key, w]) => [key, { value: w.item.value, file: w.file }]),
  );
  return { winners, superseded: result.superseded };
}

const OLD = 'm/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
const MID = 'm/seahelm/run_1/m_seahelm_results_2025-01-15T00:00:00.json';
const NEW = 'm/seahelm/m_seahelm_results_2025-02-01T00:00:00.json';

describe('mergeLatest', () => {
  it('lets the later timestamp win per task and keeps tasks only the older file has', () => {
    const { winners, superseded } = merged([
      file(NEW, { 'id.nlu.sentiment': 70 }),
      file(OLD, { 'id.nlu.sentiment': 50, 'id.nlr.causal': 20 }),
    ]);
    expect(winners).toEqual({
      'id.nlu.sentiment': { value: 70, file: NEW },
      'id.nlr.causal': { value: 20, file: OLD },
    });
    expect(superseded).toEqual([{ file: OLD, key: 'id.nlu.sentiment', by: NEW, reason: null }]);
  });

  it('does not depend on the order the files come in', () => {
    const a = merged([file(OLD, { t: 1 }), file(MID, { t: 2 }), file(NEW, { t: 3 })]);
    const b = merged([file(NEW, { t: 3 }), file(OLD, { t: 1 }), file(MID, { t: 2 })]);
    expect(a.winners).toEqual({ t: { value: 3, file: NEW } });
    expect(b.winners).toEqual(a.winners);
  });

  it('never lets an unusable entry supersede a usable one, even when it is newer', () => {
    const { winners, superseded } = merged([
      file(OLD, { 'id.nlu.sentiment': 50 }),
      file(NEW, { 'id.nlu.sentiment': null }),
    ]);
    expect(winners).toEqual({ 'id.nlu.sentiment': { value: 50, file: OLD } });
    // The newer, unusable entry is the one reported as superseded.
    // It says why it had no score (here the default wording: the test passes no reason).
    expect(superseded).toEqual([
      { file: NEW, key: 'id.nlu.sentiment', by: OLD, reason: 'no usable score' },
    ]);
  });

  it('lets a usable entry supersede an unusable one, even when it is older', () => {
    const { winners } = merged([file(OLD, { t: 50 }), file(NEW, { t: null })]);
    expect(winners['t']).toEqual({ value: 50, file: OLD });
    const reversed = merged([file(OLD, { t: null }), file(NEW, { t: 60 })]);
    expect(reversed.winners['t']).toEqual({ value: 60, file: NEW });
  });

  it('says why an older entry without a usable score lost to a later usable one', () => {
    const { superseded } = merged([
      file(OLD, { 'id.nlu.sentiment': null }),
      file(NEW, { 'id.nlu.sentiment': 60 }),
    ]);
    // The older entry is the loser here; its reason is kept as when a newer one loses.
    expect(superseded).toEqual([
      { file: OLD, key: 'id.nlu.sentiment', by: NEW, reason: 'no usable score' },
    ]);
  });

  it('keeps the newest usable entry when an unusable one sits between', () => {
    const { winners } = merged([
      file(OLD, { t: 50 }),
      file(MID, { t: 60 }),
      file(NEW, { t: null }),
    ]);
    expect(winners['t']).toEqual({ value: 60, file: MID });
  });

  it('lets the later of two unusable entries stand', () => {
    const { winners } = merged([file(OLD, { t: null }), file(NEW, { t: null })]);
    expect(winners['t']?.file).toBe(NEW);
  });

  it('breaks a tie of equal timestamps by the later path', () => {
    const a = 'm/seahelm/a/x_seahelm_results_2025-01-01T00:00:00.json';
    const b = 'm/seahelm/b/x_seahelm_results_2025-01-01T00:00:00.json';
    expect(merged([file(b, { t: 2 }), file(a, { t: 1 })]).winners['t']?.file).toBe(b);
    expect(merged([file(a, { t: 1 }), file(b, { t: 2 })]).winners['t']?.file).toBe(b);
  });

  it('compares tied paths as UTF-8 byte strings, not UTF-16 code units', () => {
    // U+FF5E is EF BD 9E in UTF-8; U+1F600 is F0 9F 98 80, so the emoji path is later as bytes
    // (as UTF-16 it would be earlier: its first unit is 0xD83D < 0xFF5E).
    const fullwidth = 'm/\uff5e/x.json';
    const emoji = 'm/\u{1f600}/x.json';
    const t = timeOf('x_2025-01-01T00:00:00.json');
    const result = merged([file(emoji, { k: 1 }, t), file(fullwidth, { k: 2 }, t)]);
    expect(result.winners['k']?.file).toBe(emoji);
  });

  it('compares equal instants written in different spellings as a tie (path decides)', () => {
    const colons = 'm/a/x_seahelm_results_2025-01-01T00:00:00.json';
    const compact = 'm/b/results_20250101_000000.json';
    const { winners } = merged([file(compact, { t: 2 }), file(colons, { t: 1 })]);
    expect(winners['t']?.file).toBe(compact);
  });

  it('treats undated files as older than dated ones, whatever their paths', () => {
    const undated = 'm/zzz/undated_seahelm_results.json';
    const dated = 'm/aaa/m_seahelm_results_2020-01-01T00:00:00.json';
    const { winners } = merged([file(undated, { t: 1 }), file(dated, { t: 2 })]);
    expect(winners['t']?.file).toBe(dated);
  });

  it('breaks a tie of undated files by the later path', () => {
    const a = 'm/a/results.json';
    const b = 'm/b/results.json';
    const { winners } = merged([file(b, { t: 2 }, UNDATED), file(a, { t: 1 }, UNDATED)]);
    expect(winners['t']?.file).toBe(b);
  });

  it('orders an lm-eval date against a date-time in another file name', () => {
    // results.json has `date` 2024-11-22T00:40:06 UTC (1732236006); the named file is one
    // second earlier, so results.json wins.
    const named = 'm/lm_eval/results_2024-11-22T00-40-05.json';
    const inner = 'm/lm_eval/results.json';
    const { winners } = merged([
      file(named, { t: 1 }),
      file(inner, { t: 2 }, timeFromUnixSeconds(1732236006) ?? UNDATED),
    ]);
    expect(winners['t']?.file).toBe(inner);
  });
});

describe('assembleModels: files of one model and their fate', () => {
  let source = 0;
  const discovered = (display: string, stem: string, step: number): DiscoveredFile => ({
    source,
    absolute: `/abs/${display}`,
    display,
    candidates: ['seahelm', 'lm-eval'],
    sourceKind: 'experiment',
    stem,
    step,
  });
  const sea = (
    task: string,
    value: number | null,
    status: SeaEntry['status'] = 'ok',
  ): SeaEntry => ({
    lang: 'id',
    competency: 'nlu',
    task,
    status: value === null && status === 'ok' ? 'missing' : status,
    value,
    detail: '',
  });
  const seaRecord = (
    display: string,
    stem: string,
    step: number,
    entries: SeaEntry[],
  ): ParsedRecord => ({
    discovered: discovered(display, stem, step),
    time: timeOf(display),
    content: { format: 'seahelm', entries, upstream: [] },
  });
  const lmTask = (task: string, metrics: Record<string, number>): LmTask => ({
    task,
    metrics,
    invalid: {},
    stderr: {},
    original: 250,
    effective: 250,
    uncheckedLimit: null,
    outputType: null,
  });

  it('merges ba10 and ba010 into one model and reports each file as used or superseded', () => {
    source = 0;
    const a = 'runs/exp/cfg/ba10/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
    const b = 'runs/exp/cfg/ba010/seahelm/m_seahelm_results_2025-02-01T00:00:00.json';
    const c = 'runs/exp/cfg/ba010/seahelm/run_1/m_seahelm_results_2025-03-01T00:00:00.json';
    const assembly = assembleModels(
      [
        seaRecord(a, 'cfg', 10, [sea('sentiment', 50), sea('qa', 30)]),
        seaRecord(b, 'cfg', 10, [sea('sentiment', 70)]),
        // The newest file only has a failed sentiment: it supersedes nothing.
        seaRecord(c, 'cfg', 10, [sea('sentiment', null, 'failed')]),
      ],
      1,
      new Set(['id']),
    );
    const models = assembly.modelsBySource[0] ?? [];
    expect(models.map((m) => m.name)).toEqual(['cfg_10']);
    const entries = Object.fromEntries((models[0]?.sea ?? []).map((e) => [e.task, e.value]));
    expect(entries).toEqual({ sentiment: 70, qa: 30 });
    expect(assembly.outcomes.get(a)?.status).toBe('used');
    expect(assembly.outcomes.get(b)?.status).toBe('used');
    expect(assembly.outcomes.get(c)?.status).toBe('superseded');
    expect(assembly.superseded).toEqual(
      expect.arrayContaining([
        { file: a, key: 'id.nlu.sentiment', by: b, reason: null },
        { file: c, key: 'id.nlu.sentiment', by: b, reason: 'failed' },
      ]),
    );
  });

  it('treats a task filed under another competency as the same task: the later entry wins', () => {
    source = 0;
    // SEA-HELM briefly had a sea_knowledge competency; a re-run files the task under knowledge.
    const old = 'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2026-02-01T00:00:00.json';
    const newer = 'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2026-06-01T00:00:00.json';
    const within = 'runs/exp/cfg/ba2/seahelm/m_seahelm_results_2026-06-01T00:00:00.json';
    const filed = (
      competency: string,
      task: string,
      value: number | null,
      status?: SeaEntry['status'],
    ) => ({
      ...sea(task, value, status),
      competency,
    });
    const assembly = assembleModels(
      [
        seaRecord(old, 'cfg', 1, [
          filed('nlu', 'sentiment', 50),
          filed('sea_knowledge', 'global_mmlu_lite', 10),
        ]),
        seaRecord(newer, 'cfg', 1, [
          filed('knowledge', 'global_mmlu_lite', 30),
          filed('cultural', 'sentiment', null, 'failed'),
        ]),
        // One file with the task twice: the later one in the file is used.
        seaRecord(within, 'cfg', 2, [filed('nlu', 'qa', 80), filed('cultural', 'qa', 20)]),
      ],
      1,
      new Set(['id']),
    );
    const [first, second] = assembly.modelsBySource[0] ?? [];
    const entries = (m: typeof first) =>
      (m?.sea ?? []).map((e) => `${e.competency}.${e.task}=${e.value}`);
    // The failed re-run under cultural supersedes nothing; the knowledge re-run replaces sea_knowledge.
    expect(entries(first)).toEqual(['nlu.sentiment=50', 'knowledge.global_mmlu_lite=30']);
    expect(entries(second)).toEqual(['cultural.qa=20']);
    expect(assembly.superseded).toEqual(
      expect.arrayContaining([
        { file: old, key: 'id.sea_knowledge.global_mmlu_lite', by: newer, reason: null },
        { file: newer, key: 'id.cultural.sentiment', by: old, reason: 'failed' },
        { file: within, key: 'id.nlu.qa', by: within, reason: null },
      ]),
    );
  });

  it('names only other files as winners of a superseded file', () => {
    source = 0;
    // a's nlu entry loses to a's own cultural one, which loses to b.
    const a = 'runs/exp/cfg/ba1/seahelm/a_seahelm_results_2025-01-01T00:00:00.json';
    const b = 'runs/exp/cfg/ba1/seahelm/b_seahelm_results_2025-02-01T00:00:00.json';
    const assembly = assembleModels(
      [
        seaRecord(a, 'cfg', 1, [
          sea('sentiment', 60),
          { ...sea('sentiment', 40), competency: 'cultural' },
        ]),
        seaRecord(b, 'cfg', 1, [sea('sentiment', 70)]),
      ],
      1,
      new Set(['id']),
    );
    expect(assembly.outcomes.get(a)).toMatchObject({
      status: 'superseded',
      reason: `every entry is superseded by another file of this model: ${b}`,
    });
  });

  it('marks a file every entry of which lost as superseded', () => {
    source = 0;
    const old = 'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
    const newer = 'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-02-01T00:00:00.json';
    const assembly = assembleModels(
      [
        seaRecord(old, 'cfg', 1, [sea('sentiment', 10)]),
        seaRecord(newer, 'cfg', 1, [sea('sentiment', 20)]),
      ],
      1,
      new Set(['id']),
    );
    expect(assembly.outcomes.get(old)?.status).toBe('superseded');
    expect(assembly.outcomes.get(newer)?.status).toBe('used');
  });

  it('merges SEA-HELM and lm-eval files of one model separately (same harness only)', () => {
    source = 0;
    const s = 'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
    const l1 = 'runs/exp/cfg/ba1/lm_eval/results_2025-01-01T00-00-00.json';
    const l2 = 'runs/exp/cfg/ba1/lm_eval/results_2025-02-01T00-00-00.json';
    const lm = (display: string, tasks: LmTask[]): ParsedRecord => ({
      discovered: discovered(display, 'cfg', 1),
      time: timeOf(display),
      content: { format: 'lm-eval', tasks, date: null, model: null },
    });
    const assembly = assembleModels(
      [
        seaRecord(s, 'cfg', 1, [sea('sentiment', 10)]),
        lm(l1, [lmTask('leaderboard_bbh_navigate', { 'acc_norm,none': 0.6 })]),
        lm(l2, [
          lmTask('leaderboard_bbh_navigate', { 'exact_match,get-answer': 0.9 }),
          lmTask('leaderboard_mmlu_pro', { 'acc,none': 0.4 }),
        ]),
      ],
      1,
      new Set(['id']),
    );
    const model = assembly.modelsBySource[0]?.[0];
    expect(model?.sea?.map((e) => e.task)).toEqual(['sentiment']);
    // The newer navigate entry lacks acc_norm (a modified task): it does not supersede.
    const navigate = model?.lm?.find((t) => t.task === 'leaderboard_bbh_navigate');
    expect(navigate?.metrics).toEqual({ 'acc_norm,none': 0.6 });
    expect(model?.lm?.map((t) => t.task).sort()).toEqual([
      'leaderboard_bbh_navigate',
      'leaderboard_mmlu_pro',
    ]);
    expect(assembly.outcomes.get(l1)?.status).toBe('used');
    expect(assembly.outcomes.get(l2)?.status).toBe('used');
  });

  it('marks a model limited by a config.limit that no n-samples count can check', () => {
    source = 0;
    const display = 'runs/exp/cfg/ba1/lm_eval/results_2025-01-01T00-00-00.json';
    // No n-samples counts, config.limit 0.1: the parser gives the task its unchecked limit.
    const unchecked: LmTask = {
      ...lmTask('leaderboard_mmlu_pro', { 'acc,none': 0.4 }),
      original: null,
      effective: null,
      uncheckedLimit: 0.1,
    };
    const record = (task: LmTask): ParsedRecord => ({
      discovered: discovered(display, 'cfg', 1),
      time: timeOf(display),
      content: { format: 'lm-eval', tasks: [task], date: null, model: null },
    });
    const limitedBy = (task: LmTask) =>
      assembleModels([record(task)], 1, new Set(['id'])).modelsBySource[0]?.[0]?.limited;
    expect(limitedBy(unchecked)).toBe(true);
    expect(limitedBy({ ...unchecked, uncheckedLimit: null })).toBe(false);
  });

  it('names models {config}_{step} padded per source, ordered by config then step', () => {
    source = 0;
    const rec = (cfg: string, step: number, day: string) =>
      seaRecord(
        `runs/exp/${cfg}/ba${step}/seahelm/m_seahelm_results_2025-01-${day}T00:00:00.json`,
        cfg,
        step,
        [sea('sentiment', 1)],
      );
    const assembly = assembleModels(
      [
        rec('cfg_b', 5, '01'),
        rec('cfg_a', 1000, '02'),
        rec('cfg_a', 20, '03'),
        rec('Cfg', 0, '04'),
      ],
      1,
      new Set(['id']),
    );
    // Largest step 1000 -> 4 digits; code-point order puts 'Cfg' before 'cfg_a'.
    expect(assembly.modelsBySource[0]?.map((m) => m.name)).toEqual([
      'Cfg_0000',
      'cfg_a_0020',
      'cfg_a_1000',
      'cfg_b_0005',
    ]);
  });

  it('pads every step 0 to 5 digits', () => {
    source = 0;
    const assembly = assembleModels(
      [
        seaRecord('runs/b/seahelm/m_seahelm_results_2025.json', 'BASELINE_experiments_b', 0, [
          sea('sentiment', 1),
        ]),
      ],
      1,
      new Set(['id']),
    );
    expect(assembly.modelsBySource[0]?.map((m) => m.name)).toEqual([
      'BASELINE_experiments_b_00000',
    ]);
  });

  it('counts entries of languages that are not scored as ignored, per language', () => {
    source = 0;
    const entries: SeaEntry[] = [
      { ...sea('sentiment', 1), lang: 'en' },
      { ...sea('qa', 1), lang: 'en' },
      { ...sea('qa', 1), lang: 'zh' },
      sea('causal', 1),
    ];
    const assembly = assembleModels(
      [seaRecord('r/cfg/seahelm/m_seahelm_results_2025-01-01T00:00:00.json', 'cfg', 0, entries)],
      1,
      new Set(['id']),
    );
    expect(Object.fromEntries(assembly.ignoredTasks)).toEqual({ en: 2, zh: 1 });
    expect(assembly.modelsBySource[0]?.[0]?.sea?.map((e) => e.task)).toEqual(['causal']);
  });
});
