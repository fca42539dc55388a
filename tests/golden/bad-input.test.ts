/**
 * Bad input, end to end through the CLI: every kind of broken or odd result file in one tree.
 * The run goes on (exit 0); every problem is in results.json (files[].status/reason or
 * warnings[]) with the file path, and in missing_report.csv where it concerns a value; every
 * discovered file is used, superseded or skipped; --strict, invalid config, no result file and
 * usage errors give the documented exit codes; the same input gives byte-identical output.
 *
 * Not tested: unreadable files and folders. The tests run as root, which reads anything, so a
 * chmod-based unreadable file cannot be made here.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliEntry, nodeBinary, projectRoot, tempDirs } from '../helpers/cli-process.ts';

const tempDir = tempDirs();

/** Writes files below `root`; a string is written as UTF-8, bytes as they are. */
function writeTree(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], cwd = projectRoot): CliRun {
  const result = spawnSync(nodeBinary, [cliEntry, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function report(root: string, out: string, ...extra: string[]): CliRun {
  return runCli([
    '--no-gui',
    '--config',
    path.join(root, 'leaderboard.config.yaml'),
    '--out',
    out,
    ...extra,
  ]);
}

function csvRows(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<string[]>(text.endsWith('\n') ? text.slice(0, -1) : text);
  return parsed.data;
}

interface FileEntry {
  readonly file: string;
  readonly source: string;
  readonly status: string;
  readonly reason: string | null;
  readonly model: string | null;
}
interface Warning {
  readonly kind: string;
  readonly file?: string;
  readonly key_path: string | null;
  readonly message: string;
}
interface ResultsJson {
  readonly files: FileEntry[];
  readonly warnings: Warning[];
  readonly superseded: { file: string; key: string; by: string; reason: string | null }[];
  readonly ignored_tasks: Record<string, number>;
  readonly results: Record<
    string,
    { lang: { rows: { model: string; limited: boolean }[] } } & Record<string, unknown>
  >;
}

function readResults(out: string): ResultsJson {
  return JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8')) as ResultsJson;
}

/** All files below a folder, relative, sorted. */
function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

function expectIdenticalFolders(a: string, b: string): void {
  const filesA = listFiles(a);
  expect(filesA.length).toBeGreaterThan(0);
  expect(listFiles(b)).toEqual(filesA);
  for (const f of filesA) {
    const same = fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)));
    expect(same, f).toBe(true);
  }
}

// ---------------------------------------------------------------------------------------------
// File contents

const json = (value: unknown) => JSON.stringify(value, null, 2);

const GOOD_SEA = {
  id: {
    nlu: {
      sentiment: { normalized_accuracy: 60, is_cached: false },
      qa: { normalized_f1: 30, is_cached: false },
    },
    nlr: { causal: { normalized_accuracy: 40 } },
  },
  vi: { nlu: { sentiment: { normalized_accuracy: 50 } } },
};

function lmEval(
  results: Record<string, unknown>,
  samples: Record<string, { original: number; effective: number }>,
  configs: Record<string, unknown> = {},
): string {
  return json({
    results,
    configs: Object.fromEntries(
      Object.keys(results).map((t) => [t, configs[t] ?? { output_type: 'multiple_choice' }]),
    ),
    versions: Object.fromEntries(Object.keys(results).map((t) => [t, 1.0])),
    'n-samples': samples,
    config: { model: 'hf', limit: null },
    date: 1735693200.5,
  });
}

const GOOD_LM = lmEval(
  {
    leaderboard_mmlu_pro: {
      alias: 'leaderboard_mmlu_pro',
      'acc,none': 0.46,
      'acc_stderr,none': 0.004,
    },
    leaderboard_ifeval: {
      'prompt_level_strict_acc,none': 0.6,
      'prompt_level_strict_acc_stderr,none': 0.02,
      'inst_level_strict_acc,none': 0.7,
      'inst_level_strict_acc_stderr,none': 'N/A',
    },
    arc_easy: { 'acc,none': 0.8 },
  },
  {
    leaderboard_mmlu_pro: { original: 12032, effective: 12032 },
    leaderboard_ifeval: { original: 541, effective: 541 },
    arc_easy: { original: 2376, effective: 2376 },
  },
);

const goodText = json(GOOD_SEA);
const S = 'seahelm';
const STAMP = '2025-01-01T00:00:00';
const sea = (config: string, name = config[0] ?? 'x', stamp = STAMP, step = 'ba1') =>
  `runs/exp/${config}/${step}/${S}/${name}_seahelm_results_${stamp}.json`;
const lm = (config: string, stamp = '2025-01-01T01-00-00') =>
  `runs/exp/${config}/ba1/lm_eval/results_${stamp}.json`;

const P = {
  goodSea: sea('good', 'good', STAMP, 'ba100'),
  goodLm: 'runs/exp/good/ba100/lm_eval/results_2025-01-01T01-00-00.json',
  malformed: sea('malformed'),
  truncated: sea('truncated'),
  empty: sea('empty'),
  latin1: sea('latin1'),
  bom: sea('bom'),
  nan: sea('nan'),
  types: sea('types'),
  unknown: sea('unknown'),
  array: sea('array'),
  modified: lm('modified'),
  limited: lm('limited'),
  dupOld: sea('dup', 'd', '2025-01-01T00:00:00'),
  dupNew: sea('dup', 'd', '2025-02-01T00:00:00'),
  dupFailed: 'runs/exp/dup/ba1/seahelm/run_1/d_seahelm_results_2025-03-01T00:00:00.json',
  big: 'runs/exp/big/ba1/seahelm/x_seahelm_results_2025-01-01T00:00:00.json',
  loop: sea('loop'),
  mismatch: 'runs/exp/mismatch/ba1/seahelm/other.json',
  otherTool: 'runs/exp/othertool/ba1/lm_eval/config.json',
} as const;

const BAD_TREE: Record<string, string | Uint8Array> = {
  'leaderboard.config.yaml': [
    'experiments:',
    '  exp:',
    '    path: runs/exp',
    '  gone:',
    '    path: runs/does_not_exist',
    '',
  ].join('\n'),
  [P.goodSea]: goodText,
  [P.goodLm]: GOOD_LM,
  [P.malformed]: '{\n  "id": {\n    "nlu": ]\n  }\n}\n',
  [P.truncated]: goodText.slice(0, Math.floor(goodText.length / 2)),
  [P.empty]: '',
  [P.latin1]: new Uint8Array([
    ...new TextEncoder().encode('{"id": {"nlu": {"sentiment": {"note": "caf'),
    0xe9,
    ...new TextEncoder().encode('", "normalized_accuracy": 1}}}}'),
  ]),
  [P.bom]: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(goodText)]),
  [P.nan]:
    '{\n  "id": {\n    "nlu": {\n      "sentiment": {"normalized_accuracy": NaN},\n      "qa": {"normalized_f1": 30, "note": "NaN stays text"}\n    }\n  }\n}\n',
  [P.types]: json({
    id: {
      nlu: { metaphor: 'oops', qa: { normalized_f1: '55' } },
      nlr: { causal: { normalized_accuracy: 40 } },
    },
    vi: [1, 2],
  }),
  [P.unknown]: json({
    id: {
      nlu: {
        brand_new_task: { normalized_f1: 20, normalized_accuracy: 33 },
        mystery: { f1: 1, exact_match: 2 },
      },
    },
  }),
  [P.array]: '[1, 2, 3]',
  [P.modified]: lmEval(
    {
      leaderboard_bbh_navigate: {
        'exact_match,get-answer': 0.9,
        'exact_match_stderr,get-answer': 0.02,
      },
      leaderboard_bbh_snarks: { 'acc_norm,none': 0.75 },
    },
    {
      leaderboard_bbh_navigate: { original: 250, effective: 250 },
      leaderboard_bbh_snarks: { original: 178, effective: 178 },
    },
    {
      leaderboard_bbh_navigate: {
        output_type: 'generate_until',
        metric_list: [{ metric: 'exact_match' }],
      },
    },
  ),
  [P.limited]: lmEval(
    { leaderboard_mmlu_pro: { 'acc,none': 0.25 } },
    { leaderboard_mmlu_pro: { original: 12032, effective: 4 } },
  ),
  [P.dupOld]: json({
    id: {
      nlu: { sentiment: { normalized_accuracy: 50 } },
      nlr: { causal: { normalized_accuracy: 20 } },
    },
  }),
  [P.dupNew]: json({ id: { nlu: { sentiment: { normalized_accuracy: 70 } } } }),
  [P.dupFailed]: json({
    id: {
      nlu: {
        sentiment: { normalized_accuracy: 0, error: 'Failed to run evaluation for task' },
      },
    },
  }),
  [P.big]: '',
  [P.loop]: goodText,
  [P.mismatch]: GOOD_LM,
  [P.otherTool]: json({ architectures: ['LlamaForCausalLM'], hidden_size: 4096 }),
  // Not selected by any pre-filter: never discovered, so not listed.
  'runs/exp/good/ba100/notes.json': '{"note": 1}',
};

