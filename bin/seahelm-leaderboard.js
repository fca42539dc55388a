#!/usr/bin/env node
// @ts-check
// Entry point for `npx seahelm-leaderboard` and `npm run report`. It runs the prebuilt CLI
// (build/cli, written by `npm ci`) while its inputs are unchanged, which starts faster, and the
// TypeScript sources otherwise (Node >= 22.18 runs them as they are).
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from './bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fresh = bundleIsFresh(root);
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (!fresh && (major < 22 || (major === 22 && minor < 18))) {
  // A plain `node bin/…` on an older system Node: say what to run instead of a loader error.
  process.stderr.write(
    `seahelm-leaderboard: Node ${process.versions.node} cannot run the TypeScript sources (the built CLI in build/cli is missing or out of date); use \`npm run report\` or \`npx seahelm-leaderboard\`, which run the project's Node 22, or \`npm run build:cli\`\n`,
  );
  process.exit(1);
}
// Node keeps the code it compiles in its cache folder (os.tmpdir()/node-compile-cache, as npm
// does), so the next run compiles less before it starts; worker threads find the folder in the
// environment. NODE_DISABLE_COMPILE_CACHE=1 turns it off. Node < 22.1 has no such cache.
const cache = module.enableCompileCache?.();
if (cache?.directory !== undefined) process.env['NODE_COMPILE_CACHE'] ??= cache.directory;
const entry = fresh ? '../build/cli/main.js' : '../src/cli/main.ts';
/** @type {{ runAsProgram: () => void }} */
const cli = await import(entry);
cli.runAsProgram();
