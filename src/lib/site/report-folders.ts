/**
 * The site's CSV reports lie in a folder per run named by the run's slug (its page's address
 * name), where the command line names it by the run key: a key may hold `#` or `?`, which an
 * address cannot hold as they are, and `=`, `+`, `&` or `;`, which Vite's preview server (`--port`,
 * `npm run preview`) leaves escaped and so never finds.
 */

import { MERGED_FOLDER } from '../config/defaults.ts';
import { runSlugs } from './slug.ts';

export interface SiteReportFolders {
  /** The folder of a run's reports on the site. */
  folderOf(runKey: string): string;
  /** The run key (or `merged`) whose reports a site folder holds; null for no such folder. */
  keyOf(folder: string): string | null;
}

export function siteReportFolders(runKeys: readonly string[]): SiteReportFolders {
  const slugs = runSlugs(runKeys);
  const keys = new Map([...slugs].map(([key, slug]) => [slug, key]));
  return {
    folderOf: (runKey) => slugs.get(runKey) ?? runKey,
    keyOf: (folder) => (folder === MERGED_FOLDER ? folder : (keys.get(folder) ?? null)),
  };
}
