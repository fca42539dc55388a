/**
 * The comparison page's custom element: a model picker over every run's models (baselines
 * included, "model — run" so equal names in two runs differ) and a table of the chosen ones.
 * The selection lives in the URL: `?models=run:model,…`.
 */

import type { CompareData } from '../lib/site/compare-data.ts';
import { compareSearch, parseCompareSearch, type ModelKey } from '../lib/site/url-state.ts';
import { h } from './dom.ts';
import { ScoreGrid, type GridRow } from './grid.ts';
import { ModelPicker } from './picker.ts';
import { replaceSearch } from './url.ts';

/** An internal key no name can forge: JSON of the pair. */
function keyOf(k: ModelKey): string {
  return JSON.stringify([k.run, k.model]);
}

class CompareView extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const json = this.querySelector('script[data-compare-json]')?.textContent;
    const empty = this.querySelector<HTMLElement>('[data-empty]');
    if (json === undefined || json === null || empty === null) return;
    const data = JSON.parse(json) as CompareData;
    const rows: GridRow[] = data.rows.map((row, id) => ({
      id,
      model: row.model,
      run: row.run,
      baseline: row.baseline,
      limited: false,
      v: row.values,
    }));
    const keys = data.rows.map((row) => keyOf(row));
    const items = data.rows
      .map((row, i) => ({ key: keys[i] ?? '', label: `${row.model} — ${row.run}` }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const host = h('div', { class: 'grid-host' });
    let grid: ScoreGrid | null = null;

    const render = (selected: readonly string[]) => {
      const chosen = new Set(selected);
      const shown = rows.filter((row) => chosen.has(keys[row.id] ?? ''));
      empty.hidden = shown.length > 0;
      host.hidden = shown.length === 0;
      if (shown.length === 0) {
        this.dataset['ready'] = 'true';
        return;
      }
      this.dataset['ready'] = 'false';
      if (grid === null) {
        grid = new ScoreGrid(host, {
          columns: data.columns.map((c, index) => ({ index, label: c.label, title: c.id })),
          rows: shown,
          mark: (row, index) => {
            const source = data.rows[row.id];
            return {
              partial: source?.status[index] === 'p',
              note: source?.notes[index] ?? '',
            };
          },
          showRun: true,
          chooser: true,
          csvName: ['comparison'],
        });
        void grid.ready.then(() => (this.dataset['ready'] = 'true'));
      } else {
        void grid.setRows(shown).then(() => (this.dataset['ready'] = 'true'));
      }
    };

    const initial = parseCompareSearch(location.search).map(keyOf);
    const picker = new ModelPicker(items, initial, (selected) => {
      const pairs = selected.flatMap((key) => {
        const row = data.rows[keys.indexOf(key)];
        return row === undefined ? [] : [{ run: row.run, model: row.model }];
      });
      replaceSearch(compareSearch(pairs));
      render(selected);
    });
    this.prepend(picker.element);
    empty.after(host);
    render(picker.keys);
  }
}

if (customElements.get('lb-compare') === undefined)
  customElements.define('lb-compare', CompareView);
