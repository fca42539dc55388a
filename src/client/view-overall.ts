/**
 * Overall: model, SEA Avg, each SEA language, English, Aggregate. Hiding SEA languages or
 * English with the column chooser recomputes SEA Avg and Aggregate without them (the build's
 * rules), with a note saying what they now cover.
 */

import { sameMembers } from '../lib/compare.ts';
import { levelColumns } from '../lib/site/column-groups.ts';
import { chartRun } from '../lib/site/chart-choices.ts';
import {
  hiddenLanguages,
  overallWithHidden,
  rowsWithRecomputed,
  type RecomputedRow,
} from '../lib/site/recompute.ts';
import { showChart } from './chart-interact.ts';
import { h, liveNote } from './dom.ts';
import { ScoreGrid } from './grid.ts';
import type { GridRow } from './grid-types.ts';
import { ReadyFlag } from './ready-flag.ts';
import type { RunContext, View } from './run-context.ts';

export function overallView(panel: HTMLElement, context: RunContext): View {
  const { run } = context;
  let grid: ScoreGrid | null = null;

  const note = liveNote({ class: 'note' });

  // A hero run's progress chart under the table draws what the table shows.
  const progressHost = panel.querySelector<HTMLElement>('.chart-section lb-chart');
  let drawnHidden: ReadonlySet<string> = new Set();
  let progressTicket = 0;
  const redrawProgress = async (ids: ReadonlySet<string>, recomputed: RecomputedRow[] | null) => {
    if (progressHost === null || sameMembers(ids, drawnHidden)) return;
    drawnHidden = ids;
    const ticket = ++progressTicket;
    const { progressChart } = await import('../lib/charts/progress.ts');
    if (ticket !== progressTicket) return;
    const rows = recomputed === null ? run.rows : rowsWithRecomputed(run.rows, recomputed);
    const chart = progressChart(chartRun({ ...run, rows }), { id: 'progress-lang', hidden: ids });
    showChart(progressHost, chart);
  };

  const ready = new ReadyFlag(panel);
  /** Counts changes: the time bench:site reads is the latest change's, not an earlier slower one's. */
  let changes = 0;
  const onHiddenChange = (hidden: ReadonlySet<number>) => {
    context.keepHidden(hidden);
    const started = performance.now();
    const change = ++changes;
    const languages = hiddenLanguages(run.columns, hidden);
    note.set(languages.note);
    let rows: readonly GridRow[] = context.rows;
    const recomputed = languages.ids.size > 0 ? overallWithHidden(run, languages.ids) : null;
    if (recomputed !== null) {
      rows = context.rows.map((row, i) => {
        const r = recomputed[i];
        return r === undefined ? row : { ...row, v: r.values, m: r.marks };
      });
    }
    const table = grid?.setRows(rows) ?? Promise.resolve();
    ready.after(
      Promise.all([table, redrawProgress(languages.ids, recomputed)]).then(() => {
        if (change !== changes) return;
        panel.dataset['recomputeMs'] = String(Math.round(performance.now() - started));
      }),
    );
  };

  const build = () => {
    const host = h('div', { class: 'grid-host pending' });
    // Above anything the build put after the table (a hero run's progress chart).
    const staticTable = panel.querySelector('[data-static-table]');
    if (staticTable === null) panel.append(note.element, host);
    else staticTable.before(note.element, host);
    const columns = context.gridColumns(levelColumns(run.columns, 'lang'));
    const shown = new ScoreGrid(host, {
      label: `${run.key}: SEA Avg, each language, English and Aggregate`,
      columns,
      rows: context.rows,
      mark: context.mark,
      chooser: true,
      ranges: true,
      csvName: [run.key, 'overall'],
      hidden: context.hiddenByAddress(columns),
      onHiddenChange,
      empty: context.noModels,
    });
    grid = shown;
    void shown.ready.then(() => {
      // The interactive table takes the place of the server-rendered first screen.
      for (const table of panel.querySelectorAll<HTMLElement>('[data-static-table]')) {
        table.hidden = true;
      }
      host.classList.remove('pending');
      // Columns the address hides: recompute as if the reader had just hidden them.
      const hidden = shown.hiddenColumns;
      if (hidden.size > 0) onHiddenChange(hidden);
      else ready.settle();
    });
  };

  return {
    show() {
      if (grid === null) build();
      else grid.redraw();
      if (grid !== null) context.keepHidden(grid.hiddenColumns);
    },
  };
}
