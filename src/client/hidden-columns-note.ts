/**
 * The comparison page without a model picked shows no table, so neither its column chooser: this
 * note names the columns hidden all the same (the address's `hide=`, or the chooser's choice
 * before the last model was removed), which the scatter's SEA Avg and Aggregate leave out, with a
 * button to show them all again.
 */

import { h, liveNote } from './dom.ts';

export interface HiddenColumnsNote {
  readonly element: HTMLElement;
  /** Names the hidden columns (labels, in column order); an empty list or null hides the note. */
  show(labels: readonly string[] | null): void;
  /** Says every column is shown again, where the note was (the button is gone). */
  confirm(): void;
}

export function hiddenColumnsNote(onShowAll: () => void): HiddenColumnsNote {
  // Announced when it changes; the button stays out of the live region.
  const note = liveNote({ class: 'note', 'data-hidden-columns-note': '' });
  const button = h('button', { type: 'button', 'data-show-all-columns': '' }, 'Show all columns');
  button.hidden = true;
  button.addEventListener('click', onShowAll);
  return {
    element: h('div', { class: 'hidden-columns' }, note.element, button),
    show(labels) {
      const any = labels !== null && labels.length > 0;
      note.set(
        any
          ? `Hidden columns: ${labels.join(', ')}. The table of the models you pick leaves them out.`
          : null,
      );
      button.hidden = !any;
    },
    confirm() {
      note.set('Every column is shown again.');
      button.hidden = true;
    },
  };
}
