/**
 * GUI mode: build the leaderboard site from the result the CLI already computed, then serve it
 * on the requested port until the process is stopped. Astro is loaded only here.
 */

import os from 'node:os';
import path from 'node:path';
import type { AstroInlineConfig } from 'astro';
import type { PipelineResult } from '../lib/pipeline.ts';
import { sharedState } from '../integrations/state.ts';

/** The project folder (where astro.config.mjs lives). */
const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');
/** Where the site is built: the project's dist/, wherever the command runs from. */
export const SITE_FOLDER = path.join(PROJECT_ROOT, 'dist');

/**
 * Builds the site into dist/ (and writes the reports again, into it and output.base_dir);
 * returns its base path (`SITE_BASE`), below which it is served.
 */
export async function buildSite(result: PipelineResult): Promise<string> {
  // Hand the computed result to the integration and its loaders (same process).
  const state = sharedState();
  state.configFile = result.config.configFile;
  state.result = result;
  state.fromCli = true;
  process.env['LEADERBOARD_CONFIG'] = result.config.configFile;
  process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
  // Astro resolves its cache and prerender files against the working folder, whatever `root`
  // says: build from the project, so that the command runs from any folder (the config path is
  // absolute by now, and the reports are written).
  process.chdir(PROJECT_ROOT);
  const { build } = await import('astro');
  await build({ root: PROJECT_ROOT, logLevel: 'warn' });
  return state.base;
}

/** What serving takes from Astro and the process (the tests give stand-ins). */
export interface ServeParts {
  readonly preview: (config: AstroInlineConfig) => Promise<RunningServer>;
  readonly signals: SignalSource;
  readonly stdout: { write(text: string): unknown };
}

interface RunningServer {
  readonly port: number;
  stop(): Promise<void>;
}

interface SignalSource {
  once(signal: NodeJS.Signals, listener: NodeJS.SignalsListener): unknown;
  off(signal: NodeJS.Signals, listener: NodeJS.SignalsListener): unknown;
  listeners(signal: NodeJS.Signals): readonly NodeJS.SignalsListener[];
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Serves the built site until SIGINT or SIGTERM. The signals are listened for before the server
 * starts: one that comes while it starts stops it as soon as it is up, as one while it serves
 * does (the command ends with 0, the reports and the site written). Node's default would end
 * the command then and there, with status 130 and no word.
 */
export async function serveSite(
  port: number,
  host: string,
  base: string,
  parts: Partial<ServeParts> = {},
): Promise<void> {
  const signals = parts.signals ?? process;
  const stdout = parts.stdout ?? process.stdout;
  let signalled = false;
  let onSignal = () => {};
  const stopAsked = new Promise<void>((resolve) => {
    onSignal = () => {
      signalled = true;
      resolve();
    };
  });
  for (const signal of STOP_SIGNALS) signals.once(signal, onSignal);
  try {
    const preview = parts.preview ?? (await import('astro')).preview;
    const ownListeners = signals.listeners('SIGTERM');
    const server = await preview({
      root: PROJECT_ROOT,
      logLevel: 'warn',
      server: { port, host },
      vite: {
        preview: {
          // Checked free at the start; if it was taken since, fail rather than serve elsewhere.
          strictPort: true,
          // Vite answers a host name it does not know with 403 (against DNS rebinding), and an
          // IP address or localhost always: the name printed for a wildcard address is known.
          ...(isWildcard(host) ? { allowedHosts: machineNames() } : {}),
        },
      },
    });
    // Vite's preview server ends the process on SIGTERM itself, at once and with status 143;
    // stopped here, SIGTERM ends it as Ctrl+C does.
    for (const listener of signals.listeners('SIGTERM')) {
      if (!ownListeners.includes(listener)) signals.off('SIGTERM', listener);
    }
    stdout.write(
      signalled
        ? 'leaderboard site: stopped before it was served (the reports and the site are written)\n'
        : `leaderboard site: ${siteAddress(host, server.port, base)} (Ctrl+C to stop)\n`,
    );
    await stopAsked;
    await server.stop();
  } finally {
    for (const signal of STOP_SIGNALS) signals.off(signal, onSignal);
  }
}

/**
 * Where to open the site. A wildcard address listens on every interface: name this machine,
 * which the other machines of the network reach it by.
 */
function siteAddress(host: string, port: number, base: string): string {
  const wildcard = isWildcard(host);
  const shown = wildcard ? os.hostname() : host.includes(':') ? `[${host}]` : host;
  const where = wildcard ? ` (every address of this machine)` : '';
  const below = base.endsWith('/') ? base : `${base}/`;
  return `http://${shown}:${port}${below}${where}`;
}

/** Whether `host` listens on every interface of this machine. */
function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** This machine's name, as printed and as a browser sends it (in lower case). */
function machineNames(): string[] {
  const name = os.hostname();
  return [...new Set([name, name.toLowerCase()])];
}
