/** The toolbar's menus: disclosures that float over the table and stay in the window. */

import { h } from './dom.ts';

/** Room kept between an open menu and the window's edge, in px. */
const MENU_MARGIN = 8;

/**
 * Shifts an open menu left by as much as it overflows the window's right edge, never past the
 * left one: a menu at the end of a toolbar would otherwise be cut off on a tablet (768 px) and
 * widen the page.
 */
function keepInWindow(body: HTMLElement): void {
  body.style.left = '';
  const box = body.getBoundingClientRect();
  const over = box.right - (document.documentElement.clientWidth - MENU_MARGIN);
  if (over > 0) body.style.left = `${-Math.min(over, Math.max(0, box.left - MENU_MARGIN))}px`;
}

/**
 * A disclosure that floats over the table. Escape closes it and returns focus; so does the
 * focus leaving it, else it would stay open over the controls the focus went to. `onOpen` fills
 * the body before it is placed.
 */
export function menu(label: string, body: HTMLElement, onOpen?: () => void): HTMLElement {
  const summary = h('summary', {}, label);
  const details = h('details', { class: 'menu' }, summary, body);
  details.addEventListener('toggle', () => {
    if (!details.open) return;
    onOpen?.();
    keepInWindow(body);
  });
  details.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && details.open) {
      details.open = false;
      summary.focus();
    }
  });
  details.addEventListener('focusout', (event) => {
    // No next target (a click on the menu's own padding, the window losing focus): stay open.
    const next = event.relatedTarget;
    if (details.open && next instanceof Node && !details.contains(next)) details.open = false;
  });
  // A click elsewhere closes it too, also where the click moves no focus (on text).
  document.addEventListener('pointerdown', (event) => {
    if (details.open && event.target instanceof Node && !details.contains(event.target)) {
      details.open = false;
    }
  });
  return details;
}
