/**
 * A searchable multi-select (ARIA combobox + multi-select listbox): type to filter, arrow keys
 * to move, Enter or click to toggle; the chosen items show as removable chips.
 */

import { matchesSearch, searchTerms } from '../lib/site/table-filter.ts';
import { h, uniqueId } from './dom.ts';

export interface PickerItem {
  readonly key: string;
  readonly label: string;
}

/** How many matches the list shows at once; typing narrows the rest. */
const SHOWN = 100;

export class ModelPicker {
  readonly element: HTMLElement;
  private readonly items: readonly PickerItem[];
  private readonly byKey: ReadonlyMap<string, PickerItem>;
  private readonly selected: Set<string>;
  private readonly onChange: (keys: readonly string[]) => void;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly chips: HTMLUListElement;
  private readonly status: HTMLElement;
  private readonly listId = uniqueId('models');
  private matches: PickerItem[] = [];
  private active = -1;

  constructor(
    items: readonly PickerItem[],
    selected: readonly string[],
    onChange: (keys: readonly string[]) => void,
  ) {
    this.items = items;
    this.byKey = new Map(items.map((item) => [item.key, item]));
    this.selected = new Set(selected.filter((key) => this.byKey.has(key)));
    this.onChange = onChange;
    const inputId = uniqueId('pick');
    this.input = h('input', {
      id: inputId,
      type: 'text',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': this.listId,
      'aria-autocomplete': 'list',
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: 'Type a model or run name',
    });
    this.list = h('ul', {
      id: this.listId,
      role: 'listbox',
      'aria-multiselectable': 'true',
      'aria-label': 'Models',
      class: 'picker-list',
    });
    this.list.hidden = true;
    this.chips = h('ul', { class: 'chips', 'aria-label': 'Selected models' });
    this.status = h('p', { class: 'muted picker-status', 'aria-live': 'polite' });
    const clear = h('button', { type: 'button' }, 'Clear selection');
    clear.addEventListener('click', () => {
      this.selected.clear();
      this.changed();
    });
    this.element = h(
      'div',
      { class: 'picker' },
      h('label', { for: inputId }, `Models (${items.length} across all runs)`),
      h('div', { class: 'combo' }, this.input, this.list),
      clear,
      this.chips,
      this.status,
    );
    this.wire();
    this.renderChips();
  }

  get keys(): readonly string[] {
    return [...this.selected];
  }

  /** Puts the focus in the search box (where a control that goes away hands it). */
  focus(): void {
    this.input.focus();
  }

  private wire(): void {
    this.input.addEventListener('input', () => this.open());
    this.input.addEventListener('click', () => this.open());
    this.input.addEventListener('keydown', (event) => {
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          if (this.list.hidden) this.open();
          this.move(1);
          break;
        case 'ArrowUp':
          event.preventDefault();
          this.move(-1);
          break;
        case 'Enter': {
          const item = this.matches[this.active];
          if (item !== undefined) {
            event.preventDefault();
            this.toggle(item.key);
          }
          break;
        }
        case 'Escape':
          if (!this.list.hidden) {
            event.preventDefault();
            this.close();
          }
          break;
      }
    });
    // Keep focus in the input while clicking options.
    this.list.addEventListener('mousedown', (event) => event.preventDefault());
    this.list.addEventListener('click', (event) => {
      const option =
        event.target instanceof Element ? event.target.closest('[role="option"]') : null;
      const key = option instanceof HTMLElement ? option.dataset['key'] : undefined;
      if (key !== undefined) this.toggle(key);
    });
    this.element.addEventListener('focusout', (event) => {
      const next = event.relatedTarget;
      if (!(next instanceof Node) || !this.element.contains(next)) this.close();
    });
  }

  private open(): void {
    const terms = searchTerms(this.input.value);
    const all = this.items.filter((item) => matchesSearch(item.label, terms));
    this.matches = all.slice(0, SHOWN);
    this.active =
      this.matches.length > 0 ? Math.min(Math.max(this.active, 0), this.matches.length - 1) : -1;
    this.renderList();
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    this.status.textContent =
      all.length > SHOWN
        ? `Showing ${SHOWN} of ${all.length} matches; type to narrow.`
        : `${all.length} ${all.length === 1 ? 'match' : 'matches'}.`;
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.status.textContent = '';
  }

  private move(step: number): void {
    if (this.matches.length === 0) return;
    this.active = (this.active + step + this.matches.length) % this.matches.length;
    this.highlight();
  }

  private optionId(index: number): string {
    return `${this.listId}-${index}`;
  }

  private renderList(): void {
    this.list.replaceChildren(
      ...this.matches.map((item, index) => {
        const option = h(
          'li',
          {
            id: this.optionId(index),
            role: 'option',
            'aria-selected': String(this.selected.has(item.key)),
          },
          item.label,
        );
        option.dataset['key'] = item.key;
        return option;
      }),
    );
    if (this.matches.length === 0) {
      this.list.append(h('li', { class: 'muted', role: 'presentation' }, 'No model matches.'));
    }
    this.highlight();
  }

  private highlight(): void {
    this.list.querySelectorAll('.active').forEach((el) => el.classList.remove('active'));
    const option = this.active >= 0 ? document.getElementById(this.optionId(this.active)) : null;
    if (option === null) {
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    option.classList.add('active');
    option.scrollIntoView({ block: 'nearest' });
    this.input.setAttribute('aria-activedescendant', option.id);
  }

  private toggle(key: string): void {
    if (this.selected.has(key)) this.selected.delete(key);
    else this.selected.add(key);
    for (const option of this.list.querySelectorAll<HTMLElement>('[role="option"]')) {
      option.setAttribute('aria-selected', String(this.selected.has(option.dataset['key'] ?? '')));
    }
    this.changed();
  }

  private changed(): void {
    this.renderChips();
    this.onChange(this.keys);
  }

  private renderChips(): void {
    this.chips.replaceChildren(
      ...[...this.selected].flatMap((key) => {
        const item = this.byKey.get(key);
        if (item === undefined) return [];
        const remove = h('button', { type: 'button', 'aria-label': `Remove ${item.label}` }, '×');
        remove.addEventListener('click', () => {
          this.selected.delete(key);
          this.changed();
          this.input.focus();
        });
        return [h('li', {}, h('span', {}, item.label), remove)];
      }),
    );
  }
}
