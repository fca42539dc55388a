/**
 * Default values for everything `leaderboard.config.yaml` may leave out (scoring.md sections 5-7).
 */
import type { SiteTexts, FileIdentifier, HyperparameterPattern } from './types.ts';

/**
 * Step patterns, tried in this order on each folder name (scoring.md section 5). The discovery
 * stage adds the delimiting rule (match starts at the name's start or after `_`, `-`, `.`, and
 * ends at its end or before one of them), so the sources here stay as the docs spell them.
 */
export const DEFAULT_STEP_PATTERNS: readonly string[] = Object.freeze([
  String.raw`ba(\d+)`,
  String.raw`step=(\d+)`,
  String.raw`global_step[_-]?(\d+)`,
  String.raw`step[_-](\d+)`,
  String.raw`checkpoint-(\d+)`,
  String.raw`iter_(\d+)`,
]);

/** Path pre-filters per harness (scoring.md section 7). */
export const DEFAULT_FILE_IDENTIFIERS: {
  readonly seahelm: FileIdentifier;
  readonly lmEval: FileIdentifier;
} = Object.freeze({
  seahelm: Object.freeze({
    pathContains: Object.freeze(['seahelm']),
    fileNames: Object.freeze([]),
  }),
  lmEval: Object.freeze({
    pathContains: Object.freeze(['lm-eval', 'lm_eval', 'hf_leaderboard']),
    fileNames: Object.freeze(['results_*.json']),
  }),
});

export const DEFAULT_OUTPUT: {
  readonly baseDir: string;
  readonly saveIndividual: boolean;
  readonly saveMerged: boolean;
} = Object.freeze({ baseDir: 'reports', saveIndividual: true, saveMerged: true });

/** Folder under `base_dir` that holds the merged reports, so no run may use it as its key. */
export const MERGED_FOLDER = 'merged';

/** File the CLI writes next to the run folders, so no run may use it as its key either. */
export const RESULTS_FILE = 'results.json';
/** How the tool's own results.json begins, which tells it from a result file of that name. */
export const RESULTS_JSON_HEAD = '{"generator":"seahelm-leaderboard"';

/** A decimal number: `1024`, `0.0001`, `.5`, `1.`, `3e-4`; the one capture group. */
const NUMBER = String.raw`(\d+(?:\.\d*)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)`;
const INTEGER = String.raw`(\d+)`;

/**
 * A `<name><number>` token that starts at the name's start or after `_`, `-`, `.` and ends at
 * its end or before one of them, so `CLR0.1` is not `LR` and `LR1e-4-GBS64` gives `1e-4`.
 */
function token(name: string, number: string): string {
  return String.raw`(?<![^_.-])${name}${number}(?![^_.-])`;
}

/** Hyperparameters parsed from configuration names (original-app.md section 4.11). */
export const DEFAULT_HYPERPARAMETERS: readonly HyperparameterPattern[] = Object.freeze(
  [
    { name: 'en_ratio', pattern: token('en_ratio', NUMBER) },
    { name: 'cc_ratio', pattern: token('cc_ratio', NUMBER) },
    { name: 'code_ratio', pattern: token('code_ratio', NUMBER) },
    { name: 'hq_ratio', pattern: token('hq_ratio', NUMBER) },
    { name: 'LR', pattern: token('LR', NUMBER) },
    { name: 'GBS', pattern: token('GBS', INTEGER) },
  ].map((entry) => Object.freeze(entry)),
);

/** The site's texts when the config sets none. */
export const DEFAULT_SITE: SiteTexts = Object.freeze({
  title: 'SEA-HELM Leaderboard',
  about:
    'SEA-HELM (Southeast Asian Holistic Evaluation of Language Models) evaluates language models on natural language understanding, generation and reasoning, instruction following, multi-turn chat, cultural knowledge, safety and linguistic diagnostics in Southeast Asian languages. English is scored on the six Open LLM Leaderboard v2 benchmarks (IFEval, BBH, MATH Lvl 5, GPQA, MUSR, MMLU-PRO) run with lm-evaluation-harness.',
  hostedBy: null,
  links: Object.freeze([]),
  sections: Object.freeze([]),
  version: null,
});
