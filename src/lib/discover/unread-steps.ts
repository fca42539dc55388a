/**
 * Checkpoint folders that no step pattern reads (`step1000`, OLMo's `step1000-unsharded`,
 * `epoch3`) give every file step 0, so all the checkpoints of a configuration become one model,
 * their files merged task by task, with nothing but superseded entries to show for it. Such
 * folders are told apart only by one number in an otherwise equal name: that is said.
 */

import { REPEATED_RUN } from './steps.ts';

/** A file of a source with step 0: its model stem and its folders below the source's path. */
export interface StepZeroFile {
  readonly stem: string;
  readonly folders: readonly string[];
}

/** Two folders that hold files of one model and differ in one number only. */
export interface UnreadSteps {
  readonly stem: string;
  /** The folder paths below the source's path, up to the two numbered names. */
  readonly folders: readonly [string, string];
  /** How many models (stems) have such folders. */
  readonly models: number;
}

/** A name with a letter and one run of digits: `step1000`, `step1000-unsharded`, `epoch3`. */
const ONE_NUMBER = /^[^\d]*\d+[^\d]*$/;

/** A date as one number, `20250901`: folders of re-runs by date (`eval-20250901`), no steps. */
const DATE_NUMBER = /(?<!\d)(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/;

/** Whether two names differ in their one number only, as numbered checkpoints do. */
function numberedAlike(one: string, other: string): boolean {
  if (one === other || REPEATED_RUN.test(one) || REPEATED_RUN.test(other)) return false;
  if (!ONE_NUMBER.test(one) || !ONE_NUMBER.test(other) || !/\p{L}/u.test(one)) return false;
  if (DATE_NUMBER.test(one) && DATE_NUMBER.test(other)) return false;
  return one.replace(/\d+/, '') === other.replace(/\d+/, '');
}

/**
 * The first pair of a model's folders told apart by a number alone; null when none. Files come
 * in path order, so each is compared with the model's file before it: `lm-eval/step1000` with
 * `lm-eval/step2000`, not with `seahelm/step1000`.
 */
export function unreadSteps(files: readonly StepZeroFile[]): UnreadSteps | null {
  const previousOf = new Map<string, readonly string[]>();
  let found: { stem: string; folders: [string, string] } | null = null;
  const stems = new Set<string>();
  for (const { stem, folders } of files) {
    const previous = previousOf.get(stem);
    previousOf.set(stem, folders);
    if (previous === undefined) continue;
    const at = previous.findIndex((name, i) => name !== folders[i]);
    const [one, other] = [previous[at], folders[at]];
    if (one === undefined || other === undefined || !numberedAlike(one, other)) continue;
    stems.add(stem);
    found ??= {
      stem,
      folders: [previous.slice(0, at + 1).join('/'), folders.slice(0, at + 1).join('/')],
    };
  }
  return found === null ? null : { ...found, models: stems.size };
}
