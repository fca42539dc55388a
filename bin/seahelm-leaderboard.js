#!/usr/bin/env node
// @ts-check
// Entry point for `npx seahelm-leaderboard` and `npm run report`. It runs the prebuilt CLI
// (build/cli, written by `npm ci`) while its inputs are unchanged, which starts faster, and the
// TypeScript sources otherwise (Node >= 22.18 runs them as they are).
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
const entry = fresh ? '../build/cli/main.js' : '../src/cli/main.ts';
/** @type {{ runAsProgram: () => void }} */
const cli = await import(entry);
cli.runAsProgram();
