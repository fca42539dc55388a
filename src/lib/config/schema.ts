/**
 * The shape of `leaderboard.config.yaml` (snake_case keys, as written), as strict zod schemas.
 * Unknown keys are rejected everywhere except directly under `experiments` / `hero_runs`,
 * where every key but `baselines` is a run key. Cross-entry rules live in `rules.ts`.
 */
import * as z from 'zod';
import { describeNumber, describeValue } from './errors.ts';
import { printable } from '../printable.ts';
import { backtrackingProblem } from './regex-backtracking.ts';

type RawIssue = z.core.$ZodRawIssue;

/** Schema-level error map: "expected <phrase>, found <value>" for a value of the wrong type. */
function expecting(phrase: string): { error: (issue: RawIssue) => string | undefined } {
  return {
    error: (issue) =>
      issue.code === 'invalid_type' && issue.input !== undefined
        ? `expected ${phrase}, found ${describeValue(issue.input)}`
        : undefined,
  };
}

const nonEmptyString = (phrase: string) =>
  z
    .string(expecting(phrase))
    // abort: an empty pattern needs no further "has no capture group" message
    .min(1, { error: `expected ${phrase}, found an empty string`, abort: true });

/** Why `source` cannot serve as a pattern whose first capture group holds a number, if so. */
export function regexProblem(source: string): string | undefined {
  const shown = printable(source);
  try {
    // V8 compiles a pattern when it first runs, and only then finds some problems (too large).
    new RegExp(source).exec('');
  } catch (error) {
    return `expected a regular expression, found '${shown}' (${engineReason(error, source)})`;
  }
  // An alternative that matches the empty string makes exec() report every group.
  const groups = (new RegExp(`(?:${source})|`).exec('')?.length ?? 1) - 1;
  if (groups === 0) {
    return `expected a regular expression with a capture group for the number, found '${shown}', which has none`;
  }
  const backtracking = backtrackingProblem(source);
  return backtracking === undefined
    ? undefined
    : `expected a regular expression that runs in reasonable time on any name, found '${shown}', ${backtracking}`;
}

/**
 * The engine's reason, made printable, without the pattern it repeats (`Invalid regular
 * expression: /…/: `): the message quotes the pattern already, and one of 200,000 characters
 * was shown twice.
 */
function engineReason(error: unknown, source: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const repeated = `Invalid regular expression: /${source}/: `;
  return printable(message.startsWith(repeated) ? message.slice(repeated.length) : message);
}

