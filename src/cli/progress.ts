/** Progress on a terminal: one line, rewritten in place; silent when output is not a terminal. */

import type { ProgressEvent } from '../lib/pipeline.ts';
import { printable } from '../lib/printable.ts';

export function progressReporter(stream: NodeJS.WriteStream): (event: ProgressEvent) => void {
  if (!stream.isTTY) return () => {};
  let lastParsedUpdate = 0;
  const show = (text: string) => stream.write(`\r\x1b[2K${printable(text)}`);
  return (event) => {
    if (event.stage === 'discovered') show(`found ${event.files} result files`);
    else if (event.stage === 'parsed') {
      const now = Date.now();
      if (event.done === event.total || now - lastParsedUpdate > 100) {
        lastParsedUpdate = now;
        show(`parsed ${event.done}/${event.total} files`);
      }
    } else {
      show(`scored ${event.run}: ${event.models} ${event.models === 1 ? 'model' : 'models'}`);
      stream.write('\n');
    }
  };
}
