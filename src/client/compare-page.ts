/**
 * The comparison page's custom element: a model picker over every run's models (baselines
 * included, "model — run" so equal names in two runs differ), a table of the chosen ones and
 * the scatter of every model with the chosen ones highlighted (axes selectable). The selection,
 * the table's hidden columns and the axes live in the URL: `?models=run:model,…&hide=…&x=…&y=…`.
 *
 * Hiding languages recomputes SEA Avg and Aggregate as the run pages do (each row over its own
 * run's languages less the hidden ones, compare-data.ts compareWithHidden), in the table and
 * the scatter alike, with the run pages' note. With no model picked there is no table: a note
 * names the hidden columns instead, with a button to show them all (hidden-columns-note.ts).
 */

import { scatterAxes, settingsKey } from '../lib/site/chart-choices.ts';
import {
  compareColumnData,
  compareColumnId,
  compareWithHidden,
  runsWithoutSeaLanguages,
  scatterRuns,
  seaLanguagesNote,
  type CompareData,
} from '../lib/site/compare-data.ts';
import { columnIds, namedColumns } from '../lib/site/metric-id.ts';
import {
  hiddenLanguages,
  rowsWithRecomputed,
  type HiddenLanguages,
  type RecomputedRow,
} from '../lib/site/recompute.ts';
import {
  compareItemsWithoutRun,
  compareSearch,
  parseCompareAxes,
  parseCompareSearch,
  parseHidden,
  type CompareAxes,
  type ModelKey,
} from '../lib/site/url-state.ts';
import { selectField } from './chart-controls.ts';
import { chartRedrawer } from './chart-interact.ts';
import { h, liveNote } from './dom.ts';
import { ScoreGrid } from './grid.ts';
import type { GridRow } from './grid-types.ts';
import { hiddenColumnsNote } from './hidden-columns-note.ts';
import { ModelPicker } from './picker.ts';
import { ReadyFlag } from './ready-flag.ts';
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
      limited: row.limited,
      v: row.values,
    }));
    const keys = data.rows.map((row) => keyOf(row));
    const items = data.rows
      .map((row, i) => ({ key: keys[i] ?? '', label: `${row.model} — ${row.run}` }))
      .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const host = h('div', { class: 'grid-host' });
    const seaNote = liveNote({ class: 'muted', 'data-sea-languages-note': '' });
    // What SEA Avg and Aggregate cover while languages are hidden: the run pages' note.
    const hiddenNote = liveNote({ class: 'note', 'data-hidden-languages-note': '' });
    let grid: ScoreGrid | null = null;

    // The table's hidden columns, first those the address names (as the run pages read them).
    const table = { columns: compareColumnData(data.columns) };
    const gridColumns = data.columns.map((c, index) => ({ index, label: c.label, title: c.id }));
    let hidden: ReadonlySet<number> = namedColumns(
      table,
      gridColumns,
      parseHidden(location.search),
    );
    // What the hidden columns change (set by recompute), and every row recomputed without the
    // hidden languages (null while none is hidden).
    let languages: HiddenLanguages = { ids: new Set(), note: null };
    let recomputed: RecomputedRow[] | null = null;
    const recompute = () => {
      languages = hiddenLanguages(table.columns, hidden);
      recomputed = languages.ids.size > 0 ? compareWithHidden(data, languages.ids) : null;
    };
    recompute();
    // The note over rows (or points) of `runs`: it names those of them left without a SEA
    // language (their SEA Avg and Aggregate empty) while the columns still show another run's.
    const hiddenNoteOver = (runs: readonly string[], shownAs: 'rows' | 'points' = 'rows') =>
      hiddenLanguages(
        table.columns,
        hidden,
        runsWithoutSeaLanguages(data, runs, languages.ids),
        shownAs,
      ).note;
    const shownRow = (row: GridRow): GridRow => {
      const again = recomputed?.[row.id];
      return again === undefined ? row : { ...row, v: again.values, m: again.marks };
    };

    // Without a model picked there is no table: a note names the hidden columns, with a button
    // that shows them all (through the table's own Show all once there is one).
    const columnsNote = hiddenColumnsNote(() => {
      if (grid !== null) grid.showAll();
      else {
        hidden = new Set();
        recompute();
        update(current);
      }
      columnsNote.confirm();
      // The button is gone: the focus goes where the page asks the reader to go next.
      picker.focus();
    });

    // Ready once every table and scatter update started so far is drawn.
    const ready = new ReadyFlag(this);
    const render = (selected: readonly string[]) => {
      const chosen = new Set(selected);
      const shown = rows.filter((row) => chosen.has(keys[row.id] ?? '')).map(shownRow);
      empty.hidden = shown.length > 0 || rows.length === 0;
      host.hidden = shown.length === 0;
      const noTable = shown.length === 0 && rows.length > 0;
      const hiddenLabels = [...hidden]
        .sort((a, b) => a - b)
        .map((i) => data.columns[i]?.label ?? '');
      columnsNote.show(noTable ? hiddenLabels : null);
      const runs = shown.flatMap((row) => (row.run === undefined ? [] : [row.run]));
      seaNote.set(seaLanguagesNote(data, runs, languages.ids));
      hiddenNote.set(shown.length === 0 ? null : hiddenNoteOver(runs));
      if (shown.length === 0) {
        ready.settle();
        return;
      }
      if (grid === null) {
        grid = new ScoreGrid(host, {
          label: 'The models picked, across runs',
          columns: gridColumns,
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
          hidden,
          onHiddenChange: (next) => {
            hidden = next;
            recompute();
            update(current);
          },
        });
        ready.after(grid.ready);
      } else {
        ready.after(grid.setRows(shown));
      }
    };

    // The scatter: the build drew every model on the default axes; redrawn here when the
    // selection or the axes change, with the builder loaded on first use.
    const chart = this.querySelector<HTMLElement>('[data-scatter] lb-chart');
    // The build's note on every run's SEA languages, and one on hidden languages: the scatter
    // draws SEA Avg and Aggregate as the table shows them.
    const scatterSeaNote = this.querySelector<HTMLElement>('[data-scatter-sea-note]');
    const scatterHiddenNote = liveNote({ class: 'muted', 'data-scatter-hidden-note': '' });
    const runKeys = Object.keys(data.runColumns);
    const ids = data.columns.map((c) => c.id);
    const wanted = parseCompareAxes(location.search);
    let axes: CompareAxes = scatterAxes(
      ids,
      compareColumnId(data, wanted.x),
      compareColumnId(data, wanted.y),
    );
    // The chart's own ready flag follows its drawings; a newer choice wins over one still loading.
    const redrawScatter = chart === null ? null : chartRedrawer(chart);
    const drawScatter = async (selected: readonly string[]) => {
      if (chart === null || redrawScatter === null) return;
      const { x, y } = scatterAxes(ids, axes.x, axes.y);
      const averaged = [x, y].some((id) => id === 'sea_total' || id === 'total');
      // Over every run, as the scatter draws them all.
      const covers = averaged ? hiddenNoteOver(runKeys, 'points') : null;
      scatterHiddenNote.set(covers === null ? null : `As the table computes them: ${covers}`);
      if (scatterSeaNote !== null) {
        const note = seaLanguagesNote(data, runKeys, languages.ids);
        scatterSeaNote.textContent = note ?? '';
        scatterSeaNote.hidden = note === null;
      }
      // The build's key (no hidden language) when none is hidden, so its chart is kept.
      const hide = [...languages.ids].sort();
      const key = settingsKey([
        x,
        y,
        ...[...selected].sort(),
        ...(hide.length === 0 ? [] : ['hide', ...hide]),
      ]);
      await redrawScatter(chart, key, async () => {
        const { scatterChart } = await import('../lib/charts/scatter.ts');
        const shownData =
          recomputed === null ? data : { ...data, rows: rowsWithRecomputed(data.rows, recomputed) };
        return scatterChart(scatterRuns(shownData), {
          x,
          y,
          selected: new Set(selected),
          id: 'scatter',
        });
      });
    };

    let current: readonly string[] = [];
    const update = (selected: readonly string[]) => {
      current = selected;
      const pairs = selected.flatMap((key) => {
        const row = data.rows[keys.indexOf(key)];
        return row === undefined ? [] : [{ run: row.run, model: row.model }];
      });
      const defaults = scatterAxes(ids, null, null);
      replaceSearch(
        compareSearch(
          pairs,
          {
            x: axes.x === defaults.x ? null : axes.x,
            y: axes.y === defaults.y ? null : axes.y,
          },
          columnIds(table, hidden),
        ),
      );
      render(selected);
      ready.after(drawScatter(selected));
    };

    const asked = parseCompareSearch(location.search);
    const initial = asked.map(keyOf);
    const picker = new ModelPicker(items, initial, update);
    this.prepend(picker.element);
    // A link may name models these runs no longer have (renamed, or from another build).
    const unknown = asked.filter((_, i) => !keys.includes(initial[i] ?? ''));
    const runless = compareItemsWithoutRun(location.search).map(
      (item) => `${item} (no run: write run:model)`,
    );
    if (unknown.length > 0 || runless.length > 0) {
      const names = [...unknown.map((pair) => `${pair.run}:${pair.model}`), ...runless].join(', ');
      picker.element.after(
        h(
          'p',
          { class: 'muted', 'data-unknown-models': '' },
          `Not in these runs, so not shown: ${names}`,
        ),
      );
    }
    empty.after(columnsNote.element, seaNote.element, hiddenNote.element, host);
    if (chart !== null) {
      const options = data.columns.map((c) => ({ value: c.id, label: c.label }));
      const x = selectField('X axis', options, axes.x ?? '', (value) => {
        axes = { ...axes, x: value };
        update(current);
      });
      const y = selectField('Y axis', options, axes.y ?? '', (value) => {
        axes = { ...axes, y: value };
        update(current);
      });
      chart.before(
        h('div', { class: 'field-row chart-controls' }, x.element, y.element),
        scatterHiddenNote.element,
      );
    }
    update(picker.keys);
  }
}

if (customElements.get('lb-compare') === undefined)
  customElements.define('lb-compare', CompareView);
