/**
 * Steps and model names (scoring.md section 5): the step comes from the nearest folder, walking
 * up from the file towards the run's `path`, whose name matches a step pattern.
 */

/** Compiles step patterns so a match starts at the name's start or after `_ - .`, and ends at
 * its end or before one of them. */
export function compileStepPatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map((p) => new RegExp(`(?:^|[_.-])(?:${p})(?=$|[_.-])`));
}

/** SEA-HELM's repeated runs (`run_0` ... `run_7`) are never steps. */
export const REPEATED_RUN = /^run_\d+$/;

/**
 * Whether captured text is a step: digits whose number is exact. Above 2^53 - 1 two steps can
 * read as one number (and a name would show `1e+21`), so such digits are no step.
 */
function isStepDigits(captured: string | undefined): captured is string {
  return captured !== undefined && /^\d+$/.test(captured) && Number.isSafeInteger(Number(captured));
}

export function stepFromName(name: string, patterns: readonly RegExp[]): number | null {
  if (REPEATED_RUN.test(name)) return null;
  for (const pattern of patterns) {
    const match = pattern.exec(name);
    const digits = match?.slice(1).find((group) => group !== undefined);
    if (isStepDigits(digits)) return Number(digits);
  }
  return null;
}

/** A folder name a step pattern matches, though what it captures is not a step number. */
export interface StepMiss {
  readonly pattern: number;
  readonly folder: string;
  readonly captured: string;
}

/** The first folder (nearest the file) that a pattern matches without capturing a step. */
export function stepMiss(folders: readonly string[], patterns: readonly RegExp[]): StepMiss | null {
  for (let i = folders.length - 1; i >= 0; i--) {
    const folder = folders[i] ?? '';
    if (REPEATED_RUN.test(folder)) continue;
    for (const [pattern, regex] of patterns.entries()) {
      const match = regex.exec(folder);
      if (match === null) continue;
      const captured = match.slice(1).find((group) => group !== undefined) ?? '';
      if (!isStepDigits(captured)) return { pattern, folder, captured };
    }
  }
  return null;
}

/** `folders` are the path components between the run's path and the file, outermost first. */
export function stepFromFolders(folders: readonly string[], patterns: readonly RegExp[]): number {
  for (let i = folders.length - 1; i >= 0; i--) {
    const step = stepFromName(folders[i] ?? '', patterns);
    if (step !== null) return step;
  }
  return 0;
}

/** Digits of the largest step, or 5 when every step is 0. */
export function paddingWidth(steps: Iterable<number>): number {
  let largest = 0;
  for (const step of steps) largest = Math.max(largest, step);
  return largest === 0 ? 5 : String(largest).length;
}

export function padStep(step: number, width: number): string {
  return String(step).padStart(width, '0');
}
