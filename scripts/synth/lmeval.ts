/**
 * Synthetic lm-evaluation-harness results files for the Open LLM Leaderboard v2 tasks: `results`
 * with `"<metric>,<filter>"` keys and stderr, group entries (placeholders or aggregates),
 * `group_subtasks`, `configs`, `versions`, `n-shot`, `higher_is_better`, `n-samples`, `config`
 * and the run's bookkeeping keys (result-formats.md section 2).
 */
import {
  type ConfigDetail,
  type ModelArgs,
  sampleRecord,
  taskConfig,
  taskVersion,
} from './lmeval-configs.ts';
import {
  ALL_BENCHMARKS,
  type Benchmark,
  benchmarkTaskName,
  EVALUATION_ORDER,
  GROUP_NAMES,
  IFEVAL_INSTRUCTION_COUNT,
  type LeaderboardTask,
  tasksOf,
} from './lmeval-tasks.ts';
import { clamp, Rng } from './prng.ts';
import {
  pf,
  pyFloat,
  type PyJsonObject,
  type PyJsonValue,
  type RawJson,
  toPythonJson,
} from './pyjson.ts';
import { addSeconds, type Instant, unixSeconds } from './time.ts';

/** What differs between harness releases in the files they write. */
export interface HarnessProfile {
  /** `lm_eval_version` key (newer releases only). */
  readonly lmEvalVersion: string | null;
  readonly gitHash: string;
  readonly transformersVersion: string;
  /** `{" ": " "}` placeholders (<= 0.4.8) or size-weighted aggregates (>= 0.4.9). */
  readonly groupStyle: 'placeholder' | 'aggregate';
  /** `leaderboard_math_*_hard` version; 3.0 adds `exact_match_original`. */
  readonly mathVersion: number;
}

export const HARNESS_0_4_5: HarnessProfile = {
  lmEvalVersion: null,
  gitHash: '9b052fdc',
  transformersVersion: '4.45.2',
  groupStyle: 'placeholder',
  mathVersion: 1,
};

export const HARNESS_0_4_8: HarnessProfile = {
  lmEvalVersion: null,
  gitHash: 'b876b3b',
  transformersVersion: '4.52.4',
  groupStyle: 'placeholder',
  mathVersion: 2,
};

export const HARNESS_0_4_9: HarnessProfile = {
  lmEvalVersion: '0.4.9.1',
  gitHash: '3e091a1',
  transformersVersion: '4.57.0',
  groupStyle: 'aggregate',
  mathVersion: 3,
};

export interface TokenizerInfo {
  readonly pad: readonly [string, string];
  readonly eos: readonly [string, string];
  readonly bos: readonly [string | null, string];
  readonly eotTokenId: number;
  readonly maxLength: number;
}

export const LLAMA_TOKENIZER: TokenizerInfo = {
  pad: ['<|end_of_text|>', '128001'],
  eos: ['<|end_of_text|>', '128001'],
  bos: ['<|begin_of_text|>', '128000'],
  eotTokenId: 128001,
  maxLength: 8192,
};

/** `--tasks leaderboard`, or a list of benchmarks requested one by one. */
export type TaskRequest = 'leaderboard' | readonly Benchmark[];

export interface LmEvalFileOptions {
  readonly rng: Rng;
  /** English ability of the model, about 0 (untrained) to 1 (strong). */
  readonly skill: number;
  readonly modelArgs: ModelArgs;
  readonly modelParameters: number;
  readonly request: TaskRequest;
  readonly harness: HarnessProfile;
  /** `--limit`; `null` for a full run. */
  readonly limit: number | null;
  /** When the file was saved (its name's timestamp); `date` is the start of the run. */
  readonly savedAt: Instant;
  readonly durationSeconds: number;
  readonly configDetail: ConfigDetail;
  /** `cli`: the harness CLI's file; `raw-dump`: a wrapper's dump of `simple_evaluate()`. */
  readonly shape: 'cli' | 'raw-dump';
  readonly tokenizer?: TokenizerInfo;
  readonly prettyEnvInfo: string;
  /** Raw dumps only: about how many bytes of sample records (the `samples` key) to write. */
  readonly samplesBytes?: number;
  /** Pre-rendered sections that do not depend on the scores (the benchmark renders them once). */
  readonly prerendered?: { readonly configs?: RawJson; readonly samples?: RawJson };
}

