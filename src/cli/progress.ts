/** Progress on a terminal: one line, rewritten in place; silent when output is not a terminal. */

import type { ProgressEvent } from '../lib/pipeline.ts';
import { printable } from '../lib/printable.ts';

export interface ProgressReporter {
  readonly show: (event: ProgressEvent) => void;
  /** Clears a progress line still shown, so that a message starts a line of its own. */
  readonly clear: () => void;
}

export function progressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  if (!stream.isTTY) return { show: () => {}, clear: () => {} };
  let lastParsedUpdate = 0;
  let shown = false;
  const show = (text: string) => {
    stream.write(`\r\x1b[2K${printable(text)}`);
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const report = (event: ProgressEvent) => {
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
      shown = false;
    }
  };
  return { show: report, clear };
}
