/**
 * README's reference tables against the code they describe: the warning kinds (and which skip a
 * file), the command's options and their defaults, and the config keys and their defaults; and
 * its config examples against the config's checks. A kind, option or key added, renamed or
 * dropped, a default changed, or an example the checks refuse, fails here until README says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { OPTION_SPELLINGS, USAGE, parseCliArgs } from '../../src/cli/args.ts';
import {
  DEFAULT_FILE_IDENTIFIERS,
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_OUTPUT,
  DEFAULT_SITE,
  DEFAULT_STEP_PATTERNS,
} from '../../src/lib/config/defaults.ts';
import { parseConfigText } from '../../src/lib/config/load.ts';
import { configSchema } from '../../src/lib/config/schema.ts';
import { DIAGNOSTIC_KINDS, SKIP_KINDS } from '../../src/lib/diagnostics.ts';

const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');

/** The cells of a row, `\|` being a `|` inside a cell. */
function cells(line: string): string[] {
  return line
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replaceAll('\\|', '|'));
}

/** The body rows of the README table whose header row starts with `first`. */
function table(first: string): string[][] {
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => line.startsWith('|') && cells(line)[0] === first);
  if (header === -1) throw new Error(`README has no table headed '${first}'`);
  const rows: string[][] = [];
  // Skip the header and its `| --- |` line; the table ends at its first line without a `|`.
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(cells(line));
  }
  return rows;
}

/** The code spans of a cell, in order. */
function codeSpans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
}

/** A cell's code spans read as the lines of one YAML document. */
function yamlOf(cell: string): unknown {
  return parseYaml(codeSpans(cell).join('\n'));
}

describe('README, the table of warning kinds', () => {
  const rows = table('kind');
  const kindOf = (row: string[]) => codeSpans(row[0] ?? '')[0];

  it('names every kind the code has, once each, and no other', () => {
    const kinds = rows.map(kindOf);
    expect(kinds.toSorted()).toEqual([...DIAGNOSTIC_KINDS].sort());
  });

  it('marks _skip_ exactly the kinds that skip a file', () => {
    const skipping = rows.filter((row) => row[1]?.startsWith('_skip_')).map(kindOf);
    expect(skipping.toSorted()).toEqual([...SKIP_KINDS].sort());
  });
});