export function requestedBenchmarks(request: TaskRequest): readonly Benchmark[] {
  return request === 'leaderboard' ? ALL_BENCHMARKS : [...request].sort();
}

export function requestedTasks(request: TaskRequest): readonly LeaderboardTask[] {
  return requestedBenchmarks(request).flatMap((benchmark) => tasksOf(benchmark));
}

/** lm-eval's `sanitize_model_name`: `/` and other path characters become `__`. */
export function sanitizeModelName(name: string): string {
  return name.replace(/["<>:/|\\?*[\]]+/g, '__');
}

export function modelArgsText(args: ModelArgs): string {
  return Object.entries(args)
    .map(
      ([key, value]) => `${key}=${typeof value === 'boolean' ? (value ? 'True' : 'False') : value}`,
    )
    .join(',');
}

/** The parsed content of one lm-eval results file. */
export function buildLmEvalResults(options: LmEvalFileOptions): PyJsonObject {
  const tasks = requestedTasks(options.request);
  const scored = tasks.map((task) => scoreTask(task, options));
  const groups = groupEntries(scored, options);
  const file: Record<string, PyJsonValue> = {
    results: resultsSection(scored, groups, options.request),
  };
  if (options.harness.groupStyle === 'aggregate' && Object.keys(groups).length > 0) {
    file['groups'] = groups;
  }
  file['group_subtasks'] = groupSubtasks(options.request);
  file['configs'] =
    options.prerendered?.configs ??
    configsSection(tasks, options.configDetail, options.modelArgs, options.harness.mathVersion);
  file['versions'] = versionsSection(tasks, options);
  file['n-shot'] = Object.fromEntries(sortedByName(tasks).map((task) => [task.name, task.nShot]));
  file['higher_is_better'] = higherIsBetterSection(tasks, options);
  file['n-samples'] = nSamplesSection(scored);
  if (options.shape === 'raw-dump') {
    file['samples'] =
      options.prerendered?.samples ??
      samplesSection(tasks, options.harness.mathVersion, options.samplesBytes ?? 0);
  }
  Object.assign(file, runInfo(tasks, options));
  return file;
}

interface ScoredTask {
  readonly task: LeaderboardTask;
  readonly effective: number;
  /** Metric name (without filter) -> value in [0, 1]. */
  readonly values: Readonly<Record<string, number>>;
  /** Metric name -> stderr or "N/A". */
  readonly stderrs: Readonly<Record<string, number | 'N/A'>>;
}

/** How hard a task is, the same for every model: quality at skill 0 and at skill 1. */
function difficulty(task: LeaderboardTask): { low: number; high: number } {
  const rng = new Rng(`lm-eval-difficulty/${task.name}`);
  switch (task.benchmark) {
    case 'bbh':
      return { low: rng.uniform(-0.1, 0.02), high: rng.uniform(0.25, 0.7) };
    case 'gpqa':
      return { low: rng.uniform(-0.06, -0.02), high: rng.uniform(0.12, 0.2) };
    case 'mmlu_pro':
      return { low: 0.0, high: 0.45 };
    case 'musr':
      return { low: rng.uniform(-0.06, 0), high: rng.uniform(0.22, 0.4) };
    case 'math_hard':
      return { low: 0.0, high: rng.uniform(0.08, 0.35) };
    case 'ifeval':
      return { low: 0.12, high: 0.72 };
  }
}

function scoreTask(task: LeaderboardTask, options: LmEvalFileOptions): ScoredTask {
  const rng = options.rng.fork(task.name);
  const effective = options.limit === null ? task.size : Math.min(options.limit, task.size);
  const { low, high } = difficulty(task);
  const quality = low + (high - low) * options.skill + rng.normal(0, 0.02);
  const values: Record<string, number> = {};
  const stderrs: Record<string, number | 'N/A'> = {};
  const record = (metric: string, probability: number, items: number, hasStderr = true): void => {
    const value = rng.binomial(items, clamp(probability, 0, 1)) / items;
    values[metric] = value;
    stderrs[metric] =
      hasStderr && items > 1 ? Math.sqrt((value * (1 - value)) / (items - 1)) : 'N/A';
  };
  if (task.benchmark === 'ifeval') {
    const instructions =
      options.limit === null ? IFEVAL_INSTRUCTION_COUNT : Math.round(effective * 1.54);
    const strict = quality;
    const instStrict = strict * 0.8 + 0.18;
    record('prompt_level_strict_acc', strict, effective);
    record('inst_level_strict_acc', instStrict, instructions, false);
    record('prompt_level_loose_acc', strict + 0.035, effective);
    record('inst_level_loose_acc', instStrict + 0.03, instructions, false);
  } else if (task.options === undefined) {
    record('exact_match', quality, effective);
    if (options.harness.mathVersion >= 3) record('exact_match_original', quality * 0.9, effective);
  } else {
    const chance = 1 / task.options;
    record(task.metrics[0] ?? 'acc', chance + (1 - chance) * quality, effective);
  }
  return { task, effective, values, stderrs };
}

function aliasFor(name: string, depth: number): string {
  return depth === 0 ? name : `${' '.repeat(depth)}- ${name}`;
}

function taskEntry(scored: ScoredTask, depth: number): PyJsonObject {
  const entry: Record<string, PyJsonValue> = { alias: aliasFor(scored.task.name, depth) };
  for (const [metric, value] of Object.entries(scored.values)) {
    entry[`${metric},none`] = pf(value);
    const stderr = scored.stderrs[metric] ?? 'N/A';
    entry[`${metric}_stderr,none`] = stderr === 'N/A' ? stderr : pf(stderr);
  }
  return entry;
}

/**
 * Group entries keyed by group name. Aggregates weight members by their effective size and pool
 * their stderr as the harness does (`pooled_sample_stderr`); an "N/A" member makes it "N/A".
 */
function groupEntries(
  scored: readonly ScoredTask[],
  options: LmEvalFileOptions,
): Record<string, PyJsonObject> {
  const depthOffset = options.request === 'leaderboard' ? 1 : 0;
  const entries: Record<string, PyJsonObject> = {};
  if (options.request === 'leaderboard') {
    entries['leaderboard'] = aggregateOrPlaceholder('leaderboard', 0, scored, options);
  }
  for (const benchmark of requestedBenchmarks(options.request)) {
    const group = GROUP_NAMES[benchmark];
    if (group === undefined) continue;
    const members = scored.filter((s) => s.task.benchmark === benchmark);
    entries[group] = aggregateOrPlaceholder(group, depthOffset, members, options);
  }
  return entries;
}

function aggregateOrPlaceholder(
  name: string,
  depth: number,
  members: readonly ScoredTask[],
  options: LmEvalFileOptions,
): PyJsonObject {
  if (options.harness.groupStyle === 'placeholder')
    return { ' ': ' ', alias: aliasFor(name, depth) };
  const entry: Record<string, PyJsonValue> = {};
  const metrics = [...new Set(members.flatMap((m) => Object.keys(m.values)))];
  for (const metric of metrics) {
    const withMetric = members.filter((m) => metric in m.values);
    const sizes = withMetric.map((m) => m.effective);
    const total = sizes.reduce((a, b) => a + b, 0);
    const mean =
      withMetric.reduce((sum, m) => sum + (m.values[metric] ?? 0) * m.effective, 0) / total;
    entry[`${metric},none`] = pf(mean);
    entry[`${metric}_stderr,none`] = pooledStderr(withMetric, metric, total);
  }
  entry['alias'] = aliasFor(name, depth);
  return entry;
}

function pooledStderr(members: readonly ScoredTask[], metric: string, total: number): PyJsonValue {
  let pooled = 0;
  for (const member of members) {
    const stderr = member.stderrs[metric];
    if (stderr === undefined || stderr === 'N/A') return 'N/A';
    pooled += (member.effective - 1) * stderr * stderr * member.effective;
  }
  const dof = total - members.length;
  return dof > 0 ? pf(Math.sqrt(pooled / dof / total)) : 'N/A';
}

function resultsSection(
  scored: readonly ScoredTask[],
  groups: Readonly<Record<string, PyJsonObject>>,
  request: TaskRequest,
): PyJsonObject {
  const results: Record<string, PyJsonValue> = {};
  const top = request === 'leaderboard' ? 1 : 0;
  const leaderboard = groups['leaderboard'];
  if (leaderboard !== undefined) results['leaderboard'] = leaderboard;
  for (const benchmark of requestedBenchmarks(request)) {
    const members = sortedByName(scored.map((s) => s.task))
      .map((task) => scored.find((s) => s.task === task))
      .filter((s): s is ScoredTask => s !== undefined && s.task.benchmark === benchmark);
    const group = GROUP_NAMES[benchmark];
    const groupEntry = group === undefined ? undefined : groups[group];
    if (group !== undefined && groupEntry !== undefined) results[group] = groupEntry;
    const depth = group === undefined ? top : top + 1;
    for (const member of members) results[member.task.name] = taskEntry(member, depth);
  }
  return results;
}

/** Sub-groups in reverse request order, then `leaderboard` (as real files list them). */
function groupSubtasks(request: TaskRequest): PyJsonObject {
  const out: Record<string, PyJsonValue> = {};
  for (const benchmark of [...requestedBenchmarks(request)].reverse()) {
    const group = GROUP_NAMES[benchmark];
    if (group !== undefined) out[group] = tasksOf(benchmark).map((task) => task.name);
    else if (request !== 'leaderboard') out[benchmarkTaskName(benchmark)] = [];
  }
  if (request === 'leaderboard') {
    out['leaderboard'] = ['mmlu_pro', 'bbh', 'gpqa', 'math_hard', 'ifeval', 'musr'].map(
      (b) => `leaderboard_${b}`,
    );
  }
  return out;
}

function sortedByName(tasks: readonly LeaderboardTask[]): LeaderboardTask[] {
  return [...tasks].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function configsSection(
  tasks: readonly LeaderboardTask[],
  detail: ConfigDetail,
  modelArgs: ModelArgs,
  mathVersion: number,
): PyJsonObject {
  const context = { detail, modelArgs, mathVersion, rng: new Rng('lm-eval-configs') };
  return Object.fromEntries(
    sortedByName(tasks).map((task) => [task.name, taskConfig(task, context)]),
  );
}

/**
 * The `samples` key of a raw dump: records added task by task, round after round, until their
 * rendered size reaches `targetBytes` (so small targets leave later tasks without records).
 */
export function samplesSection(
  tasks: readonly LeaderboardTask[],
  mathVersion: number,
  targetBytes: number,
): PyJsonObject {
  const configs = configsSection(tasks, 'full', { pretrained: 'model' }, mathVersion);
  const rng = new Rng('lm-eval-samples');
  const out: Record<string, PyJsonValue[]> = {};
  let bytes = 0;
  for (let docId = 0; bytes < targetBytes; docId++) {
    for (const task of tasks) {
      const record = sampleRecord(task, docId, configs[task.name] as PyJsonObject, rng);
      // Rendered three levels deep (samples -> task -> list): count that indentation too.
      const text = toPythonJson(record);
      bytes += text.length + 6 * (text.split('\n').length - 1) + 8;
      (out[task.name] ??= []).push(record);
      if (bytes >= targetBytes) break;
    }
  }
  return out;
}

function groupNamesOf(request: TaskRequest): string[] {
  const groups = requestedBenchmarks(request)
    .map((benchmark) => GROUP_NAMES[benchmark])
    .filter((name): name is string => name !== undefined);
  return request === 'leaderboard' ? ['leaderboard', ...groups] : groups;
}

function versionsSection(
  tasks: readonly LeaderboardTask[],
  options: LmEvalFileOptions,
): PyJsonObject {
  const versions: [string, PyJsonValue][] = tasks.map((task) => [
    task.name,
    pf(taskVersion(task, options.harness.mathVersion)),
  ]);
  if (options.harness.groupStyle === 'aggregate') {
    for (const group of groupNamesOf(options.request)) {
      versions.push([group, group === 'leaderboard' ? pf(1) : null]);
    }
  }
  return Object.fromEntries(versions.sort(([a], [b]) => (a < b ? -1 : 1)));
}

function metricNames(task: LeaderboardTask, mathVersion: number): string[] {
  const names = [...task.metrics];
  if (task.benchmark === 'math_hard' && mathVersion >= 3) names.push('exact_match_original');
  return names;
}

function higherIsBetterSection(
  tasks: readonly LeaderboardTask[],
  options: LmEvalFileOptions,
): PyJsonObject {
  const entries: [string, PyJsonValue][] = tasks.map((task) => [
    task.name,
    Object.fromEntries(metricNames(task, options.harness.mathVersion).map((m) => [m, true])),
  ]);
  for (const group of groupNamesOf(options.request)) {
    const members =
      group === 'leaderboard' ? tasks : tasks.filter((t) => GROUP_NAMES[t.benchmark] === group);
    const metrics = [
      ...new Set(members.flatMap((t) => metricNames(t, options.harness.mathVersion))),
    ];
    entries.push([group, Object.fromEntries(metrics.map((m) => [m, true]))]);
  }
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

function nSamplesSection(scored: readonly ScoredTask[]): PyJsonObject {
  const ordered = EVALUATION_ORDER.flatMap((benchmark) =>
    scored.filter((s) => s.task.benchmark === benchmark),
  );
  return Object.fromEntries(
    ordered.map((s) => [s.task.name, { original: s.task.size, effective: s.effective }]),
  );
}

/** `config`, versions, environment and (CLI files) the tracker's keys. */
function runInfo(tasks: readonly LeaderboardTask[], options: LmEvalFileOptions): PyJsonObject {
  const rng = options.rng.fork('run-info');
  const tokenizer = options.tokenizer ?? LLAMA_TOKENIZER;
  const startedAt = addSeconds(options.savedAt, -options.durationSeconds, rng.int(0, 999999));
  const localModel = options.modelArgs.pretrained.startsWith('/');
  const info: Record<string, PyJsonValue> = {
    config: {
      model: 'hf',
      model_args: modelArgsText(options.modelArgs),
      model_num_parameters: options.modelParameters,
      model_dtype: 'torch.bfloat16',
      model_revision: 'main',
      model_sha: localModel ? '' : rng.hex(40),
      batch_size: 'auto',
      batch_sizes: [rng.pick([16, 32, 64])],
      device: 'cuda:0',
      use_cache: null,
      limit: options.limit === null ? null : pf(options.limit),
      bootstrap_iters: 100000,
      gen_kwargs: null,
      random_seed: 0,
      numpy_seed: 1234,
      torch_seed: 1234,
      fewshot_seed: 1234,
    },
    git_hash: options.harness.gitHash,
    date: pf(unixSeconds(startedAt)),
    pretty_env_info: options.prettyEnvInfo,
    transformers_version: options.harness.transformersVersion,
  };
  if (options.harness.lmEvalVersion !== null)
    info['lm_eval_version'] = options.harness.lmEvalVersion;
  Object.assign(info, {
    upper_git_hash: null,
    tokenizer_pad_token: [...tokenizer.pad],
    tokenizer_eos_token: [...tokenizer.eos],
    tokenizer_bos_token: [...tokenizer.bos],
    eot_token_id: tokenizer.eotTokenId,
    max_length: tokenizer.maxLength,
  });
  if (options.shape === 'cli') Object.assign(info, trackerInfo(tasks, options, rng));
  return info;
}

function trackerInfo(
  tasks: readonly LeaderboardTask[],
  options: LmEvalFileOptions,
  rng: Rng,
): PyJsonObject {
  const start = rng.uniform(1e6, 4e7);
  const pretrained = options.modelArgs.pretrained;
  // Task hashes are only filled when samples are logged, which compact sample files skip.
  const taskHashes =
    options.configDetail === 'full'
      ? Object.fromEntries(tasks.map((t) => [t.name, rng.hex(64)]))
      : {};
  return {
    task_hashes: taskHashes,
    model_source: 'hf',
    model_name: pretrained,
    model_name_sanitized: sanitizeModelName(pretrained),
    system_instruction: null,
    system_instruction_sha: null,
    fewshot_as_multiturn: false,
    chat_template: null,
    chat_template_sha: null,
    start_time: pf(start),
    end_time: pf(start + options.durationSeconds),
    total_evaluation_time_seconds: pyFloat(options.durationSeconds + rng.next()),
  };
}

/** Short `pretty_env_info` (torch.utils.collect_env output) for small sample files. */
export const SHORT_ENV_INFO = [
  'PyTorch version: 2.6.0+cu124',
  'Is debug build: False',
  'CUDA used to build PyTorch: 12.4',
  'ROCM used to build PyTorch: N/A',
  '',
  'OS: Ubuntu 22.04.4 LTS (x86_64)',
  'GCC version: (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0',
  'Python version: 3.11.11 (main, Dec 11 2024, 16:28:39) [GCC 11.2.0] (64-bit runtime)',
  'Is CUDA available: True',
  'CUDA runtime version: 12.4.131',
  'GPU models and configuration: GPU 0: NVIDIA H100 80GB HBM3',
  'Nvidia driver version: 550.90.07',
  '',
  'Versions of relevant libraries:',
  '[pip3] numpy==1.26.4',
  '[pip3] torch==2.6.0',
  '[pip3] triton==3.2.0',
].join('\n');

/** Full-length `pretty_env_info` (about 5 KB, CPU flags included) for the benchmark files. */
export function longEnvInfo(): string {
  const flags = Array.from({ length: 160 }, (_, i) => `flag${i.toString(36)}`).join(' ');
  const gpus = Array.from({ length: 8 }, (_, i) => `GPU ${i}: NVIDIA H100 80GB HBM3`).join('\n');
  const numa = Array.from({ length: 96 }, (_, i) => String(i * 2)).join(',');
  return [
    SHORT_ENV_INFO.split('\nGPU models')[0] ?? '',
    `GPU models and configuration: \n${gpus}`,
    '',
    'CPU:',
    'Architecture:                       x86_64',
    'CPU(s):                             192',
    'Model name:                         Intel(R) Xeon(R) Platinum 8468',
    `Flags:                              ${flags}`,
    `NUMA node0 CPU(s):                  ${numa}`,
    `NUMA node1 CPU(s):                  ${numa.replace(/\d+/g, (d) => String(Number(d) + 1))}`,
    'Vulnerability Spectre v2:           Mitigation; Enhanced IBRS, IBPB conditional, RSB filling',
    '',
    'Versions of relevant libraries:',
    '[pip3] numpy==1.26.4',
    '[pip3] torch==2.6.0',
    '[pip3] triton==3.2.0',
    '[conda] numpy                     1.26.4                   pypi_0    pypi',
    '[conda] torch                     2.6.0                    pypi_0    pypi',
  ].join('\n');
}
