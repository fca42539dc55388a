import type { APIRoute, GetStaticPaths } from 'astro';
import { runDataPaths } from '../../../../lib/site/run-paths.ts';
import { splitRun } from '../../../../lib/site/run-parts.ts';
import type { RunData } from '../../../../lib/site/site-data.ts';

/** The task columns of a run page, loaded when a view needs them. */
export const getStaticPaths = runDataPaths satisfies GetStaticPaths;

export const GET: APIRoute<{ run: RunData }> = ({ props }) =>
  new Response(JSON.stringify(splitRun(props.run).tasks), {
    headers: { 'content-type': 'application/json' },
  });
