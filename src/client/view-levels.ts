/**
 * Competency and Task: one sub-tab per language present in the data (SEA languages in payload
 * order, then English), each a table of that language's columns without the language prefix.
 */

import {
  languageGroupNamed,
  languageGroups,
  type LanguageGroup,
} from '../lib/site/column-groups.ts';
import type { Level } from '../lib/site/site-data.ts';
import { h, uniqueId } from './dom.ts';
import { ScoreGrid } from './grid.ts';
import { progressBlock, type ProgressBlock } from './progress-block.ts';
import { ReadyFlag, setReady } from './ready-flag.ts';
import type { RunContext, View } from './run-context.ts';
import { createTabs, type TabList } from './tabs.ts';

const NAMES: Readonly<Record<Level, string>> = {
  lang: 'language',
  competency: 'competency',
  task: 'task',
};

export function levelView(panel: HTMLElement, context: RunContext, level: Level): View {
  const { run } = context;
  const groups = languageGroups(run, level);
  const grids = new Map<string, { host: HTMLElement; grid: ScoreGrid }>();
  let tabs: TabList | null = null;
  let subPanel: HTMLElement | null = null;
  let progress: ProgressBlock | null = null;
  let built = false;
  const ready = new ReadyFlag(panel);

  const showGroup = (group: LanguageGroup) => {
    if (subPanel === null) return;
    subPanel.setAttribute('aria-label', group.name);
    for (const [code, entry] of grids) entry.host.hidden = code !== group.code;
    const existing = grids.get(group.code);
    if (existing !== undefined) {
      existing.grid.redraw();
      context.keepHidden(existing.grid.hiddenColumns);
      ready.settle();
      return;
    }
    const host = h('div', { class: 'grid-host' });
    subPanel.append(host);
    // One language's columns, each headed by its label alone (`nlu`): `hide=nlu` names it.
    const columns = context.gridColumns(group.columns);
    const grid = new ScoreGrid(host, {
      label: `${run.key}: ${NAMES[level]} scores, ${group.name}`,
      columns,
      rows: context.rows,
      mark: context.mark,
      chooser: true,
      ranges: true,
      csvName: [run.key, level, group.code],
      empty: context.noModels,
      hidden: context.hiddenByAddress(columns),
      onHiddenChange: (hidden) => context.keepHidden(hidden),
    });
    context.keepHidden(grid.hiddenColumns);
    grids.set(group.code, { host, grid });
    ready.after(grid.ready);
  };

  let current: string | null = null;

  const select = (group: LanguageGroup) => {
    current = group.code;
    tabs?.select(group.code);
    if (context.state.lang !== group.code) context.update({ lang: group.code });
    progress?.show(group.code);
    showGroup(group);
  };

  const build = () => {
    built = true;
    // The build may have put a hero-run chart in the panel: the table goes above it.
    if (groups.length === 0) {
      const text = context.noModels ?? `No ${NAMES[level]} data available.`;
      panel.prepend(h('p', { class: 'muted' }, text));
      setReady(panel, true);
      return;
    }
    const id = uniqueId(`${level}-panel`);
    subPanel = h('div', { role: 'tabpanel', id, class: 'subpanel' });
    const label = `${level === 'task' ? 'Task' : 'Competency'} by language`;
    const items = groups.map((g) => ({ id: g.code, label: g.name }));
    tabs = createTabs(label, items, id, (code) => {
      const group = groups.find((g) => g.code === code);
      if (group !== undefined) select(group);
    });
    panel.prepend(tabs.element, subPanel);
    const block = panel.querySelector<HTMLElement>('[data-progress]');
    progress =
      block === null
        ? null
        : progressBlock(block, (code) => {
            const group = groups.find((g) => g.code === code);
            if (group !== undefined) select(group);
          });
  };

  return {
    show() {
      if (!built) build();
      // The language follows the URL (a code, or a name as the tab shows it; written back as
      // the code), so Competency and Task open on the same language.
      const asked = context.state.lang;
      const wanted =
        (asked === null ? undefined : languageGroupNamed(groups, asked)) ??
        groups.find((g) => g.code === current) ??
        groups[0];
      if (wanted === undefined) return;
      if (wanted.code !== current) select(wanted);
      else {
        const entry = grids.get(wanted.code);
        entry?.grid.redraw();
        if (entry !== undefined) context.keepHidden(entry.grid.hiddenColumns);
        if (context.state.lang !== wanted.code) context.update({ lang: wanted.code });
      }
    },
  };
}