/** Files the run discovers (every JSON file a pre-filter selects). */
const DISCOVERED = Object.values(P);

// ---------------------------------------------------------------------------------------------

describe('bad input in one tree', () => {
  let root = '';
  let out = '';
  let run: CliRun = { status: null, stdout: '', stderr: '' };
  let results: ResultsJson;
  let missing: string[][] = [];

  beforeAll(() => {
    root = tempDir('bad-input-');
    writeTree(root, BAD_TREE);
    // A 65 MB sparse file, over the 64 MB limit.
    fs.truncateSync(path.join(root, P.big), 65 * 1024 * 1024);
    // A symbolic link loop: a folder that contains a link to itself.
    const loopDir = path.join(root, path.dirname(P.loop));
    fs.symlinkSync(loopDir, path.join(loopDir, 'loop'));
    out = path.join(root, 'out');
    run = report(root, out);
    results = readResults(out);
    missing = csvRows(path.join(out, 'exp', 'missing_report.csv'));
  });

  const fileEntry = (file: string) => {
    const found = results.files.filter((f) => f.file === file);
    expect(found, `files[] entries for ${file}`).toHaveLength(1);
    return found[0] as FileEntry;
  };
  const warningsFor = (file: string) => results.warnings.filter((w) => w.file === file);
  const missingRows = (model: string, column: string) =>
    missing.filter((r) => r[0] === model && r[1] === column);

  it('goes on and exits 0', () => {
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.status).toBe(0);
  });

  it('writes every report', () => {
    for (const name of [
      'lang_report.csv',
      'competency_report.csv',
      'task_report.csv',
      'missing_report.csv',
    ]) {
      expect(fs.existsSync(path.join(out, 'exp', name)), `exp/${name}`).toBe(true);
      expect(fs.existsSync(path.join(out, 'merged', name)), `merged/${name}`).toBe(true);
    }
  });

  it('accounts for every discovered file as used, superseded or skipped', () => {
    for (const file of DISCOVERED) {
      const entry = fileEntry(file);
      expect(['used', 'superseded', 'skipped']).toContain(entry.status);
    }
    for (const entry of results.files) {
      expect(['used', 'superseded', 'skipped']).toContain(entry.status);
    }
    expect(results.files.map((f) => f.file)).not.toContain('runs/exp/good/ba100/notes.json');
  });

  it('uses the good files', () => {
    expect(fileEntry(P.goodSea).status).toBe('used');
    expect(fileEntry(P.goodLm).status).toBe('used');
  });

  it('skips a malformed file and says where (line and column)', () => {
    const entry = fileEntry(P.malformed);
    expect(entry.status).toBe('skipped');
    expect(entry.reason).toMatch(/line 3, column \d+/);
    expect(warningsFor(P.malformed).map((w) => w.kind)).toEqual(['invalid-json']);
  });

  it('skips a truncated file and says where (line and column)', () => {
    const entry = fileEntry(P.truncated);
    expect(entry.status).toBe('skipped');
    expect(entry.reason).toMatch(/line \d+, column \d+/);
  });

  it('skips an empty file', () => {
    const entry = fileEntry(P.empty);
    expect(entry.status).toBe('skipped');
    expect(entry.reason).toMatch(/empty/);
    expect(warningsFor(P.empty).map((w) => w.kind)).toEqual(['empty-file']);
  });

  it('skips a file that is not UTF-8', () => {
    const entry = fileEntry(P.latin1);
    expect(entry.status).toBe('skipped');
    expect(entry.reason).toMatch(/UTF-8/);
  });

  it('reads a file with a BOM', () => {
    expect(fileEntry(P.bom).status).toBe('used');
    expect(warningsFor(P.bom)).toEqual([]);
  });

  it('reads NaN tokens as invalid values, warns, and lists the value in the missing report', () => {
    expect(fileEntry(P.nan).status).toBe('used');
    expect(warningsFor(P.nan).filter((w) => w.kind === 'non-finite-token')).toEqual([
      expect.objectContaining({
        key_path: 'id.nlu.sentiment.normalized_accuracy',
        message:
          "the file has 1 bare NaN/Infinity token(s) (at id.nlu.sentiment.normalized_accuracy), which JSON does not allow (Python's json writes them); a score written so is invalid",
      }),
    ]);
    // The missing report names the value, the file and where in it the value is.
    expect(missingRows('nan_001', 'id_sentiment').map((r) => r.slice(2))).toEqual([
      ['invalid', `'normalized_accuracy' is NaN (${P.nan}: id.nlu.sentiment)`],
    ]);
    // qa (30) is read: nlu = 30, partial 1/2.
    const tasks = csvRows(path.join(out, 'exp', 'task_report.csv'));
    const header = tasks[0] ?? [];
    const row = tasks.find((r) => r[0] === 'nan_001') ?? [];
    expect(row[header.indexOf('id_qa')]).toBe('30.00');
    expect(row[header.indexOf('id_sentiment')]).toBe('');
  });

  it('reports wrong types with the file and key path, and the values they concern', () => {
    expect(fileEntry(P.types).status).toBe('used');
    const warned = warningsFor(P.types).map((w) => w.key_path);
    expect(warned).toContain('id.nlu.metaphor'); // a task entry that is a string
    expect(warned).toContain('vi'); // a language that is an array
    // A score that is a string is invalid.
    expect(missingRows('types_001', 'id_qa').map((r) => r[2])).toEqual(['invalid']);
  });

  it('lists a task entry that is a string in the missing report (no primary metric key)', () => {
    // scoring.md section 1: "A task entry without its primary metric key ... is missing and
    // reported"; section 6 lists every missing value in missing_report.csv. No other model has
    // a metaphor task, so only this entry can put the column into the table.
    expect(missingRows('types_001', 'id_metaphor').length).toBeGreaterThan(0);
  });

  it('skips a JSON array as an unknown format', () => {
    const entry = fileEntry(P.array);
    expect(entry.status).toBe('skipped');
    expect(warningsFor(P.array).map((w) => w.kind)).toEqual(['unknown-format']);
  });

  it('skips another tool’s JSON in an lm-eval folder as an unknown format', () => {
    expect(fileEntry(P.otherTool).status).toBe('skipped');
    expect(warningsFor(P.otherTool).map((w) => w.kind)).toEqual(['unknown-format']);
  });

  it('skips lm-eval content found by the SEA-HELM filter only', () => {
    expect(fileEntry(P.mismatch).status).toBe('skipped');
    expect(warningsFor(P.mismatch).map((w) => w.kind)).toEqual(['format-mismatch']);
  });

  it('warns about unknown SEA-HELM tasks and lists the one without a metric', () => {
    const fallback = warningsFor(P.unknown).filter((w) => w.kind === 'fallback-metric');
    expect(fallback.map((w) => w.key_path)).toEqual(['id.nlu.brand_new_task']);
    // brand_new_task: the first fallback metric in list order, normalized_accuracy = 33
    const tasks = csvRows(path.join(out, 'exp', 'task_report.csv'));
    const header = tasks[0] ?? [];
    const row = tasks.find((r) => r[0] === 'unknown_001') ?? [];
    expect(row[header.indexOf('id_brand_new_task')]).toBe('33.00');
    expect(missingRows('unknown_001', 'id_mystery').map((r) => r[2])).toEqual(['missing']);
  });

  it('reports unknown lm-eval tasks with the file', () => {
    const unknown = warningsFor(P.goodLm).filter((w) => w.kind === 'unknown-task');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.message).toContain('arc_easy');
  });

  it('reports a modified lm-eval task and lists its value as missing', () => {
    const modified = warningsFor(P.modified).filter((w) => w.kind === 'modified-task');
    expect(modified.map((w) => w.key_path)).toEqual(['results.leaderboard_bbh_navigate']);
    expect(missingRows('modified_001', 'en_bbh_navigate').map((r) => r.slice(2))).toEqual([
      [
        'missing',
        `no 'acc_norm,none'; found exact_match,get-answer (output_type generate_until): a modified task is not normalized (${P.modified}: results.leaderboard_bbh_navigate)`,
      ],
    ]);
    // BBH from snarks only: (0.75 - 0.5) / 0.5 * 100 = 50, partial 1/24
    expect(missingRows('modified_001', 'BBH')).toEqual([
      ['modified_001', 'BBH', 'partial', expect.stringMatching(/^1\/24 missing: /)],
    ]);
  });

  it('reports a --limit run and marks its row limited', () => {
    expect(warningsFor(P.limited).map((w) => w.kind)).toContain('limited-run');
    const rows = results.results['exp']?.lang.rows ?? [];
    expect(rows.find((r) => r.model === 'limited_001')?.limited).toBe(true);
    expect(rows.find((r) => r.model === 'good_100')?.limited).toBe(false);
  });

  it('merges duplicate files of one model: later wins, a failed entry supersedes nothing', () => {
    expect(fileEntry(P.dupOld).status).toBe('used'); // still gives causal
    expect(fileEntry(P.dupNew).status).toBe('used');
    expect(fileEntry(P.dupFailed)).toMatchObject({
      status: 'superseded',
      reason: `every entry is superseded by another file of this model: ${P.dupNew}`,
    });
    expect(results.superseded).toEqual(
      expect.arrayContaining([
        { file: P.dupOld, key: 'id.nlu.sentiment', by: P.dupNew, reason: null },
        {
          file: P.dupFailed,
          key: 'id.nlu.sentiment',
          by: P.dupNew,
          reason: 'failed (error: Failed to run evaluation for task)',
        },
      ]),
    );
    const tasks = csvRows(path.join(out, 'exp', 'task_report.csv'));
    const header = tasks[0] ?? [];
    const dupRows = tasks.filter((r) => r[0] === 'dup_001');
    expect(dupRows).toHaveLength(1);
    const row = dupRows[0] ?? [];
    expect(row[header.indexOf('id_sentiment')]).toBe('70.00');
    expect(row[header.indexOf('id_causal')]).toBe('20.00');
  });

  it('skips a file over 64 MB without reading it', () => {
    const entry = fileEntry(P.big);
    expect(entry.status).toBe('skipped');
    expect(entry.reason).toMatch(/64 MB/);
    expect(warningsFor(P.big).map((w) => w.kind)).toEqual(['too-large']);
  });

  it('reports a run path that does not exist and still writes the other runs', () => {
    const gone = results.warnings.filter((w) => w.kind === 'path-missing');
    expect(gone).toHaveLength(1);
    expect(gone[0]?.file).toBe('runs/does_not_exist');
    // Every warning has every field; a run path has no key path.
    expect(Object.keys(gone[0] ?? {})).toEqual(['kind', 'file', 'key_path', 'message']);
    expect(gone[0]?.key_path).toBeNull();
    expect(gone[0]?.message).toContain('experiments.gone');
  });

  it('survives a symbolic link loop and uses the file in the looped folder', () => {
    expect(fileEntry(P.loop).status).toBe('used');
    expect(csvRows(path.join(out, 'exp', 'lang_report.csv')).map((r) => r[0])).toContain(
      'loop_001',
    );
  });

  it('lists the file in a looped folder once, not again under the link', () => {
    // The config folder is named `loop` too; the link is `.../seahelm/loop`.
    const aliases = results.files.filter((f) => f.file.includes('/seahelm/loop/'));
    expect(aliases.map((f) => f.file)).toEqual([]);
  });

  it('names the file of every skipped entry and every file warning', () => {
    for (const entry of results.files.filter((f) => f.status === 'skipped')) {
      expect(entry.reason, entry.file).toBeTruthy();
      expect(warningsFor(entry.file).length, entry.file).toBeGreaterThan(0);
    }
    for (const w of results.warnings) expect(w.file, w.message).toBeTruthy();
  });

  it('lists the skipped files in the summary', () => {
    expect(run.stdout).toMatch(/skipped/);
    expect(run.stdout).toContain(P.empty);
  });

  it('writes the missing report rows of the merged report with the run', () => {
    const merged = csvRows(path.join(out, 'merged', 'missing_report.csv'));
    expect(merged[0]).toEqual(['model', 'run', 'column', 'reason', 'detail']);
    expect(merged.filter((r) => r[0] === 'nan_001' && r[2] === 'id_sentiment')).toEqual([
      ['nan_001', 'exp', 'id_sentiment', 'invalid', expect.any(String)],
    ]);
  });

  it('exits 1 with --strict (files were skipped)', () => {
    expect(report(root, path.join(root, 'out-strict'), '--strict').status).toBe(1);
  });

  it('gives byte-identical outputs for the same input', () => {
    const again = path.join(root, 'out-again');
    expect(report(root, again).status).toBe(0);
    expectIdenticalFolders(out, again);
  });
});

