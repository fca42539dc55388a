/**
 * A panel's `data-ready` flag, which the browser tests wait for before they read a table or a
 * chart. It is false from the start of an update until every update started so far has settled:
 * a quick second change (a reference picked while hidden languages are being recomputed, say)
 * must not mark the panel ready while the first is still drawing, whichever ends first.
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
    this.panel.dataset['ready'] = String(ready);
  }
}
