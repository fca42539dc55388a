/**
 * The workaround for Astro's string test of whether the output folder lies in the working folder
 * (src/integrations/out-dir.ts): which folders it misjudges, and the staging and move.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, HookParameters } from 'astro';
import { describe, expect, it } from 'vitest';
import {
  STAGING_FOLDER,
  astroMisplacesBuild,
  emptyFolder,
  moveFolderContents,
  outDirProblem,
  stageMisplacedBuild,
} from '../../src/integrations/out-dir.ts';
import leaderboard from '../../src/integrations/leaderboard.ts';
import { isInside } from '../../src/lib/path-inside.ts';

const folderUrl = (folder: string) => pathToFileURL(`${folder}/`);

describe('isInside and astroMisplacesBuild, from /work/main', () => {
  // Astro's string test says "inside" for each of these but /work/other and /work.
  it.each([
    ['/work/main-x/', false, true],
    ['/work/main-x', false, true],
    ['/work/main2/site/', false, true],
    ['/work/main/dist/', true, false],
    ['/work/main/', true, false],
    ['/work/main/..x/y', true, false],
    ['/work/other/', false, false],
    ['/work', false, false],
  ])('%s: inside %s, misplaced %s', (folder, inside, misplaced) => {
    expect(isInside(folder, '/work/main')).toBe(inside);
    expect(astroMisplacesBuild(folder, '/work/main')).toBe(misplaced);
  });
});

/**
 * A config:setup call for `outDir`, recording what the integration asks to change; `project` is
 * the project folder, `vite` the config's Vite options.
 */
function setup(
  command: 'build' | 'dev',
  outDir: string,
  { project = '/work/main', vite = {} }: { project?: string; vite?: object } = {},
) {
  const updates: Record<string, unknown>[] = [];
  const params = {
    command,
    config: {
      outDir: folderUrl(outDir),
      cacheDir: folderUrl(`${project}/node_modules/.astro`),
      build: { client: folderUrl(`${outDir}/client`), server: folderUrl(`${outDir}/server`) },
      vite,
    },
    updateConfig: (update: Record<string, unknown>) => updates.push(update),
    logger: { info: () => undefined },
  };
  return { params: params as unknown as HookParameters<'astro:config:setup'>, updates };
}

describe('stageMisplacedBuild', () => {
  it('sends a build beside the project to the staging folder and moves it back at the end', () => {
    const { params, updates } = setup('build', '/work/main-x');
    expect(stageMisplacedBuild(params, '/work/main')).toBe('/work/main-x/');
    const staging = `/work/main/node_modules/.astro/${STAGING_FOLDER}`;
    expect(updates).toHaveLength(1);
    const [update] = updates;
    expect(update?.['outDir']).toEqual(folderUrl(staging));
    expect(update?.['build']).toEqual({
      client: folderUrl(`${staging}/client`),
      server: folderUrl(`${staging}/server`),
    });
    const added = update?.['integrations'] as AstroIntegration[];
    expect(added.map((i) => Object.keys(i.hooks))).toEqual([
      ['astro:build:start', 'astro:build:done'],
    ]);
  });

  it('leaves other folders, and other commands, to Astro', () => {
    for (const [command, outDir] of [
      ['build', '/work/main/dist'],
      ['build', '/tmp/site'],
      ['dev', '/work/main-x'],
    ] as const) {
      const { params, updates } = setup(command, outDir);
      expect(stageMisplacedBuild(params, '/work/main')).toBeNull();
      expect(updates).toEqual([]);
    }
  });
});

describe('the staged build', () => {
  /** The output folder `main-x` beside a project `main`, holding a page of an earlier build. */
  function besideProject(vite: object) {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-staged-'));
    const project = path.join(parent, 'main');
    const outDir = path.join(parent, 'main-x');
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'old.html'), 'old');
    const { params, updates } = setup('build', outDir, { project, vite });
    expect(stageMisplacedBuild(params, project)).toBe(`${outDir}/`);
    const [move] = updates[0]?.['integrations'] as AstroIntegration[];
    const start = move?.hooks['astro:build:start'] as (() => void) | undefined;
    start?.();
    const left = fs.readdirSync(outDir);
    fs.rmSync(parent, { recursive: true });
    return left;
  }

  it('empties the output folder as the build starts, as Astro does', () => {
    expect(besideProject({})).toEqual([]);
  });

  it("keeps what the output folder holds when Vite's emptyOutDir is false, as Astro does", () => {
    expect(besideProject({ build: { emptyOutDir: false } })).toEqual(['old.html']);
  });
});

