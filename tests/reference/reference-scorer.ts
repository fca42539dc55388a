/**
 * Independent reference implementation of `scoring.md`, written from the documents only, used by
 * `tests/golden/cross-check.test.ts` to cross-check the CLI's reports. It favours plain, obviously
 * correct code over speed and shares nothing with `src/lib`.
 *
 * It computes values, missing-ness and row/column order of the lang, competency and task reports
 * (per run and merged). Coverage and partial flags never change a value (an aggregate is the mean
 * of its present children whatever its coverage), so they are not computed here.
 *
 * Readings of points the documents leave open (compare with the lead's choices):
 *
 * 1. Config: only `experiments`, `hero_runs`, `sea_languages` and `output` are understood. Any
 *    other top-level key (custom step patterns, file identifiers, task metrics, ...) makes the
 *    reference throw, so the cross-check never silently ignores a setting that changes results.
 * 2. Discovery: only `*.json` files (case-insensitive) are candidates. A file belongs to a harness
 *    when it passes that harness's pre-filter AND its `*_conditions` AND its content is that
 *    format. Files that cannot be parsed or whose content is neither format are skipped and count
 *    for nothing (neither as a row nor for padding).
 * 3. Globs of conditions match a whole path component, case-insensitively; `*`, `?` and `[...]`
 *    (with `!` or `^` negation) are supported.
 * 4. Padding is computed over every selected file of the run or baseline that holds a scored task
 *    (section 8, "Files that contribute nothing"), both harnesses together.
 * 5. A model (row) exists when at least one selected file with a scored task gives it its name. A
 *    language, a competency or a task column exists in a row when the merged data of that row
 *    holds at least one task entry for it (whatever its status); an IFEval entry gives both IFEval
 *    task columns. A SEA-HELM task entry is an object, a number (bare NaN and Infinity too) under
 *    the name of a task of the table or its `-logprobs` twin (never a group's name), or any other
 *    value under a name that is not `total`, a group of the table, or (under
 *    linguistic-diagnostics) one of SEA-HELM's computed values; an lm-eval task entry is any value
 *    under one of the 39 v2 task keys. Entries that are not objects are invalid.
 * 6. Competencies other than the nine known ones (e.g. `long-context` under `vi`) are columns too
 *    (after the known ones, alphabetically) and count in the language score like any other.
 * 7. Only SEA languages (section 3) appear in the competency and task reports; `en` and the
 *    Chinese codes in any case (or, with `sea_languages`, every code outside that list) appear
 *    nowhere. A language in `sea_languages` that no row has is not a column ("union over rows").
 *    Every other object at a file's top level is a language: the documents do not say which keys
 *    are no language code (the CLI ignores `metadata` or `sea_total` there), so the trees use codes
 *    such as `id`, `ID`, `id_x`.
 * 8. "By name" ordering is code-point order. English task columns inside a benchmark are sorted by
 *    name too, so `en_ifeval_inst_level_strict_acc` comes before `en_ifeval_prompt_level_strict_acc`.
 * 9. Merging: for each task, the usable entries compete first (latest wins); only when no entry is
 *    usable does the latest unusable one stand (its value is missing either way). "Latest" =
 *    the last date-time in the file name (or lm-eval `date`, to the microsecond), files without one
 *    oldest, ties and no timestamp broken by the byte order of the absolute path (greater wins);
 *    within one file the later entry. A SEA-HELM task is one per language and name whatever
 *    competency files it; the winner's competency holds it, and its column's place follows the
 *    competency of the last row met (the documents do not place a task that rows file apart).
 *    An impossible date-time in a name is none, so an lm-eval file then falls back to `date`.
 * 10. Usable: SEA-HELM entry without `error` whose primary metric is on 0-100; `pragmatic-single`
 *    / `-pair`: without `error` and with at least one valid `[correct, total]` phenomenon;
 *    `pragmatic-*-logprobs`: without `error` and with at least one phenomenon whose
 *    `average_cumulative_probabilities` is on 0-100; lm-eval entry: an object, not from 0
 *    samples, with at least one of the values section 4 reads for that task on 0-1. Invalid
 *    values are never usable. `n-samples` of a task come from the same file as its winning entry.
 * 11. Unknown SEA-HELM task: the first key of the fallback list that is present (even if its value
 *    is not a number, which then makes the task missing); none present: missing.
 * 12. Aggregation groups: `translations` (translation-en-xx/xx-en/id-xx/xx-id), `safeguard`
 *    (`safeguard_*`), `global_mmlu` (`global_mmlu_*` except `global_mmlu_lite`), `thai_exam`
 *    (`thai_exam_*`), and from the non-SEA table `oneruler` (`cwe_*`, `niah_*`), `world_cuisine`,
 *    `mathvista`, `bbh`, `mmlu_pro`, `mmlu_redux`, `supergpqa`, `math_hard`, `MathArena`, `musr`,
 *    `longproc`; each `-logprobs` twin forms `<group>-logprobs`. A group value is the mean of its
 *    present members.
 * 13. Only the 39 Open LLM Leaderboard v2 task keys are read from lm-eval files; anything else
 *    (groups, unknown subtasks) is ignored. A sample weight is `effective` when that is a whole
 *    number from 0 to 2^53 - 1 (`-0` is 0: the task's values are then invalid), else 1, as when it
 *    is absent; `original` never changes the weight.
 * 14. `en` = mean of the present English competencies (missing when none is present).
 * 15. One invalid pragmatic `[correct, total]` pair, or one phenomenon's probability that is not
 *    a number on 0-100 (or not under an object), makes the whole task entry unusable, as section
 *    8 says. A pair is valid when both are numbers, `correct` is at least 0, its total is above 0
 *    and at most 2^53 - 1, and `correct` is at most the total; the limit is checked on each task's
 *    pair, not on the pooled sum.
 * 16. A step folder whose digits are above 2^53 - 1 is no step, and the walk goes on upwards (a
 *    folder above it may give the step).
 * 17. Column names that meet: the fixed columns that the table has keep their names, then the
 *    first node met in the lang, competency and task reports, in column order. The merged
 *    reports take the union of the runs' columns by name, each placed as in the first run that
 *    has it, and copy each run's rows as its own table has them.
 * 18. A language code is two or three letters, optionally `_` or `-` and one to four letters
 *    (section 3); a task filed under different competencies in different rows is placed by the
 *    first row, in the table's row order (the run's models, then its baselines), that has it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export type Cell = number | null;

export interface ReferenceRow {
  readonly model: string;
  /** Run key the row is shown in (its own run, or the run a baseline is merged into). */
  readonly run: string;
  readonly cells: ReadonlyMap<string, Cell>;
}

export interface ReferenceTable {
  /** Value columns in report order (without `model` and `run`). */
  readonly columns: readonly string[];
  readonly rows: readonly ReferenceRow[];
}

export type ReportKind = 'lang' | 'competency' | 'task';

export type ReferenceReports = Readonly<Record<ReportKind, ReferenceTable>>;

export interface ReferenceResult {
  /** Run keys in config order (experiments, then hero runs). */
  readonly runOrder: readonly string[];
  readonly runs: ReadonlyMap<string, ReferenceReports>;
  readonly merged: ReferenceReports;
  readonly saveIndividual: boolean;
  readonly saveMerged: boolean;
}

