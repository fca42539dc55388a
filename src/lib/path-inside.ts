/** Whether one path lies in a folder, compared as paths, never as strings. */

import path from 'node:path';

/**
 * Whether `child` is `parent` or lies below it. A string prefix is not enough: `/work/main-x`
 * starts with `/work/main` and lies beside it, and `..cfg` is a name below a folder, not a step
 * up from it.
 */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  const up = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !up && !path.isAbsolute(relative);
}
