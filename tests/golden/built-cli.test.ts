/**
 * The built CLI (scripts/build-cli.ts) writes byte for byte what the TypeScript sources write,
 * on the bundled sample and on fixture trees full of odd files, with worker threads and
 * without; and the
 * entry point runs it only while every input it was built from is unchanged.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleIsFresh, MANIFEST_FILE } from '../../bin/bundle.js';
import { buildCli } from '../../scripts/build-cli.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const nodeBinary = path.join(projectRoot, 'node_modules/.bin/node');
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'built-cli-'));
const builtDir = path.join(temp, 'build');

beforeAll(async () => {
  await buildCli(builtDir);
});
afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

/** Every file below `dir`: relative path -> bytes. */
function filesBelow(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute), fs.readFileSync(absolute));
  }
  return files;
}

function run(entry: string, config: string, extra: readonly string[]) {
  const out = fs.mkdtempSync(path.join(temp, 'out-'));
  let status = 0;
  let stdout: string;
  try {
    stdout = execFileSync(
      nodeBinary,
      [entry, '--no-gui', '--config', config, '--out', out, ...extra],
      {
        cwd: projectRoot,
        encoding: 'utf8',
        stdio: 'pipe',
      },
    );
  } catch (error) {
    const e = error as { status?: number; stdout?: string };
    status = e.status ?? -1;
    stdout = e.stdout ?? '';
  }
  return { status, stdout: stdout.replaceAll(out, '<out>'), files: filesBelow(out) };
}

const CASES = [
  ['the sample', path.join(projectRoot, 'leaderboard.config.yaml')],
  [
    'the steps-and-merging tree',
    path.join(projectRoot, 'tests/fixtures/trees/steps-and-merging/leaderboard.config.yaml'),
  ],
  [
    'the real-files tree',
    path.join(projectRoot, 'tests/fixtures/trees/real-files/leaderboard.config.yaml'),
  ],
] as const;

describe('the built CLI', () => {
  it.each(
    CASES.flatMap(([name, config]) => [
      [name, '1', config],
      [name, '2', config],
    ]),
  )('writes what the sources write: %s, %s thread(s)', (_name, threads, config) => {
    const fromSources = run(path.join(projectRoot, 'src/cli/main.ts'), config, [
      '--threads',
      threads,
    ]);
    const fromBuild = run(path.join(builtDir, 'main.js'), config, ['--threads', threads]);
    expect(fromSources.files.size).toBeGreaterThan(4);
    expect(fromBuild.status).toBe(fromSources.status);
    expect(fromBuild.stdout).toBe(fromSources.stdout);
    expect([...fromBuild.files.keys()].sort()).toEqual([...fromSources.files.keys()].sort());
    for (const [file, bytes] of fromSources.files) {
      expect(fromBuild.files.get(file)?.equals(bytes), file).toBe(true);
    }
  });
});

describe('the built CLI on a Node that runs no TypeScript file', () => {
  // An older system Node running bin/seahelm-leaderboard.js, as Node 22 without type stripping.
  const withoutTypeScript = (args: readonly string[]) =>
    spawnSync(
      nodeBinary,
      ['--no-experimental-strip-types', path.join(builtDir, 'main.js'), ...args],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
  const config = path.join(projectRoot, 'leaderboard.config.yaml');

  it('refuses to build the site before any work, saying what to run instead', () => {
    const out = path.join(temp, 'gui-without-typescript');
    const run = withoutTypeScript(['--port', '7060', '--config', config, '--out', out]);
    expect(run.stderr).toBe(
      `seahelm-leaderboard: the site cannot be built with Node ${process.versions.node}, which runs no TypeScript file: it needs Node 22.18 or later; run \`npx seahelm-leaderboard\` in the project, which runs the project's Node 22, or use --no-gui for the reports alone\n`,
    );
    expect(run.status).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('still writes the reports with --no-gui', () => {
    const out = path.join(temp, 'report-without-typescript');
    const run = withoutTypeScript(['--no-gui', '--config', config, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(out, 'results.json'))).toBe(true);
  });
});

describe('bundleIsFresh', () => {
  /** A project folder with two inputs and a build of them. */
  function project(): { root: string; bundle: string } {
    const root = fs.mkdtempSync(path.join(temp, 'project-'));
    const bundle = path.join(root, 'out');
    fs.mkdirSync(path.join(root, 'src'));
    fs.mkdirSync(bundle);
    const inputs = ['src/a.ts', 'src/b.ts'].map((input) => {
      fs.writeFileSync(path.join(root, input), `// ${input}\n`);
      const stat = fs.statSync(path.join(root, input));
      return { path: input, size: stat.size, mtimeMs: stat.mtimeMs };
    });
    fs.writeFileSync(path.join(bundle, MANIFEST_FILE), JSON.stringify({ inputs }));
    return { root, bundle };
  }

  it('takes a build whose inputs are unchanged', () => {
    const { root, bundle } = project();
    expect(bundleIsFresh(root, bundle)).toBe(true);
  });

  it('refuses a build once an input was touched, changed or removed', () => {
    const touched = project();
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(touched.root, 'src/a.ts'), later, later);
    expect(bundleIsFresh(touched.root, touched.bundle)).toBe(false);

    const changed = project();
    const file = path.join(changed.root, 'src/b.ts');
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, '// edited, same time\n');
    fs.utimesSync(file, atime, mtime);
    expect(bundleIsFresh(changed.root, changed.bundle)).toBe(false);

    const removed = project();
    fs.rmSync(path.join(removed.root, 'src/a.ts'));
    expect(bundleIsFresh(removed.root, removed.bundle)).toBe(false);
  });

  it('refuses a missing or unreadable manifest', () => {
    const { root, bundle } = project();
    fs.writeFileSync(path.join(bundle, MANIFEST_FILE), '{"inputs": ');
    expect(bundleIsFresh(root, bundle)).toBe(false);
    fs.rmSync(path.join(bundle, MANIFEST_FILE));
    expect(bundleIsFresh(root, bundle)).toBe(false);
  });

  it('lists the sources of the command and of its worker in the manifest', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(builtDir, MANIFEST_FILE), 'utf8')) as {
      inputs: { path: string }[];
    };
    const inputs = manifest.inputs.map((input) => input.path);
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs).toContain('src/lib/work/worker.ts');
    expect(inputs).toContain('src/lib/parse/lmeval-fast.ts');
    expect(bundleIsFresh(projectRoot, builtDir)).toBe(true);
  });
});
