/**
 * Incl/Excl: a checkbox per competency of each language (English: per benchmark), all checked
 * at first. Every change recomputes the languages, SEA Avg, English and Aggregate with the
 * build's rules; the unchecked columns are kept in the URL (`off=`: written as ids, read as ids,
 * as the names the page shows or as the boxes' labels).
 */

import { languageGroups, langColumnIndex, levelColumns } from '../lib/site/column-groups.ts';
import { columnIds, namedColumns } from '../lib/site/metric-id.ts';
import { asBuiltNote, InclExclCalculator, languagesAsBuilt } from '../lib/site/recompute.ts';
import { h } from './dom.ts';
import { ScoreGrid } from './grid.ts';
import type { GridRow } from './grid-types.ts';
import { setReady } from './ready-flag.ts';
import type { RunContext, View } from './run-context.ts';

export function inclExclView(panel: HTMLElement, context: RunContext): View {
  const { run } = context;
  const groups = languageGroups(run, 'competency').filter(
    (g) => langColumnIndex(run.columns, g.code) >= 0,
  );
  // Each box as the page shows it: its label under its language's legend.
  const shown = groups.flatMap((g) =>
    g.columns.map((index) => ({ index, label: run.columns[index]?.label ?? '', group: g.name })),
  );
  // Languages kept as built: their boxes stay ticked and disabled, and `off=` leaves them out.
  const asBuilt = new Set(
    languagesAsBuilt(run.columns).map((index) => run.columns[index]?.lang ?? ''),
  );
  const fixed = (index: number) => asBuilt.has(run.columns[index]?.lang ?? '');
  const order = shown.filter((c) => !fixed(c.index)).map((c) => run.columns[c.index]?.id ?? '');
  // `off=` names competencies as `hide=` names columns: by id, by the name the page shows, or by
  // a box's label (`nlu`: under every language).
  const named = namedColumns(run, shown, context.state.off);
  const choosable = [...named].filter((index) => !fixed(index));
  const off = new Set(columnIds(run, choosable));
  const boxes: HTMLInputElement[] = [];
  let grid: ScoreGrid | null = null;
  const calculator = new InclExclCalculator(run);

  const rows = (): GridRow[] => {
    const recomputed = calculator.compute(off);
    return context.rows.map((row, i) => {
      const r = recomputed[i];
      return r === undefined ? row : { ...row, v: r.values, m: r.marks };
    });
  };

  const recompute = () => {
    const started = performance.now();
    context.update({ off: order.filter((id) => off.has(id)) });
    setReady(panel, false);
    void grid?.setRows(rows()).then(() => {
      panel.dataset['recomputeMs'] = String(Math.round(performance.now() - started));
      setReady(panel, true);
    });
  };

  const controls = () => {
    const wrap = h('div', { class: 'inclexcl-controls' });
    for (const group of groups) {
      const fieldset = h('fieldset', {}, h('legend', {}, group.name));
      for (const index of group.columns) {
        const column = run.columns[index];
        if (column === undefined) continue;
        const box = h('input', { type: 'checkbox' });
        box.checked = !off.has(column.id);
        box.title = column.id;
        if (fixed(index)) {
          box.disabled = true;
          box.title = `${column.id}: ${group.name} is kept as the build scored it (see above)`;
        }
        box.addEventListener('change', () => {
          if (box.checked) off.delete(column.id);
          else off.add(column.id);
          recompute();
        });
        boxes.push(box);
        fieldset.append(h('label', { class: 'check' }, box, ` ${column.label}`));
      }
      wrap.append(fieldset);
    }
    const all = h('button', { type: 'button' }, 'Include all');
    all.addEventListener('click', () => {
      for (const box of boxes) box.checked = true;
      off.clear();
      recompute();
    });
    wrap.append(all);
    return wrap;
  };

  const build = () => {
    if (groups.length === 0) {
      panel.replaceChildren(h('p', { class: 'muted' }, 'No competency data available.'));
      setReady(panel, true);
      return;
    }
    const help = h(
      'p',
      { class: 'muted' },
      'Untick a competency to leave it out. Each language is the mean of its ticked competencies (English: of its ticked benchmarks), SEA Avg the mean of the SEA languages with a ticked competency, Aggregate = (SEA Avg + English) / 2. Missing values are never counted as 0.',
    );
    const host = h('div', { class: 'grid-host' });
    const kept = asBuiltNote(run.columns);
    const note = kept === null ? [] : [h('p', { class: 'note' }, kept)];
    panel.replaceChildren(help, ...note, controls(), host);
    grid = new ScoreGrid(host, {
      label: `${run.key}: scores from the ticked competencies`,
      columns: context.gridColumns(levelColumns(run.columns, 'lang')),
      rows: rows(),
      mark: context.mark,
      ranges: true,
      csvName: [run.key, 'incl-excl'],
      empty: context.noModels,
    });
    void grid.ready.then(() => setReady(panel, true));
  };

  return {
    show() {
      if (grid === null && panel.dataset['ready'] !== 'true') build();
      else grid?.redraw();
      context.update({ off: order.filter((id) => off.has(id)) });
    },
  };
}
