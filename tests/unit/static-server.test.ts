/**
 * The static server of the benchmarks and browser tests serves the site's folder and nothing
 * beside it, even a folder whose name starts with the site's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/static-server.ts';

const base = fs.mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('serveStatic', () => {
  it('serves files of its folder, not of a sibling named like it', async () => {
    const site = path.join(base, 'site');
    fs.mkdirSync(site);
    fs.mkdirSync(path.join(base, 'site-private'));
    fs.writeFileSync(path.join(site, 'index.html'), 'home');
    fs.writeFileSync(path.join(base, 'site-private', 'secret.json'), '{"secret":1}');
    const server = await serveStatic(site);
    try {
      const home = await fetch(`${server.origin}/`);
      expect(await home.text()).toBe('home');
      // An encoded slash survives URL normalization, so the path climbs out once decoded.
      const sibling = await fetch(`${server.origin}/..%2Fsite-private%2Fsecret.json`);
      expect(sibling.status).toBe(404);
      const parent = await fetch(`${server.origin}/..%2Fsite-private`);
      expect(parent.status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
