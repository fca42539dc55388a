import { describe, expect, it } from 'vitest';
import { ReadyFlag } from '../../src/client/ready-flag.ts';

/** A promise settled from the test, to play updates that end in any order. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve = () => {};
  let reject: (e: Error) => void = () => {};
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets the flag's promise callbacks run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReadyFlag', () => {
  it('is not ready while an update runs, and ready once it is done', async () => {
    const panel = { dataset: {} as DOMStringMap };
    const flag = new ReadyFlag(panel);
    const update = deferred();
    flag.after(update.promise);
    expect(panel.dataset['ready']).toBe('false');
    update.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('true');
  });

  it('stays not ready when a later, quicker update ends before an earlier one', async () => {
    const panel = { dataset: {} as DOMStringMap };
    const flag = new ReadyFlag(panel);
    const slow = deferred();
    const quick = deferred();
    flag.after(slow.promise);
    flag.after(quick.promise);
    quick.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('false');
    slow.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('true');
  });

  it('stays not ready when an earlier update ends before a later one', async () => {
    const panel = { dataset: {} as DOMStringMap };
    const flag = new ReadyFlag(panel);
    const first = deferred();
    const second = deferred();
    flag.after(first.promise);
    flag.after(second.promise);
    first.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('false');
    second.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('true');
  });

  it('waits for an update started from inside another one', async () => {
    const panel = { dataset: {} as DOMStringMap };
    const flag = new ReadyFlag(panel);
    const outer = deferred();
    const inner = deferred();
    flag.after(outer.promise.then(() => flag.after(inner.promise)));
    outer.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('false');
    inner.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('true');
  });

  it('settle() marks ready at once only when nothing is running', async () => {
    const panel = { dataset: {} as DOMStringMap };
    const flag = new ReadyFlag(panel);
    flag.settle();
    expect(panel.dataset['ready']).toBe('true');
    const update = deferred();
    flag.after(update.promise);
    flag.settle();
    expect(panel.dataset['ready']).toBe('false');
    update.resolve();
    await flush();
    expect(panel.dataset['ready']).toBe('true');
  });

  it('counts a failed update as settled and lets its error through', async () => {
    const panel = { dataset: {} as DOMStringMap };
    const flag = new ReadyFlag(panel);
    const failed = deferred();
    const errors: unknown[] = [];
    const onRejection = (error: unknown) => errors.push(error);
    process.on('unhandledRejection', onRejection);
    try {
      flag.after(failed.promise);
      failed.reject(new Error('drawing failed'));
      await flush();
      await flush();
      expect(panel.dataset['ready']).toBe('true');
      expect(errors).toEqual([new Error('drawing failed')]);
    } finally {
      process.off('unhandledRejection', onRejection);
    }
  });
});
