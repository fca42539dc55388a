/**
 * What screen readers hear of a score table's line (the current cell: grid.ts): a visually hidden
 * live region beside the line, which itself is not live. A live region speaks only when its text
 * changes, so saying the same line again (Space) empties the region for a moment; the line that
 * sighted readers see never blinks.
 */

import { h } from './dom.ts';

/**
 * How long the region stays empty before the text is written again to be said again: a screen
 * reader misses an emptying undone in the same frame, and some miss one undone soon after; 100 ms
 * is what Angular's LiveAnnouncer waits for the same reason.
 */
export const SAY_AGAIN_MS = 100;

export interface Announcer {
  /** The live region, to insert beside the line it speaks for. */
  readonly element: HTMLElement;
  /** Says `text` once: the text said last is not said again ('' says nothing). */
  say(text: string): void;
  /** Says the text said last again, a moment later (SAY_AGAIN_MS), unless `say` comes first. */
  sayAgain(): void;
}

export function announcer(): Announcer {
  const element = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  let said = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = (text: string) => {
    clearTimeout(timer);
    timer = undefined;
    said = text;
    element.textContent = text;
  };
  return {
    element,
    say(text) {
      // Also while a say-again waits: that one says it.
      if (text !== said) write(text);
    },
    sayAgain() {
      if (said === '') return;
      clearTimeout(timer);
      element.textContent = '';
      const text = said;
      timer = setTimeout(() => write(text), SAY_AGAIN_MS);
    },
  };
}
