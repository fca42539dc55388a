/**
 * Works around an Astro 7 bug with output folders beside the project. Astro decides whether
 * `outDir` lies inside the working folder with a bare string test,
 * `fileURLToPath(outDir).startsWith(process.cwd())` (`getOutDirWithinCwd` in
 * astro/dist/core/build/common.js). A folder outside it gets its prerender bundle built in
 * `<cwd>/.astro/`, where Node finds the project's packages; but a sibling whose name starts
 * with the project's (`/work/main-x` beside `/work/main`) passes the test, so the bundle lands in
 * `<outDir>/.prerender/`, and loading it fails with "Cannot find package 'piccolore'".
 *
 * Such a build goes to a staging folder in Astro's cache instead (inside the project, so the
 * test holds and is true), and its files are moved into the output folder once every other
 * integration is done with them. An output folder that is a file is refused before any of this
 * (outDirProblem).
 */

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
import { isInside } from '../lib/path-inside.ts';

/** Whether Astro takes `outDir` for a folder inside `cwd` when it is not (the bug above). */
export function astroMisplacesBuild(outDir: string, cwd: string): boolean {
  return outDir.startsWith(cwd) && !isInside(outDir, cwd);
}

/**
 * Why the site cannot be built into `outDir`, or null. A file there (or on the way to it) stops
 * Astro's bundler with a panic that names only a folder of its own below it.
 */
export function outDirProblem(outDir: string): string | null {
  // Without the trailing separator of Astro's folder URLs, which a file fails with ENOTDIR.
  const folder = path.resolve(outDir);
  const cannot = `cannot build the site into ${folder}`;
  const remedy = 'move or delete it, or build elsewhere (npm run build -- --outDir DIR)';
  try {
    if (fs.statSync(folder).isDirectory()) return null;
    return `${cannot}: it is a file, not a folder; ${remedy}`;
  } catch (error) {
    // Missing: Astro makes it. ENOTDIR: a part of the path is a file.
    if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') return null;
    return `${cannot}: a part of that path is a file, not a folder; ${remedy}`;
  }
}

/** Where a misplaced build is made, in Astro's cache folder. */
export const STAGING_FOLDER = 'seahelm-site-build';

/**
 * In `astro:config:setup`: when Astro would misplace this build, sends it to the staging folder
 * and adds the integration that moves it into `outDir`. Returns the output folder the user
 * asked for when it did so, else null.
 */
export function stageMisplacedBuild(
  setup: HookParameters<'astro:config:setup'>,
  cwd = process.cwd(),
): string | null {
  const { command, config, updateConfig, logger } = setup;
  // Static builds only: with an adapter the server bundle goes to `build.server`, which the test
  // does not decide, and the adapter places the output.
  if (command !== 'build' || config.adapter !== undefined) return null;
  const outDir = fileURLToPath(config.outDir);
  if (!astroMisplacesBuild(outDir, cwd)) return null;
  const staging = path.join(fileURLToPath(config.cacheDir), STAGING_FOLDER);
  // Staging only helps where Astro's test is then right; never stage inside the output folder.
  if (!isInside(staging, cwd) || isInside(staging, outDir)) return null;
  const stagingUrl = pathToFileURL(`${staging}${path.sep}`);
  const rebase = (url: URL) =>
    pathToFileURL(`${path.join(staging, path.relative(outDir, fileURLToPath(url)))}${path.sep}`);
  // Astro empties the output folder first unless Vite's emptyOutDir is false; so does the move.
  const empty = config.vite.build?.emptyOutDir !== false;
  updateConfig({
    outDir: stagingUrl,
    build: { client: rebase(config.build.client), server: rebase(config.build.server) },
    // Appended after those of astro.config.mjs: the move follows their astro:build:done.
    integrations: [moveBuildInto(outDir, empty)],
  });
  logger.info(
    `building in ${staging}, then moving the site to ${outDir} (Astro would put its prerender files in the output folder, where they cannot load the project's packages)`,
  );
  return outDir;
}

/** Empties `outDir` as a build starts, and moves the built site into it when it is done. */
function moveBuildInto(outDir: string, empty: boolean): AstroIntegration {
  return {
    name: 'seahelm-leaderboard:out-dir',
    hooks: {
      'astro:build:start': () => {
        if (empty) emptyFolder(outDir);
      },
      'astro:build:done': ({ dir }) => {
        moveFolderContents(fileURLToPath(dir), outDir);
      },
    },
  };
}

/**
 * Removes what `folder` holds but `.git` (what Astro's own emptying means to keep, for a site
 * published from a git work tree).
 */
export function emptyFolder(folder: string): void {
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder)) {
    if (name !== '.git') fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  }
}

/** Moves every entry of `from` into `to` (replacing files of the same name), then removes `from`. */
export function moveFolderContents(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const name of fs.readdirSync(from)) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (!fs.existsSync(target)) {
      try {
        fs.renameSync(source, target);
        continue;
      } catch (error) {
        // Another file system: copy instead.
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      }
    }
    // Kept by emptyOutDir: false, or across file systems: copy over what is there.
    fs.cpSync(source, target, { recursive: true, force: true });
  }
  fs.rmSync(from, { recursive: true, force: true });
}
