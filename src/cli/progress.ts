/**
 * Progress on a terminal: one line, rewritten in place. Silent when standard error is not a
 * terminal (a CI log, a file) or is one that takes no escape codes (`TERM=dumb`).
 */

import type { ProgressEvent } from '../lib/pipeline.ts';
import { printable } from '../lib/printable.ts';

/** What the reporter needs of standard error. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  /** The terminal's width in columns. */
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressReporter {
  readonly show: (event: ProgressEvent) => void;
  /** Clears a progress line still shown, so that a message starts a line of its own. */
  readonly clear: () => void;
}

export function progressReporter(
  stream: ProgressStream,
  env: NodeJS.ProcessEnv = process.env,
): ProgressReporter {
  if (stream.isTTY !== true || env['TERM'] === 'dumb') return { show: () => {}, clear: () => {} };
  let lastParsedUpdate = 0;
  let shown = false;
  const show = (text: string) => {
    // A line as wide as the terminal wraps, and `\r` then rewrites only its last row.
    const width = stream.columns === undefined || stream.columns < 2 ? null : stream.columns - 1;
    stream.write(`\r\x1b[2K${fitted(printable(text), width)}`);
    shown = true;
  };
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const report = (event: ProgressEvent) => {
    if (event.stage === 'discovered') {
      show(`found ${event.files} result ${event.files === 1 ? 'file' : 'files'}`);
    } else if (event.stage === 'parsed') {
      const now = Date.now();
      if (event.done === event.total || now - lastParsedUpdate > 100) {
        lastParsedUpdate = now;
        show(`parsed ${event.done}/${event.total} files`);
      }
    } else {
      show(`scored ${event.run}: ${modelCount(event.models, event.baselineModels)}`);
      stream.write('\n');
      shown = false;
    }
  };
  return { show: report, clear };
}

/** `20 models (+ 1 baseline model)`, as the summary counts a run's rows. */
function modelCount(models: number, baselineModels: number): string {
  const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const own = counted(models, 'model');
  return baselineModels === 0 ? own : `${own} (+ ${counted(baselineModels, 'baseline model')})`;
}

/** The text cut to `width` terminal columns, with `…` where it was cut; null: as it is. */
export function fitted(text: string, width: number | null): string {
  const characters = [...text];
  const total = characters.reduce((sum, c) => sum + columnsOf(c), 0);
  if (width === null || total <= width) return text;
  let kept = '';
  let used = 1; // the ellipsis
  for (const character of characters) {
    used += columnsOf(character);
    if (used > width) break;
    kept += character;
  }
  return `${kept}…`;
}

/** Columns a character takes: 0 for combining marks, 2 for wide East Asian ones and emoji. */
function columnsOf(character: string): number {
  if (/^[\p{Mn}\p{Me}\u200b-\u200d]$/u.test(character)) return 0;
  const code = character.codePointAt(0) ?? 0;
  const wide =
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd);
  return wide ? 2 : 1;
}
