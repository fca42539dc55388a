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
 * 4. Padding is computed over every selected file of the run or baseline, both harnesses together.
 * 5. A model (row) exists when at least one selected file gives it its name. A language, a
 *    competency or a task column exists in a row when the merged data of that row holds at least
 *    one task entry for it (whatever its status); an IFEval entry gives both IFEval task columns.
 * 6. Competencies other than the nine known ones (e.g. `long-context` under `vi`) are columns too
 *    (after the known ones, alphabetically) and count in the language score like any other.
 * 7. Only SEA languages (section 3) appear in the competency and task reports; `en` and the
 *    Chinese codes (or, with `sea_languages`, every code outside that list) appear nowhere.
 *    A language in `sea_languages` that no row has is not a column ("union over rows").
 * 8. "By name" ordering is code-point order. English task columns inside a benchmark are sorted by
 *    name too, so `en_ifeval_inst_level_strict_acc` comes before `en_ifeval_prompt_level_strict_acc`.
 * 9. Merging: for each task, the usable entries compete first (latest wins); only when no entry is
 *    usable does the latest unusable one stand (its value is missing either way). "Latest" =
 *    timestamp from the file name (or lm-eval `date`), files without one oldest, ties and no
 *    timestamp broken by the byte order of the absolute path (greater wins).
 * 10. Usable: SEA-HELM entry without `error` whose primary metric is a finite number;
 *    `pragmatic-single`/`-pair`: without `error` and with at least one finite `[correct, total]`
 *    phenomenon; `pragmatic-*-logprobs`: without `error` and with at least one finite
 *    `subcategories.<phenomenon>.average_cumulative_probabilities`; lm-eval entry: at least one of
 *    the values section 4 reads for that task is a finite number. `n-samples` of a task come from
 *    the same file as its winning entry.
 * 11. Unknown SEA-HELM task: the first key of the fallback list that is present (even if its value
 *    is not a number, which then makes the task missing); none present: missing.
 * 12. Aggregation groups: `translations` (translation-en-xx/xx-en/id-xx/xx-id), `safeguard`
 *    (`safeguard_*`), `global_mmlu` (`global_mmlu_*` except `global_mmlu_lite`), `thai_exam`
 *    (`thai_exam_*`), and from the non-SEA table `oneruler` (`cwe_*`, `niah_*`), `world_cuisine`,
 *    `mathvista`, `bbh`, `mmlu_pro`, `mmlu_redux`, `supergpqa`, `math_hard`, `MathArena`, `musr`,
 *    `longproc`; each `-logprobs` twin forms `<group>-logprobs`. A group value is the mean of its
 *    present members.
 * 13. Only the 39 Open LLM Leaderboard v2 task keys are read from lm-eval files; anything else
 *    (groups, unknown subtasks) is ignored. A sample weight that is not a finite number counts 1.
 * 14. `en` = mean of the present English competencies (missing when none is present).
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

/** Python's json writes bare NaN / Infinity / -Infinity; read them as null (= not a number). */
function parseJsonAllowingNonFinite(text: string): unknown {
  const cleaned = text.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (match) =>
    match.startsWith('"') ? match : 'null',
  );
  return JSON.parse(cleaned);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] ?? '';
    if (ch === '*') source += '.*';
    else if (ch === '?') source += '.';
    else if (ch === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        source += '\\[';
      } else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!') || body.startsWith('^')) body = '^' + body.slice(1);
        source += '[' + body.replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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

