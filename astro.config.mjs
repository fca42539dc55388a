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
  vite: {
    build: {
      rolldownOptions: {
        // Astro's own MDX output carries this directive, and the bundler warns about it once per
        // write-up on every build (withastro/astro#18087): harmless, and not the author's to fix.
        onwarn(warning, warn) {
          const astroDirective =
            warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
            warning.message.includes('"use astro:head-inject"');
          if (!astroDirective) warn(warning);
        },
      },
    },
  },
});