// ------------------------------------------------------------------------------------------------
// Small helpers

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function has(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function mean(values: readonly number[]): Cell {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function presentValues(cells: Iterable<Cell>): number[] {
  const out: number[] = [];
  for (const c of cells) if (c !== null) out.push(c);
  return out;
}

function codePointCompare(a: string, b: string): number {
  if (a === b) return 0;
  const ca = Array.from(a, (ch) => ch.codePointAt(0) ?? 0);
  const cb = Array.from(b, (ch) => ch.codePointAt(0) ?? 0);
  const n = Math.min(ca.length, cb.length);
  for (let i = 0; i < n; i++) {
    const x = ca[i] ?? 0;
    const y = cb[i] ?? 0;
    if (x !== y) return x - y;
  }
  return ca.length - cb.length;
}

/** Stands for a bare token while the text goes through JSON.parse; no real string holds it. */
const NON_FINITE_MARK = '\u0000non-finite\u0000';
const NON_FINITE_VALUES: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};

/**
 * Python's json writes bare NaN / Infinity / -Infinity. They are read as the numbers they name
 * (not finite, so never a value), because a bare token is a number where the rules tell numbers
 * from other values (a number under an unknown name is a group value, `null` an invalid task).
 */
function parseJsonAllowingNonFinite(text: string): unknown {
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (match) =>
    match.startsWith('"') ? match : JSON.stringify(NON_FINITE_MARK + match),
  );
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(NON_FINITE_MARK)
      ? NON_FINITE_VALUES[value.slice(NON_FINITE_MARK.length)]
      : value,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The bracket expression starting after the `[` at `start`, as Python's fnmatch reads it: `!`
 * negates (`^` is a character like any other), a `]` first is literal, and a range written
 * backwards holds no character. Null when the bracket never closes (the `[` is then literal).
 */
function bracketSet(glob: string, start: number): { source: string; end: number } | null {
  let j = start;
  const negated = glob[j] === '!';
  if (negated) j++;
  const bodyStart = j;
  if (glob[j] === ']') j++;
  while (j < glob.length && glob[j] !== ']') j++;
  if (j >= glob.length) return null;
  const body = glob.slice(bodyStart, j);
  let members = '';
  for (let k = 0; k < body.length; k++) {
    const low = body[k] ?? '';
    const high = body[k + 2];
    if (body[k + 1] === '-' && high !== undefined) {
      if (low <= high) members += `${escapeRegExp(low)}-${escapeRegExp(high)}`;
      k += 2;
    } else members += escapeRegExp(low);
  }
  if (members === '') return { source: negated ? '.' : '(?!)', end: j };
  return { source: `[${negated ? '^' : ''}${members}]`, end: j };
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const set = bracketSet(glob, i + 1);
      if (set === null) source += '\\[';
      else {
        source += set.source;
        i = set.end;
      }
    } else source += escapeRegExp(ch);
  }
  return new RegExp('^' + source + '$', 'is');
}

// ------------------------------------------------------------------------------------------------
// Config

type Section = 'experiments' | 'hero_runs';

interface ConditionPair {
  readonly include: string | null;
  readonly exclude: string | null;
}

interface Source {
  readonly section: Section;
  readonly key: string;
  readonly root: string;
  readonly enConditions: readonly ConditionPair[] | null;
  readonly bhasaConditions: readonly ConditionPair[] | null;
}

interface Run extends Source {
  readonly index: number;
}

interface Baseline extends Source {
  readonly targets: readonly number[];
}

interface ReferenceConfig {
  readonly runs: readonly Run[];
  readonly baselines: readonly Baseline[];
  readonly seaLanguages: readonly string[] | null;
  readonly saveIndividual: boolean;
  readonly saveMerged: boolean;
}

const UNDERSTOOD_TOP_LEVEL_KEYS = new Set([
  'experiments',
  'hero_runs',
  'sea_languages',
  'output',
  // The site's texts: no score depends on them.
  'site',
]);

function readConditions(value: unknown, where: string): ConditionPair[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value)) throw new Error(`${where}: conditions must be a list`);
  return value.map((pair: unknown) => {
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new Error(`${where}: each condition must be an [include, exclude] pair`);
    }
    const [include, exclude] = pair as unknown[];
    const asGlob = (g: unknown): string | null => {
      if (g === null || g === undefined) return null;
      if (typeof g !== 'string') throw new Error(`${where}: a glob must be a string or null`);
      return g;
    };
    return { include: asGlob(include), exclude: asGlob(exclude) };
  });
}

function readSection(
  yamlValue: unknown,
  section: Section,
  configDir: string,
): { runs: Run[]; baselines: Baseline[] } {
  const runs: Run[] = [];
  const baselines: Baseline[] = [];
  if (yamlValue === undefined || yamlValue === null) return { runs, baselines };
  if (!isObject(yamlValue)) throw new Error(`${section} must be a mapping`);
  const sourceOf = (key: string, entry: unknown): Source => {
    if (!isObject(entry) || typeof entry['path'] !== 'string') {
      throw new Error(`${section}.${key} needs a path`);
    }
    return {
      section,
      key,
      root: path.resolve(configDir, entry['path']),
      enConditions: readConditions(entry['en_conditions'], `${section}.${key}`),
      bhasaConditions: readConditions(entry['bhasa_conditions'], `${section}.${key}`),
    };
  };
  for (const [key, entry] of Object.entries(yamlValue)) {
    if (key === 'baselines') continue;
    runs.push({ ...sourceOf(key, entry), index: runs.length });
  }
  const baselineMap = yamlValue['baselines'];
  if (baselineMap !== undefined && baselineMap !== null) {
    if (!isObject(baselineMap)) throw new Error(`${section}.baselines must be a mapping`);
    for (const [key, entry] of Object.entries(baselineMap)) {
      const source = sourceOf(key, entry);
      const raw = isObject(entry) ? entry['target_experiments'] : undefined;
      let targets: number[];
      if (raw === undefined || raw === null) targets = runs.map((r) => r.index);
      else if (Array.isArray(raw)) {
        targets = raw.map((t: unknown) => {
          if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t >= runs.length) {
            throw new Error(`${section}.baselines.${key}: target ${String(t)} names no run`);
          }
          return t;
        });
      } else throw new Error(`${section}.baselines.${key}: target_experiments must be a list`);
      baselines.push({ ...source, targets });
    }
  }
  return { runs, baselines };
}

function readConfig(configFile: string): ReferenceConfig {
  const parsed: unknown = parseYaml(readFileSync(configFile, 'utf8'));
  if (!isObject(parsed)) throw new Error('config must be a mapping');
  const unknownKeys = Object.keys(parsed).filter((k) => !UNDERSTOOD_TOP_LEVEL_KEYS.has(k));
  if (unknownKeys.length > 0) {
    throw new Error(`reference scorer does not understand config keys: ${unknownKeys.join(', ')}`);
  }
  const configDir = path.dirname(path.resolve(configFile));
  const experiments = readSection(parsed['experiments'], 'experiments', configDir);
  const heroRuns = readSection(parsed['hero_runs'], 'hero_runs', configDir);
  const seaRaw = parsed['sea_languages'];
  let seaLanguages: string[] | null = null;
  if (seaRaw !== undefined && seaRaw !== null) {
    if (!Array.isArray(seaRaw) || !seaRaw.every((l): l is string => typeof l === 'string')) {
      throw new Error('sea_languages must be a list of strings');
    }
    seaLanguages = seaRaw;
  }
  const output = isObject(parsed['output']) ? parsed['output'] : {};
  return {
    runs: [...experiments.runs, ...heroRuns.runs],
    baselines: [...experiments.baselines, ...heroRuns.baselines],
    seaLanguages,
    saveIndividual: output['save_individual'] !== false,
    saveMerged: output['save_merged'] !== false,
  };
}

// ------------------------------------------------------------------------------------------------
// Discovery (section 7) and model names (section 5)

type Harness = 'seahelm' | 'lmeval';

interface ResultFile {
  readonly absPath: string;
  readonly harness: Harness;
  readonly content: JsonObject;
  readonly modelName: string;
  readonly configName: string;
  readonly step: number;
  /** Microseconds since the Unix epoch (UTC), or null when the file carries no date-time. */
  readonly timestamp: number | null;
}

function listFilesRecursively(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const names = entries.map((e) => e.name).sort(codePointCompare);
    for (const name of names) {
      const entry = entries.find((e) => e.name === name);
      if (entry === undefined) continue;
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (entry.isDirectory()) walk(path.join(dir, name), childRel);
      else if (entry.isFile()) out.push(childRel);
    }
  };
  walk(root, '');
  return out;
}

function passesSeahelmPrefilter(relPath: string): boolean {
  return relPath.toLowerCase().includes('seahelm');
}

function passesLmEvalPrefilter(relPath: string): boolean {
  const lower = relPath.toLowerCase();
  if (lower.includes('lm-eval') || lower.includes('lm_eval') || lower.includes('hf_leaderboard')) {
    return true;
  }
  const fileName = lower.split('/').pop() ?? '';
  return globToRegExp('results_*.json').test(fileName);
}

