/** Runs in config order on / and /compare/, whatever order the content store hands them in. */
import { describe, expect, it } from 'vitest';
import { inConfigOrder } from '../../src/lib/site/config-order.ts';

describe('inConfigOrder', () => {
  it('orders runs as the config lists them, not by key', () => {
    const runs = [{ key: 'a_exp' }, { key: 'hero' }, { key: 'z_exp' }];
    const keys = ['z_exp', 'a_exp', 'hero'];
    expect(inConfigOrder(runs, keys).map((r) => r.key)).toEqual(['z_exp', 'a_exp', 'hero']);
  });
});
