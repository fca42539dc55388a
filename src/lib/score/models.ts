/**
 * Groups parsed files into models (checkpoints) per source, names them (scoring.md section 5)
 * and merges each model's files into one set of entries per harness.
 */

import type { DiscoveredFile } from '../discover/discover.ts';
import { compareCodePoints } from '../compare.ts';
import { padStep } from '../discover/steps.ts';
import { UNDATED, type FileTime } from '../parse/timestamp.ts';
import type { LmTask, ParsedContent, SeaEntry } from '../parse/types.ts';
import { isLimitedTask, usableLmTask } from '../parse/lmeval.ts';
import { METRICS_BY_TASK } from './english-benchmarks.ts';
import type { SeaMembership } from './languages.ts';
import { mergeLatest, type FileItems, type Superseded } from './merge-files.ts';

export interface ParsedRecord {
  readonly discovered: DiscoveredFile;
  readonly time: FileTime;
  readonly content: ParsedContent;
}

export interface Model {
  readonly name: string;
  readonly source: number;
  readonly stem: string;
  readonly step: number;
  /** Winning SEA-HELM entries of SEA languages; null when the model has no SEA-HELM file. */
  readonly sea: readonly SeaEntry[] | null;
  /** Winning lm-eval task entries; null when the model has no lm-eval file. */
  readonly lm: readonly LmTask[] | null;
  /** Whether a winning lm-eval task was evaluated with `--limit`. */
  readonly limited: boolean;
  /** Files that contributed at least one entry. */
  readonly files: readonly string[];
}

export interface FileOutcome {
  readonly status: 'used' | 'superseded' | 'skipped';
  readonly model?: string;
  readonly reason?: string;
}

/** One model's files merged; the name comes later, when every step of its source is known. */
export interface MergedModel {
  readonly model: Omit<Model, 'name'>;
  readonly superseded: readonly Superseded[];
  /** What became of each file (by display path), SEA-HELM files first, each in file order. */
  readonly outcomes: readonly (readonly [string, Omit<FileOutcome, 'model'>])[];
  /**
   * Entries of languages that are not scored, per file (by display path) in file order:
   * language -> count, in order of appearance. Per file, so that a file read for two sources
   * counts once.
   */
  readonly ignored: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** `<stem>_<step>`, the step padded to the widest step of the source. */
export function modelName(stem: string, step: number, width = 5): string {
  return `${stem}_${padStep(step, width)}`;
}

export function byStemThenStep(a: Pick<Model, 'stem' | 'step'>, b: Pick<Model, 'stem' | 'step'>) {
  return compareCodePoints(a.stem, b.stem) || a.step - b.step;
}

/** Merges the files of one model (all of one source, stem and step), in file order. */
export function mergeModel(
  group: readonly ParsedRecord[],
  seaLanguages: SeaMembership,
): MergedModel {
  const first = group[0]?.discovered;
  if (first === undefined) throw new Error('a model needs at least one file');
  const seaFiles: FileItems<SeaEntry>[] = [];
  const lmFiles: FileItems<LmTask>[] = [];
  const ignored = new Map<string, Map<string, number>>();
  for (const { discovered, time, content } of group) {
    const file = discovered.display;
    if (content.format === 'seahelm') {
      const ofFile = new Map<string, number>();
      const items = content.entries.filter((e) => keepLanguage(e.lang, seaLanguages, ofFile));
      if (ofFile.size > 0) ignored.set(file, ofFile);
      seaFiles.push({ file, time, items });
    } else {
      lmFiles.push({ file, time, items: content.tasks });
    }
  }
  const sea = mergeLatest(
    seaFiles,
    seaTaskKey,
    usableSea,
    (e) => (e.detail === '' ? e.status : `${e.status} (${e.detail})`),
    seaKey,
  );
  const lm = mergeLatest(lmFiles, (t) => t.task, usableLmTask, lmTaskProblem);
  const used = new Set([...sea.winners.values(), ...lm.winners.values()].map((w) => w.file));
  const winnersOf = new Map<string, Set<string>>();
  for (const { file, by } of [...sea.superseded, ...lm.superseded]) {
    // An entry that lost to another of its own file (a task under two competencies) names none.
    if (by !== file) winnersOf.set(file, (winnersOf.get(file) ?? new Set()).add(by));
  }
  const outcomes = [...seaFiles, ...lmFiles].map(
    ({ file, items }) => [file, outcomeOf(file, items.length, used, winnersOf.get(file))] as const,
  );
  const lmTasks = [...lm.winners.values()].map((w) => w.item);
  const model = {
    source: first.source,
    stem: first.stem,
    step: first.step,
    sea: seaFiles.length === 0 ? null : [...sea.winners.values()].map((w) => w.item),
    lm: lmFiles.length === 0 ? null : lmTasks,
    limited: lmTasks.some((t) => isLimitedTask(t) || t.uncheckedLimit !== null),
    files: [...used].sort(compareCodePoints),
  };
  return { model, superseded: [...sea.superseded, ...lm.superseded], outcomes, ignored };
}

/**
 * A superseded file names the files that won its entries: usually later ones, but an earlier
 * file wins over a later entry without a score, and of two files with the same time the later
 * path wins (scoring.md section 5).
 */
function outcomeOf(
  file: string,
  itemCount: number,
  used: Set<string>,
  winners: ReadonlySet<string> | undefined,
): Omit<FileOutcome, 'model'> {
  if (used.has(file)) return { status: 'used' };
  if (itemCount > 0) {
    const by = [...(winners ?? [])].sort(compareCodePoints).join(', ');
    return {
      status: 'superseded',
      reason: `every entry is superseded by another file of this model: ${by}`,
    };
  }
  return { status: 'skipped', reason: 'no scored task in the file' };
}

function keepLanguage(
  lang: string,
  seaLanguages: SeaMembership,
  ignored: Map<string, number>,
): boolean {
  if (seaLanguages.has(lang)) return true;
  ignored.set(lang, (ignored.get(lang) ?? 0) + 1);
  return false;
}

export function seaKey(entry: SeaEntry): string {
  return `${entry.lang}.${entry.competency}.${entry.task}`;
}

/**
 * One entry per task of one file's SEA-HELM entries, chosen as merging chooses (a task under two
 * competencies: the later entry, unless only the earlier one has a usable score).
 */
export function seaEntriesOfOneFile(file: string, entries: readonly SeaEntry[]): SeaEntry[] {
  const merged = mergeLatest([{ file, time: UNDATED, items: entries }], seaTaskKey, usableSea);
  return [...merged.winners.values()].map((w) => w.item);
}

function usableSea(entry: SeaEntry): boolean {
  return entry.status === 'ok';
}

/**
 * What makes two SEA-HELM entries the same task: language and task name. A task name is unique
 * within a language upstream, so a task filed under another competency (a hand-made file, or a
 * SEA-HELM version that moved it) is the same task, and the later entry wins, competency and all.
 */
function seaTaskKey(entry: SeaEntry): string {
  return `${entry.lang.length}:${entry.lang}.${entry.task}`;
}

/** Why an lm-eval entry is not usable: its invalid values, or the metrics it lacks. */
function lmTaskProblem(task: LmTask): string {
  const invalid = Object.entries(task.invalid).map(([key, why]) => `'${key}' is ${why}`);
  if (invalid.length > 0) return `invalid (${invalid.join('; ')})`;
  const needed = METRICS_BY_TASK.get(task.task) ?? [];
  return `missing (no ${needed.map((m) => `'${m}'`).join(' or ')})`;
}
