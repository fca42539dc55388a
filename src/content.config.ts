import { defineCollection } from 'astro:content';
import { runsLoader, siteLoader } from './integrations/loader.ts';

// The leaderboard's data comes from the library through these two loaders.
export const collections = {
  runs: defineCollection({ loader: runsLoader() }),
  site: defineCollection({ loader: siteLoader() }),
};