function passesConditions(parts: readonly string[], pairs: readonly ConditionPair[] | null) {
  if (pairs === null) return true;
  if (parts.length < pairs.length) return false;
  return pairs.every((pair, i) => {
    const component = parts[i] ?? '';
    if (pair.include !== null && !globToRegExp(pair.include).test(component)) return false;
    if (pair.exclude !== null && globToRegExp(pair.exclude).test(component)) return false;
    return true;
  });
}

function looksLikeLmEval(content: JsonObject): boolean {
  return (
    isObject(content['results']) && isObject(content['configs']) && isObject(content['versions'])
  );
}

function looksLikeSeahelm(content: JsonObject): boolean {
  let languages = 0;
  for (const [key, value] of Object.entries(content)) {
    if (key === 'total') continue;
    if (!isObject(value)) continue; // tolerated unexpected top-level keys (evaluated_as_base)
    for (const competency of Object.values(value)) {
      if (!isObject(competency) && typeof competency !== 'number') return false;
    }
    languages++;
  }
  return languages > 0;
}

const DEFAULT_STEP_PATTERNS = [
  'ba(\\d+)',
  'step=(\\d+)',
  'global_step[_-]?(\\d+)',
  'step[_-](\\d+)',
  'checkpoint-(\\d+)',
  'iter_(\\d+)',
];

/** The step a folder name gives; digits above 2^53 - 1 are no step (section 5). */
function stepOfFolderName(name: string): number | null {
  for (const pattern of DEFAULT_STEP_PATTERNS) {
    const re = new RegExp(`(?:^|[_.-])(?:${pattern})(?=$|[_.-])`);
    const match = re.exec(name);
    if (match?.[1] === undefined) continue;
    const step = BigInt(match[1]);
    return step <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(step) : null;
  }
  return null;
}

/** Nearest folder (walking up, the run root excluded) whose name is a step; 0 without one. */
function stepOfRelativePath(parts: readonly string[]): number {
  const folders = parts.slice(0, -1);
  for (let i = folders.length - 1; i >= 0; i--) {
    const step = stepOfFolderName(folders[i] ?? '');
    if (step !== null) return step;
  }
  return 0;
}

function timestampOfFileName(fileName: string): number | null {
  // The last date-time in the name is the file's (section 5): a model name before it may hold one.
  let best: RegExpExecArray | null = null;
  let iso = false;
  const spellings: readonly (readonly [RegExp, boolean])[] = [
    [/(\d{4})-(\d{2})-(\d{2})T(\d{2})[:-](\d{2})[:-](\d{2})(?:\.(\d{1,6}))?/g, true],
    [/(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})/g, false],
  ];
  let lastEnd = -1;
  for (const [pattern, isIso] of spellings) {
    for (let m = pattern.exec(fileName); m !== null; m = pattern.exec(fileName)) {
      const end = m.index + m[0].length;
      if (end > lastEnd) [best, iso, lastEnd] = [m, isIso, end];
    }
  }
  const match = best;
  if (match === null) return null;
  const n = (i: number): number => Number.parseInt(match[i] ?? '0', 10);
  const millis = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  // An impossible date-time (month 13, hour 99, February 30) is no date-time (section 5).
  const back = new Date(millis);
  const fields = [
    back.getUTCFullYear(),
    back.getUTCMonth() + 1,
    back.getUTCDate(),
    back.getUTCHours(),
    back.getUTCMinutes(),
    back.getUTCSeconds(),
  ];
  if (fields.some((value, i) => value !== n(i + 1))) return null;
  const fraction = iso ? (match[7] ?? '') : '';
  const micros = fraction === '' ? 0 : Number.parseInt(fraction.padEnd(6, '0'), 10);
  return millis * 1000 + micros;
}

/**
 * lm-eval's `date` (Unix seconds) to the microsecond, as the file-name date-times are compared
 * (section 8). The fraction is taken apart first: `date * 1e6` would add its own rounding error.
 */
function microsecondsOfUnixSeconds(date: number): number {
  const whole = Math.floor(date);
  return whole * 1e6 + Math.round((date - whole) * 1e6);
}

interface RawSelected {
  readonly absPath: string;
  readonly harness: Harness;
  readonly content: JsonObject;
  readonly configName: string;
  readonly step: number;
  readonly timestamp: number | null;
}

function selectFiles(source: Source, isExperiment: boolean): RawSelected[] {
  const selected: RawSelected[] = [];
  for (const rel of listFilesRecursively(source.root)) {
    if (!rel.toLowerCase().endsWith('.json')) continue;
    const parts = rel.split('/');
    const candidates: Harness[] = [];
    if (passesSeahelmPrefilter(rel) && passesConditions(parts, source.bhasaConditions)) {
      candidates.push('seahelm');
    }
    if (passesLmEvalPrefilter(rel) && passesConditions(parts, source.enConditions)) {
      candidates.push('lmeval');
    }
    if (candidates.length === 0) continue;
    const absPath = path.join(source.root, ...parts);
    let content: unknown;
    try {
      content = parseJsonAllowingNonFinite(readFileSync(absPath, 'utf8'));
    } catch {
      continue; // unreadable: contributes nothing
    }
    if (!isObject(content)) continue;
    let harness: Harness | null = null;
    if (looksLikeLmEval(content)) harness = 'lmeval';
    else if (looksLikeSeahelm(content)) harness = 'seahelm';
    if (harness === null || !candidates.includes(harness)) continue;
    let timestamp = timestampOfFileName(parts[parts.length - 1] ?? '');
    if (timestamp === null && harness === 'lmeval' && isFiniteNumber(content['date'])) {
      timestamp = microsecondsOfUnixSeconds(content['date']);
    }
    const configName = isExperiment && parts.length > 1 ? (parts[0] ?? '') : source.key;
    selected.push({
      absPath,
      harness,
      content,
      configName,
      step: stepOfRelativePath(parts),
      timestamp,
    });
  }
  return selected;
}

function padWidth(files: readonly RawSelected[]): number {
  const largest = Math.max(0, ...files.map((f) => f.step));
  return largest === 0 ? 5 : String(largest).length;
}

/**
 * A file with no scored task (only `en` tasks, only lm-eval tasks outside the v2 set) is skipped
 * (section 8): it gives no row and its step does not widen the padding.
 */
function hasScoredTask(file: RawSelected, isSeaLanguage: (language: string) => boolean): boolean {
  if (file.harness === 'seahelm') {
    return !seaTaskEntries(file, isSeaLanguage).next().done;
  }
  const results = file.content['results'];
  return isObject(results) && Object.keys(results).some((key) => englishTaskOf(key) !== null);
}

function filesOfSource(
  source: Source,
  kind: 'run' | 'baseline',
  isSeaLanguage: (language: string) => boolean,
): ResultFile[] {
  const isExperiment = kind === 'run' && source.section === 'experiments';
  const raw = selectFiles(source, isExperiment).filter((f) => hasScoredTask(f, isSeaLanguage));
  const width = padWidth(raw);
  return raw.map((f) => {
    const step = String(f.step).padStart(width, '0');
    const prefix =
      kind === 'baseline'
        ? `BASELINE_${source.section}_${source.key}`
        : isExperiment
          ? f.configName
          : source.key;
    return { ...f, modelName: `${prefix}_${step}` };
  });
}

function isNewerFile(a: ResultFile, b: ResultFile): boolean {
  const ta = a.timestamp ?? Number.NEGATIVE_INFINITY;
  const tb = b.timestamp ?? Number.NEGATIVE_INFINITY;
  if (ta !== tb) return ta > tb;
  return Buffer.compare(Buffer.from(a.absPath), Buffer.from(b.absPath)) > 0;
}

interface Candidate {
  /** The value found under the task's key: an object, or anything else (an invalid entry). */
  readonly entry: unknown;
  readonly file: ResultFile;
  /** Position of the entry in its file, so that the later of two in one file wins. */
  readonly order: number;
}

function isNewerCandidate(a: Candidate, b: Candidate): boolean {
  if (a.file === b.file) return a.order > b.order;
  return isNewerFile(a.file, b.file);
}

function pickWinner<T extends Candidate>(
  candidates: readonly T[],
  usable: (c: T) => boolean,
): T | undefined {
  const usableOnes = candidates.filter(usable);
  const pool = usableOnes.length > 0 ? usableOnes : candidates;
  let winner: T | undefined;
  for (const c of pool) if (winner === undefined || isNewerCandidate(c, winner)) winner = c;
  return winner;
}