const regexSource = nonEmptyString('a regular expression').superRefine((source, context) => {
  const problem = regexProblem(source);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

/**
 * A glob is matched against one path component (a folder or file name), so a `/` in it, or an
 * empty glob, can match nothing: the files it was meant to select would vanish without a word.
 */
function componentGlobProblem(glob: string, phrase: string, hint: string): string | undefined {
  if (glob.includes('/')) {
    return `expected ${phrase}, found '${printable(glob)}', which contains '/' and so matches nothing; ${hint}`;
  }
  return undefined;
}

const glob = z
  .string(expecting('a glob string or null'))
  .superRefine((source, context) => {
    const message =
      source === ''
        ? 'expected a glob string or null, found an empty string, which matches nothing (null means no filter)'
        : componentGlobProblem(
            source,
            'a glob for one path level',
            'give one [include, exclude] pair for each level',
          );
    if (message !== undefined) context.addIssue({ code: 'custom', message });
  })
  .nullable();

const fileNameGlob = nonEmptyString('a file name glob').superRefine((source, context) => {
  const message = componentGlobProblem(
    source,
    'a file name glob',
    'file_names match the file name only (path_contains tests the path)',
  );
  if (message !== undefined) context.addIssue({ code: 'custom', message });
});

const conditionPair = z.tuple([glob, glob], {
  error: (issue) => {
    const found = Array.isArray(issue.input)
      ? `a list of ${issue.input.length} item${issue.input.length === 1 ? '' : 's'}`
      : describeValue(issue.input);
    return issue.input === undefined
      ? undefined
      : `expected an [include, exclude] pair, found ${found}`;
  },
});

/** `en_conditions` / `bhasa_conditions`: one `[include, exclude]` pair per path level. */
const conditions = z
  .array(conditionPair, expecting('a list of [include, exclude] pairs'))
  .nullable();

const runIndex = z
  .int({
    error: (issue) =>
      issue.input === undefined
        ? undefined
        : `expected a run index (a whole number, 0 or more), found ${describeNumber(issue.input)}`,
  })
  .nonnegative();

const runSchema = z.strictObject({
  path: nonEmptyString('a folder path'),
  en_conditions: conditions.optional(),
  bhasa_conditions: conditions.optional(),
});

const baselineSchema = z.strictObject({
  path: nonEmptyString('a folder path'),
  target_experiments: z
    .array(runIndex, expecting('a list of run indices or null'))
    .nullable()
    .optional(),
  en_conditions: conditions.optional(),
  bhasa_conditions: conditions.optional(),
});

/** Reserved key of a section that holds its baselines; every other key is a run. */
export const BASELINES_KEY = 'baselines';

const sectionSchema = z
  .object({ [BASELINES_KEY]: z.record(z.string(), baselineSchema).nullable().optional() })
  .catchall(runSchema)
  .nullable();

/**
 * YAML 1.1 (PyYAML, the original app's parser) read these as booleans; YAML 1.2 reads them as
 * text, so a config written for the original app says `save_merged: no`.
 */
const YAML_1_1_BOOLEANS: Readonly<Record<string, boolean>> = {
  y: true,
  yes: true,
  on: true,
  n: false,
  no: false,
  off: false,
};

const yamlBoolean = z.boolean({
  error: (issue) => {
    if (issue.code !== 'invalid_type' || issue.input === undefined) return undefined;
    const found = `expected a boolean, found ${describeValue(issue.input)}`;
    const meant =
      typeof issue.input === 'string' ? YAML_1_1_BOOLEANS[issue.input.toLowerCase()] : undefined;
    return meant === undefined
      ? found
      : `${found}, which YAML 1.2 reads as text; write ${String(meant)}`;
  },
});

/**
 * A leading `~` names a folder `~` below the config's folder, not the home folder: the reports
 * would be written where nobody looks, into a folder whose removal (`rm -r ~`) removes home.
 */
const outputFolder = nonEmptyString('a folder path').superRefine((folder, context) => {
  if (folder === '~' || folder.startsWith('~/')) {
    context.addIssue({
      code: 'custom',
      message: `expected a folder path, found '${printable(folder)}': a leading '~' is not your home folder here but a folder named '~'; write the full path`,
    });
  }
});

const outputSchema = z
  .strictObject({
    base_dir: outputFolder.nullish(),
    save_individual: yamlBoolean.nullish(),
    save_merged: yamlBoolean.nullish(),
  })
  .nullable();

const stringList = (phrase: string, item: string) =>
  z.array(nonEmptyString(item), expecting(phrase));

const fileIdentifierSchema = z
  .strictObject({
    path_contains: stringList('a list of path substrings', 'a path substring').nullish(),
    file_names: z.array(fileNameGlob, expecting('a list of file name globs')).nullish(),
  })
  .nullable();

const hyperparameterSchema = z.strictObject({
  name: nonEmptyString('a hyperparameter name'),
  pattern: regexSource,
});

/**
 * Links may lead to web pages, mail, or pages of the site: a scheme that runs code or embeds
 * content (`javascript:`, `data:`) is refused. The address is read as a browser reads it, which
 * drops tabs and line breaks anywhere and control characters at the ends (`java\tscript:`).
 */
const SAFE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const RELATIVE_BASE = 'https://relative.invalid/';

function linkProblem(href: string): string | null {
  let scheme: string;
  try {
    scheme = new URL(href, RELATIVE_BASE).protocol;
  } catch {
    return 'expected an http(s), mailto or relative address, found one a browser cannot read';
  }
  return SAFE_SCHEMES.has(scheme)
    ? null
    : `expected an http(s), mailto or relative address, found a ${printable(scheme)} address`;
}

const linkSchema = z.strictObject({
  label: nonEmptyString('a link label'),
  href: nonEmptyString('a link address').superRefine((href, context) => {
    const message = linkProblem(href);
    if (message !== null) context.addIssue({ code: 'custom', message });
  }),
});

/** A closed section at the bottom of the index page (title, text, links). */
const siteSectionSchema = z.strictObject({
  title: nonEmptyString('a section title'),
  text: z.string(expecting('a text')).nullish(),
  links: z.array(linkSchema, expecting('a list of {label, href} links')).nullish(),
});

/** Texts of the published site, so that nothing of it is set in code. */
const siteSchema = z
  .strictObject({
    title: nonEmptyString('a site title').nullish(),
    about: z.string(expecting('a text')).nullish(),
    hosted_by: z.string(expecting('a text')).nullish(),
    links: z.array(linkSchema, expecting('a list of {label, href} links')).nullish(),
    sections: z
      .array(siteSectionSchema, expecting('a list of {title, text, links} sections'))
      .nullish(),
    version: nonEmptyString('a version label').nullish(),
  })
  .nullable();

export const configSchema = z.strictObject({
  site: siteSchema.optional(),
  experiments: sectionSchema.optional(),
  hero_runs: sectionSchema.optional(),
  output: outputSchema.optional(),
  sea_languages: stringList('a list of language codes or null', 'a language code')
    .nullable()
    .optional(),
  step_patterns: z
    .array(regexSource, expecting('a list of regular expressions'))
    .nullable()
    .optional(),
  file_identifiers: z
    .strictObject({
      seahelm: fileIdentifierSchema.optional(),
      lm_eval: fileIdentifierSchema.optional(),
    })
    .nullable()
    .optional(),
  seahelm_task_metrics: z.record(z.string(), nonEmptyString('a metric key')).nullable().optional(),
  hyperparameters: z
    .array(hyperparameterSchema, expecting('a list of {name, pattern} entries'))
    .nullable()
    .optional(),
});

/** The config as written, after validation. */
export type RawConfig = z.output<typeof configSchema>;
export type RawRun = z.output<typeof runSchema>;
export type RawBaseline = z.output<typeof baselineSchema>;
export type RawConditions = z.output<typeof conditions>;
