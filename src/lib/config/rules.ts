/**
 * Rules that span several entries of a config that already matches the schema.
 */
import { baselineIdOf } from './baseline-id.ts';
import { MERGED_FOLDER, RESULTS_FILE } from './defaults.ts';
import { formatKeyPath, type PathSegment, type Problem } from './errors.ts';
import { printable } from '../printable.ts';
import { BASELINES_KEY, type RawConfig } from './schema.ts';
import type { Entry, OrderedSection } from './sections.ts';
import type { Section } from './types.ts';

const NO_RUNS = 'no runs: add an entry under experiments or hero_runs';

function noRunsProblem(config: RawConfig, sections: readonly OrderedSection[]): Problem[] {
  if (sections.some((section) => section.runs.length > 0)) return [];
  const present = sections.find((section) => config[section.section] !== undefined);
  return present === undefined
    ? [{ path: [], what: NO_RUNS }]
    : [{ path: [present.section], atKey: true, what: NO_RUNS }];
}

/**
 * The longest file name that Linux, macOS and most file systems take (NAME_MAX), in UTF-8 bytes:
 * a longer run key only failed when its reports were written, with no place in the config.
 */
const MAX_FOLDER_NAME_BYTES = 255;

/** Why `key` cannot name a report folder below `base_dir`, if it cannot. */
export function runKeyProblem(key: string): string | undefined {
  const rename = 'rename the run';
  if (key === '') return `an empty run key cannot name a report folder; ${rename}`;
  if (key === '.' || key === '..') return `'${key}' cannot name a report folder; ${rename}`;
  const bad = ['/', '\\', '\0'].find((character) => key.includes(character));
  if (bad !== undefined) {
    const shown = bad === '\0' ? 'a NUL character' : `'${bad}'`;
    return `'${printable(key)}' cannot name a report folder (it contains ${shown}); ${rename}`;
  }
  const bytes = new TextEncoder().encode(key).length;
  if (bytes > MAX_FOLDER_NAME_BYTES) {
    return `a run key of ${bytes} bytes cannot name a report folder (a folder name holds at most ${MAX_FOLDER_NAME_BYTES}); ${rename}`;
  }
  const lower = key.toLowerCase();
  if (lower === MERGED_FOLDER) return `'${key}' is reserved for the merged reports; ${rename}`;
  if (lower === RESULTS_FILE) return `'${key}' is reserved for the results file; ${rename}`;
  return undefined;
}

function runKeyProblems(sections: readonly OrderedSection[]): Problem[] {
  return sections.flatMap(({ section, runs }) =>
    runs.flatMap(({ key }) => {
      const what = runKeyProblem(key);
      return what === undefined ? [] : [{ path: [section, key], atKey: true, what }];
    }),
  );
}

/**
 * Run keys name report folders, so two runs may not share one, even in case or Unicode form
 * only: macOS file systems take `café` written with `é` and with `e` and a combining accent
 * (as they write names themselves) for one folder, as they take `Exp` and `exp`.
 */
function duplicateRunProblems(sections: readonly OrderedSection[]): Problem[] {
  const seen = new Map<string, readonly PathSegment[]>();
  const problems: Problem[] = [];
  for (const { section, runs } of sections) {
    // A key that cannot name a folder is reported as such, not again as a clash.
    for (const { key } of runs.filter((run) => runKeyProblem(run.key) === undefined)) {
      const path = [section, key];
      const first = seen.get(folderIdentity(key));
      if (first === undefined) {
        seen.set(folderIdentity(key), path);
        continue;
      }
      const how = howKeysDiffer(String(first[1]), key);
      problems.push({
        path,
        atKey: true,
        what: `run key '${printable(key)}' is also used by ${formatKeyPath(first)}${how}; both would write to the same report folder`,
      });
    }
  }
  return problems;
}

/** A key as a file system that ignores case and Unicode form compares it. */
function folderIdentity(key: string): string {
  return key.normalize('NFC').toLowerCase();
}

/** What sets two keys of one folder apart, for the message; nothing when they are equal. */
function howKeysDiffer(first: string, key: string): string {
  if (first === key) return '';
  if (first.toLowerCase() === key.toLowerCase()) return ' (ignoring case)';
  if (first.normalize('NFC') === key.normalize('NFC')) {
    return ' (in another Unicode form, NFC or NFD: the same name to macOS)';
  }
  return ' (ignoring case and Unicode form)';
}

/**
 * results.json keys its sections by run key and by baseline id (`BASELINE_<section>_<name>`), in
 * one object: a run named like a baseline's id would lose its table there.
 */
