/**
 * The validated, resolved configuration the pipeline runs on. `load.ts` builds it from
 * `leaderboard.config.yaml`; every path in it is absolute.
 */

/** Which section of the YAML a run or baseline comes from. */
export type Section = 'experiments' | 'hero_runs';

/** One `[include, exclude]` pair of `en_conditions` / `bhasa_conditions`; `null` = no filter. */
export interface ConditionPair {
  readonly include: string | null;
  readonly exclude: string | null;
}

/** Which files a harness pre-filter accepts (tested case-insensitively on the relative path). */
export interface FileIdentifier {
  /** The relative path (folders and file name) contains one of these substrings. */
  readonly pathContains: readonly string[];
  /** Or the file name matches one of these globs (e.g. `results_*.json`). */
  readonly fileNames: readonly string[];
}

interface SourceBase {
  /** YAML key. */
  readonly key: string;
  readonly section: Section;
  /** Absolute folder the files are found below. */
  readonly path: string;
  /** Conditions applied to lm-eval files; `null` when absent. */
  readonly enConditions: readonly ConditionPair[] | null;
  /** Conditions applied to SEA-HELM files; `null` when absent. */
  readonly bhasaConditions: readonly ConditionPair[] | null;
}

/** An entry under `experiments:` or `hero_runs:` (not `baselines`). */
export interface RunConfig extends SourceBase {
  /** 0-based position among the section's runs in YAML order. */
  readonly index: number;
  readonly isHeroRun: boolean;
}

/** An entry under a section's `baselines:`. */
export interface BaselineConfig extends SourceBase {
  /** Resolved run positions in its section: `null`/absent in YAML gives every run, `[]` none. */
  readonly targets: readonly number[];
}

export interface HyperparameterPattern {
  /** Name shown in charts, e.g. `LR`. */
  readonly name: string;
  /** Regular expression source with one capture group holding the number. */
  readonly pattern: string;
}

export interface SiteSection {
  readonly title: string;
  /** Plain text; blank lines separate paragraphs. */
  readonly text: string;
  readonly links: readonly { readonly label: string; readonly href: string }[];
}

export interface SiteTexts {
  readonly title: string;
  /** Plain text; blank lines separate paragraphs. */
  readonly about: string;
  readonly hostedBy: string | null;
  readonly links: readonly { readonly label: string; readonly href: string }[];
  /** Closed sections at the bottom of `/` (the original app's accordions), in YAML order. */
  readonly sections: readonly SiteSection[];
  /** Version label shown on every page; null = the git tag or commit at build time. */
  readonly version: string | null;
}

export interface LeaderboardConfig {
  /** Absolute path of the config file. */
  readonly configFile: string;
  /** Runs: experiments then hero runs, each in YAML order. */
  readonly runs: readonly RunConfig[];
  /** Baselines: experiments' then hero runs', each in YAML order. */
  readonly baselines: readonly BaselineConfig[];
  readonly output: {
    readonly baseDir: string;
    readonly saveIndividual: boolean;
    readonly saveMerged: boolean;
  };
  /** SEA languages and their order; `null` = every language found (scoring.md section 3). */
  readonly seaLanguages: readonly string[] | null;
  /** Step regular expressions, tried in order (scoring.md section 5). */
  readonly stepPatterns: readonly string[];
  readonly fileIdentifiers: {
    readonly seahelm: FileIdentifier;
    readonly lmEval: FileIdentifier;
  };
  /** Extra SEA-HELM task -> primary metric entries, on top of the built-in table. */
  readonly seahelmTaskMetrics: Readonly<Record<string, string>>;
  /** Hyperparameters parsed from configuration names (charts). */
  readonly hyperparameters: readonly HyperparameterPattern[];
  /** Texts of the leaderboard site. */
  readonly site: SiteTexts;
}
