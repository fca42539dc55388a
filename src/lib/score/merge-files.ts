/**
 * Several files for one model (scoring.md section 5): merged item by item; the later file wins,
 * except that an item without a usable score never supersedes one with a usable score.
 */

import { compareUtf8 } from '../compare.ts';
import { compareTimes, type FileTime } from '../parse/timestamp.ts';

export interface FileItems<T> {
  readonly file: string;
  readonly time: FileTime;
  readonly items: readonly T[];
}

export interface Superseded {
  readonly file: string;
  /** The item's key, e.g. `id.nlu.sentiment` or `leaderboard_bbh_navigate`. */
  readonly key: string;
  /** The file whose item won. */
  readonly by: string;
  /** Why the losing item had no usable score (`failed (error: ...)`), else null. */
  readonly reason: string | null;
}

export interface MergeResult<T> {
  /** Winning items in key order of first appearance (oldest file first). */
  readonly winners: Map<string, { readonly item: T; readonly file: string }>;
  readonly superseded: Superseded[];
}

/** Oldest first; on equal times the later path (as UTF-8 bytes) counts as newer. */
export function byAge<T>(files: readonly FileItems<T>[]): FileItems<T>[] {
  return [...files].sort((a, b) => compareTimes(a.time, b.time) || compareUtf8(a.file, b.file));
}

/**
 * Whether a later item replaces the current one: unless it has no usable score and the current
 * one has.
 */
export function supersedes(laterUsable: boolean, currentUsable: boolean): boolean {
  return laterUsable || !currentUsable;
}

export function mergeLatest<T>(
  files: readonly FileItems<T>[],
  keyOf: (item: T) => string,
  usable: (item: T) => boolean,
  whyUnusable: (item: T) => string = () => 'no usable score',
  /** How a superseded item is named; by default its key. */
  labelOf: (item: T) => string = keyOf,
): MergeResult<T> {
  const reasonOf = (item: T) => (usable(item) ? null : whyUnusable(item));
  const winners = new Map<string, { item: T; file: string }>();
  const superseded: Superseded[] = [];
  for (const { file, items } of byAge(files)) {
    for (const item of items) {
      const key = keyOf(item);
      const current = winners.get(key);
      if (current === undefined) {
        winners.set(key, { item, file });
      } else if (supersedes(usable(item), usable(current.item))) {
        const lost = current.item;
        superseded.push({
          file: current.file,
          key: labelOf(lost),
          by: file,
          reason: reasonOf(lost),
        });
        winners.set(key, { item, file });
      } else {
        superseded.push({ file, key: labelOf(item), by: current.file, reason: reasonOf(item) });
      }
    }
  }
  return { winners, superseded };
}
