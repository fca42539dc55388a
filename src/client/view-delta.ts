/**
 * Delta: every model minus one reference model, at the Language, Competency and Task levels
 * (sub-tabs sharing one reference picker). The reference row shows its own values in bold;
 * the other cells are coloured PiYG, symmetric per column around zero. Hiding languages in the
 * Language table recomputes SEA Avg and Aggregate of every row, the reference's too, as Overall
 * does, and the deltas are the differences of the recomputed values; the heatmap below leaves
 * those languages out, with a note.
 */

import { sameMembers } from '../lib/compare.ts';
import { languageGroups, levelColumns } from '../lib/site/column-groups.ts';
import {
  defaultReference,
  deltaCell,
  deltaSides,
  deltaStyle,
  maxAbsDelta,
  referenceChoices,
  type DeltaSides,
} from '../lib/site/delta.ts';
import { formatDelta, formatOneDecimal } from '../lib/site/format.ts';
import { hiddenLanguages, overallWithHidden, type CellMark } from '../lib/site/recompute.ts';
import { modelName } from '../lib/site/model-name.ts';
import type { Level } from '../lib/site/site-data.ts';
import type { DeltaLevel } from '../lib/site/url-state.ts';
import { selectField } from './chart-controls.ts';
import { chartRedrawer, createChartHost } from './chart-interact.ts';
import { h, liveNote, uniqueId, type LiveNote } from './dom.ts';
import { ScoreGrid } from './grid.ts';
import type { CellLook, GridColumn, GridRow } from './grid-types.ts';
import { ReadyFlag, setReady } from './ready-flag.ts';
import type { RunContext, View } from './run-context.ts';
import { createTabs, type TabList } from './tabs.ts';

const LEVELS: readonly { readonly id: DeltaLevel; readonly label: string }[] = [
  { id: 'lang', label: 'Language' },
  { id: 'competency', label: 'Competency' },
  { id: 'task', label: 'Task' },
];

interface LevelTable {
  readonly level: Level;
  readonly columns: readonly GridColumn[];
  readonly host: HTMLElement;
  grid: ScoreGrid | null;
  /** Largest |delta| per column index, for the colour scale. */
  scale: Map<number, number>;
  /** The values and marks compared (Language: recomputed while languages are hidden). */
  sides: DeltaSides;
}

