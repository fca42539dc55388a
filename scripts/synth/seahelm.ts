/**
 * Synthetic SEA-HELM results files (`<model>_seahelm_results_<timestamp>.json`), shaped like the
 * real v1 (2025) files and like the 2026 layout described in docs: language -> competency ->
 * task entry with its metric keys and bookkeeping keys.
 */
import { clamp, type Rng } from './prng.ts';
import { pf, type PyFloat, type PyJsonObject, type PyJsonValue } from './pyjson.ts';

/** v1 (2025): `errors` objects, boolean `is_cached`. 2026: no `errors`, `is_cached` per turn. */
export type SeahelmLayout = 'v1' | '2026';

export const V1_LANGUAGES = ['id', 'vi', 'th', 'ta', 'tl'] as const;
export const LANGUAGES_2026 = ['id', 'vi', 'th', 'ta', 'tl', 'ms', 'my'] as const;

type MetricClass =
  | 'f1acc'
  | 'qa'
  | 'abssum'
  | 'translation'
  | 'sea-ifeval'
  | 'mt-bench'
  | 'minimal-pairs'
  | 'pragmatic';

interface TaskSpec {
  readonly task: string;
  readonly competency: string;
  readonly primary: string;
  readonly metricClass: MetricClass;
  /** Languages in the 2026 task set, and in v1 (SEA languages only; `en` is separate). */
  readonly languages2026: readonly string[];
  readonly languagesV1: readonly string[];
  /** Quality at skill 0 and at skill 1, as a fraction above chance (can dip below 0: clipped). */
  readonly low: number;
  readonly high: number;
  /** Number of answer options per language (chance 1/n), default for all languages. */
  readonly options?: number;
  readonly optionsByLanguage?: Readonly<Record<string, number>>;
}

const ALL_2026 = LANGUAGES_2026;
const ALL_V1 = V1_LANGUAGES;

/**
 * The SEA tasks of result-formats.md section 1.6 used by the sample, in the order SEA-HELM
 * evaluates them (the key order of a real file).
 */
const TASKS: readonly TaskSpec[] = [
  f1acc('sentiment', 'nlu', ALL_2026, ALL_V1, -0.05, 0.8, 3, { ta: 2 }),
  qaTask(),
  f1acc('metaphor', 'nlu', ['id', 'ta'], ['id'], -0.1, 0.75, 2),
  f1acc('paraphrase', 'nlu', ['my', 'tl'], ['tl'], -0.05, 0.7, 2),
  f1acc('belebele-qa-mc', 'nlu', ALL_2026, ALL_V1, 0.1, 0.85, 4),
  f1acc(
    'toxicity',
    'safety',
    ['id', 'ms', 'my', 'th', 'tl', 'vi'],
    ['id', 'vi', 'th', 'tl'],
    -0.25,
    0.55,
    2,
    {
      id: 3,
      vi: 3,
    },
  ),
  {
    task: 'abssum',
    competency: 'nlg',
    primary: 'normalized_rougel_f1',
    metricClass: 'abssum',
    languages2026: ['id', 'my', 'ta', 'th', 'tl', 'vi'],
    languagesV1: ALL_V1,
    low: 0.08,
    high: 0.26,
  },
  translation('translation-en-xx', 0.25, 0.85),
  translation('translation-xx-en', 0.4, 0.92),
  f1acc('causal', 'nlr', ALL_2026, ALL_V1, -0.1, 0.85, 2),
  f1acc('nli', 'nlr', ALL_2026, ALL_V1, -0.2, 0.65, 3),
  {
    task: 'mp-r',
    competency: 'linguistic-diagnostics',
    primary: 'normalized_accuracy',
    metricClass: 'minimal-pairs',
    languages2026: ['id', 'ta'],
    languagesV1: ['id', 'ta'],
    low: 0.4,
    high: 0.9,
  },
  pragmatic('pragmatic-single'),
  pragmatic('pragmatic-pair'),
  {
    task: 'if-eval',
    competency: 'instruction-following',
    primary: 'overall_lang_normalized_acc',
    metricClass: 'sea-ifeval',
    languages2026: ALL_2026,
    languagesV1: ['id', 'vi', 'th', 'tl'],
    low: 0.2,
    high: 0.88,
  },
  f1acc('kalahi-mc', 'cultural', ['tl'], ['tl'], 0.0, 0.65, 4),
  {
    task: 'mt-bench',
    competency: 'multi-turn',
    primary: 'weighted_win_rate',
    metricClass: 'mt-bench',
    languages2026: ALL_2026,
    languagesV1: ['id', 'vi', 'th', 'tl'],
    low: 0.04,
    high: 0.62,
  },
];

