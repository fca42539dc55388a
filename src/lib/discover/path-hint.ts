/**
 * Why a run's `path` that does not exist may have been meant otherwise: the mistakes of paths
 * written for a shell or for Windows, which the config reads literally.
 */
import path from 'node:path';
import { hasHiddenCharacters } from '../printable.ts';

/** A hint for the path-missing message, with its leading space; empty when none applies. */
export function missingPathHint(configDir: string, root: string): string {
  const relative = path.relative(configDir, root);
  if (relative === '~' || relative.startsWith(`~${path.sep}`)) {
    return " (a leading '~' is a folder name here, not your home folder: write the full path)";
  }
  if (hasHiddenCharacters(root)) {
    return " (it holds control characters: in a double-quoted YAML string '\\' starts an escape; write '/' or use single quotes)";
  }
  if (path.sep === '/' && root.includes('\\')) {
    return " ('\\' is not a folder separator here: write '/')";
  }
  return '';
}
