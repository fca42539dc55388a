// @ts-check
/**
 * Whether the prebuilt CLI (`build/cli/`, written by scripts/build-cli.ts) may run: only while
 * every input it was built from is unchanged (same size and modification time). Plain
 * JavaScript, so that the check itself costs no type stripping.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The build's folder, relative to the project folder. */
export const BUNDLE_DIR = 'build/cli';
export const MANIFEST_FILE = 'manifest.json';

/**
 * @typedef {{ readonly path: string; readonly size: number; readonly mtimeMs: number }} Input
 * @typedef {{ readonly inputs: readonly Input[] }} Manifest
 */

/**
 * @param {string} root the project folder
 * @param {string} [bundleDir] the build's folder (default: BUNDLE_DIR below root)
 * @returns {boolean}
 */
export function bundleIsFresh(root, bundleDir = path.join(root, BUNDLE_DIR)) {
  try {
    const text = fs.readFileSync(path.join(bundleDir, MANIFEST_FILE), 'utf8');
    const manifest = /** @type {Manifest} */ (JSON.parse(text));
    if (!Array.isArray(manifest.inputs) || manifest.inputs.length === 0) return false;
    return manifest.inputs.every((input) => {
      const stat = fs.statSync(path.join(root, input.path), { throwIfNoEntry: false });
      return stat !== undefined && stat.size === input.size && stat.mtimeMs === input.mtimeMs;
    });
  } catch {
    return false; // no build, or an unreadable manifest: run the sources
  }
}