/** A value from 0 to `high`, rounding noise of 1e-9 past an end tolerated (section 8). */
function isOnScale(value: unknown, high: number): value is number {
  return isFiniteNumber(value) && value >= -1e-9 && value <= high + 1e-9;
}

// ------------------------------------------------------------------------------------------------
// SEA-HELM (section 3)

const DEFAULT_LANGUAGE_ORDER = ['id', 'vi', 'th', 'ta', 'tl', 'ms', 'my', 'jv', 'su', 'km', 'lo'];
const NON_SEA_LANGUAGES = new Set(['en', 'zh', 'zh_t', 'zh-s', 'zh-t']);
const COMPETENCY_ORDER = [
  'nlu',
  'nlg',
  'nlr',
  'instruction-following',
  'multi-turn',
  'cultural',
  'safety',
  'knowledge',
  'linguistic-diagnostics',
];
/** Objects that SEA-HELM's aggregation writes into linguistic-diagnostics; never tasks. */
const NOT_TASKS = new Set(['pragmatics', 'pragmatics-logprobs', 'lindsea', 'lindsea-logprobs']);
const FALLBACK_METRICS = [
  'normalized_accuracy',
  'normalized_f1',
  'normalized_rougel_f1',
  'normalized_metricx_wmt24_scores',
  'normalized_chrf_score',
  'overall_lang_normalized_acc',
  'weighted_win_rate',
  'average_criteria_score',
  'normalized_math_verify_score',
  'normalized_exact_match',
  'normalized_strict_accuracy',
  'normalized_prompt_level_strict_acc',
  'accuracy_score',
  'average_cumulative_probabilities',
];

const EXACT_TASK_METRICS: Readonly<Record<string, string>> = {
  'belebele-qa-mc': 'normalized_accuracy',
  sentiment: 'normalized_accuracy',
  qa: 'normalized_f1',
  metaphor: 'normalized_accuracy',
  paraphrase: 'normalized_accuracy',
  'qa-mc': 'normalized_accuracy',
  idiom_understanding: 'normalized_accuracy',
  'mixed-genre-qa-mc': 'normalized_accuracy',
  'dialogue-qa-mc': 'normalized_accuracy',
  'novel-qa': 'normalized_f1',
  abssum: 'normalized_rougel_f1',
  'translation-en-xx': 'normalized_metricx_wmt24_scores',
  'translation-xx-en': 'normalized_metricx_wmt24_scores',
  'translation-id-xx': 'normalized_metricx_wmt24_scores',
  'translation-xx-id': 'normalized_metricx_wmt24_scores',
  causal: 'normalized_accuracy',
  nli: 'normalized_accuracy',
  'if-eval': 'overall_lang_normalized_acc',
  'mt-bench': 'weighted_win_rate',
  'mt-bench-increased-tokens': 'weighted_win_rate',
  'mt-bench-judge': 'average_criteria_score',
  'kalahi-mc': 'normalized_accuracy',
  'kalahi-judge': 'average_criteria_score',
  toxicity: 'normalized_accuracy',
  safeguard_general_prompt: 'normalized_accuracy',
  safeguard_general_response: 'normalized_accuracy',
  safeguard_cultural_content_generation_prompt: 'normalized_accuracy',
  safeguard_cultural_content_generation_response: 'normalized_accuracy',
  safeguard_cultural_in_the_wild: 'normalized_accuracy',
  global_mmlu_lite: 'normalized_accuracy',
  thai_exam_a_level: 'normalized_accuracy',
  thai_exam_ic: 'normalized_accuracy',
  thai_exam_onet: 'normalized_accuracy',
  thai_exam_tgat: 'normalized_accuracy',
  thai_exam_tpat1: 'normalized_accuracy',
  'mp-r': 'normalized_accuracy',
  'pragmatic-single': 'normalized_accuracy',
  'pragmatic-pair': 'normalized_accuracy',
  'syntax-criteria': 'average_criteria_score',
  cvqa: 'normalized_accuracy',
  erqa: 'normalized_accuracy',
  marvl: 'normalized_accuracy',
  mmstar: 'normalized_accuracy',
  world_cuisine_task1: 'normalized_accuracy',
  world_cuisine_task2: 'normalized_accuracy',
  hallusionbench_image: 'normalized_accuracy',
  hallusionbench: 'normalized_accuracy',
  xm3600: 'normalized_refclipscore',
  gpqa_main: 'normalized_accuracy',
  gpqa_diamond: 'normalized_accuracy',
  ifeval: 'normalized_prompt_level_strict_acc',
  'aa-lcr': 'accuracy_score',
  healthbench: 'average_criteria_score',
  healthbench_consensus: 'average_criteria_score',
  healthbench_hard: 'average_criteria_score',
  babyvision: 'accuracy_score',
  mathvision: 'accuracy_score',
  mathvision_mini: 'accuracy_score',
  mathvista_mini_free_form: 'normalized_math_verify_score',
  bbh_dyck_languages: 'normalized_exact_match',
  bbh_multistep_arithmetic_two: 'normalized_exact_match',
  bbh_object_counting: 'normalized_exact_match',
  bbh_word_sorting: 'normalized_exact_match',
};

/** Name patterns of the task families of the second table of result-formats.md 1.6. */
const FAMILY_METRICS: readonly (readonly [RegExp, string])[] = [
  [/^(bbh|mmlu_pro|mmlu_redux|musr|mmmu_pro|mathvista_mini)_/, 'normalized_accuracy'],
  [/^supergpqa-/, 'normalized_accuracy'],
  [/^(math_hard_|aime_|hmmt_|arxivmath-)|^(smt|cmimc|brumo)_2025$/, 'normalized_math_verify_score'],
  [/^html_to_tsv_(0p5k|2k|8k)$/, 'normalized_f1'],
  [/^(countdown|path_traversal|tom_tracking|travel_planning)_(0p5k|2k|8k)$/, 'normalized_accuracy'],
  [/^livecodebench_v[1-6]$/, 'pass@1'],
];

const FAMILY_GROUPS: readonly (readonly [RegExp, string])[] = [
  [/^bbh_/, 'bbh'],
  [/^mmlu_pro_/, 'mmlu_pro'],
  [/^mmlu_redux_/, 'mmlu_redux'],
  [/^supergpqa-/, 'supergpqa'],
  [/^math_hard_/, 'math_hard'],
  [/^(aime_|hmmt_|arxivmath-)|^(smt|cmimc|brumo)_2025$/, 'MathArena'],
  [/^musr_/, 'musr'],
  [
    /^(countdown|html_to_tsv|path_traversal|tom_tracking|travel_planning)_(0p5k|2k|8k)$/,
    'longproc',
  ],
];

/** The built-in primary metric of a SEA-HELM task, or null for a name the table does not know. */
function knownPrimaryMetric(task: string): string | null {
  if (task.endsWith('-logprobs')) return 'average_cumulative_probabilities';
  const exact = EXACT_TASK_METRICS[task];
  if (exact !== undefined) return exact;
  if (task.startsWith('global_mmlu_')) return 'normalized_accuracy';
  if (task.startsWith('cwe_') || task.startsWith('niah_')) return 'normalized_strict_accuracy';
  for (const [pattern, metric] of FAMILY_METRICS) if (pattern.test(task)) return metric;
  return null;
}

function aggregationGroupOf(task: string): string | null {
  const logprobs = task.endsWith('-logprobs');
  const base = logprobs ? task.slice(0, -'-logprobs'.length) : task;
  let group: string | null;
  if (/^translation-(en-xx|xx-en|id-xx|xx-id)$/.test(base)) group = 'translations';
  else if (base.startsWith('safeguard_')) group = 'safeguard';
  else if (base.startsWith('global_mmlu_') && base !== 'global_mmlu_lite') group = 'global_mmlu';
  else if (base.startsWith('thai_exam_')) group = 'thai_exam';
  else if (base.startsWith('cwe_') || base.startsWith('niah_')) group = 'oneruler';
  else if (base.startsWith('world_cuisine_')) group = 'world_cuisine';
  else if (base.startsWith('mathvista_mini_')) group = 'mathvista';
  else group = FAMILY_GROUPS.find(([pattern]) => pattern.test(base))?.[1] ?? null;
  if (group === null) return null;
  return logprobs ? `${group}-logprobs` : group;
}

