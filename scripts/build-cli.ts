/**
 * Builds the CLI into plain JavaScript (`build/cli/`): the command and its worker thread, with
 * their dependencies, in a few files. Starting from them skips type stripping and the loading of
 * some two hundred modules: 150-200 ms less per run, measured on a thousand checkpoints.
 *
 * `npm ci` runs this (the `prepare` script). `build/cli/manifest.json` lists every input with
 * its size and modification time; `bin/seahelm-leaderboard.js` runs the build only while they
 * all still match, and the TypeScript sources otherwise, so an edit never runs stale code.
 *
 * Usage: node scripts/build-cli.ts [--outdir DIR]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_DIR, MANIFEST_FILE, type Manifest } from '../bin/bundle.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * GUI mode loads Astro, which is not bundled: `serve.ts` stays a source file, loaded from the
 * sources only when the site is built.
 */
function serveFromSources(outdir: string): Plugin {
  const serve = path.join(ROOT, 'src/cli/serve.ts');
  return {
    name: 'serve-from-sources',
    setup(builder) {
      builder.onResolve({ filter: /\/serve\.ts$/ }, () => ({
        path: path.relative(outdir, serve).split(path.sep).join('/'),
        external: true,
      }));
    },
  };
}

export async function buildCli(outdir: string): Promise<Manifest> {
  fs.rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'src/cli/main.ts', worker: 'src/lib/work/worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // Some bundled packages are CommonJS and call require() for Node's modules.
    banner: {
      js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);",
    },
    plugins: [serveFromSources(outdir)],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((input) => !input.includes(':'))
    .sort()
    .map((input) => {
      const stat = fs.statSync(path.join(ROOT, input));
      return { path: input, size: stat.size, mtimeMs: stat.mtimeMs };
    });
  const manifest: Manifest = { inputs };
  fs.writeFileSync(path.join(outdir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

const invokedDirectly = process.argv[1] === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
  const outdir = path.resolve(ROOT, values.outdir ?? BUNDLE_DIR);
  const manifest = await buildCli(outdir);
  console.log(
    `built the CLI into ${path.relative(ROOT, outdir) || '.'} (${manifest.inputs.length} inputs)`,
  );
}