export function deltaView(panel: HTMLElement, context: RunContext): View {
  const { run } = context;
  const choices = referenceChoices(run.rows);
  const tables = new Map<DeltaLevel, LevelTable>();
  // `ref=` and `model=` name a row as the table shows it, or a baseline by its config key, as
  // write-ups do; the address is written back with the row's name.
  const named = (name: string | null) => (name === null ? null : modelName(run, name));
  let reference: string | null = named(context.state.ref) ?? defaultReference(run.rows);
  let referenceId = -1;
  let tabs: TabList | null = null;
  let subPanel: HTMLElement | null = null;
  let currentLevel: DeltaLevel | null = null;
  let heatmap: {
    host: HTMLElement;
    picker: HTMLSelectElement;
    redraw: ReturnType<typeof chartRedrawer>;
  } | null = null;
  let heatmapModel: string | null = named(context.state.model);
  /** Ready once every table and heatmap update started so far is done. */
  const ready = new ReadyFlag(panel);
  /** Languages hidden in the Language table (codes): the heatmap leaves their rows out too. */
  let heatmapHidden: ReadonlySet<string> = new Set();

  const locateReference = () => {
    referenceId = run.rows.findIndex((r) => r.model === reference);
  };
  const referenceOf = () => ({ row: referenceId, model: reference ?? '' });
  const payloadSides = deltaSides(run.rows);

  const columnsOf = (level: Level): GridColumn[] => {
    if (level === 'lang') return context.gridColumns(levelColumns(run.columns, 'lang'));
    return languageGroups(run, level).flatMap((group) =>
      context.gridColumns(group.columns, () => group.name),
    );
  };

  /** Rows of deltas; the reference row keeps 0 (its own values are shown, in bold). */
  const deltaRows = (table: LevelTable): GridRow[] => {
    const scale = new Map<number, number>();
    const rows = context.rows.map((row): GridRow => {
      const v: (number | null)[] = [];
      for (const { index } of table.columns) {
        v[index] = deltaCell(table.sides, row.id, referenceOf(), index).delta;
      }
      return { ...row, v, reference: row.id === referenceId };
    });
    for (const { index } of table.columns) {
      scale.set(
        index,
        maxAbsDelta(rows.map((r) => (r.reference === true ? null : (r.v[index] ?? null)))),
      );
    }
    table.scale = scale;
    return rows;
  };

  const look =
    (table: LevelTable) =>
    (row: GridRow, index: number): CellLook => {
      if (row.reference === true)
        return { text: formatOneDecimal(table.sides.value(row.id, index)) };
      const delta = row.v[index] ?? null;
      const style = deltaStyle(delta, table.scale.get(index) ?? 0);
      return style === null ? { text: formatDelta(delta) } : { text: formatDelta(delta), ...style };
    };

  const mark =
    (table: LevelTable) =>
    (row: GridRow, index: number): CellMark => {
      if (row.reference === true || referenceId < 0) return table.sides.mark(row.id, index);
      return deltaCell(table.sides, row.id, referenceOf(), index).mark;
    };

  /** Language table: SEA Avg and Aggregate without the hidden languages, with Overall's note. */
  const languageRecompute =
    (table: LevelTable, note: LiveNote) => (hidden: ReadonlySet<number>) => {
      const languages = hiddenLanguages(run.columns, hidden);
      note.set(languages.note);
      if (!sameMembers(languages.ids, heatmapHidden)) {
        heatmapHidden = languages.ids;
        ready.after(renderHeatmap());
      }
      const recomputed = languages.ids.size > 0 ? overallWithHidden(run, languages.ids) : undefined;
      // Nothing recomputed before or now (SEA Avg itself hidden, say): the rows stand.
      if (recomputed === undefined && table.sides === payloadSides) return;
      table.sides = recomputed === undefined ? payloadSides : deltaSides(run.rows, recomputed);
      ready.after(table.grid?.setRows(deltaRows(table)) ?? Promise.resolve());
    };

  const showLevel = (level: DeltaLevel) => {
    currentLevel = level;
    for (const [id, table] of tables) table.host.hidden = id !== level;
    let table = tables.get(level);
    if (table !== undefined && table.grid !== null) {
      table.grid.redraw();
      context.keepHidden(table.grid.hiddenColumns);
      ready.settle();
      return;
    }
    if (subPanel === null) return;
    const host = h('div', { class: 'grid-host' });
    subPanel.append(host);
    table = {
      level,
      columns: columnsOf(level),
      host,
      grid: null,
      scale: new Map(),
      sides: payloadSides,
    };
    tables.set(level, table);
    let recompute: ((hidden: ReadonlySet<number>) => void) | undefined;
    if (level === 'lang') {
      const note = liveNote({ class: 'note' });
      host.append(note.element);
      recompute = languageRecompute(table, note);
    }
    const onHiddenChange = (hidden: ReadonlySet<number>) => {
      context.keepHidden(hidden);
      recompute?.(hidden);
    };
    const grid = new ScoreGrid(host, {
      label: `${run.key}: differences from the reference model, ${level === 'lang' ? 'language' : level} scores`,
      columns: table.columns,
      rows: deltaRows(table),
      mark: mark(table),
      look: look(table),
      chooser: true,
      csvName: [run.key, 'delta', level],
      // As shown: the reference row's own values, the other rows' differences from it.
      csvShown: {
        header: 'shows',
        text: (row) => (row.reference === true ? 'reference' : `minus ${reference ?? ''}`),
        value: (row, index) =>
          row.reference === true ? table.sides.value(row.id, index) : (row.v[index] ?? null),
      },
      // Competency and Task: `hide=nlu` names the nlu column under each language.
      hidden: context.hiddenByAddress(table.columns),
      onHiddenChange,
    });
    table.grid = grid;
    context.keepHidden(grid.hiddenColumns);
    // Columns the address hides start a recompute once the table is there: the panel is
    // ready when that is done too.
    ready.after(
      grid.ready.then(() => {
        const hidden = grid.hiddenColumns;
        if (hidden.size > 0) recompute?.(hidden);
      }),
    );
  };

  /** The heatmap's model: the chosen one, else the first row that is not the reference. */
  const modelForHeatmap = (): string | null => {
    if (heatmapModel !== null && heatmapModel !== reference && choices.includes(heatmapModel)) {
      return heatmapModel;
    }
    return run.rows.find((r) => r.model !== reference)?.model ?? null;
  };

  /** Draws the heatmap of one model only (never all models), with the builder loaded on demand. */
  const renderHeatmap = async (): Promise<void> => {
    if (heatmap === null || reference === null) return;
    const model = modelForHeatmap();
    heatmapModel = model;
    context.update({ model });
    const { host, picker } = heatmap;
    if (model === null) {
      host.hidden = true;
      return;
    }
    picker.value = model;
    const against = reference; // as now, for the drawing below
    const hidden = heatmapHidden;
    const key = JSON.stringify([model, against, [...hidden].sort()]);
    await heatmap.redraw(host, key, async () => {
      const { deltaHeatmap } = await import('../lib/charts/delta-heatmap.ts');
      return deltaHeatmap(run, { model, reference: against, hidden, id: 'delta-heatmap' });
    });
  };

  const buildHeatmap = (): HTMLElement => {
    const options = choices.map((model) => ({ value: model, label: model }));
    const picker = selectField('Model', options, modelForHeatmap() ?? '', (model) => {
      heatmapModel = model;
      ready.after(renderHeatmap());
    });
    const host = createChartHost();
    host.dataset['heatmap'] = '';
    // The chart's own ready flag follows its drawings; a newer choice wins over one still loading.
    heatmap = { host, picker: picker.control, redraw: chartRedrawer(host) };
    return h(
      'section',
      { class: 'chart-section' },
      h('h2', {}, 'One model against the reference, by language and competency'),
      h('div', { class: 'field-row chart-controls' }, picker.element),
      host,
    );
  };

  const setReference = (model: string) => {
    reference = model;
    locateReference();
    context.update({ ref: model });
    ready.after(renderHeatmap());
    for (const table of tables.values()) {
      if (table.grid !== null) ready.after(table.grid.setRows(deltaRows(table)));
    }
  };

  const build = () => {
    if (reference === null) {
      // No reference: the run has no row.
      const text = context.noModels ?? 'No data for delta comparison.';
      panel.replaceChildren(h('p', { class: 'muted' }, text));
      setReady(panel, true);
      return;
    }
    locateReference();
    const selectId = uniqueId('reference');
    const select = h('select', { id: selectId });
    for (const model of choices) select.append(h('option', { value: model }, model));
    select.value = reference;
    select.addEventListener('change', () => setReference(select.value));
    const picker = h(
      'div',
      { class: 'field-row' },
      h('label', { for: selectId }, 'Reference model'),
      select,
    );
    const legend = h(
      'p',
      { class: 'muted' },
      'Each cell is the model’s score minus the reference’s: green = better than the reference, pink = worse (colour scaled per column). The reference row, in bold, shows its own scores.',
    );
    const id = uniqueId('delta-panel');
    subPanel = h('div', { role: 'tabpanel', id, class: 'subpanel' });
    tabs = createTabs('Delta level', LEVELS, id, (level) => {
      const found = LEVELS.find((l) => l.id === level);
      if (found === undefined) return;
      subPanel?.setAttribute('aria-label', found.label);
      context.update({ level: found.id });
      showLevel(found.id);
    });
    panel.replaceChildren(picker, legend, tabs.element, subPanel, buildHeatmap());
    ready.after(renderHeatmap());
    const level = context.state.level;
    tabs.select(level);
    subPanel.setAttribute('aria-label', LEVELS.find((l) => l.id === level)?.label ?? '');
    showLevel(level);
  };

  return {
    show() {
      if (tabs === null) {
        build();
        if (reference !== null && context.state.ref !== reference)
          context.update({ ref: reference });
        return;
      }
      if (currentLevel !== null) showLevel(currentLevel);
    },
  };
}
