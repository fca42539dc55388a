/**
 * The run page's custom element: reads the embedded run payload, wires the view tabs (state in
 * the URL) and builds each view the first time it is shown.
 */

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

const FACTORIES: Partial<Record<RunViewId, ViewFactory>> = {
  delta: deltaView,
  overall: overallView,
  competency: (panel, context) => levelView(panel, context, 'competency'),
  task: (panel, context) => levelView(panel, context, 'task'),
  inclexcl: inclExclView,
};

function isView(id: string): id is RunViewId {
  return RUN_VIEWS.some((view) => view.id === id);
}

class RunView extends HTMLElement {
  private started = false;

  connectedCallback(): void {
    if (this.started) return;
    this.started = true;
    const json = this.querySelector('script[data-run-json]')?.textContent;
    const list = this.querySelector<HTMLElement>('[role="tablist"]');
    if (json === undefined || json === null || list === null) return;
    const context = new RunContext(JSON.parse(json) as RunData, parseRunState(location.search));
    const panels = new Map<string, HTMLElement>();
    for (const panel of this.querySelectorAll<HTMLElement>('[data-panel]')) {
      panels.set(panel.dataset['panel'] ?? '', panel);
    }
    const views = new Map<string, View>();
    const show = (id: RunViewId) => {
      for (const [panelId, panel] of panels) panel.hidden = panelId !== id;
      const panel = panels.get(id);
      const factory = FACTORIES[id];
      if (panel === undefined || factory === undefined) return;
      let view = views.get(id);
      if (view === undefined) {
        view = factory(panel, context);
        views.set(id, view);
      }
      view.show();
    };
    const tabs = setupTabs(list, (id) => {
      if (!isView(id)) return;
      context.update({ view: id });
      show(id);
    });
    tabs.select(context.state.view);
    show(context.state.view);
  }
}

if (customElements.get('lb-run-view') === undefined) customElements.define('lb-run-view', RunView);