function baselineIdProblems(sections: readonly OrderedSection[]): Problem[] {
  const ids = new Map<string, readonly PathSegment[]>();
  for (const { section, baselines } of sections) {
    for (const { key } of baselines)
      ids.set(baselineIdOf(section, key), [section, BASELINES_KEY, key]);
  }
  return sections.flatMap(({ section, runs }) =>
    runs.flatMap(({ key }) => {
      const baseline = ids.get(key);
      if (baseline === undefined) return [];
      const what = `run key '${printable(key)}' is the id of the baseline ${formatKeyPath(baseline)}, and results.json keys both by it; rename the run`;
      return [{ path: [section, key], atKey: true, what }];
    }),
  );
}

/** Runs listed in full; a longer section shows its first ones and its last, so the line stays readable. */
const LISTED_RUNS = 10;

/** `2 runs (0: exp_a, 1: exp_b)`; `40 runs (0: r0, ..., 9: r9, ..., 39: r39)`. */
function describeRuns(runs: readonly Entry<unknown>[]): string {
  if (runs.length === 0) return 'no runs';
  const named = runs.map(({ key }, index) => `${index}: ${printable(key)}`);
  const listed =
    named.length <= LISTED_RUNS + 1
      ? named
      : [...named.slice(0, LISTED_RUNS), '...', ...named.slice(-1)];
  return `${runs.length} ${runs.length === 1 ? 'run' : 'runs'} (${listed.join(', ')})`;
}

/**
 * Indices count the runs of the baseline's own section: one past them may be meant for a run of
 * the other section (a hero run counted after the experiments), whose baselines go there.
 */
function otherSectionHint(section: Section, sections: readonly OrderedSection[]): string {
  const other = sections.find((s) => s.section !== section && s.runs.length > 0);
  return other === undefined
    ? ''
    : `; indices count the runs of ${section}, and a baseline of ${other.section} goes under ${other.section}.${BASELINES_KEY}`;
}

function targetProblems(
  { section, runs, baselines }: OrderedSection,
  sections: readonly OrderedSection[],
): Problem[] {
  return baselines.flatMap(({ key, value }) => {
    const path = [section, BASELINES_KEY, key, 'target_experiments'];
    return (value.target_experiments ?? []).flatMap((target, position): Problem[] => {
      const earlier = value.target_experiments?.indexOf(target) ?? position;
      if (target >= runs.length) {
        const what = `${target} names no run; this section has ${describeRuns(runs)}${otherSectionHint(section, sections)}`;
        return [{ path: [...path, position], what }];
      }
      if (earlier < position) {
        const what = `${target} is already listed at target_experiments[${earlier}]`;
        return [{ path: [...path, position], what }];
      }
      return [];
    });
  });
}

/** Entries of a list whose name repeats an earlier entry's. */
function repeatedNames(
  path: readonly PathSegment[],
  names: readonly string[],
  suffix: readonly PathSegment[],
): Problem[] {
  return names.flatMap((name, position): Problem[] => {
    const earlier = names.indexOf(name);
    if (earlier === position) return [];
    const at = formatKeyPath([...path, earlier, ...suffix]);
    return [
      {
        path: [...path, position, ...suffix],
        what: `'${printable(name)}' is already given at ${at}`,
      },
    ];
  });
}

/**
 * `en` in `sea_languages`: SEA-HELM's own English tasks are never scored (scoring.md section 3),
 * and the column name `en` is the lm-eval English score's.
 */
function englishAsSeaLanguage(languages: readonly string[]): Problem[] {
  return languages.flatMap((code, position): Problem[] =>
    code === 'en'
      ? [
          {
            path: ['sea_languages', position],
            what: "'en' is not a SEA language: SEA-HELM's English tasks are not scored, and the en column is the lm-eval English score",
          },
        ]
      : [],
  );
}

/** Every rule; the problems come in no particular order (callers sort them by position). */
export function ruleProblems(config: RawConfig, sections: readonly OrderedSection[]): Problem[] {
  return [
    ...noRunsProblem(config, sections),
    ...runKeyProblems(sections),
    ...duplicateRunProblems(sections),
    ...baselineIdProblems(sections),
    ...sections.flatMap((section) => targetProblems(section, sections)),
    ...repeatedNames(['sea_languages'], config.sea_languages ?? [], []),
    ...englishAsSeaLanguage(config.sea_languages ?? []),
    ...repeatedNames(
      ['hyperparameters'],
      (config.hyperparameters ?? []).map((h) => h.name),
      ['name'],
    ),
  ];
}
