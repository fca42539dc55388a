/**
 * A panel's `data-ready` flag, which the browser tests wait for before they read a table or a
 * chart. Its own module, not the run page's: the chart host (on every page with a chart) sets it
 * too, and importing it from run-context.ts carried the run page's URL state into that script.
 */

/** Sets the flag at once: for a panel with one update at a time. */
export function setReady(panel: { readonly dataset: DOMStringMap }, ready: boolean): void {
  panel.dataset['ready'] = String(ready);
}

/**
 * The flag of a panel whose updates may overlap. It is false from the start of an update until
 * every update started so far has settled: a quick second change (a reference picked while
 * hidden languages are being recomputed, say) must not mark the panel ready while the first is
 * still drawing, whichever ends first.
 */
export class ReadyFlag {
  private pending = 0;
  private readonly panel: { readonly dataset: DOMStringMap };

  constructor(panel: { readonly dataset: DOMStringMap }) {
    this.panel = panel;
  }

  /** Not ready until `update`, and every update before it, has settled. */
  after(update: Promise<unknown>): void {
    this.pending += 1;
    this.set(false);
    const settled = () => {
      this.pending -= 1;
      if (this.pending === 0) this.set(true);
    };
    update.then(settled, (error: unknown) => {
      settled();
      throw error; // still reported as an unhandled rejection, as without the flag
    });
  }

  /** Ready now, unless an update is still running (then when the last one settles). */
  settle(): void {
    if (this.pending === 0) this.set(true);
  }

  private set(ready: boolean): void {
    setReady(this.panel, ready);
  }
}