/** SEA-HELM's own English tasks (language `en`), which the leaderboard ignores. */
const ENGLISH_TASKS: readonly string[] = ['belebele-qa-mc', 'if-eval', 'mt-bench'];

/** Harder languages score lower for the same model (lower-resource, other scripts). */
const LANGUAGE_OFFSET: Readonly<Record<string, number>> = {
  en: 0.08,
  id: 0.04,
  vi: 0.03,
  ms: 0.03,
  th: 0.0,
  tl: -0.02,
  ta: -0.08,
  my: -0.11,
};

function f1acc(
  task: string,
  competency: string,
  languages2026: readonly string[],
  languagesV1: readonly string[],
  low: number,
  high: number,
  options: number,
  optionsByLanguage: Readonly<Record<string, number>> = {},
): TaskSpec {
  const primary = 'normalized_accuracy';
  const base = { task, competency, primary, metricClass: 'f1acc' as const, low, high, options };
  return { ...base, languages2026, languagesV1, optionsByLanguage };
}

function qaTask(): TaskSpec {
  return {
    task: 'qa',
    competency: 'nlu',
    primary: 'normalized_f1',
    metricClass: 'qa',
    languages2026: ['id', 'ta', 'th', 'vi'],
    languagesV1: ['id', 'vi', 'th', 'ta'],
    low: 0.3,
    high: 0.85,
  };
}

function translation(task: string, low: number, high: number): TaskSpec {
  return {
    task,
    competency: 'nlg',
    primary: 'normalized_metricx_wmt24_scores',
    metricClass: 'translation',
    languages2026: ALL_2026,
    languagesV1: ALL_V1,
    low,
    high,
  };
}

function pragmatic(task: string): TaskSpec {
  return {
    task,
    competency: 'linguistic-diagnostics',
    primary: 'normalized_accuracy',
    metricClass: 'pragmatic',
    languages2026: ['id', 'ta'],
    languagesV1: ['id', 'ta'],
    low: 0.4,
    high: 0.85,
  };
}

/** A task in one language, e.g. `{ lang: 'vi', task: 'nli' }`. */
export interface TaskRef {
  readonly lang: string;
  readonly task: string;
}

export interface SeahelmFileOptions {
  readonly layout: SeahelmLayout;
  /** Overall SEA quality of the model, about 0 (untrained) to 1 (strong). */
  readonly skill: number;
  /** Seeds every value; the same rng seed gives the same file. */
  readonly rng: Rng;
  /** Default: the layout's language set. */
  readonly languages?: readonly string[];
  /** Add SEA-HELM's own English block (`en`), which the leaderboard ignores. */
  readonly includeEnglish?: boolean;
  /** Only these tasks (a re-run of a subset writes a file holding only them). */
  readonly only?: readonly TaskRef[];
  /** These tasks are error entries (`{primary: 0, error: ...}`). */
  readonly failed?: readonly TaskRef[];
  /** These tasks have no primary key (the judge or MetricX step produced nothing). */
  readonly partial?: readonly TaskRef[];
  /** Share of answers lost to API errors (v1 `errors.RateLimitError`, `null_count`). */
  readonly errorRate?: number;
}

export const ERROR_MESSAGE = 'Failed to run evaluation for task';

/** The parsed content of one SEA-HELM results file. */
export function buildSeahelmResults(options: SeahelmFileOptions): PyJsonObject {
  const languages = options.languages ?? (options.layout === 'v1' ? V1_LANGUAGES : LANGUAGES_2026);
  const result: Record<string, PyJsonValue> = {};
  for (const lang of languages) {
    const block = buildLanguage(lang, options);
    if (Object.keys(block).length > 0) result[lang] = block;
  }
  if (options.includeEnglish === true && options.only === undefined) {
    result['en'] = buildLanguage('en', options);
  }
  return result;
}

