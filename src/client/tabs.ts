/**
 * WAI-ARIA tabs with automatic activation: arrow keys, Home and End move between the tabs of a
 * list and select the focused one; only the selected tab is in the Tab order. The tabs may be
 * links (`?view=…`): a plain click selects in place, a modified click still opens the link.
 */

import { h } from './dom.ts';

export interface TabList {
  readonly element: HTMLElement;
  select(id: string): void;
}

function tabsOf(list: HTMLElement): HTMLElement[] {
  return [...list.children].filter(
    (child): child is HTMLElement =>
      child instanceof HTMLElement && child.getAttribute('role') === 'tab',
  );
}

const KEYS_FORWARD = new Set(['ArrowRight', 'ArrowDown']);
const KEYS_BACK = new Set(['ArrowLeft', 'ArrowUp']);

/** Wires tabs already in `list` (each with `data-tab="<id>"`); `onSelect` runs on every change. */
export function setupTabs(list: HTMLElement, onSelect: (id: string) => void): TabList {
  const select = (id: string) => {
    for (const tab of tabsOf(list)) {
      const selected = tab.dataset['tab'] === id;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
    }
  };
  const activate = (tab: HTMLElement) => {
    const id = tab.dataset['tab'];
    if (id === undefined) return;
    select(id);
    onSelect(id);
  };
  list.addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest('[role="tab"]') : null;
    if (!(tab instanceof HTMLElement) || tab.parentElement !== list) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    activate(tab);
  });
  list.addEventListener('keydown', (event) => {
    const tabs = tabsOf(list);
    const current = tabs.findIndex((tab) => tab === document.activeElement);
    if (current < 0) return;
    let next: number;
    if (KEYS_FORWARD.has(event.key)) next = (current + 1) % tabs.length;
    else if (KEYS_BACK.has(event.key)) next = (current - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[next];
    if (tab === undefined) return;
    tab.focus();
    activate(tab);
  });
  return { element: list, select };
}

export interface TabItem {
  readonly id: string;
  readonly label: string;
}

/** A client-built tab list of buttons controlling one panel (e.g. per-language sub-tabs). */
export function createTabs(
  label: string,
  items: readonly TabItem[],
  panelId: string,
  onSelect: (id: string) => void,
): TabList {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'subtabs' });
  for (const item of items) {
    list.append(
      h(
        'button',
        { type: 'button', role: 'tab', 'aria-controls': panelId, 'data-tab': item.id },
        item.label,
      ),
    );
  }
  return setupTabs(list, onSelect);
}