/** Names of the task table's aggregation groups (and their `-logprobs` twins). */
const TABLE_GROUPS = new Set(
  [
    'translations',
    'safeguard',
    'global_mmlu',
    'thai_exam',
    'pragmatics',
    'oneruler',
    'world_cuisine',
    'mathvista',
    ...FAMILY_GROUPS.map(([, group]) => group),
  ].flatMap((group) => [group, `${group}-logprobs`]),
);

/**
 * Whether a value found inside a competency is a task entry (section 8, "A number where a task
 * entry goes" and "SEA-HELM aggregates that are not numbers"). Objects are tasks; a number (bare
 * NaN and Infinity too) is one only under a known task's name, otherwise SEA-HELM's own group
 * value; any other value is an invalid task entry unless it sits where SEA-HELM writes its own
 * aggregates (a competency `total`, a group of the table, the computed linguistic values).
 */
function isTaskEntry(competency: string, name: string, value: unknown): boolean {
  if (name === 'total') return false;
  if (competency === 'linguistic-diagnostics' && NOT_TASKS.has(name)) return false;
  if (isObject(value)) return true;
  if (typeof value === 'number') return isKnownTaskName(name);
  return !TABLE_GROUPS.has(name);
}

/** A task of the built-in table, or the `-logprobs` twin of one; never a group's name. */
function isKnownTaskName(name: string): boolean {
  if (TABLE_GROUPS.has(name)) return false;
  const base = name.endsWith('-logprobs') ? name.slice(0, -'-logprobs'.length) : name;
  return knownPrimaryMetric(base) !== null;
}

function seaTaskValue(task: string, entry: unknown): Cell {
  if (!isObject(entry) || has(entry, 'error')) return null;
  const metric = knownPrimaryMetric(task) ?? FALLBACK_METRICS.find((k) => has(entry, k));
  if (metric === undefined) return null;
  const value = entry[metric];
  return isOnScale(value, 100) ? value : null;
}

const PRAGMATIC_COUNT_TASKS = new Set(['pragmatic-single', 'pragmatic-pair']);
const PRAGMATIC_LOGPROB_TASKS = new Set(['pragmatic-single-logprobs', 'pragmatic-pair-logprobs']);
const LARGEST_COUNT = Number.MAX_SAFE_INTEGER; // 2^53 - 1

/** A `[correct, total]` pair that can be pooled (section 8, "Values outside their scale"). */
function isValidCountPair(correct: unknown, total: unknown): boolean {
  return (
    isFiniteNumber(correct) &&
    isFiniteNumber(total) &&
    correct >= 0 &&
    total > 0 &&
    total <= LARGEST_COUNT &&
    correct <= total
  );
}

/** `[correct, total]` pairs of a pragmatic task, by phenomenon; none when one of them is invalid. */
function pragmaticCounts(entry: unknown): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (!isObject(entry) || has(entry, 'error')) return out;
  const sub = entry['subcategories'];
  if (!isObject(sub)) return out;
  for (const [phenomenon, pair] of Object.entries(sub)) {
    if (!Array.isArray(pair) || pair.length !== 2) return new Map();
    const [correct, total] = pair as unknown[];
    if (!isValidCountPair(correct, total)) return new Map();
    out.set(phenomenon, [Number(correct), Number(total)]);
  }
  return out;
}

/** Probabilities (0-100) of a pragmatic logprob task, by phenomenon; none when one is invalid. */
function pragmaticLogprobs(entry: unknown): Map<string, number> {
  const out = new Map<string, number>();
  if (!isObject(entry) || has(entry, 'error')) return out;
  const sub = entry['subcategories'];
  if (!isObject(sub)) return out;
  for (const [phenomenon, value] of Object.entries(sub)) {
    const probability = isObject(value) ? value['average_cumulative_probabilities'] : undefined;
    if (!isOnScale(probability, 100)) return new Map();
    out.set(phenomenon, probability);
  }
  return out;
}

function isUsableSeaEntry(task: string, entry: unknown): boolean {
  if (PRAGMATIC_COUNT_TASKS.has(task)) return pragmaticCounts(entry).size > 0;
  if (PRAGMATIC_LOGPROB_TASKS.has(task)) return pragmaticLogprobs(entry).size > 0;
  return seaTaskValue(task, entry) !== null;
}

function pragmaticsValue(entries: readonly unknown[]): Cell {
  const pooled = new Map<string, [number, number]>();
  for (const entry of entries) {
    for (const [phenomenon, [correct, total]] of pragmaticCounts(entry)) {
      const sum = pooled.get(phenomenon) ?? [0, 0];
      pooled.set(phenomenon, [sum[0] + correct, sum[1] + total]);
    }
  }
  const accuracy = mean([...pooled.values()].map(([correct, total]) => correct / total));
  if (accuracy === null) return null;
  return Math.max((accuracy - 0.5) / 0.5, 0) * 100;
}

function pragmaticsLogprobsValue(entries: readonly unknown[]): Cell {
  const perPhenomenon = new Map<string, number[]>();
  for (const entry of entries) {
    for (const [phenomenon, value] of pragmaticLogprobs(entry)) {
      const list = perPhenomenon.get(phenomenon) ?? [];
      list.push(value);
      perPhenomenon.set(phenomenon, list);
    }
  }
  return mean(presentValues([...perPhenomenon.values()].map(mean)));
}

/** Merged SEA-HELM data of one model: language -> competency -> task -> winning entry. */
type SeaData = Map<string, Map<string, Map<string, unknown>>>;

interface SeaCandidate extends Candidate {
  readonly competency: string;
}

/**
 * A language code (section 3): two or three letters, optionally `_` or `-` and one to four
 * letters. An object under any other top-level key is no language.
 */
const LANGUAGE_CODE = /^[A-Za-z]{2,3}(?:[_-][A-Za-z]{1,4})?$/;

/** Task entries of a file in scored languages, in file order. */
function* seaTaskEntries(
  file: { readonly content: JsonObject },
  isSeaLanguage: (language: string) => boolean,
): Generator<{ language: string; competency: string; task: string; entry: unknown }> {
  for (const [language, competencies] of Object.entries(file.content)) {
    if (!isObject(competencies) || !LANGUAGE_CODE.test(language) || !isSeaLanguage(language)) {
      continue;
    }
    for (const [competency, tasks] of Object.entries(competencies)) {
      // A language `total` that is not a number is no competency (section 8).
      if (!isObject(tasks) || competency === 'total') continue;
      for (const [task, entry] of Object.entries(tasks)) {
        if (isTaskEntry(competency, task, entry)) yield { language, competency, task, entry };
      }
    }
  }
}

/**
 * A task is one per language and name, whichever competency files it (section 8): its entries
 * compete by the rules of section 5 and the winner's competency holds it.
 */
function mergeSeahelmFiles(
  files: readonly ResultFile[],
  isSeaLanguage: (language: string) => boolean,
): SeaData {
  const candidates = new Map<string, Map<string, SeaCandidate[]>>();
  for (const file of files) {
    let order = 0;
    for (const { language, competency, task, entry } of seaTaskEntries(file, isSeaLanguage)) {
      const byTask = candidates.get(language) ?? new Map<string, SeaCandidate[]>();
      candidates.set(language, byTask);
      const list = byTask.get(task) ?? [];
      byTask.set(task, list);
      list.push({ entry, file, order: order++, competency });
    }
  }
  const merged: SeaData = new Map();
  for (const [language, byTask] of candidates) {
    const outCompetencies = new Map<string, Map<string, unknown>>();
    merged.set(language, outCompetencies);
    for (const [task, list] of byTask) {
      const winner = pickWinner(list, (c) => isUsableSeaEntry(task, c.entry));
      if (winner === undefined) continue;
      const outTasks = outCompetencies.get(winner.competency) ?? new Map<string, unknown>();
      outCompetencies.set(winner.competency, outTasks);
      outTasks.set(task, winner.entry);
    }
  }
  return merged;
}

interface CompetencyScores {
  readonly value: Cell;
  /** Task-report column name (without the language prefix) -> value. */
  readonly tasks: Map<string, Cell>;
}

