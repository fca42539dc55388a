/** GUI mode's server: stopped by SIGINT or SIGTERM, whether it is up yet or still starting. */
import { EventEmitter } from 'node:events';
import os from 'node:os';
import type { AstroInlineConfig } from 'astro';
import { describe, expect, it, vi } from 'vitest';
import { serveSite } from '../../src/cli/serve.ts';

/** Signals as `process` emits them: the listener is given the signal's name. */
function signalSource() {
  return new EventEmitter<Record<NodeJS.Signals, [NodeJS.Signals]>>();
}

/**
 * A stand-in for Astro's preview server that starts when told to. Given `signals`, it listens
 * for SIGTERM as Vite's preview server does, to end the process at once.
 */
function startingServer(signals?: ReturnType<typeof signalSource>) {
  const calls: string[] = [];
  const configs: AstroInlineConfig[] = [];
  let start = () => {};
  const started = new Promise<void>((resolve) => (start = resolve));
  const preview = async (config: AstroInlineConfig) => {
    calls.push('start');
    configs.push(config);
    signals?.once('SIGTERM', () => calls.push('process.exit'));
    await started;
    return {
      port: 7060,
      stop: async () => {
        calls.push('stop');
      },
    };
  };
  return { calls, configs, preview, start: () => start() };
}

function printed() {
  const lines: string[] = [];
  return { lines, stdout: { write: (text: string) => lines.push(text) } };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Serves on a stand-in server until `stop` (Ctrl+C): what it printed and the configs it was
 * started with can be read in between.
 */
async function servedUp(port: number, host: string, base: string) {
  const signals = signalSource();
  const server = startingServer();
  const out = printed();
  const served = serveSite(port, host, base, { ...server, signals, stdout: out.stdout });
  server.start();
  await settle();
  const stop = async () => {
    signals.emit('SIGINT', 'SIGINT');
    await served;
  };
  return { signals, server, out, stop };
}

describe('serveSite', () => {
  it('serves until Ctrl+C, then stops the server and lets go of the signals', async () => {
    const { signals, server, out, stop } = await servedUp(7060, '127.0.0.1', '/');
    expect(out.lines).toEqual(['leaderboard site: http://127.0.0.1:7060/ (Ctrl+C to stop)\n']);
    expect(server.calls).toEqual(['start']);
    await stop();
    expect(server.calls).toEqual(['start', 'stop']);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('stops the server as soon as it is up when the signal came while it started', async () => {
    const signals = signalSource();
    const server = startingServer();
    const out = printed();
    const served = serveSite(7060, '127.0.0.1', '/', { ...server, signals, stdout: out.stdout });
    await settle();
    // Without a listener, Node would end the process here, with 143 and no word.
    expect(signals.listenerCount('SIGTERM')).toBe(1);
    signals.emit('SIGTERM', 'SIGTERM');
    server.start();
    await served;
    expect(server.calls).toEqual(['start', 'stop']);
    // Not served: no address to open, and a word that it stopped.
    expect(out.lines).toEqual([
      'leaderboard site: stopped before it was served (the reports and the site are written)\n',
    ]);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it("stops on SIGTERM as on Ctrl+C, where the server's own listener would end the process", async () => {
    const signals = signalSource();
    const server = startingServer(signals);
    const out = printed();
    const served = serveSite(7060, '127.0.0.1', '/', { ...server, signals, stdout: out.stdout });
    server.start();
    await settle();
    expect(out.lines).toEqual(['leaderboard site: http://127.0.0.1:7060/ (Ctrl+C to stop)\n']);
    signals.emit('SIGTERM', 'SIGTERM');
    await served;
    expect(server.calls).toEqual(['start', 'stop']);
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('lets the server answer the machine name it prints for a wildcard address', async () => {
    const name = os.hostname();
    for (const host of ['0.0.0.0', '::']) {
      const { server, out, stop } = await servedUp(7060, host, '/');
      expect(out.lines).toEqual([
        `leaderboard site: http://${name}:7060/ (every address of this machine) (Ctrl+C to stop)\n`,
      ]);
      // A browser sends the name in lower case.
      expect(server.configs[0]?.vite?.preview?.allowedHosts).toContain(name.toLowerCase());
      await stop();
    }
  });

  it("leaves Vite's host check as it is for one address (an IP address or localhost)", async () => {
    const { server, stop } = await servedUp(7060, '127.0.0.1', '/');
    expect(server.configs[0]?.vite?.preview?.allowedHosts).toBeUndefined();
    await stop();
  });

  it('prints the address below the base path the site was built for (SITE_BASE)', async () => {
    for (const base of ['/lb/', '/sub/path']) {
      const { out, stop } = await servedUp(7060, '127.0.0.1', base);
      expect(out.lines).toEqual([
        `leaderboard site: http://127.0.0.1:7060${base.replace(/\/?$/, '/')} (Ctrl+C to stop)\n`,
      ]);
      await stop();
    }
  });

  it('puts an IPv6 address in brackets in the address it prints', async () => {
    const { out, stop } = await servedUp(7060, '::1', '/');
    expect(out.lines).toEqual(['leaderboard site: http://[::1]:7060/ (Ctrl+C to stop)\n']);
    await stop();
  });

  it('asks for the port and address given, and no other port should that one be taken by then', async () => {
    const { server, stop } = await servedUp(7061, 'localhost', '/');
    expect(server.configs[0]?.server).toEqual({ port: 7061, host: 'localhost' });
    expect(server.configs[0]?.vite?.preview?.strictPort).toBe(true);
    await stop();
  });

  it('prints a machine name with capitals as it is, and lets the server answer it in lower case too', async () => {
    const hostname = vi.spyOn(os, 'hostname').mockReturnValue('LabBox');
    try {
      const { server, out, stop } = await servedUp(7060, '0.0.0.0', '/');
      expect(out.lines).toEqual([
        'leaderboard site: http://LabBox:7060/ (every address of this machine) (Ctrl+C to stop)\n',
      ]);
      expect(server.configs[0]?.vite?.preview?.allowedHosts).toEqual(['LabBox', 'labbox']);
      await stop();
    } finally {
      hostname.mockRestore();
    }
  });
});