function stepOfFolderName(name: string): number | null {
  for (const pattern of DEFAULT_STEP_PATTERNS) {
    const re = new RegExp(`(?:^|[_.-])(?:${pattern})(?=$|[_.-])`);
    const match = re.exec(name);
    if (match?.[1] !== undefined) return Number.parseInt(match[1], 10);
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
  const iso = /(\d{4})-(\d{2})-(\d{2})T(\d{2})[:-](\d{2})[:-](\d{2})(?:\.(\d{1,6}))?/.exec(
    fileName,
  );
  const compact = /(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})/.exec(fileName);
  const match = iso ?? compact;
  if (match === null) return null;
  const n = (i: number): number => Number.parseInt(match[i] ?? '0', 10);
  const millis = Date.UTC(n(1), n(2) - 1, n(3), n(4), n(5), n(6));
  const fraction = iso !== null ? (match[7] ?? '') : '';
  const micros = fraction === '' ? 0 : Number.parseInt(fraction.padEnd(6, '0'), 10);
  return millis * 1000 + micros;
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
      timestamp = content['date'] * 1e6;
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

function filesOfSource(source: Source, kind: 'run' | 'baseline'): ResultFile[] {
  const isExperiment = kind === 'run' && source.section === 'experiments';
  const raw = selectFiles(source, isExperiment);
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
  readonly entry: JsonObject;
  readonly file: ResultFile;
}

function pickWinner<T extends Candidate>(
  candidates: readonly T[],
  usable: (c: T) => boolean,
): T | undefined {
  const usableOnes = candidates.filter(usable);
  const pool = usableOnes.length > 0 ? usableOnes : candidates;
  let winner: T | undefined;
  for (const c of pool) if (winner === undefined || isNewerFile(c.file, winner.file)) winner = c;
  return winner;
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

function seaTaskValue(task: string, entry: JsonObject): Cell {
  if (has(entry, 'error')) return null;
  const metric = knownPrimaryMetric(task) ?? FALLBACK_METRICS.find((k) => has(entry, k));
  if (metric === undefined) return null;
  const value = entry[metric];
  return isFiniteNumber(value) ? value : null;
}

const PRAGMATIC_COUNT_TASKS = new Set(['pragmatic-single', 'pragmatic-pair']);
const PRAGMATIC_LOGPROB_TASKS = new Set(['pragmatic-single-logprobs', 'pragmatic-pair-logprobs']);

/** Finite `[correct, total]` pairs of a pragmatic task, by phenomenon. */
function pragmaticCounts(entry: JsonObject): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  if (has(entry, 'error')) return out;
  const sub = entry['subcategories'];
  if (!isObject(sub)) return out;
  for (const [phenomenon, pair] of Object.entries(sub)) {
    if (Array.isArray(pair) && pair.length === 2) {
      const [correct, total] = pair as unknown[];
      if (isFiniteNumber(correct) && isFiniteNumber(total)) out.set(phenomenon, [correct, total]);
    }
  }
  return out;
}

function pragmaticLogprobs(entry: JsonObject): Map<string, number> {
  const out = new Map<string, number>();
  if (has(entry, 'error')) return out;
  const sub = entry['subcategories'];
  if (!isObject(sub)) return out;
  for (const [phenomenon, value] of Object.entries(sub)) {
    if (isObject(value) && isFiniteNumber(value['average_cumulative_probabilities'])) {
      out.set(phenomenon, value['average_cumulative_probabilities']);
    }
  }
  return out;
}

function isUsableSeaEntry(task: string, entry: JsonObject): boolean {
  if (PRAGMATIC_COUNT_TASKS.has(task)) return pragmaticCounts(entry).size > 0;
  if (PRAGMATIC_LOGPROB_TASKS.has(task)) return pragmaticLogprobs(entry).size > 0;
  return seaTaskValue(task, entry) !== null;
}

function pragmaticsValue(entries: readonly JsonObject[]): Cell {
  const pooled = new Map<string, [number, number]>();
  for (const entry of entries) {
    for (const [phenomenon, [correct, total]] of pragmaticCounts(entry)) {
      const sum = pooled.get(phenomenon) ?? [0, 0];
      pooled.set(phenomenon, [sum[0] + correct, sum[1] + total]);
    }
  }
  const accuracies: number[] = [];
  for (const [correct, total] of pooled.values()) if (total > 0) accuracies.push(correct / total);
  const accuracy = mean(accuracies);
  if (accuracy === null) return null;
  return Math.max((accuracy - 0.5) / 0.5, 0) * 100;
}

function pragmaticsLogprobsValue(entries: readonly JsonObject[]): Cell {
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
type SeaData = Map<string, Map<string, Map<string, JsonObject>>>;

function mergeSeahelmFiles(files: readonly ResultFile[]): SeaData {
  const candidates = new Map<string, Map<string, Map<string, Candidate[]>>>();
  for (const file of files) {
    for (const [language, competencies] of Object.entries(file.content)) {
      if (!isObject(competencies)) continue;
      for (const [competency, tasks] of Object.entries(competencies)) {
        if (!isObject(tasks)) continue;
        for (const [task, entry] of Object.entries(tasks)) {
          if (!isObject(entry) || NOT_TASKS.has(task)) continue;
          const byCompetency =
            candidates.get(language) ?? new Map<string, Map<string, Candidate[]>>();
          candidates.set(language, byCompetency);
          const byTask = byCompetency.get(competency) ?? new Map<string, Candidate[]>();
          byCompetency.set(competency, byTask);
          const list = byTask.get(task) ?? [];
          byTask.set(task, list);
          list.push({ entry, file });
        }
      }
    }
  }
  const merged: SeaData = new Map();
  for (const [language, byCompetency] of candidates) {
    const outCompetencies = new Map<string, Map<string, JsonObject>>();
    merged.set(language, outCompetencies);
    for (const [competency, byTask] of byCompetency) {
      const outTasks = new Map<string, JsonObject>();
      outCompetencies.set(competency, outTasks);
      for (const [task, list] of byTask) {
        const winner = pickWinner(list, (c) => isUsableSeaEntry(task, c.entry));
        if (winner !== undefined) outTasks.set(task, winner.entry);
      }
    }
  }
  return merged;
}

interface CompetencyScores {
  readonly value: Cell;
  /** Task-report column name (without the language prefix) -> value. */
  readonly tasks: Map<string, Cell>;
}

function scoreLinguisticDiagnostics(tasks: ReadonlyMap<string, JsonObject>): CompetencyScores {
  const columns = new Map<string, Cell>();
  const countEntries: JsonObject[] = [];
  const logprobEntries: JsonObject[] = [];
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

function scoreOrdinaryCompetency(tasks: ReadonlyMap<string, JsonObject>): CompetencyScores {
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
  readonly entry: JsonObject;
  /** `n-samples[task]` of the file the entry comes from. */
  readonly nSamples: unknown;
}

function mergeLmEvalFiles(files: readonly ResultFile[]): Map<string, LmEvalEntry> {
  const candidates = new Map<
    string,
    { entry: JsonObject; file: ResultFile; nSamples: unknown }[]
  >();
  for (const file of files) {
    const results = file.content['results'];
    const nSamples = file.content['n-samples'];
    if (!isObject(results)) continue;
    for (const [taskKey, entry] of Object.entries(results)) {
      if (!isObject(entry) || englishTaskOf(taskKey) === null) continue;
      const list = candidates.get(taskKey) ?? [];
      list.push({ entry, file, nSamples: isObject(nSamples) ? nSamples[taskKey] : undefined });
      candidates.set(taskKey, list);
    }
  }
  const merged = new Map<string, LmEvalEntry>();
  for (const [taskKey, list] of candidates) {
    const task = englishTaskOf(taskKey);
    if (task === null) continue;
    const usable = (c: Candidate): boolean =>
      task.metricKeys.some((k) => isFiniteNumber(c.entry[k]));
    const winner = pickWinner(list, usable);
    if (winner !== undefined)
      merged.set(taskKey, { entry: winner.entry, nSamples: winner.nSamples });
  }
  return merged;
}

function sampleWeight(nSamples: unknown): number {
  if (isObject(nSamples) && isFiniteNumber(nSamples['effective'])) return nSamples['effective'];
  return 1;
}

interface EnglishScores {
  readonly competencies: Map<EnglishCompetency, Cell>;
  /** Task-report column -> value (only columns present in the row). */
  readonly tasks: Map<string, Cell>;
  readonly en: Cell;
}

function metricOf(data: ReadonlyMap<string, LmEvalEntry>, taskKey: string, metric: string): Cell {
  const value = data.get(taskKey)?.entry[metric];
  return isFiniteNumber(value) ? value : null;
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

/** One model's three report rows, with the sort key of every column it has. */
interface ScoredRow {
  readonly model: string;
  readonly cells: Record<ReportKind, Map<string, Cell>>;
}

/** Sort keys of every column seen (a column name always has the same key). */
type SortKey = readonly (number | string)[];

interface Ordering {
  languageRank(language: string): SortKey;
  readonly sortKeys: Record<ReportKind, Map<string, SortKey>>;
  isSeaLanguage(language: string): boolean;
}

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
        : !NON_SEA_LANGUAGES.has(language);
    },
    sortKeys: { lang: new Map(), competency: new Map(), task: new Map() },
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
  const lang = new Map<string, Cell>();
  const competency = new Map<string, Cell>();
  const task = new Map<string, Cell>();
  const keys = ordering.sortKeys;

  const languageValues: Cell[] = [];
  for (const [language, competencies] of mergeSeahelmFiles(seaFiles)) {
    if (!ordering.isSeaLanguage(language)) continue;
    const langRank = ordering.languageRank(language);
    const competencyValues: Cell[] = [];
    for (const [competencyName, tasks] of competencies) {
      if (tasks.size === 0) continue;
      const scored =
        competencyName === 'linguistic-diagnostics'
          ? scoreLinguisticDiagnostics(tasks)
          : scoreOrdinaryCompetency(tasks);
      const compColumn = `${language}_${competencyName}`;
      competency.set(compColumn, scored.value);
      keys.competency.set(compColumn, [0, ...langRank, ...competencyRank(competencyName)]);
      competencyValues.push(scored.value);
      for (const [taskName, value] of scored.tasks) {
        const taskColumn = `${language}_${taskName}`;
        task.set(taskColumn, value);
        keys.task.set(taskColumn, [0, ...langRank, ...competencyRank(competencyName), taskName]);
      }
    }
    if (competencyValues.length === 0) continue;
    const languageValue = mean(presentValues(competencyValues));
    lang.set(language, languageValue);
    keys.lang.set(language, [1, ...langRank]);
    languageValues.push(languageValue);
  }
  const seaTotal = mean(presentValues(languageValues));

  const english = scoreEnglish(mergeLmEvalFiles(lmFiles));
  for (const [column, value] of english.tasks) {
    task.set(column, value);
    keys.task.set(column, englishTaskSortKey(column));
  }
  ENGLISH_COMPETENCIES.forEach((name, i) => {
    competency.set(name, english.competencies.get(name) ?? null);
    keys.competency.set(name, [1, i]);
  });

  lang.set('sea_total', seaTotal);
  lang.set('en', english.en);
  lang.set('total', seaTotal !== null && english.en !== null ? (seaTotal + english.en) / 2 : null);
  keys.lang.set('sea_total', [0]);
  keys.lang.set('en', [2]);
  keys.lang.set('total', [3]);

  return { model, cells: { lang, competency, task } };
}

/** Rows of one run or baseline, ordered by configuration then step. */
function scoreSource(source: Source, kind: 'run' | 'baseline', ordering: Ordering): ScoredRow[] {
  const byModel = new Map<string, ResultFile[]>();
  for (const file of filesOfSource(source, kind)) {
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

function buildTable(
  kind: ReportKind,
  rows: readonly { run: string; row: ScoredRow }[],
  ordering: Ordering,
): ReferenceTable {
  const columnSet = new Set<string>();
  if (kind === 'lang') ['sea_total', 'en', 'total'].forEach((c) => columnSet.add(c));
  if (kind === 'competency') ENGLISH_COMPETENCIES.forEach((c) => columnSet.add(c));
  for (const { row } of rows) for (const column of row.cells[kind].keys()) columnSet.add(column);
  const keyOf = (column: string): SortKey => {
    const key = ordering.sortKeys[kind].get(column);
    if (key === undefined) throw new Error(`no sort key for ${kind} column ${column}`);
    return key;
  };
  const columns = [...columnSet].sort((a, b) => compareSortKeys(keyOf(a), keyOf(b)));
  return {
    columns,
    rows: rows.map(({ run, row }) => ({
      model: row.model,
      run,
      cells: new Map(columns.map((c) => [c, row.cells[kind].get(c) ?? null])),
    })),
  };
}

function buildReports(
  rows: readonly { run: string; row: ScoredRow }[],
  ordering: Ordering,
): ReferenceReports {
  return {
    lang: buildTable('lang', rows, ordering),
    competency: buildTable('competency', rows, ordering),
    task: buildTable('task', rows, ordering),
  };
}

/** Computes every report of a config file as scoring.md defines them. */
export function computeReference(configFile: string): ReferenceResult {
  const config = readConfig(configFile);
  const ordering = makeOrdering(config.seaLanguages);
  const runs = new Map<string, ReferenceReports>();
  const mergedRows: { run: string; row: ScoredRow }[] = [];
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
    runs.set(run.key, buildReports(rows, ordering));
    mergedRows.push(...rows);
  }
  return {
    runOrder: config.runs.map((r) => r.key),
    runs,
    merged: buildReports(mergedRows, ordering),
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