describe("README, the table of the command's options", () => {
  const rows = table('option');
  const spellingOf = (row: string[]) => codeSpans(row[0] ?? '')[0]?.split(' ')[0];
  const defaultOf = (spelling: string) =>
    codeSpans(rows.find((row) => spellingOf(row) === spelling)?.[1] ?? '')[0];

  it('names every option, once each, and no other', () => {
    expect(rows.map(spellingOf).toSorted()).toEqual([...OPTION_SPELLINGS].sort());
  });

  it('gives the defaults the command takes', () => {
    const defaults = parseCliArgs([]);
    expect(defaultOf('--config')).toBe(defaults.config);
    expect(defaultOf('--port')).toBe(String(defaults.port));
    expect(defaultOf('--host')).toBe(defaults.host);
  });

  it('has every option in the usage line above it and in --help', () => {
    const usageLine = /```\n(seahelm-leaderboard [^`]+)```/.exec(readme)?.[1] ?? '';
    const helpOptions = [...USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]);
    for (const spelling of OPTION_SPELLINGS) expect(usageLine).toContain(`${spelling}`);
    expect(helpOptions.toSorted()).toEqual([...OPTION_SPELLINGS].sort());
  });
});

/** A schema without its optional and nullable wrappers. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner;
}

/**
 * Every key path of the config, as README spells them: `<run>` for a run key, `<name>` for a
 * baseline's; a list, or an object keyed by data that holds no objects, is one key.
 */
function keyPaths(schema: z.ZodType, at: string): string[] {
  const inner = unwrapped(schema);
  const below = (key: string) => (at === '' ? key : `${at}.${key}`);
  if (inner instanceof z.ZodObject) {
    const named = Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, value]) =>
      keyPaths(value, below(key)),
    );
    const catchall = inner.def.catchall as z.ZodType | undefined;
    const runs =
      catchall === undefined || catchall instanceof z.ZodNever
        ? []
        : keyPaths(catchall, below('<run>'));
    return [...named, ...runs];
  }
  if (
    inner instanceof z.ZodRecord &&
    unwrapped(inner.valueType as z.ZodType) instanceof z.ZodObject
  ) {
    return keyPaths(inner.valueType as z.ZodType, below('<name>'));
  }
  return [at];
}

describe('README, the configuration reference', () => {
  const rows = table('key');

  /**
   * The keys of a row: `a.b.c` / `d` names `a.b.c` and `a.b.d`; `a.b…` names every key below
   * `a.b`, written with a trailing dot.
   */
  const rowKeys = (row: string[]) => {
    const [first = '', ...others] = codeSpans(row[0] ?? '');
    const parent = first.slice(0, first.lastIndexOf('.') + 1);
    const siblings = (row[0] ?? '').includes(' / ') ? others.map((key) => parent + key) : others;
    return [first, ...siblings].map((key) => key.replace(/…$/, '.'));
  };
  const documented = rows.flatMap((row) => rowKeys(row).map((key) => ({ key, row })));
  const schemaKeys = keyPaths(configSchema, '');

  /**
   * Whether a row describes `key`: it names it, names every key below one of its parents, or
   * names its parent and spells the key's own name (`path_contains:` in `file_identifiers.seahelm`).
   */
  const describes = (entry: (typeof documented)[number], key: string) => {
    if (entry.key === key || (entry.key.endsWith('.') && key.startsWith(entry.key))) return true;
    const last = key.slice(key.lastIndexOf('.') + 1);
    return key === `${entry.key}.${last}` && entry.row.join(' ').includes(last);
  };

  it('describes every key of the config', () => {
    const undocumented = schemaKeys.filter(
      (key) => !documented.some((entry) => describes(entry, key)),
    );
    expect(undocumented).toEqual([]);
  });

  it('names no key the config does not have', () => {
    const unknown = documented
      .map((entry) => entry.key)
      .filter(
        (key) =>
          !schemaKeys.some(
            (real) => real === key || real.startsWith(key.endsWith('.') ? key : `${key}.`),
          ),
      );
    expect(unknown).toEqual([]);
  });

  const defaultCell = (key: string) => {
    const row = rows.find((candidate) => rowKeys(candidate).includes(key));
    if (row === undefined) throw new Error(`no row for ${key}`);
    return row[1] ?? '';
  };

  it('gives the defaults the code takes', () => {
    expect(codeSpans(defaultCell('step_patterns'))).toEqual(DEFAULT_STEP_PATTERNS);
    expect(codeSpans(defaultCell('hyperparameters'))).toEqual(
      DEFAULT_HYPERPARAMETERS.map((entry) => entry.name),
    );
    expect(codeSpans(defaultCell('output.base_dir'))).toEqual([DEFAULT_OUTPUT.baseDir]);
    expect(codeSpans(defaultCell('output.save_individual'))).toEqual([
      String(DEFAULT_OUTPUT.saveIndividual),
    ]);
    expect(codeSpans(defaultCell('output.save_merged'))).toEqual([
      String(DEFAULT_OUTPUT.saveMerged),
    ]);
    for (const [key, identifier] of [
      ['file_identifiers.seahelm', DEFAULT_FILE_IDENTIFIERS.seahelm],
      ['file_identifiers.lm_eval', DEFAULT_FILE_IDENTIFIERS.lmEval],
    ] as const) {
      expect(yamlOf(defaultCell(key))).toEqual({
        path_contains: identifier.pathContains,
        file_names: identifier.fileNames,
      });
    }
    expect(codeSpans(defaultCell('site.title'))).toEqual([DEFAULT_SITE.title]);
  });
});

describe("README's config examples", () => {
  /** README without its fenced blocks, whose text would pair with the code spans' backticks. */
  const spans = codeSpans(readme.replace(/^```[\s\S]*?^```/gm, ''));
  const spansFrom = (start: string) => spans.filter((span) => span.startsWith(start));
  const valid =
    (...lines: string[]) =>
    () =>
      parseConfigText(`${lines.join('\n')}\n`, '/project/leaderboard.config.yaml');
  const oneRun = ['experiments:', '  exp_a:', '    path: runs/exp_a'];

  it('has a config example that passes every check', () => {
    const example = /^Example:\n\n```yaml\n([\s\S]*?)^```/m.exec(readme)?.[1];
    expect(example).toBeDefined();
    expect(valid(example ?? '')).not.toThrow();
  });

  it('has snippets of keys that pass every check where they go', () => {
    const topLevel = [...spansFrom('step_patterns:'), ...spansFrom('file_identifiers:')];
    const conditions = [...spansFrom('bhasa_conditions:'), ...spansFrom('en_conditions:')];
    const hyperparameters = spansFrom('{ name: ');
    expect([topLevel.length, conditions.length, hyperparameters.length]).toEqual([2, 2, 3]);
    for (const snippet of topLevel) expect(valid(...oneRun, snippet)).not.toThrow();
    for (const snippet of conditions) expect(valid(...oneRun, `    ${snippet}`)).not.toThrow();
    expect(valid(...oneRun, `hyperparameters: [${hyperparameters.join(', ')}]`)).not.toThrow();
  });
});
