import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { runsLoader, siteLoader } from './integrations/loader.ts';
import { writeupDateSchema } from './lib/site/writeup-date.ts';

// The leaderboard's data comes from the library through these two loaders.
export const collections = {
  runs: defineCollection({ loader: runsLoader() }),
  site: defineCollection({ loader: siteLoader() }),
  // Write-ups: MDX pages that embed the leaderboard's tables and charts (see README).
  writeups: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './src/content/writeups' }),
    schema: z.object({
      title: z.string().min(1),
      /** One sentence for the list of write-ups. */
      description: z.string().optional(),
      /** A YAML timestamp or ISO text, in UTC unless it gives an offset (writeup-date.ts). */
      date: writeupDateSchema.optional(),
      /** The config the write-up was written for, relative to the project root (see writeups.ts). */
      config: z.string().optional(),
    }),
  }),
};
