/**
 * Building DOM from data safely: attributes through setAttribute and text through text nodes,
 * never HTML strings, so a model named `<img onerror=…>` stays text.
 */

export type Attributes = Readonly<Record<string, string | boolean | undefined>>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: readonly (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** Sets or clears the native tooltip. */
export function setTitle(element: HTMLElement, text: string | undefined): void {
  if (text === undefined || text === '') element.removeAttribute('title');
  else element.title = text;
}

/** A trailing-edge debounce for typing in inputs. */
export function debounce<A extends unknown[]>(
  fn: (...args: A) => void,
  ms: number,
): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

let counter = 0;

/**
 * An element's height as laid out, fractions of a px too (offsetHeight rounds them: a box placed
 * by it can reach a fraction of a px under another); 0 for none.
 */
export function heightOf(element: HTMLElement | null): number {
  return element?.getBoundingClientRect().height ?? 0;
}

/** Where a table body's rows start on screen: its top, inside its border. */
export function rowsTop(holder: HTMLElement): number {
  return holder.getBoundingClientRect().top + holder.clientTop;
}

/** A page-unique id for label/aria wiring. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export interface LiveNote {
  /** The live region, to insert where the note shows. */
  readonly element: HTMLElement;
  /** Shows `text`, or hides the note for null; the text it shows already changes nothing. */
  set(text: string | null): void;
}

/**
 * A note that screen readers announce when it appears or changes. The live region stays
 * rendered with the note hidden inside it: a change made while the region itself was hidden
 * (`display: none`) is not announced. The same text written again would be announced again,
 * so it is not written: the pages set their notes on every update (a model picked, an axis).
 */
export function liveNote(attributes: Attributes): LiveNote {
  const note = h('p', attributes);
  note.hidden = true;
  const element = h('div', { role: 'status' }, note);
  return {
    element,
    set(text) {
      const hidden = text === null;
      if (note.hidden === hidden && note.textContent === (text ?? '')) return;
      note.textContent = text ?? '';
      note.hidden = hidden;
    },
  };
}
