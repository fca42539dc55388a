/**
 * Overall: model, SEA Avg, each SEA language, English, Aggregate. Hiding SEA languages with the
 * column chooser recomputes SEA Avg and Aggregate without them (the build's rules).
 */

import { levelColumns, seaLanguageColumns } from '../lib/site/column-groups.ts';
import { overallWithHidden } from '../lib/site/recompute.ts';
import { h } from './dom.ts';
import { ScoreGrid, type GridRow } from './grid.ts';
import { setReady, type RunContext, type View } from './run-context.ts';

export function overallView(panel: HTMLElement, context: RunContext): View {
  const { run } = context;
  const sea = new Set(seaLanguageColumns(run.columns));
  let grid: ScoreGrid | null = null;

  const note = h('p', { class: 'note', role: 'status' });
  note.hidden = true;

  const onHiddenChange = (hidden: ReadonlySet<number>) => {
    const started = performance.now();
    const hiddenSea = [...hidden].filter((i) => sea.has(i)).sort((a, b) => a - b);
    let rows: readonly GridRow[] = context.rows;
    if (hiddenSea.length === 0) {
      note.hidden = true;
      note.textContent = '';
    } else {
      const names = hiddenSea.map((i) => run.columns[i]?.label ?? '');
      note.textContent = `SEA Avg and Aggregate exclude hidden languages: ${names.join(', ')}`;
      note.hidden = false;
      const ids = new Set(hiddenSea.map((i) => run.columns[i]?.id ?? ''));
      const recomputed = overallWithHidden(run, ids);
      rows = context.rows.map((row, i) => {
        const r = recomputed[i];
        return r === undefined ? row : { ...row, v: r.values, m: r.marks };
      });
    }
    setReady(panel, false);
    void grid?.setRows(rows).then(() => {
      panel.dataset['recomputeMs'] = String(Math.round(performance.now() - started));
      setReady(panel, true);
    });
  };

  const build = () => {
    const host = h('div', { class: 'grid-host pending' });
    // Above anything the build put after the table (a hero run's progress chart).
    const staticTable = panel.querySelector('[data-static-table]');
    if (staticTable === null) panel.append(note, host);
    else staticTable.before(note, host);
    grid = new ScoreGrid(host, {
      label: `${run.key}: SEA Avg, each language, English and Aggregate`,
      columns: context.gridColumns(levelColumns(run.columns, 'lang')),
      rows: context.rows,
      mark: context.mark,
      chooser: true,
      ranges: true,
      csvName: [run.key, 'overall'],
      onHiddenChange,
    });
    void grid.ready.then(() => {
      // The interactive table takes the place of the server-rendered first screen.
      for (const table of panel.querySelectorAll<HTMLElement>('[data-static-table]')) {
        table.hidden = true;
      }
      host.classList.remove('pending');
      setReady(panel, true);
    });
  };

  return {
    show() {
      if (grid === null) build();
      else grid.redraw();
    },
  };
}