describe('--strict', () => {
  const cleanTree = (extra: Record<string, string> = {}) => {
    const root = tempDir('strict-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good', 'good', STAMP, 'ba100')]: goodText,
      ...extra,
    });
    return root;
  };

  it('exits 0 on a clean tree, with or without --strict', () => {
    const root = cleanTree();
    expect(report(root, path.join(root, 'o1')).status).toBe(0);
    expect(report(root, path.join(root, 'o2'), '--strict').status).toBe(0);
  });

  it('exits 1 when a file was skipped, 0 without --strict', () => {
    const root = cleanTree({ [sea('empty')]: '' });
    expect(report(root, path.join(root, 'o1')).status).toBe(0);
    const strict = report(root, path.join(root, 'o2'), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toMatch(/strict/);
  });

  it('exits 1 when a task failed, 0 without --strict', () => {
    const failed = json({
      id: {
        nlu: { sentiment: { normalized_accuracy: 0, error: 'Failed to run evaluation for task' } },
      },
    });
    const root = cleanTree({ [sea('failing')]: failed });
    expect(report(root, path.join(root, 'o1')).status).toBe(0);
    expect(report(root, path.join(root, 'o2'), '--strict').status).toBe(1);
  });

  it("exits 1 when a baseline's task failed, counting the baseline once, not once per run", () => {
    const failed = json({
      id: {
        nlu: { sentiment: { normalized_accuracy: 0, error: 'Failed to run evaluation for task' } },
      },
    });
    const root = tempDir('strict-');
    writeTree(root, {
      'leaderboard.config.yaml': [
        'experiments:',
        '  exp:',
        '    path: runs/exp',
        '  exp2:',
        '    path: runs/exp',
        '  baselines:',
        '    base:',
        '      path: base',
        '      target_experiments: [0, 1]',
        '',
      ].join('\n'),
      [sea('good', 'good', STAMP, 'ba100')]: goodText,
      [`base/${S}/base_seahelm_results_${STAMP}.json`]: failed,
    });
    const plain = report(root, path.join(root, 'o1'));
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('values: 0 failed, 0 invalid,');
    expect(plain.stdout).toContain('\nbaseline values: 1 failed, 0 invalid\n');
    const strict = report(root, path.join(root, 'o2'), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('seahelm-leaderboard: --strict: 1 failed baseline value\n');
  });

  it('exits 1 when a run path does not exist, and names it in the summary', () => {
    const root = cleanTree();
    const config = path.join(root, 'leaderboard.config.yaml');
    fs.appendFileSync(config, '  gone:\n    path: runs/gone\n  "v1.2 old":\n    path: runs/old\n');
    const plain = report(root, path.join(root, 'o1'));
    expect(plain.status).toBe(0);
    // A key with a dot or a space is quoted, as config errors quote it.
    expect(plain.stdout).toContain(
      'not read:\n  experiments.gone: path runs/gone does not exist; it has no results\n  experiments["v1.2 old"]: path runs/old does not exist; it has no results\n',
    );
    const strict = report(root, path.join(root, 'o2'), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('seahelm-leaderboard: --strict: 2 paths missing\n');
  });

  it('with no result file at all, names each run path that gave nothing once, and writes nothing', () => {
    const root = tempDir('nothing-found-');
    fs.mkdirSync(path.join(root, 'runs/empty'), { recursive: true });
    const config = path.join(root, 'leaderboard.config.yaml');
    fs.writeFileSync(
      config,
      'experiments:\n  gone:\n    path: runs/gone\n  empty:\n    path: runs/empty\n',
    );
    const run = report(root, path.join(root, 'o'));
    expect(run.status).toBe(1);
    // As the summary's `not read:` lines say it: the path was named twice ('runs/gone: ...').
    expect(run.stderr).toBe(
      [
        'experiments.gone: path runs/gone does not exist; it has no results',
        'experiments.empty: no result file below runs/empty: it holds no .json file',
        `seahelm-leaderboard: no result file found below the paths of ${config}; nothing written`,
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(path.join(root, 'o'))).toBe(false);
  });

  it("counts a baseline's missing path as a path missing, not as a run's", () => {
    const root = cleanTree();
    const config = path.join(root, 'leaderboard.config.yaml');
    fs.appendFileSync(config, '  baselines:\n    base:\n      path: base\n');
    const strict = report(root, path.join(root, 'o'), '--strict');
    expect(strict.stdout).toContain(
      'not read:\n  experiments.baselines.base: path base does not exist; it has no results\n',
    );
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('seahelm-leaderboard: --strict: 1 path missing\n');
  });

  it('shows names from disk on the terminal with their control characters escaped', () => {
    const root = cleanTree({ [sea('x\u001b[31mRED\u001b[0m\rFAKE')]: '' });
    const run = report(root, path.join(root, 'o'));
    expect(run.status).toBe(0);
    expect(run.stdout.includes('\u001b') || run.stdout.includes('\r')).toBe(false);
    expect(run.stdout).toContain('runs/exp/x\\u001b[31mRED\\u001b[0m\\u000dFAKE/ba1/');
  });

  it('exits 1 when a value is invalid, 0 without --strict', () => {
    const invalid = json({ id: { nlu: { sentiment: { normalized_accuracy: 'n/a' } } } });
    const root = cleanTree({ [sea('invalid')]: invalid });
    const plain = report(root, path.join(root, 'o1'));
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('values: 0 failed, 1 invalid,');
    const strict = report(root, path.join(root, 'o2'), '--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toBe('seahelm-leaderboard: --strict: 1 invalid value\n');
  });

  it('exits 1 when a run holds no result file its conditions let through, and says so', () => {
    const root = cleanTree();
    const config = path.join(root, 'leaderboard.config.yaml');
    fs.appendFileSync(config, '  none:\n    path: runs/exp\n    bhasa_conditions: [["[", null]]\n');
    const plain = report(root, path.join(root, 'o1'));
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain(
      'not read:\n  experiments.none: no result file below runs/exp: the path filters and its conditions leave none\n',
    );
    const strict = report(root, path.join(root, 'o2'), '--strict');
    expect(strict.stderr).toBe('seahelm-leaderboard: --strict: 1 path without result files\n');
  });

  it('exits 0 when a failed entry is superseded by a later usable one', () => {
    const root = cleanTree({
      [sea('rerun', 'r', '2025-01-01T00:00:00')]: json({
        id: {
          nlu: {
            sentiment: { normalized_accuracy: 0, error: 'Failed to run evaluation for task' },
          },
        },
      }),
      [sea('rerun', 'r', '2025-02-01T00:00:00')]: json({
        id: { nlu: { sentiment: { normalized_accuracy: 44 } } },
      }),
    });
    expect(report(root, path.join(root, 'o'), '--strict').status).toBe(0);
  });
});

describe('exit codes', () => {
  it('exits 1 for an invalid config', () => {
    const root = tempDir('bad-config-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n    bogus: 1\n',
      [sea('good')]: goodText,
    });
    const result = report(root, path.join(root, 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('bogus');
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('exits 1 for a config file that does not exist', () => {
    const root = tempDir('no-config-');
    expect(report(root, path.join(root, 'out')).status).toBe(1);
  });

  it('exits 1 for a config that is not YAML', () => {
    const root = tempDir('bad-yaml-');
    writeTree(root, { 'leaderboard.config.yaml': 'experiments: [unclosed\n' });
    expect(report(root, path.join(root, 'out')).status).toBe(1);
  });

  it('exits 1 for a tree with no result file at all', () => {
    const root = tempDir('no-results-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      'runs/exp/cfg/ba1/notes.json': '{}',
      'runs/exp/cfg/ba1/readme.txt': 'nothing here',
    });
    const result = report(root, path.join(root, 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no result file/);
  });

  it('exits 1 when every result file found is skipped, and says why for each', () => {
    const root = tempDir('all-skipped-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('empty')]: '',
      [sea('cut')]: '{"id": {',
    });
    const result = report(root, path.join(root, 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${sea('empty')}: the file is empty\n`);
    expect(result.stderr).toContain(`${sea('cut')}: the JSON ends early`);
    expect(result.stderr).toMatch(
      /none of the 2 result files found .* could be used; nothing written/,
    );
    expect(fs.existsSync(path.join(root, 'out'))).toBe(false);
  });

  it('says what the files do not when none could be used: a sea_languages code and a run path', () => {
    const root = tempDir('none-scored-');
    writeTree(root, {
      'leaderboard.config.yaml':
        'sea_languages: [ID]\nexperiments:\n  exp:\n    path: runs/exp\n  gone:\n    path: runs/gone\n',
      [sea('only-id')]: json(GOOD_SEA),
    });
    const result = report(root, path.join(root, 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${sea('only-id')}: no scored task in the file\n`);
    expect(result.stderr).toContain(
      "leaderboard.config.yaml: sea_languages: 'ID' is in no SEA-HELM file read; it has no column (did you mean 'id'?)\n",
    );
    // As the summary's `not read:` says it (the path was named twice: 'runs/gone: experiments...').
    expect(result.stderr).toContain(
      '\nexperiments.gone: path runs/gone does not exist; it has no results\n',
    );
    expect(result.stderr).toMatch(
      /none of the 1 result files found .* could be used; nothing written/,
    );
  });

  it('exits 1 when the only run path does not exist', () => {
    const root = tempDir('no-path-');
    writeTree(root, { 'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/nope\n' });
    const result = report(root, path.join(root, 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('runs/nope');
  });

  it('exits 2 for --port with --no-gui', () => {
    const result = runCli(['--no-gui', '--port', '7123']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--port serves the site, which --no-gui does not build');
  });

  it('exits 2 for --host with --no-gui, or a --host that is no address', () => {
    const both = runCli(['--no-gui', '--host', '0.0.0.0']);
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('--host serves the site, which --no-gui does not build');
    const bad = runCli(['--host', 'my laptop']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(
      "--host expects an IP address (127.0.0.1, 0.0.0.0, ::) or localhost, found 'my laptop'",
    );
  });

  it('exits 1 at once when the site port is in use, before any work', async () => {
    const root = tempDir('busy-port-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good')]: goodText,
    });
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      // Asynchronous: the server must go on accepting while the CLI probes the port.
      const result = await new Promise<CliRun>((resolve) => {
        execFile(
          nodeBinary,
          [
            cliEntry,
            '--port',
            String(port),
            '--config',
            path.join(root, 'leaderboard.config.yaml'),
          ],
          { cwd: projectRoot, encoding: 'utf8' },
          (error, stdout, stderr) =>
            resolve({ status: error === null ? 0 : (error.code as number), stdout, stderr }),
        );
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `seahelm-leaderboard: port ${port} on 127.0.0.1 is in use; choose another with --port, or use --no-gui\n`,
      );
      expect(fs.existsSync(path.join(root, 'reports'))).toBe(false);
    } finally {
      server.close();
    }
  });

  it('exits 1 at once, blaming the address, when --host is no address of this machine', () => {
    const root = tempDir('foreign-host-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good')]: goodText,
    });
    // An address of TEST-NET-3 (RFC 5737) that no interface of this machine has.
    const own = new Set(
      Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address)),
    );
    const foreign = Array.from({ length: 254 }, (_, i) => `203.0.113.${i + 1}`).find(
      (address) => !own.has(address),
    );
    const result = runCli([
      '--host',
      foreign ?? '',
      '--config',
      path.join(root, 'leaderboard.config.yaml'),
    ]);
    expect(result.stderr).toBe(
      `seahelm-leaderboard: --host ${foreign} is no address of this machine (EADDRNOTAVAIL); give one of its addresses, 0.0.0.0 for all of them, or use --no-gui\n`,
    );
    expect(result.status).toBe(1);
    expect(fs.existsSync(path.join(root, 'reports'))).toBe(false);
  });

  it('exits 1 with a clear message when the reports cannot be written', () => {
    const root = tempDir('out-is-file-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good')]: goodText,
      afile: 'not a folder',
    });
    const result = report(root, path.join(root, 'afile', 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `seahelm-leaderboard: cannot write the reports to ${path.join(root, 'afile', 'out')}: ${path.join(root, 'afile')} is a file, not a folder; no report was written\n`,
    );
    // The output folder itself a file: named as such (Node says EEXIST, file already exists).
    const onFile = report(root, path.join(root, 'afile'));
    expect(onFile.status).toBe(1);
    expect(onFile.stderr).toBe(
      `seahelm-leaderboard: cannot write the reports to ${path.join(root, 'afile')}: ${path.join(root, 'afile')} is a file, not a folder; no report was written\n`,
    );
    expect(fs.readFileSync(path.join(root, 'afile'), 'utf8')).toBe('not a folder');
  });

  it.runIf(fs.existsSync('/proc/self'))(
    'exits 1 where no folder can be made (/proc), rather than looping forever',
    () => {
      const root = tempDir('out-in-proc-');
      writeTree(root, {
        'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
        [sea('good')]: goodText,
      });
      const config = path.join(root, 'leaderboard.config.yaml');
      const out = '/proc/seahelm-no-such/reports';
      const args = ['--no-gui', '--config', config, '--out', out];
      const result = spawnSync(nodeBinary, [cliEntry, ...args], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.signal).toBeNull();
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `seahelm-leaderboard: cannot write the reports to ${out}: ENOENT: no such file or directory, mkdir '/proc/seahelm-no-such'; no report was written\n`,
      );
    },
  );

  it('exits 2 for an unknown flag', () => {
    const result = runCli(['--no-gui', '--bogus']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bogus');
  });

  it('prints when each stage ended with --timings, and writes the same reports', () => {
    const root = tempDir('timings-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      'runs/exp/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': json({
        id: { nlu: { sentiment: { normalized_accuracy: 50 } } },
      }),
    });
    const plain = report(root, path.join(root, 'plain'));
    const timed = report(root, path.join(root, 'timed'), '--timings');
    expect(plain.stderr).not.toContain('timings');
    expect(timed.status).toBe(0);
    const line = /timings \(ms since start, \d+ threads?\): (.*)/.exec(timed.stderr)?.[1] ?? '';
    const stages = line.split(', ').map((stage) => stage.replace(/ \d+$/, ''));
    expect(stages).toEqual([
      'config read',
      'files found',
      'files read',
      'scored',
      'reports written',
      'summary',
    ]);
    const times = line.split(', ').map((stage) => Number(/(\d+)$/.exec(stage)?.[1]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const read = (dir: string) => fs.readFileSync(path.join(root, dir, 'results.json'), 'utf8');
    expect(read('timed')).toBe(read('plain'));
  });

  it('prints the version of package.json with --version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = runCli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`seahelm-leaderboard ${pkg.version}\n`);
  });

  it('exits 2 for a flag without its value', () => {
    expect(runCli(['--no-gui', '--config']).status).toBe(2);
  });

  it('exits 2 for an empty --out or --config, which would mean the working folder', () => {
    const cwd = tempDir('empty-flag-');
    for (const flag of ['--out', '--config']) {
      const result = runCli(['--no-gui', flag, ''], cwd);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain(`${flag} expects a path, found ''`);
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});

describe('determinism with worker threads', () => {
  it('writes the same bytes with 1 thread and with 4 (enough files to start workers)', () => {
    const root = tempDir('threads-');
    const files: Record<string, string> = {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
    };
    // 30 checkpoints x (SEA-HELM + lm-eval) = 60 files, over the worker threshold.
    for (let i = 1; i <= 30; i++) {
      const config = `cfg_${i % 3}`;
      const value = (i * 37) % 100;
      files[
        `runs/exp/${config}/ba${i * 10}/seahelm/m_seahelm_results_2025-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00.json`
      ] = json({
        id: { nlu: { sentiment: { normalized_accuracy: value } } },
        vi: { nlu: { sentiment: { normalized_accuracy: 100 - value } } },
      });
      files[`runs/exp/${config}/ba${i * 10}/lm_eval/results_2025-01-01T00-00-00.json`] = lmEval(
        { leaderboard_mmlu_pro: { 'acc,none': value / 100 } },
        { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
      );
    }
    files['runs/exp/cfg_0/ba999/seahelm/broken_seahelm_results.json'] = '{"id": ';
    writeTree(root, files);
    const one = path.join(root, 'one');
    const four = path.join(root, 'four');
    const again = path.join(root, 'again');
    expect(report(root, one, '--threads', '1').status).toBe(0);
    expect(report(root, four, '--threads', '4').status).toBe(0);
    expect(report(root, again, '--threads', '4').status).toBe(0);
    expectIdenticalFolders(one, four);
    expectIdenticalFolders(four, again);
  });
});

describe('entries that are not plain files, and the reports folder', () => {
  it('skips a broken link and a named pipe named like result files, with their reasons', () => {
    const root = tempDir('not-files-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good', 'good', STAMP, 'ba100')]: goodText,
    });
    const folder = path.join(root, path.dirname(sea('good', 'good', STAMP, 'ba100')));
    fs.symlinkSync(path.join(root, 'nowhere.json'), path.join(folder, 'gone_seahelm_results.json'));
    execFileSync('mkfifo', [path.join(folder, 'pipe_seahelm_results.json')]);
    const out = path.join(root, 'out');
    // A pipe opened for reading would wait for a writer: the run must still end.
    expect(report(root, out).status).toBe(0);
    const { files } = readResults(out);
    const reasonOf = (name: string) =>
      files.find((f) => f.file === path.join(path.relative(root, folder), name));
    expect(reasonOf('gone_seahelm_results.json')).toMatchObject({
      status: 'skipped',
      reason: 'a symbolic link to nothing readable (ENOENT); not read',
    });
    expect(reasonOf('pipe_seahelm_results.json')).toMatchObject({
      status: 'skipped',
      reason: 'not a regular file (a named pipe); not read',
    });
  });

  it("says in the missing report that a model's SEA-HELM file was skipped", () => {
    const root = tempDir('skipped-sea-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good')]: goodText,
      [sea('cut')]: '{"id": ',
      [lm('cut')]: lmEval(
        { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
        { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
      ),
    });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    const rows = csvRows(path.join(out, 'exp', 'missing_report.csv'));
    // A task cell says why; its aggregates list the tasks they miss.
    expect(rows.find((r) => r[0] === 'cut_1' && r[1] === 'id_sentiment')).toEqual([
      'cut_1',
      'id_sentiment',
      'missing',
      `no SEA-HELM results for this model: its file ${sea('cut')} was skipped (see results.json)`,
    ]);
  });

  it('says why a later entry lost to an earlier one (an out-of-range value)', () => {
    const root = tempDir('later-bad-');
    const counts = { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } };
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [lm('m', '2025-01-01T01-00-00')]: lmEval(
        { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
        counts,
      ),
      [lm('m', '2025-02-01T01-00-00')]: lmEval(
        { leaderboard_mmlu_pro: { 'acc,none': 40 } },
        counts,
      ),
    });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    expect(readResults(out).superseded).toEqual([
      {
        file: lm('m', '2025-02-01T01-00-00'),
        key: 'leaderboard_mmlu_pro',
        by: lm('m', '2025-01-01T01-00-00'),
        reason: "invalid ('acc,none' is 40, outside 0-1)",
      },
    ]);
  });

  it('does not read its own reports when they are written below a run path', () => {
    const root = tempDir('reports-inside-');
    writeTree(root, {
      'leaderboard.config.yaml':
        'experiments:\n  exp:\n    path: .\noutput:\n  base_dir: lm-eval-reports\n',
      'cfg/ba100/seahelm/good_seahelm_results_2025-01-01T00:00:00.json': goodText,
    });
    const config = path.join(root, 'leaderboard.config.yaml');
    const first = runCli(['--no-gui', '--strict', '--config', config]);
    expect(first.status).toBe(0);
    const before = fs.readFileSync(path.join(root, 'lm-eval-reports', 'results.json'), 'utf8');
    const second = runCli(['--no-gui', '--strict', '--config', config]);
    expect(second.status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'lm-eval-reports', 'results.json'), 'utf8')).toBe(
      before,
    );
  });

  it('names its own results.json, left below a run path by an earlier output folder', () => {
    const root = tempDir('reports-moved-');
    writeTree(root, {
      'leaderboard.config.yaml':
        'experiments:\n  exp:\n    path: .\noutput:\n  base_dir: lm-eval-reports\n',
      'cfg/ba100/seahelm/good_seahelm_results_2025-01-01T00:00:00.json': goodText,
    });
    const config = path.join(root, 'leaderboard.config.yaml');
    expect(runCli(['--no-gui', '--config', config]).status).toBe(0);
    // The reports move (--out, or base_dir edited): the old results.json stays below the path.
    const moved = runCli(['--no-gui', '--config', config, '--out', path.join(root, 'elsewhere')]);
    expect(moved.status).toBe(0);
    expect(moved.stdout).toContain(
      "lm-eval-reports/results.json: the results.json of seahelm-leaderboard's own reports, not a result file (reports of an earlier run whose output folder was below this run's path?): delete it or move it out of the run's path",
    );
  });
});

