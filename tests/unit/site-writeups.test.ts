import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../../src/integrations/config-path.ts';
import { throughRealFolder } from '../../src/lib/config/real-folder.ts';
import { compareWriteups, writeupApplies } from '../../src/lib/site/writeups.ts';

const writeup = (id: string, title: string, date?: string) => ({
  id,
  data: { title, ...(date === undefined ? {} : { date: new Date(date) }) },
});

describe('compareWriteups', () => {
  it('lists the newest first, undated ones last, then by title', () => {
    const list = [
      writeup('old', 'Zebra', '2025-01-01'),
      writeup('none', 'Alpha'),
      writeup('new-b', 'Beta', '2025-09-15'),
      writeup('new-a', 'Apple', '2025-09-15'),
    ];
    expect(list.sort(compareWriteups).map((w) => w.id)).toEqual(['new-a', 'new-b', 'old', 'none']);
  });

  it('orders one title and date by file name, in code-point order whatever order they came in', () => {
    // Astro hands them over sorted by id in the build machine's locale: ä before z in English.
    const english = [writeup('ä-note', 'Weekly note'), writeup('z-note', 'Weekly note')];
    const swedish = [...english].reverse();
    const ids = (list: typeof english) => list.sort(compareWriteups).map((w) => w.id);
    expect(ids(english)).toEqual(['z-note', 'ä-note']);
    expect(ids(swedish)).toEqual(['z-note', 'ä-note']);
  });
});

describe('a write-up for a config named through a link', () => {
  // <tmp>/project holds the config; <tmp>/link is a link to the project folder.
  const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'writeup-link-')));
  const project = path.join(tmp, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'leaderboard.config.yaml'), 'experiments: {}\n');
  fs.symlinkSync(project, path.join(tmp, 'link'));
  const viaLink = path.join(tmp, 'link/leaderboard.config.yaml');
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('belongs to the site built from it (LEADERBOARD_CONFIG=<tmp>/link/leaderboard.config.yaml)', () => {
    const config = 'leaderboard.config.yaml';
    expect(writeupApplies(config, viaLink, project, throughRealFolder)).toBe(true);
    expect(writeupApplies('other.yaml', viaLink, project, throughRealFolder)).toBe(false);
    const previous = process.env['LEADERBOARD_CONFIG'];
    process.env['LEADERBOARD_CONFIG'] = viaLink;
    try {
      expect(resolveConfigPath(undefined, project)).toBe(path.join(project, config));
    } finally {
      if (previous === undefined) delete process.env['LEADERBOARD_CONFIG'];
      else process.env['LEADERBOARD_CONFIG'] = previous;
    }
  });
});
