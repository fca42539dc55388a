// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import leaderboard from './src/integrations/leaderboard.ts';

// SITE_BASE publishes the site under a sub-path, e.g. SITE_BASE=/leaderboard/.
export default defineConfig({
  base: process.env.SITE_BASE ?? '/',
  trailingSlash: 'ignore',
  // MDX renders the write-ups in src/content/writeups/.
  integrations: [leaderboard({ config: 'leaderboard.config.yaml' }), mdx()],
  server: { port: 7060, host: '127.0.0.1' },
  devToolbar: { enabled: false },
});