describe('writing the reports', () => {
  const treeWithOneRun = (prefix: string) => {
    const root = tempDir(prefix);
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good')]: goodText,
    });
    return root;
  };

  it('replaces a symbolic link where a report goes, never the file it points to', () => {
    const root = treeWithOneRun('link-report-');
    writeTree(root, { 'victim.txt': 'IMPORTANT', 'out/exp/.keep': '' });
    fs.symlinkSync(path.join(root, 'victim.txt'), path.join(root, 'out', 'exp', 'lang_report.csv'));
    expect(report(root, path.join(root, 'out')).status).toBe(0);
    expect(fs.readFileSync(path.join(root, 'victim.txt'), 'utf8')).toBe('IMPORTANT');
    const written = path.join(root, 'out', 'exp', 'lang_report.csv');
    expect(fs.lstatSync(written).isFile()).toBe(true);
    expect(fs.readFileSync(written, 'utf8')).toMatch(/^model,sea_total,/);
    // No temporary file is left beside the reports.
    expect(fs.readdirSync(path.join(root, 'out', 'exp')).sort()).toEqual([
      '.keep',
      'competency_report.csv',
      'lang_report.csv',
      'missing_report.csv',
      'task_report.csv',
    ]);
  });

  it('writes nothing, and makes no folder, when a report folder in the output folder is a symbolic link', () => {
    const root = treeWithOneRun('link-folder-');
    writeTree(root, { 'elsewhere/.keep': '', 'out/.keep': '' });
    // merged/ comes after the run's folder: the run's folder is not made either.
    fs.symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'out', 'merged'));
    const result = report(root, path.join(root, 'out'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(root, 'out', 'merged')} is a symbolic link; reports are written only into real folders below the output folder; no report was written\n`,
    );
    expect(fs.readdirSync(path.join(root, 'elsewhere'))).toEqual(['.keep']);
    expect(fs.readdirSync(path.join(root, 'out')).sort()).toEqual(['.keep', 'merged']);
  });

  it('reads the result files in a reports folder below a run path, but not its own results.json', () => {
    const root = tempDir('reports-in-checkpoint-');
    const checkpoint = 'runs/exp/cfg/ba100';
    writeTree(root, {
      'leaderboard.config.yaml': `experiments:\n  exp:\n    path: runs/exp\noutput:\n  base_dir: ${checkpoint}\n`,
      [`${checkpoint}/seahelm/good_seahelm_results_2025-01-01T00:00:00.json`]: goodText,
      [`${checkpoint}/lm-eval/results_2025-01-01T01-00-00.json`]: lmEval(
        { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
        { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
      ),
    });
    const config = path.join(root, 'leaderboard.config.yaml');
    const out = path.join(root, checkpoint);
    expect(runCli(['--no-gui', '--strict', '--config', config]).status).toBe(0);
    const first = fs.readFileSync(path.join(out, 'results.json'), 'utf8');
    expect(readResults(out).files.map((f) => [f.file, f.status])).toEqual([
      [`${checkpoint}/lm-eval/results_2025-01-01T01-00-00.json`, 'used'],
      [`${checkpoint}/seahelm/good_seahelm_results_2025-01-01T00:00:00.json`, 'used'],
    ]);
    expect(runCli(['--no-gui', '--strict', '--config', config]).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'results.json'), 'utf8')).toBe(first);
  });

  it('does not overwrite a results.json it read as a result file', () => {
    const root = tempDir('results-json-input-');
    const folder = 'runs/exp/cfg/ba1/lm-eval';
    const input = lmEval(
      { leaderboard_mmlu_pro: { 'acc,none': 0.4 } },
      { leaderboard_mmlu_pro: { original: 12032, effective: 12032 } },
    );
    writeTree(root, {
      'leaderboard.config.yaml': `experiments:\n  exp:\n    path: runs/exp\noutput:\n  base_dir: ${folder}\n`,
      [`${folder}/results.json`]: input,
    });
    const result = runCli(['--no-gui', '--config', path.join(root, 'leaderboard.config.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `${path.join(root, folder, 'results.json')} is one of the result files read, not overwritten`,
    );
    expect(fs.readFileSync(path.join(root, folder, 'results.json'), 'utf8')).toBe(input);
    expect(fs.readdirSync(path.join(root, folder))).toEqual(['results.json']);
    // Nor when the output folder is named through a link.
    fs.symlinkSync(path.join(root, folder), path.join(root, 'lnk'));
    const linked = report(root, path.join(root, 'lnk'));
    expect(linked.status).toBe(1);
    expect(linked.stderr).toMatch(
      /is one of the result files read, not overwritten; .*; no report was written\n$/,
    );
    expect(fs.readFileSync(path.join(root, folder, 'results.json'), 'utf8')).toBe(input);
  });
});

describe('report columns whose names meet', () => {
  it('gives each column one node, keeps every value in its aggregates, and says which node lost its column', () => {
    const root = tempDir('column-clash-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      // A task named like a competency; a language named like id's competency.
      [sea('cfg')]: json({
        id: {
          nlu: { sentiment: { normalized_accuracy: 60 }, nlr: { normalized_accuracy: 30 } },
          nlr: { causal: { normalized_accuracy: 40 } },
        },
        id_nlu: { nlu: { sentiment: { normalized_accuracy: 10 } } },
      }),
    });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    const row = (name: string) => {
      const [header = [], values = []] = csvRows(path.join(out, 'exp', `${name}_report.csv`));
      return Object.fromEntries(header.map((h, i) => [h, values[i]]));
    };
    // id = mean(nlu 45, nlr 40); the language id_nlu is 10, not id's nlu (45).
    expect(row('lang')).toMatchObject({ sea_total: '26.25', id: '42.50', id_nlu: '10.00' });
    // id's nlu counts its task nlr (45 = mean of 60 and 30) but has no column: the language has it.
    expect(row('competency')).toMatchObject({ id_nlr: '40.00', id_nlu_nlu: '10.00' });
    expect(Object.keys(row('competency'))).not.toContain('id_nlu');
    const [mergedHeader = []] = csvRows(path.join(out, 'merged', 'competency_report.csv'));
    expect(mergedHeader).not.toContain('id_nlu');
    expect(Object.keys(row('task'))).toEqual([
      'model',
      'id_sentiment',
      'id_causal',
      'id_nlu_sentiment',
    ]);
    const clashes = readResults(out).warnings.filter((w) => w.kind === 'column-clash');
    expect(clashes.map((w) => w.message)).toEqual([
      "experiments.exp: the competency and the language would share the column 'id_nlu'; the language keeps it, the competency has no column of its own (its value still counts in the scores above it)",
      "experiments.exp: the task and the competency would share the column 'id_nlr'; the competency keeps it, the task has no column of its own (its value still counts in the scores above it)",
    ]);
  });

  it("warns once about a baseline's clash, naming its own table and each run it is merged into", () => {
    const root = tempDir('column-clash-baseline-');
    writeTree(root, {
      'leaderboard.config.yaml':
        'experiments:\n  a:\n    path: runs/a\n  b:\n    path: runs/b\n  baselines:\n    base:\n      path: base\n',
      'runs/a/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': goodText,
      'runs/b/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': goodText,
      // A task named like a competency of its language.
      'base/seahelm/b_seahelm_results_2025-01-01T00:00:00.json': json({
        id: {
          nlu: { nlr: { normalized_accuracy: 30 } },
          nlr: { causal: { normalized_accuracy: 40 } },
        },
      }),
    });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    const clashes = readResults(out).warnings.filter((w) => w.kind === 'column-clash');
    expect(clashes.map((w) => w.message)).toEqual([
      "experiments.a, experiments.b and experiments.baselines.base: the task and the competency would share the column 'id_nlr'; the competency keeps it, the task has no column of its own (its value still counts in the scores above it)",
    ]);
  });

  it('in the merged reports, reads each run only in its own columns of that report', () => {
    const root = tempDir('column-clash-merged-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  a:\n    path: runs/a\n  b:\n    path: runs/b\n',
      // Run a: id's competency nlu is the column id_nlu of the competency report.
      'runs/a/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': json({
        id: { nlu: { sentiment: { normalized_accuracy: 60 } } },
      }),
      // Run b: a language id_nlu is the column id_nlu of the lang report.
      'runs/b/cfg/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json': json({
        id_nlu: { nlu: { sentiment: { normalized_accuracy: 10 } } },
      }),
    });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    const cell = (name: string, run: string, column: string) => {
      const [header = [], ...rows] = csvRows(path.join(out, 'merged', `${name}_report.csv`));
      const row = rows.find((r) => r[1] === run) ?? [];
      return row[header.indexOf(column)];
    };
    expect(cell('lang', 'a', 'id_nlu')).toBe('');
    expect(cell('lang', 'b', 'id_nlu')).toBe('10.00');
    expect(cell('competency', 'a', 'id_nlu')).toBe('60.00');
    expect(cell('competency', 'b', 'id_nlu')).toBe('');
  });
});

describe('step patterns', () => {
  /** Reports a tree of SEA-HELM files in these step folders; its no-step-number warnings. */
  function stepWarnings(prefix: string, config: string, folders: readonly string[]) {
    const root = tempDir(prefix);
    const files = Object.fromEntries(folders.map((f) => [sea('cfg', 'm', STAMP, f), goodText]));
    writeTree(root, { 'leaderboard.config.yaml': config, ...files });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    const warnings = readResults(out).warnings.filter((w) => w.kind === 'no-step-number');
    return { out, warnings };
  }
  const warning = (pattern: string, message: string) => ({
    kind: 'no-step-number',
    file: 'leaderboard.config.yaml',
    key_path: `step_patterns[${pattern}]`,
    message,
  });

  it('warns when a step pattern matches folders but captures no number in its first group', () => {
    const config = "experiments:\n  exp:\n    path: runs/exp\nstep_patterns: ['(b)a(\\d+)']\n";
    const { warnings } = stepWarnings('step-miss-', config, ['ba100', 'ba200']);
    expect(warnings).toEqual([
      warning(
        '0',
        "step pattern '(b)a(\\d+)' matches folder names such as 'ba100', but its first capture group holds 'b', not a number: 2 files get step 0",
      ),
    ]);
  });

  it('warns when a step folder holds a number too large to be exact, and gives it no step', () => {
    const config = 'experiments:\n  exp:\n    path: runs/exp\n';
    const { out, warnings } = stepWarnings('step-huge-', config, ['ba1000000000000000000000']);
    expect(warnings).toEqual([
      warning(
        '0',
        "step pattern 'ba(\\d+)' matches folder names such as 'ba1000000000000000000000', but its first capture group holds '1000000000000000000000', a number above 9007199254740991, too large to tell steps apart: 1 file gets step 0",
      ),
    ]);
    const [, row = []] = csvRows(path.join(out, 'exp', 'lang_report.csv'));
    expect(row[0]).toBe('cfg_00000');
  });
});

describe('folders that cannot be read', () => {
  it('names the folder on the terminal (here, a name that is not UTF-8: Node cannot open it)', () => {
    const root = tempDir('unreadable-folder-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('good')]: goodText,
    });
    const bad = Buffer.concat([
      Buffer.from(path.join(root, 'runs', 'exp', 'cfg')),
      Buffer.from([0xff]),
    ]);
    fs.mkdirSync(bad);
    const run = report(root, path.join(root, 'out'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'not read:\n  runs/exp/cfg\ufffd: folder cannot be read (ENOENT); files below it are not included\n',
    );
  });
});

describe('a file read for two sources', () => {
  it('has in results.json the model and outcome it has in each', () => {
    // One path for an experiment (two configurations: two models) and a hero run (one model,
    // whose later file wins the task).
    const root = tempDir('two-sources-');
    const older = 'runs/c1/ba1/seahelm/m_seahelm_results_2025-01-01T00:00:00.json';
    const newer = 'runs/c2/ba1/seahelm/m_seahelm_results_2025-01-02T00:00:00.json';
    writeTree(root, {
      'leaderboard.config.yaml':
        'experiments:\n  exp:\n    path: runs\nhero_runs:\n  hero:\n    path: runs\n',
      [older]: '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 60}}}}',
      [newer]: '{"id": {"nlu": {"sentiment": {"normalized_accuracy": 70}}}}',
    });
    const out = path.join(root, 'out');
    expect(report(root, out).status).toBe(0);
    const files = readResults(out).files.map((f) => [f.file, f.source, f.model, f.status]);
    expect(files).toEqual([
      [older, 'experiments.exp', 'c1_1', 'used'],
      [newer, 'experiments.exp', 'c2_1', 'used'],
      [older, 'hero_runs.hero', 'hero_1', 'superseded'],
      [newer, 'hero_runs.hero', 'hero_1', 'used'],
    ]);
  });

  it('lists its warnings, superseded entries and ignored tasks once, not once per source', () => {
    // A baseline's path inside a run's: every file below it is read for both.
    const root = tempDir('two-sources-once-');
    const folder = 'runs/exp/cfg/ba1';
    const older = `${folder}/seahelm/m_seahelm_results_2025-01-01T00:00:00.json`;
    const newer = `${folder}/seahelm/m_seahelm_results_2025-01-02T00:00:00.json`;
    const empty = `${folder}/seahelm/e_seahelm_results_2025-01-03T00:00:00.json`;
    writeTree(root, {
      'leaderboard.config.yaml': `experiments:\n  exp:\n    path: runs/exp\n  baselines:\n    inside:\n      path: ${folder}\n`,
      [older]: json({
        en: { nlu: { sentiment: { normalized_accuracy: 1 } } },
        id: { nlu: { sentiment: { normalized_accuracy: 60 }, mystery: { normalized_f1: 12 } } },
      }),
      [newer]: json({ id: { nlu: { sentiment: { normalized_accuracy: 70 } } } }),
      [empty]: '',
    });
    const out = path.join(root, 'out');
    const run = report(root, out);
    expect(run.status).toBe(0);
    const results = readResults(out);
    // Each file keeps its fate in each source.
    expect(results.files.map((f) => [f.file, f.source, f.status])).toEqual([
      [empty, 'experiments.exp', 'skipped'],
      [older, 'experiments.exp', 'used'],
      [newer, 'experiments.exp', 'used'],
      [empty, 'experiments.baselines.inside', 'skipped'],
      [older, 'experiments.baselines.inside', 'used'],
      [newer, 'experiments.baselines.inside', 'used'],
    ]);
    expect(results.warnings.map((w) => [w.kind, w.file, w.key_path])).toEqual([
      ['empty-file', empty, null],
      ['fallback-metric', older, 'id.nlu.mystery'],
    ]);
    expect(results.superseded).toEqual([
      { file: older, key: 'id.nlu.sentiment', by: newer, reason: null },
    ]);
    expect(results.ignored_tasks).toEqual({ en: 1 });
    expect(run.stdout).toContain('; 1 superseded entry\n');
    expect(run.stdout).toContain('\n  empty-file       1\n  fallback-metric  1\n');
    expect(run.stdout).toContain('\nignored: 1 SEA-HELM task of languages that are not scored');
  });
});

describe('folders reached through symbolic links', () => {
  it('scores a configuration under its own name, and reports the links not followed', () => {
    const root = tempDir('linked-config-');
    writeTree(root, {
      'leaderboard.config.yaml': 'experiments:\n  exp:\n    path: runs/exp\n',
      [sea('real_cfg', 'm')]: goodText,
    });
    fs.symlinkSync('real_cfg', path.join(root, 'runs', 'exp', 'alias_cfg'));
    const out = path.join(root, 'out');
    const run = report(root, out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('linked-folder  1');
    const results = readResults(out);
    expect(results.files.map((f) => [f.file, f.status, f.model])).toEqual([
      [sea('real_cfg', 'm'), 'used', 'real_cfg_1'],
    ]);
    expect(results.warnings).toContainEqual({
      kind: 'linked-folder',
      file: 'runs/exp/alias_cfg',
      key_path: null,
      message:
        'reached through a symbolic link, the same folder as runs/exp/real_cfg, whose files are listed under that path; not listed twice',
    });
  });
});

describe('SEA-HELM files, end to end', () => {
  /** Writes `runs/...` files and a config with one experiment `exp` over `runs`, and runs it. */
  const reportOn = (files: Record<string, string>, config = '') => {
    const root = tempDir('sea-reader-');
    writeTree(root, {
      'leaderboard.config.yaml': `experiments:\n  exp:\n    path: runs\n${config}`,
      ...files,
    });
    const out = path.join(root, 'out');
    const run = report(root, out);
    expect(run.status, run.stderr).toBe(0);
    const task = csvRows(path.join(out, 'exp', 'task_report.csv'));
    const missingRows = csvRows(path.join(out, 'exp', 'missing_report.csv'));
    return { results: readResults(out), task, missing: missingRows };
  };

  it('writes no NaN where pragmatic counts too large to add up would pool to no number', () => {
    const counts = '{"subcategories": {"scalar_implicatures": [1e308, 1e308]}}';
    const { task, missing } = reportOn({
      'runs/a/seahelm/a_seahelm_results_2025-01-01T00:00:00.json': `{"id": {"linguistic-diagnostics": {"pragmatic-single": ${counts}, "pragmatic-pair": ${counts}, "mp-r": {"normalized_accuracy": 50}}}}`,
    });
    expect(task).toEqual([
      ['model', 'id_mp-r', 'id_pragmatics'],
      ['a_00000', '50.00', ''],
    ]);
    // The pooled cell's coverage (0/2 counted), and why its two tasks count for nothing.
    const pragmatics = missing.filter((row) => row[1] === 'id_pragmatics');
    expect(pragmatics.map((row) => row.slice(0, 3))).toEqual([
      ['a_00000', 'id_pragmatics', 'missing'],
      ['a_00000', 'id_pragmatics', 'invalid'],
    ]);
    expect(pragmatics[1]?.[3]).toContain(
      'id_pragmatic-pair: invalid counts: scalar_implicatures is [1e+308, 1e+308]: a count above 2^53 - 1',
    );
    expect(missing.flat()).not.toContain('NaN');
  });

  it('does not date a SEA-HELM file by its top-level date: of two undated files the later path wins', () => {
    const { results, task } = reportOn({
      'runs/a/seahelm/zz_seahelm_results.json':
        '{"id":{"nlu":{"sentiment":{"normalized_accuracy":10}}}}',
      'runs/a/seahelm/aa_seahelm_results.json':
        '{"id":{"nlu":{"sentiment":{"normalized_accuracy":20}}},"date":1700000000.0}',
    });
    expect(task).toEqual([
      ['model', 'id_sentiment'],
      ['a_00000', '10.00'],
    ]);
    expect(results.superseded).toEqual([
      {
        file: 'runs/a/seahelm/aa_seahelm_results.json',
        key: 'id.nlu.sentiment',
        by: 'runs/a/seahelm/zz_seahelm_results.json',
        reason: null,
      },
    ]);
  });

  it('gives no per-task warning inside languages that are not scored, and counts them ignored', () => {
    const file = 'runs/m/seahelm/m_seahelm_results_2026-06-01T00:00:00.json';
    const { results } = reportOn(
      {
        [file]: json({
          id: { nlu: { id_new: { normalized_accuracy: 10 } } },
          vi: { nlu: { vi_new: { normalized_accuracy: 20 } } },
          en: {
            english_reasoning: {
              brand_new: { normalized_accuracy: 5 },
              bbh_navigate: { normalized_accuracy: 5 },
            },
          },
        }),
      },
      'sea_languages: [id]\n',
    );
    expect(results.warnings.map((w) => `${w.kind} ${w.key_path ?? ''}`)).toEqual([
      'fallback-metric id.nlu.id_new',
    ]);
    expect(results.ignored_tasks).toEqual({ vi: 1, en: 2 });
  });

  it('reports a task under two competencies of a language, naming both key paths', () => {
    const file = 'runs/m/seahelm/m_seahelm_results_2026-06-01T00:00:00.json';
    const { results } = reportOn({
      [file]: json({
        id: {
          nlu: { sentiment: { normalized_accuracy: 10 } },
          cultural: { sentiment: { normalized_accuracy: 30 } },
        },
      }),
    });
    expect(results.warnings).toEqual([
      {
        kind: 'duplicate-task',
        file,
        key_path: 'id.cultural.sentiment',
        message:
          "the task 'sentiment' is under two competencies of 'id': id.nlu.sentiment and id.cultural.sentiment; id.cultural.sentiment is used (the later one in the file)",
      },
    ]);
  });

  it('makes no task column of a bare NaN total, and does not mark other rows partial', () => {
    const { results, task, missing } = reportOn({
      'runs/a/seahelm/a_seahelm_results_2025-01-01T00:00:00.json':
        '{"id":{"nlu":{"sentiment":{"normalized_accuracy":40.0},"qa":{"normalized_f1":NaN},"total":NaN}}}',
      'runs/b/seahelm/b_seahelm_results_2025-01-01T00:00:00.json':
        '{"id":{"nlu":{"sentiment":{"normalized_accuracy":40.0},"qa":{"normalized_f1":60.0},"total":50.0}}}',
    });
    expect(task[0]).toEqual(['model', 'id_qa', 'id_sentiment']);
    expect(missing.filter((r) => r[0] === 'b_00000' && r[2] === 'partial')).toEqual([]);
    expect(results.warnings).toContainEqual({
      kind: 'non-finite-token',
      file: 'runs/a/seahelm/a_seahelm_results_2025-01-01T00:00:00.json',
      key_path: 'id.nlu.total',
      message:
        "the file's own total or group value is NaN; it is not compared with the recomputed value",
    });
  });
});