describe('emptying and moving', () => {
  const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-out-dir-'));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };

  it('empties a folder but its .git, and accepts one that does not exist', () => {
    const dir = temp();
    write(path.join(dir, 'old/page.html'), 'old');
    write(path.join(dir, '.git/HEAD'), 'ref: refs/heads/gh-pages\n');
    emptyFolder(dir);
    expect(fs.readdirSync(dir)).toEqual(['.git']);
    emptyFolder(path.join(dir, 'missing'));
    fs.rmSync(dir, { recursive: true });
  });

  it('moves every entry, replaces files of the same name, merges folders, removes the source', () => {
    const from = temp();
    const to = path.join(temp(), 'site');
    write(path.join(from, 'index.html'), 'new');
    write(path.join(from, '_astro/a.js'), 'a');
    write(path.join(from, 'reports/merged/x.csv'), 'x');
    write(path.join(to, 'index.html'), 'old');
    write(path.join(to, 'reports/kept.csv'), 'kept');
    moveFolderContents(from, to);
    expect(fs.existsSync(from)).toBe(false);
    expect(fs.readFileSync(path.join(to, 'index.html'), 'utf8')).toBe('new');
    expect(fs.readFileSync(path.join(to, '_astro/a.js'), 'utf8')).toBe('a');
    expect(fs.readFileSync(path.join(to, 'reports/merged/x.csv'), 'utf8')).toBe('x');
    expect(fs.readFileSync(path.join(to, 'reports/kept.csv'), 'utf8')).toBe('kept');
    fs.rmSync(path.dirname(to), { recursive: true });
  });
});

describe('an output folder that is a file', () => {
  const temp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'seahelm-out-dir-'));

  it('is named, as is a path through a file; a folder, and a missing one, are fine', () => {
    const dir = temp();
    const file = path.join(dir, 'dist');
    fs.writeFileSync(file, 'not a site\n');
    const remedy = 'move or delete it, or build elsewhere (npm run build -- --outDir DIR)';
    // Astro's folder URLs end with a separator, which a file fails with ENOTDIR.
    expect(outDirProblem(`${file}/`)).toBe(
      `cannot build the site into ${file}: it is a file, not a folder; ${remedy}`,
    );
    expect(outDirProblem(path.join(file, 'site'))).toBe(
      `cannot build the site into ${file}/site: a part of that path is a file, not a folder; ${remedy}`,
    );
    expect(outDirProblem(`${dir}/`)).toBeNull();
    expect(outDirProblem(path.join(dir, 'missing/site/'))).toBeNull();
    fs.rmSync(dir, { recursive: true });
  });

  it('stops a build before anything is built, but not the dev server, which writes nothing there', async () => {
    const dir = temp();
    const file = path.join(dir, 'dist');
    fs.writeFileSync(file, 'not a site\n');
    const hook = leaderboard().hooks['astro:config:setup'];
    const params = (command: 'build' | 'dev') => {
      const { params: base } = setup(command, file);
      const config = { ...base.config, base: '/', root: folderUrl(dir) };
      return { ...base, config, addWatchFile: () => undefined };
    };
    await expect(
      hook?.(params('build') as unknown as HookParameters<'astro:config:setup'>),
    ).rejects.toThrow(`cannot build the site into ${file}: it is a file, not a folder`);
    // dev goes past it, to the config, which this folder lacks
    await expect(
      hook?.(params('dev') as unknown as HookParameters<'astro:config:setup'>),
    ).rejects.toThrow('invalid config');
    fs.rmSync(dir, { recursive: true });
  });
});
