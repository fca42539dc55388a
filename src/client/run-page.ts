/**
 * The run page's custom element: loads the run's scores (static JSON next to the page), wires
 * the view tabs (state in the URL) and builds each view the first time it is shown. The task
 * columns come in a second file, fetched at once but awaited only by the views that show them.
 */

import { mergeTasks, type TaskPart } from '../lib/site/run-parts.ts';
import type { RunData } from '../lib/site/site-data.ts';
import { parseRunState } from '../lib/site/url-state.ts';
import { RUN_VIEWS, type RunViewId } from '../lib/site/views.ts';
import { RunContext, type View } from './run-context.ts';
import { setupTabs } from './tabs.ts';
import { deltaView } from './view-delta.ts';
import { inclExclView } from './view-inclexcl.ts';
import { levelView } from './view-levels.ts';
import { overallView } from './view-overall.ts';

type ViewFactory = (panel: HTMLElement, context: RunContext) => View;

/**
 * A view whose code (and the chart builders it draws with) loads the first time it is shown:
 * pages that never open it never download it. Its panel already holds the build's chart.
 */
function lazyView(load: () => Promise<ViewFactory>): ViewFactory {
  return (panel, context) => {
    let view: View | null = null;
    const loaded = load().then((factory) => (view = factory(panel, context)));
    return {
      show() {
        if (view !== null) view.show();
        else void loaded.then((v) => (panel.hidden ? undefined : v.show()));
      },
    };
  };
}

const FACTORIES: Partial<Record<RunViewId, ViewFactory>> = {
  delta: deltaView,
  overall: overallView,
  competency: (panel, context) => levelView(panel, context, 'competency'),
  task: (panel, context) => levelView(panel, context, 'task'),
  pareto: lazyView(async () => (await import('./view-pareto.ts')).paretoView),
  contour: lazyView(async () => (await import('./view-contour.ts')).contourView),
  inclexcl: inclExclView,
};

/** Views that show task columns (or offer them as metrics), so they wait for the task file. */
const NEEDS_TASKS: ReadonlySet<RunViewId> = new Set(['task', 'delta', 'pareto', 'contour']);

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

function isView(id: string): id is RunViewId {
  return RUN_VIEWS.some((view) => view.id === id);
}

class RunView extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    void this.start();
  }

  private async start(): Promise<void> {
    const { scores: scoresUrl, tasks: tasksUrl } = this.dataset;
    const list = this.querySelector<HTMLElement>('[role="tablist"]');
    if (scoresUrl === undefined || tasksUrl === undefined || list === null) return;
    const tasksFile = fetchJson<TaskPart>(tasksUrl);
    const run = await fetchJson<RunData>(scoresUrl);
    const tasksMerged = tasksFile.then((tasks) => mergeTasks(run, tasks));
    const context = new RunContext(run, parseRunState(location.search));
    // From the start, the address holds the shown view's choices only: an unknown view, or
    // another view's parameters, would stay in it until a choice was made.
    if (location.search !== '') context.update({});
    const panels = new Map<string, HTMLElement>();
    for (const panel of this.querySelectorAll<HTMLElement>('[data-panel]')) {
      panels.set(panel.dataset['panel'] ?? '', panel);
    }
    const views = new Map<string, View>();
    const show = async (id: RunViewId) => {
      for (const [panelId, panel] of panels) panel.hidden = panelId !== id;
      const panel = panels.get(id);
      const factory = FACTORIES[id];
      if (panel === undefined || factory === undefined) return;
      if (NEEDS_TASKS.has(id)) await tasksMerged;
      let view = views.get(id);
      if (view === undefined) {
        view = factory(panel, context);
        views.set(id, view);
      }
      if (context.state.view === id) view.show();
    };
    const tabs = setupTabs(list, (id) => {
      if (!isView(id)) return;
      context.update({ view: id });
      void show(id);
    });
    tabs.select(context.state.view);
    await show(context.state.view);
  }
}

if (customElements.get('lb-run-view') === undefined) customElements.define('lb-run-view', RunView);
