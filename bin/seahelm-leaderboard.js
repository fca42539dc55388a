#!/usr/bin/env node
// Entry point for `npx seahelm-leaderboard`; the CLI itself is TypeScript run by Node >= 22.18.
import '../src/cli/main.ts';