function scoreLinguisticDiagnostics(tasks: ReadonlyMap<string, unknown>): CompetencyScores {
  const columns = new Map<string, Cell>();
  const countEntries: unknown[] = [];
  const logprobEntries: unknown[] = [];
  for (const [task, entry] of tasks) {
    if (PRAGMATIC_COUNT_TASKS.has(task)) countEntries.push(entry);
    else if (PRAGMATIC_LOGPROB_TASKS.has(task)) logprobEntries.push(entry);
    else columns.set(task, seaTaskValue(task, entry));
  }
  if (countEntries.length > 0) columns.set('pragmatics', pragmaticsValue(countEntries));
  if (logprobEntries.length > 0) {
    columns.set('pragmatics-logprobs', pragmaticsLogprobsValue(logprobEntries));
  }
  const counted = ['mp-r', 'mp-r-logprobs', 'pragmatics', 'pragmatics-logprobs'].map(
    (name) => columns.get(name) ?? null,
  );
  return { value: mean(presentValues(counted)), tasks: columns };
}

function scoreOrdinaryCompetency(tasks: ReadonlyMap<string, unknown>): CompetencyScores {
  const columns = new Map<string, Cell>();
  const ungrouped: Cell[] = [];
  const groups = new Map<string, Cell[]>();
  for (const [task, entry] of tasks) {
    const value = seaTaskValue(task, entry);
    columns.set(task, value);
    const group = aggregationGroupOf(task);
    if (group === null) ungrouped.push(value);
    else {
      const members = groups.get(group) ?? [];
      members.push(value);
      groups.set(group, members);
    }
  }
  const groupValues = [...groups.values()].map((members) => mean(presentValues(members)));
  return { value: mean(presentValues([...ungrouped, ...groupValues])), tasks: columns };
}

// ------------------------------------------------------------------------------------------------
// English (section 4)

const ENGLISH_COMPETENCIES = ['IFEval', 'BBH', 'MATH Lvl 5', 'GPQA', 'MUSR', 'MMLU-PRO'] as const;
type EnglishCompetency = (typeof ENGLISH_COMPETENCIES)[number];

const BBH_OPTIONS: Readonly<Record<string, number>> = {
  boolean_expressions: 2,
  causal_judgement: 2,
  formal_fallacies: 2,
  hyperbaton: 2,
  navigate: 2,
  snarks: 2,
  sports_understanding: 2,
  web_of_lies: 2,
  disambiguation_qa: 3,
  logical_deduction_three_objects: 3,
  tracking_shuffled_objects_three_objects: 3,
  temporal_sequences: 4,
  logical_deduction_five_objects: 5,
  penguins_in_a_table: 5,
  tracking_shuffled_objects_five_objects: 5,
  date_understanding: 6,
  movie_recommendation: 6,
  ruin_names: 6,
  salient_translation_error_detection: 6,
  logical_deduction_seven_objects: 7,
  tracking_shuffled_objects_seven_objects: 7,
  geometric_shapes: 11,
  reasoning_about_colored_objects: 18,
  object_counting: 19,
};
const MUSR_OPTIONS: Readonly<Record<string, number>> = {
  murder_mysteries: 2,
  object_placements: 5,
  team_allocation: 3,
};
const GPQA_SUBTASKS = ['main', 'diamond', 'extended'];
const MATH_SUBTASKS = [
  'algebra',
  'counting_and_prob',
  'geometry',
  'intermediate_algebra',
  'num_theory',
  'prealgebra',
  'precalculus',
];

function norm(value: number, options: number): number {
  return (Math.max(value - 1 / options, 0) / (1 - 1 / options)) * 100;
}

/** What section 4 reads from one lm-eval task key. */
interface EnglishTask {
  readonly competency: EnglishCompetency;
  readonly metricKeys: readonly string[];
}

function englishTaskOf(taskKey: string): EnglishTask | null {
  if (taskKey === 'leaderboard_ifeval') {
    return {
      competency: 'IFEval',
      metricKeys: ['prompt_level_strict_acc,none', 'inst_level_strict_acc,none'],
    };
  }
  if (taskKey === 'leaderboard_mmlu_pro')
    return { competency: 'MMLU-PRO', metricKeys: ['acc,none'] };
  const bbh = /^leaderboard_bbh_(.+)$/.exec(taskKey);
  if (bbh?.[1] !== undefined && BBH_OPTIONS[bbh[1]] !== undefined) {
    return { competency: 'BBH', metricKeys: ['acc_norm,none'] };
  }
  const musr = /^leaderboard_musr_(.+)$/.exec(taskKey);
  if (musr?.[1] !== undefined && MUSR_OPTIONS[musr[1]] !== undefined) {
    return { competency: 'MUSR', metricKeys: ['acc_norm,none'] };
  }
  const gpqa = /^leaderboard_gpqa_(.+)$/.exec(taskKey);
  if (gpqa?.[1] !== undefined && GPQA_SUBTASKS.includes(gpqa[1])) {
    return { competency: 'GPQA', metricKeys: ['acc_norm,none'] };
  }
  const math = /^leaderboard_math_(.+)_hard$/.exec(taskKey);
  if (math?.[1] !== undefined && MATH_SUBTASKS.includes(math[1])) {
    return { competency: 'MATH Lvl 5', metricKeys: ['exact_match,none'] };
  }
  return null;
}

interface LmEvalEntry {
  /** The value under `results[task]`: an object, or anything else (invalid values). */
  readonly entry: unknown;
  /** `n-samples[task]` of the file the entry comes from. */
  readonly nSamples: unknown;
}

interface LmEvalCandidate extends Candidate {
  readonly nSamples: unknown;
}

/** A sample count that can be used: a whole number from 0 to 2^53 - 1 (section 8). */
function sampleCount(value: unknown): number | null {
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 0 &&
    value <= LARGEST_COUNT
    ? value
    : null;
}

function effectiveCount(nSamples: unknown): number | null {
  return isObject(nSamples) ? sampleCount(nSamples['effective']) : null;
}

/** A task evaluated on no sample has invalid values (section 8). */
function isFromZeroSamples(nSamples: unknown): boolean {
  return effectiveCount(nSamples) === 0;
}

/** The fraction a benchmark reads, when it is valid: on 0-1 and not from 0 samples. */
function fractionOf(data: LmEvalEntry, metric: string): Cell {
  if (!isObject(data.entry) || isFromZeroSamples(data.nSamples)) return null;
  const value = data.entry[metric];
  return isOnScale(value, 1) ? value : null;
}

function mergeLmEvalFiles(files: readonly ResultFile[]): Map<string, LmEvalEntry> {
  const candidates = new Map<string, LmEvalCandidate[]>();
  for (const file of files) {
    const results = file.content['results'];
    const nSamples = file.content['n-samples'];
    if (!isObject(results)) continue;
    let order = 0;
    for (const [taskKey, entry] of Object.entries(results)) {
      if (englishTaskOf(taskKey) === null) continue;
      const list = candidates.get(taskKey) ?? [];
      list.push({
        entry,
        file,
        order: order++,
        nSamples: isObject(nSamples) ? nSamples[taskKey] : undefined,
      });
      candidates.set(taskKey, list);
    }
  }
  const merged = new Map<string, LmEvalEntry>();
  for (const [taskKey, list] of candidates) {
    const task = englishTaskOf(taskKey);
    if (task === null) continue;
    const usable = (c: LmEvalCandidate): boolean =>
      task.metricKeys.some((k) => fractionOf(c, k) !== null);
    const winner = pickWinner(list, usable);
    if (winner !== undefined)
      merged.set(taskKey, { entry: winner.entry, nSamples: winner.nSamples });
  }
  return merged;
}

/** `effective` when it is a usable count, else 1 as when it is absent (section 8). */
function sampleWeight(nSamples: unknown): number {
  return effectiveCount(nSamples) ?? 1;
}

interface EnglishScores {
  readonly competencies: Map<EnglishCompetency, Cell>;
  /** Task-report column -> value (only columns present in the row). */
  readonly tasks: Map<string, Cell>;
  readonly en: Cell;
}

function metricOf(data: ReadonlyMap<string, LmEvalEntry>, taskKey: string, metric: string): Cell {
  const entry = data.get(taskKey);
  return entry === undefined ? null : fractionOf(entry, metric);
}