function tasksFor(lang: string, layout: SeahelmLayout): readonly TaskSpec[] {
  if (lang === 'en') return TASKS.filter((spec) => ENGLISH_TASKS.includes(spec.task));
  return TASKS.filter((spec) =>
    (layout === 'v1' ? spec.languagesV1 : spec.languages2026).includes(lang),
  );
}

function matches(refs: readonly TaskRef[] | undefined, lang: string, task: string): boolean {
  return refs?.some((ref) => ref.lang === lang && ref.task === task) ?? false;
}

function buildLanguage(lang: string, options: SeahelmFileOptions): Record<string, PyJsonValue> {
  const competencies: Record<string, Record<string, PyJsonValue>> = {};
  for (const spec of tasksFor(lang, options.layout)) {
    if (options.only !== undefined && !matches(options.only, lang, spec.task)) continue;
    const rng = options.rng.fork(`${lang}/${spec.task}`);
    const entry = buildEntry(spec, lang, options, rng);
    (competencies[spec.competency] ??= {})[spec.task] = entry;
  }
  return competencies;
}

function buildEntry(
  spec: TaskSpec,
  lang: string,
  options: SeahelmFileOptions,
  rng: Rng,
): PyJsonObject {
  const turns = spec.metricClass === 'mt-bench' ? 2 : 1;
  const bookkeeping = new Bookkeeping(options.layout, turns, rng, options.errorRate ?? 0);
  if (matches(options.failed, lang, spec.task)) return bookkeeping.errorEntry(spec.primary);
  if (matches(options.partial, lang, spec.task)) return bookkeeping.partialEntry();
  const quality = taskQuality(spec, lang, options.skill, rng);
  return bookkeeping.wrap(metricsFor(spec, lang, quality, rng, bookkeeping));
}

/** Fraction of the way from chance to perfect; below 0 means below chance (a clipped zero). */
function taskQuality(spec: TaskSpec, lang: string, skill: number, rng: Rng): number {
  const offset = LANGUAGE_OFFSET[lang] ?? 0;
  return spec.low + (spec.high - spec.low) * skill + offset + rng.normal(0, 0.03);
}

/** The bookkeeping keys, which differ between the v1 and 2026 layouts. */
class Bookkeeping {
  readonly layout: SeahelmLayout;
  readonly turns: number;
  readonly nullCount: number;
  readonly apiErrors: number;
  private readonly seconds: readonly number[];

  constructor(layout: SeahelmLayout, turns: number, rng: Rng, errorRate: number) {
    this.layout = layout;
    this.turns = turns;
    this.apiErrors = errorRate > 0 && rng.chance(0.5) ? rng.int(1, Math.ceil(errorRate * 900)) : 0;
    this.nullCount = this.apiErrors + (rng.chance(0.6) ? 0 : rng.int(1, 6));
    this.seconds = Array.from({ length: turns }, () => rng.uniform(0.8, 40));
  }

  private timeTaken(): PyJsonValue {
    return this.seconds.map((s) => pf(s));
  }

  private isCached(): PyJsonValue {
    return this.layout === 'v1' ? false : this.seconds.map(() => false);
  }

  private errors(): PyJsonValue {
    return this.apiErrors > 0 ? { RateLimitError: this.apiErrors } : {};
  }

  /** Metric keys first (v1) or after the timing keys (2026, which writes those first). */
  wrap(metrics: PyJsonObject): PyJsonObject {
    if (this.layout === 'v1') {
      const time = this.timeTaken();
      return { ...metrics, errors: this.errors(), inference_time_taken: time, is_cached: false };
    }
    return { inference_time_taken: this.timeTaken(), is_cached: this.isCached(), ...metrics };
  }

  errorEntry(primary: string): PyJsonObject {
    const failure = { [primary]: 0, error: ERROR_MESSAGE };
    if (this.layout === 'v1') return failure;
    return { inference_time_taken: this.timeTaken(), is_cached: this.isCached(), ...failure };
  }

  partialEntry(): PyJsonObject {
    const nullCount = Math.max(this.nullCount, 2);
    if (this.layout === 'v1') {
      const errors = { RateLimitError: nullCount };
      return {
        null_count: nullCount,
        errors,
        inference_time_taken: this.timeTaken(),
        is_cached: false,
      };
    }
    return {
      inference_time_taken: this.timeTaken(),
      is_cached: this.isCached(),
      null_count: nullCount,
    };
  }
}

