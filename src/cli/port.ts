/**
 * Whether the site's port is free, asked before any work: the preview server would otherwise
 * move to another port after the build, and the user would look for the site on the wrong one.
 */

import net from 'node:net';

/** Null when `port` can be listened on, else why not (`in use`, `not allowed`, ...). */
export function portProblem(port: number, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'EADDRINUSE'
          ? 'is in use'
          : `cannot be used (${error.code ?? error.message})`,
      );
    });
    probe.listen({ port, host, exclusive: true }, () => {
      probe.close(() => resolve(null));
    });
  });
}
