/** Text from disk shown on a terminal: control and bidi characters become visible escapes. */
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/lib/printable.ts';

describe('printable', () => {
  it('escapes terminal controls: colour codes, carriage return, newline, DEL, C1', () => {
    expect(printable('x\u001b[31mRED\u001b[0m\rFAKE\n\u007f\u009b')).toBe(
      'x\\u001b[31mRED\\u001b[0m\\u000dFAKE\\u000a\\u007f\\u009b',
    );
  });

  it('escapes bidirectional overrides that would reorder the text shown', () => {
    expect(printable('evil\u202egnp.json\u2066')).toBe('evil\\u202egnp.json\\u2066');
  });

  it('escapes a lone surrogate, which would show as U+FFFD, and keeps a pair', () => {
    expect(printable('id_\ud800 id_\udc00 \ud83d\ude00')).toBe(
      'id_\\ud800 id_\\udc00 \ud83d\ude00',
    );
  });

  it('leaves other text alone, non-ASCII included', () => {
    const text = 'runs/ภาษาไทย/Tiếng Việt/ba1000 — ok 🙂';
    expect(printable(text)).toBe(text);
  });
});