function metricsFor(
  spec: TaskSpec,
  lang: string,
  quality: number,
  rng: Rng,
  bookkeeping: Bookkeeping,
): PyJsonObject {
  switch (spec.metricClass) {
    case 'f1acc':
      return f1accMetrics(
        spec.optionsByLanguage?.[lang] ?? spec.options ?? 2,
        quality,
        rng,
        bookkeeping,
      );
    case 'qa':
      return qaMetrics(quality, rng, bookkeeping);
    case 'abssum':
      return abssumMetrics(quality, rng, bookkeeping);
    case 'translation':
      return translationMetrics(quality, rng, bookkeeping);
    case 'sea-ifeval':
      return seaIfevalMetrics(lang, quality, rng);
    case 'mt-bench':
      return mtBenchMetrics(quality, rng);
    case 'minimal-pairs':
      return minimalPairMetrics(quality, rng);
    case 'pragmatic':
      return pragmaticMetrics(spec.task, quality, rng);
  }
}

/** `max(x, 0)` in Python returns the int 0 when it clips, which is what real files show. */
function clippedPercent(fraction: number): number | PyFloat {
  return fraction > 0 ? pf(fraction * 100) : 0;
}

function f1accMetrics(options: number, quality: number, rng: Rng, bk: Bookkeeping): PyJsonObject {
  const chance = 1 / options;
  const balanced = clamp(chance + (1 - chance) * quality, 0.01, 0.995);
  const macroF1 = clamp(balanced + rng.normal(0, 0.02), 0.005, 0.999);
  const answered = 1 - Math.min(bk.nullCount / 1000, 0.9);
  return {
    accuracy: pf(balanced * 100),
    macro_f1: pf(macroF1 * 100),
    null_weighted_f1: pf(macroF1 * answered * 100),
    normalized_accuracy: clippedPercent((balanced - chance) / (1 - chance)),
    null_count: bk.nullCount,
  };
}

function qaMetrics(quality: number, rng: Rng, bk: Bookkeeping): PyJsonObject {
  const f1 = clamp(quality, 0.01, 0.97) * 100;
  const exact = Math.round(clamp(f1 - rng.uniform(12, 28), 0, 100));
  const found = Math.round(clamp(f1 + rng.uniform(2, 12), 0, 100));
  return {
    exact_match: pf(exact),
    f1: pf(f1),
    normalized_f1: pf(f1),
    found_in_prediction: pf(found),
    null_count: bk.nullCount,
  };
}

function abssumMetrics(quality: number, rng: Rng, bk: Bookkeeping): PyJsonObject {
  const f1 = clamp(quality, 0.002, 0.4) * 100;
  // F1 is the harmonic mean, so recall follows from F1 and a precision a bit below it.
  const precision = f1 * rng.uniform(0.75, 0.95);
  const recall = (f1 * precision) / (2 * precision - f1);
  return {
    null_count: bk.nullCount,
    rougel_precision: pf(precision),
    rougel_recall: pf(recall),
    rougel_f1: pf(f1),
    normalized_rougel_f1: pf(f1),
  };
}

function translationMetrics(quality: number, rng: Rng, bk: Bookkeeping): PyJsonObject {
  const normalized = clamp(quality, 0.05, 0.97) * 100;
  // MetricX-24 is 0..25, lower is better; the normalized mean clips per item, so it sits a bit
  // above (25 - mean) / 25.
  const raw = clamp(25 * (1 - normalized / 100) + rng.uniform(0, 0.6), 0.2, 24.8);
  const metrics: Record<string, PyJsonValue> = {
    metricx_wmt24_scores: pf(raw),
    normalized_metricx_wmt24_scores: pf(normalized),
  };
  if (bk.layout === 'v1') {
    const withoutRef = clamp(raw + rng.uniform(1.5, 6), 0.3, 24.9);
    metrics['metricx_wmt24_wo_ref_scores'] = pf(withoutRef);
    metrics['normalized_metricx_wmt24_wo_ref_scores'] = pf(((25 - withoutRef) / 25) * 100);
  }
  metrics['null_count'] = bk.nullCount;
  return metrics;
}