function scoreEnglish(data: ReadonlyMap<string, LmEvalEntry>): EnglishScores {
  const tasks = new Map<string, Cell>();
  const competencies = new Map<EnglishCompetency, Cell>();

  // IFEval: mean of the two strict accuracies that are present, x100.
  if (data.has('leaderboard_ifeval')) {
    const prompt = metricOf(data, 'leaderboard_ifeval', 'prompt_level_strict_acc,none');
    const inst = metricOf(data, 'leaderboard_ifeval', 'inst_level_strict_acc,none');
    tasks.set('en_ifeval_prompt_level_strict_acc', prompt === null ? null : prompt * 100);
    tasks.set('en_ifeval_inst_level_strict_acc', inst === null ? null : inst * 100);
    const m = mean(presentValues([prompt, inst]));
    competencies.set('IFEval', m === null ? null : m * 100);
  } else competencies.set('IFEval', null);

  // BBH: unweighted mean of norm(acc_norm, n).
  const bbh: Cell[] = [];
  for (const [subtask, options] of Object.entries(BBH_OPTIONS)) {
    const key = `leaderboard_bbh_${subtask}`;
    if (!data.has(key)) continue;
    const raw = metricOf(data, key, 'acc_norm,none');
    const value = raw === null ? null : norm(raw, options);
    tasks.set(`en_bbh_${subtask}`, value);
    bbh.push(value);
  }
  competencies.set('BBH', mean(presentValues(bbh)));

  // MATH Lvl 5: sample-weighted mean of exact_match, x100.
  let mathWeighted = 0;
  let mathWeights = 0;
  for (const subtask of MATH_SUBTASKS) {
    const key = `leaderboard_math_${subtask}_hard`;
    if (!data.has(key)) continue;
    const raw = metricOf(data, key, 'exact_match,none');
    tasks.set(`en_math_${subtask}_hard`, raw === null ? null : raw * 100);
    if (raw === null) continue;
    const weight = sampleWeight(data.get(key)?.nSamples);
    mathWeighted += raw * weight;
    mathWeights += weight;
  }
  competencies.set('MATH Lvl 5', mathWeights > 0 ? (mathWeighted / mathWeights) * 100 : null);

  // GPQA: norm(sample-weighted mean of acc_norm, 4).
  let gpqaWeighted = 0;
  let gpqaWeights = 0;
  for (const subtask of GPQA_SUBTASKS) {
    const key = `leaderboard_gpqa_${subtask}`;
    if (!data.has(key)) continue;
    const raw = metricOf(data, key, 'acc_norm,none');
    tasks.set(`en_gpqa_${subtask}`, raw === null ? null : norm(raw, 4));
    if (raw === null) continue;
    const weight = sampleWeight(data.get(key)?.nSamples);
    gpqaWeighted += raw * weight;
    gpqaWeights += weight;
  }
  competencies.set('GPQA', gpqaWeights > 0 ? norm(gpqaWeighted / gpqaWeights, 4) : null);

  // MUSR: unweighted mean of norm(acc_norm, n).
  const musr: Cell[] = [];
  for (const [subtask, options] of Object.entries(MUSR_OPTIONS)) {
    const key = `leaderboard_musr_${subtask}`;
    if (!data.has(key)) continue;
    const raw = metricOf(data, key, 'acc_norm,none');
    const value = raw === null ? null : norm(raw, options);
    tasks.set(`en_musr_${subtask}`, value);
    musr.push(value);
  }
  competencies.set('MUSR', mean(presentValues(musr)));

  // MMLU-PRO: norm(acc, 10).
  if (data.has('leaderboard_mmlu_pro')) {
    const raw = metricOf(data, 'leaderboard_mmlu_pro', 'acc,none');
    const value = raw === null ? null : norm(raw, 10);
    tasks.set('en_mmlu_pro', value);
    competencies.set('MMLU-PRO', value);
  } else competencies.set('MMLU-PRO', null);

  const en = mean(presentValues(ENGLISH_COMPETENCIES.map((c) => competencies.get(c) ?? null)));
  return { competencies, tasks, en };
}

// ------------------------------------------------------------------------------------------------
// Rows

type SortKey = readonly (number | string)[];

/** What a report column holds: one value of the model tree (a language, a task, `en`, ...). */
interface ColumnNode {
  readonly kind: ReportKind;
  readonly column: string;
  /** Orders the nodes of one report; only compared with keys of the same kind. */
  readonly sortKey: SortKey;
  /** A column this document fixes (`sea_total`, `en`, `total`, the benchmarks, their subtasks). */
  readonly fixed: boolean;
}

/** One model's values, by node id (two nodes may give one column name, section 8). */
interface ScoredRow {
  readonly model: string;
  readonly cells: Map<string, Cell>;
  /** What each of its nodes is in this row: a task's place follows this row's competency. */
  readonly nodes: Map<string, ColumnNode>;
}

interface Ordering {
  languageRank(language: string): SortKey;
  isSeaLanguage(language: string): boolean;
  /** The nodes of the columns every table has, by id. */
  readonly nodes: ReadonlyMap<string, ColumnNode>;
}

const nodeId = (...parts: string[]): string => JSON.stringify(parts);

/** The columns every table has (section 2): `sea_total`, `en`, `total` and the six benchmarks. */
const ALWAYS_THERE: readonly (readonly [string, ColumnNode])[] = [
  [nodeId('lang', 'sea_total'), { kind: 'lang', column: 'sea_total', sortKey: [0], fixed: true }],
  [nodeId('lang', 'en'), { kind: 'lang', column: 'en', sortKey: [2], fixed: true }],
  [nodeId('lang', 'total'), { kind: 'lang', column: 'total', sortKey: [3], fixed: true }],
  ...ENGLISH_COMPETENCIES.map(
    (name, i) =>
      [
        nodeId('benchmark', name),
        { kind: 'competency', column: name, sortKey: [1, i], fixed: true },
      ] as const,
  ),
];

function makeOrdering(seaLanguages: readonly string[] | null): Ordering {
  const order = seaLanguages ?? DEFAULT_LANGUAGE_ORDER;
  return {
    languageRank(language: string): SortKey {
      const i = order.indexOf(language);
      return i >= 0 ? [i, ''] : [order.length, language];
    },
    isSeaLanguage(language: string): boolean {
      return seaLanguages !== null
        ? seaLanguages.includes(language)
        : !NON_SEA_LANGUAGES.has(language.toLowerCase());
    },
    nodes: new Map(ALWAYS_THERE),
  };
}

function competencyRank(competency: string): SortKey {
  const i = COMPETENCY_ORDER.indexOf(competency);
  return i >= 0 ? [i, ''] : [COMPETENCY_ORDER.length, competency];
}

const ENGLISH_TASK_BENCHMARK_RANK: readonly [string, number][] = [
  ['en_ifeval_', 0],
  ['en_bbh_', 1],
  ['en_math_', 2],
  ['en_gpqa_', 3],
  ['en_musr_', 4],
  ['en_mmlu_pro', 5],
];

function englishTaskSortKey(column: string): SortKey {
  const rank = ENGLISH_TASK_BENCHMARK_RANK.find(([prefix]) => column.startsWith(prefix))?.[1];
  if (rank === undefined) throw new Error(`unexpected English column ${column}`);
  return [1, rank, column];
}

