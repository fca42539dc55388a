#!/usr/bin/env node
// @ts-check
// Entry point for `npx seahelm-leaderboard` and `npm run report`. It runs the prebuilt CLI
// (build/cli, written by `npm ci`) while its inputs are unchanged, which starts faster, and the
// TypeScript sources otherwise (Node >= 22.18 runs them as they are).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from './bundle.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = bundleIsFresh(root) ? '../build/cli/main.js' : '../src/cli/main.ts';
/** @type {{ runAsProgram: () => void }} */
const cli = await import(entry);
cli.runAsProgram();
