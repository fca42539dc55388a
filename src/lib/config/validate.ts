/**
 * Checks parsed YAML against the schema and turns zod's issues into located-ready problems.
 */
import * as z from 'zod';
import { describeValue, type PathSegment, type Problem } from './errors.ts';
import { configSchema, type RawConfig } from './schema.ts';
import { closestKey } from './suggest.ts';
import { printable } from '../printable.ts';
import { valueAt } from './value-at.ts';

export type Validation =
  | { readonly ok: true; readonly config: RawConfig }
  | { readonly ok: false; readonly problems: readonly Problem[] };

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED_PHRASES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'a boolean',
  array: 'a list',
  tuple: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function toPath(path: readonly PropertyKey[] | undefined): PathSegment[] {
  return (path ?? []).map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

const REQUIRED_MISSING = 'required key missing';

/** Messages for issues that no schema-level error map phrased. */
function defaultMessage(issue: RawIssue): string | undefined {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return REQUIRED_MISSING;
    const expected = EXPECTED_PHRASES[issue.expected] ?? issue.expected;
    return `expected ${expected}, found ${describeValue(issue.input)}`;
  }
  if (issue.code === 'unrecognized_keys') return 'unknown key';
  return undefined;
}

function unknownKeyMessage(key: string, known: readonly string[]): string {
  const suggestion = closestKey(key, known);
  return suggestion === undefined
    ? `unknown key; expected one of: ${known.join(', ')}`
    : `unknown key; did you mean '${suggestion}'?`;
}

/** Validates `data` (the YAML as plain JS) against the config schema. */
export function validateConfig(data: unknown): Validation {
  // Unknown-key issues do not carry the keys their mapping allows; note them as zod reports them.
  const knownKeys = new Map<string, readonly string[]>();
  const result = configSchema.safeParse(data, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys' && issue.inst instanceof z.ZodObject) {
        knownKeys.set(JSON.stringify(toPath(issue.path)), Object.keys(issue.inst.shape));
      }
      return defaultMessage(issue);
    },
  });
  if (result.success) return { ok: true, config: result.data };
  // Keys that a misspelt key is taken for: their own "required key missing" would say it twice.
  const meant = new Set<string>();
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    const path = toPath(issue.path);
    if (issue.code !== 'unrecognized_keys') return [{ path, what: issue.message }];
    const known = knownKeys.get(JSON.stringify(path)) ?? [];
    return issue.keys.map((key) => {
      const suggestion = closestKey(key, known);
      if (suggestion !== undefined) meant.add(JSON.stringify([...path, suggestion]));
      return { path: [...path, key], atKey: true, what: unknownKeyMessage(key, known) };
    });
  });
  const once = problems.filter(
    (p) => p.what !== REQUIRED_MISSING || !meant.has(JSON.stringify(p.path)),
  );
  return { ok: false, problems: withBaselinesHint(withFlatPairs(once, data)) };
}

const CONDITIONS = new Set(['en_conditions', 'bhasa_conditions']);

/** `[include, exclude]` written as the whole list of pairs: `['*lm_eval*', null]`. */
function flatPair(value: unknown): value is [string | null, string | null] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((glob) => glob === null || typeof glob === 'string')
  );
}

/**
 * Conditions given as one pair, not as a list of pairs, made a problem of each of its globs (not
 * a pair): they become one that says how to write it.
 */
function withFlatPairs(problems: readonly Problem[], data: unknown): Problem[] {
  const reported = new Set<string>();
  return problems.flatMap((problem): Problem[] => {
    const at = problem.path.findIndex((s) => typeof s === 'string' && CONDITIONS.has(s));
    const conditions = problem.path.slice(0, at + 1);
    const pair = at < 0 ? undefined : valueAt(data, conditions);
    if (!flatPair(pair)) return [problem];
    const id = JSON.stringify(conditions);
    if (reported.has(id)) return [];
    reported.add(id);
    const [include, exclude] = pair.map((g) => (g === null ? 'null' : `'${printable(g)}'`));
    const what = `expected a list of [include, exclude] pairs, one for each path level, found 2 globs; for one level, write [[${include}, ${exclude}]]`;
    return [{ path: conditions, what }];
  });
}

const SECTIONS = new Set(['experiments', 'hero_runs']);

/**
 * A section entry named like `baselines` (`baseline:`, `Baselines:`) without a `path` is read as
 * a run, and its problems (no `path`, unknown keys that are really baseline names) would hide the
 * typo: they become one problem that names it.
 */
function withBaselinesHint(problems: readonly Problem[]): Problem[] {
  const misspelt = (path: readonly PathSegment[]) => {
    const [section, key] = path;
    return typeof section === 'string' &&
      SECTIONS.has(section) &&
      typeof key === 'string' &&
      key !== 'baselines' &&
      closestKey(key, ['baselines']) !== undefined
      ? key
      : undefined;
  };
  // Only an entry without a path: a real run that happens to be named so keeps its problems.
  const pathless = new Set(
    problems
      .filter((p) => p.path.length === 3 && p.path[2] === 'path' && p.what === REQUIRED_MISSING)
      .map((p) => `${String(p.path[0])}.${String(p.path[1])}`),
  );
  const hinted = new Set<string>();
  const result: Problem[] = [];
  for (const problem of problems) {
    const key = misspelt(problem.path);
    if (key === undefined || !pathless.has(`${String(problem.path[0])}.${key}`)) {
      result.push(problem);
      continue;
    }
    const section = String(problem.path[0]);
    if (hinted.has(`${section}.${key}`)) continue;
    hinted.add(`${section}.${key}`);
    const what = `read as a run, but it has no path; did you mean 'baselines'?`;
    result.push({ path: [section, key], atKey: true, what });
  }
  return result;
}