function scoreModel(
  model: string,
  seaFiles: readonly ResultFile[],
  lmFiles: readonly ResultFile[],
  ordering: Ordering,
): ScoredRow {
  const cells = new Map<string, Cell>();
  const nodes = new Map<string, ColumnNode>();
  const put = (id: string, node: ColumnNode, value: Cell): void => {
    nodes.set(id, node);
    cells.set(id, value);
  };

  const languageValues: Cell[] = [];
  for (const [language, competencies] of mergeSeahelmFiles(seaFiles, ordering.isSeaLanguage)) {
    const langRank = ordering.languageRank(language);
    const competencyValues: Cell[] = [];
    for (const [competencyName, tasks] of competencies) {
      if (tasks.size === 0) continue;
      const scored =
        competencyName === 'linguistic-diagnostics'
          ? scoreLinguisticDiagnostics(tasks)
          : scoreOrdinaryCompetency(tasks);
      const compRank = competencyRank(competencyName);
      put(
        nodeId('competency', language, competencyName),
        {
          kind: 'competency',
          column: `${language}_${competencyName}`,
          sortKey: [0, ...langRank, ...compRank],
          fixed: false,
        },
        scored.value,
      );
      competencyValues.push(scored.value);
      for (const [taskName, value] of scored.tasks) {
        put(
          nodeId('task', language, taskName),
          {
            kind: 'task',
            column: `${language}_${taskName}`,
            sortKey: [0, ...langRank, ...compRank, taskName],
            fixed: false,
          },
          value,
        );
      }
    }
    if (competencyValues.length === 0) continue;
    const languageValue = mean(presentValues(competencyValues));
    put(
      nodeId('lang', 'sea', language),
      { kind: 'lang', column: language, sortKey: [1, ...langRank], fixed: false },
      languageValue,
    );
    languageValues.push(languageValue);
  }
  const seaTotal = mean(presentValues(languageValues));

  const english = scoreEnglish(mergeLmEvalFiles(lmFiles));
  for (const [column, value] of english.tasks) {
    put(
      nodeId('english-task', column),
      { kind: 'task', column, sortKey: englishTaskSortKey(column), fixed: true },
      value,
    );
  }
  ENGLISH_COMPETENCIES.forEach((name) => {
    cells.set(nodeId('benchmark', name), english.competencies.get(name) ?? null);
  });
  cells.set(nodeId('lang', 'sea_total'), seaTotal);
  cells.set(nodeId('lang', 'en'), english.en);
  cells.set(
    nodeId('lang', 'total'),
    seaTotal !== null && english.en !== null ? (seaTotal + english.en) / 2 : null,
  );
  return { model, cells, nodes };
}

/** Rows of one run or baseline, ordered by configuration then step. */
function scoreSource(source: Source, kind: 'run' | 'baseline', ordering: Ordering): ScoredRow[] {
  const byModel = new Map<string, ResultFile[]>();
  for (const file of filesOfSource(source, kind, ordering.isSeaLanguage)) {
    const list = byModel.get(file.modelName) ?? [];
    list.push(file);
    byModel.set(file.modelName, list);
  }
  const models = [...byModel.entries()].map(([model, files]) => {
    const first = files[0];
    if (first === undefined) throw new Error('empty model');
    return { model, files, configName: first.configName, step: first.step };
  });
  models.sort((a, b) => codePointCompare(a.configName, b.configName) || a.step - b.step);
  return models.map(({ model, files }) =>
    scoreModel(
      model,
      files.filter((f) => f.harness === 'seahelm'),
      files.filter((f) => f.harness === 'lmeval'),
      ordering,
    ),
  );
}

// ------------------------------------------------------------------------------------------------
// Tables

function compareSortKeys(a: SortKey, b: SortKey): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x === 'number' && typeof y === 'number') {
      if (x !== y) return x - y;
    } else {
      const c = codePointCompare(String(x), String(y));
      if (c !== 0) return c;
    }
  }
  return a.length - b.length;
}

const REPORT_KINDS: readonly ReportKind[] = ['lang', 'competency', 'task'];

/**
 * The node each column of a table shows, by report, in column order. Where two nodes give one
 * name (section 8, "Column names that meet"), the fixed column keeps it, else the first met in
 * the lang, competency and task reports in their order; the other node has no column.
 */
/** The node of each column of a table, by report, in column order. */
type ReportNodes = Record<ReportKind, [string, ColumnNode][]>;

function columnNodes(rows: readonly { row: ScoredRow }[], ordering: Ordering): ReportNodes {
  const ids = new Set(ALWAYS_THERE.map(([id]) => id));
  for (const { row } of rows) for (const id of row.cells.keys()) ids.add(id);
  // A task filed under different competencies in different rows is placed by the first row, in
  // row order, that has it (section 3).
  const nodes = [...ids].map((id): [string, ColumnNode] => {
    const node =
      ordering.nodes.get(id) ?? rows.find(({ row }) => row.nodes.has(id))?.row.nodes.get(id);
    if (node === undefined) throw new Error(`no column node ${id}`);
    return [id, node];
  });
  const taken = new Set(nodes.filter(([, n]) => n.fixed).map(([, n]) => n.column));
  const out: ReportNodes = { lang: [], competency: [], task: [] };
  for (const kind of REPORT_KINDS) {
    const ofKind = nodes
      .filter(([, n]) => n.kind === kind)
      .sort(([, a], [, b]) => compareSortKeys(a.sortKey, b.sortKey));
    for (const [id, node] of ofKind) {
      if (!node.fixed) {
        if (taken.has(node.column)) continue;
        taken.add(node.column);
      }
      out[kind].push([id, node]);
    }
  }
  return out;
}

function buildReports(
  rows: readonly { run: string; row: ScoredRow }[],
  ordering: Ordering,
): { reports: ReferenceReports; nodes: ReportNodes } {
  const nodes = columnNodes(rows, ordering);
  const table = (kind: ReportKind): ReferenceTable => ({
    columns: nodes[kind].map(([, node]) => node.column),
    rows: rows.map(({ run, row }) => ({
      model: row.model,
      run,
      cells: new Map(nodes[kind].map(([id, node]) => [node.column, row.cells.get(id) ?? null])),
    })),
  });
  return {
    reports: { lang: table('lang'), competency: table('competency'), task: table('task') },
    nodes,
  };
}

/**
 * The merged reports (section 6): each run's rows as its own table has them, under the union of
 * the runs' columns, ordered by the same rules (a column takes its place from the first run that
 * has it).
 */
function mergeReports(
  runTables: readonly { reports: ReferenceReports; nodes: ReportNodes }[],
): ReferenceReports {
  const table = (kind: ReportKind): ReferenceTable => {
    const places = new Map<string, SortKey>();
    for (const { nodes } of runTables) {
      for (const [, node] of nodes[kind]) {
        if (!places.has(node.column)) places.set(node.column, node.sortKey);
      }
    }
    const placeOf = (column: string): SortKey => places.get(column) ?? [];
    const columns = [...places.keys()].sort((a, b) => compareSortKeys(placeOf(a), placeOf(b)));
    return {
      columns,
      rows: runTables.flatMap(({ reports }) =>
        reports[kind].rows.map((row) => ({
          ...row,
          cells: new Map(columns.map((c) => [c, row.cells.get(c) ?? null])),
        })),
      ),
    };
  };
  return { lang: table('lang'), competency: table('competency'), task: table('task') };
}

/** Computes every report of a config file as scoring.md defines them. */
export function computeReference(configFile: string): ReferenceResult {
  const config = readConfig(configFile);
  const ordering = makeOrdering(config.seaLanguages);
  const runs = new Map<string, ReferenceReports>();
  const runTables: { reports: ReferenceReports; nodes: ReportNodes }[] = [];
  const baselineRows = new Map<Baseline, ScoredRow[]>();
  for (const baseline of config.baselines) {
    baselineRows.set(baseline, scoreSource(baseline, 'baseline', ordering));
  }
  for (const run of config.runs) {
    const rows = scoreSource(run, 'run', ordering).map((row) => ({ run: run.key, row }));
    for (const baseline of config.baselines) {
      if (baseline.section !== run.section || !baseline.targets.includes(run.index)) continue;
      for (const row of baselineRows.get(baseline) ?? []) rows.push({ run: run.key, row });
    }
    const built = buildReports(rows, ordering);
    runs.set(run.key, built.reports);
    runTables.push(built);
  }
  return {
    runOrder: config.runs.map((r) => r.key),
    runs,
    merged: mergeReports(runTables),
    saveIndividual: config.saveIndividual,
    saveMerged: config.saveMerged,
  };
}

/** Rounds half away from zero to 2 decimals, as an integer number of hundredths. */
export function toHundredths(value: number): number {
  const scaled = Math.abs(value) * 100;
  let whole = Math.floor(scaled);
  if (scaled - whole >= 0.5) whole += 1;
  return value < 0 && whole !== 0 ? -whole : whole;
}

/** True when `value` lies so close to a rounding boundary that float noise may flip it. */
export function isNearRoundingBoundary(value: number): boolean {
  const scaled = Math.abs(value) * 100;
  return Math.abs(scaled - Math.floor(scaled) - 0.5) < 1e-7;
}
