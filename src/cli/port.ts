/**
 * Whether the site's port is free, asked before any work: the preview server would otherwise
 * move to another port after the build, and the user would look for the site on the wrong one.
 */

import net from 'node:net';

/** Null when `port` can be listened on at `host`, else what is wrong and what to do. */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      resolve(listenProblemText(port, host, error.code ?? error.message));
    });
    probe.listen({ port, host, exclusive: true }, () => {
      probe.close(() => resolve(null));
    });
  });
}

/** The message for a listen that failed with `code`: the port is to blame, or the address. */
function listenProblemText(port: number, host: string, code: string): string {
  if (code === 'EADDRNOTAVAIL') {
    return `--host ${host} is no address of this machine (${code}); give one of its addresses, 0.0.0.0 for all of them, or use --no-gui`;
  }
  const why = code === 'EADDRINUSE' ? 'is in use' : `cannot be used (${code})`;
  return `port ${port} on ${host} ${why}; choose another with --port, or use --no-gui`;
}
