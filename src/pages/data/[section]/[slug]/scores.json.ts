import type { APIRoute, GetStaticPaths } from 'astro';
import { runDataPaths } from '../../../../lib/site/run-paths.ts';
import { splitRun } from '../../../../lib/site/run-parts.ts';
import type { RunData } from '../../../../lib/site/site-data.ts';

/** The scores of a run page (lang and competency columns), loaded by its script. */
export const getStaticPaths = runDataPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ run: RunData }> = ({ props }) =>
  new Response(JSON.stringify(splitRun(props.run).scores), {
    headers: { 'content-type': 'application/json' },
  });