const IFEVAL_INSTRUCTIONS = [
  'combination:repeat_prompt',
  'combination:two_responses',
  'detectable_content:number_placeholders',
  'detectable_content:postscript',
  'detectable_format:constrained_response',
  'detectable_format:json_format',
  'detectable_format:multiple_sections',
  'detectable_format:number_bullet_lists',
  'detectable_format:number_highlighted_sections',
  'detectable_format:title',
  'keywords:existence',
  'keywords:forbidden_words',
  'keywords:frequency',
  'keywords:number_frequency',
  'language:response_language',
  'length_constraints:number_paragraphs',
  'length_constraints:number_sentences',
  'length_constraints:number_words',
  'startend:end_checker',
  'startend:first_word',
  'startend:quotation',
];

function seaIfevalMetrics(lang: string, quality: number, rng: Rng): PyJsonObject {
  // Thai has no word-count instruction (words are not space-separated), as in the real files.
  const instructions = IFEVAL_INSTRUCTIONS.filter(
    (id) => lang !== 'th' || id !== 'length_constraints:number_words',
  );
  const count = instructions.length * 5;
  const passRate = clamp(quality, 0.02, 0.97);
  const passed = rng.binomial(count, passRate);
  const wrongLanguage = rng.binomial(count, clamp(0.25 - quality * 0.25, 0.005, 0.3));
  const passedInLanguage = Math.max(0, passed - Math.round(wrongLanguage * passRate));
  const subcategories: Record<string, PyJsonValue> = {};
  for (const id of instructions) subcategories[id] = pf(rng.binomial(5, passRate) / 5);
  return {
    overall_count: count,
    overall_pass: passed,
    overall_acc: pf((passed / count) * 100),
    correct_language_rate: pf((count - wrongLanguage) / count),
    overall_lang_normalized_acc: pf((passedInLanguage / count) * 100),
    subcategories,
  };
}

const MT_BENCH_CATEGORIES = [
  'coding',
  'extraction',
  'humanities',
  'math',
  'reasoning',
  'roleplay',
  'stem',
  'writing',
];

function mtBenchMetrics(quality: number, rng: Rng): PyJsonObject {
  const categories: Record<string, PyJsonValue> = {};
  let sum = 0;
  for (const category of MT_BENCH_CATEGORIES) {
    // 10 questions x 2 turns per category; a tie counts 0.5, so steps of 0.025.
    const wins = rng.binomial(40, clamp(quality + rng.normal(0, 0.08), 0.01, 0.97));
    const rate = wins / 40;
    categories[category] = pf(rate);
    sum += rate;
  }
  const winRate = sum / MT_BENCH_CATEGORIES.length;
  return {
    categories,
    win_rate: pf(winRate),
    weighted_win_rate: pf(clamp(winRate + rng.normal(0, 0.01), 0, 1) * 100),
  };
}

const MINIMAL_PAIR_PHENOMENA = [
  'NPIs_and_negation',
  'argument_structure',
  'filler-gap_dependencies',
  'morphology',
];

function minimalPairMetrics(quality: number, rng: Rng): PyJsonObject {
  const subcategories: Record<string, PyJsonValue> = {};
  let sum = 0;
  for (const phenomenon of MINIMAL_PAIR_PHENOMENA) {
    const accuracy = clamp(quality + rng.normal(0, 0.12), 0, 1) * 100;
    subcategories[phenomenon] = pf(accuracy);
    sum += accuracy;
  }
  const accuracy = sum / MINIMAL_PAIR_PHENOMENA.length;
  return {
    accuracy: pf(accuracy),
    subcategories,
    normalized_accuracy: clippedPercent((accuracy / 100 - 0.5) / 0.5),
  };
}

/** Items per phenomenon: pragmatic-single has 80 + 20, pragmatic-pair 24 + 60. */
const PRAGMATIC_TOTALS: Readonly<Record<string, readonly [number, number]>> = {
  'pragmatic-single': [80, 20],
  'pragmatic-pair': [24, 60],
};

function pragmaticMetrics(task: string, quality: number, rng: Rng): PyJsonObject {
  const [scalar, presupposition] = PRAGMATIC_TOTALS[task] ?? [80, 20];
  const correct = (total: number): PyJsonValue => [
    pf(rng.binomial(total, clamp(quality + rng.normal(0, 0.05), 0.05, 0.98))),
    total,
  ];
  return {
    subcategories: {
      scalar_implicatures: correct(scalar),
      presuppositions: correct(presupposition),
    },
  };
}
