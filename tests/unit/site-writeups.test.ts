import { describe, expect, it } from 'vitest';
import { compareWriteups } from '../../src/lib/site/writeups.ts';

const writeup = (id: string, title: string, date?: string) => ({
  id,
  data: { title, ...(date === undefined ? {} : { date: new Date(date) }) },
});

describe('compareWriteups', () => {
  it('lists the newest first, undated ones last, then by title', () => {
    const list = [
      writeup('old', 'Zebra', '2025-01-01'),
      writeup('none', 'Alpha'),
      writeup('new-b', 'Beta', '2025-09-15'),
      writeup('new-a', 'Apple', '2025-09-15'),
    ];
    expect(list.sort(compareWriteups).map((w) => w.id)).toEqual(['new-a', 'new-b', 'old', 'none']);
  });

  it('orders one title and date by file name, in code-point order whatever order they came in', () => {
    // Astro hands them over sorted by id in the build machine's locale: ä before z in English.
    const english = [writeup('ä-note', 'Weekly note'), writeup('z-note', 'Weekly note')];
    const swedish = [...english].reverse();
    const ids = (list: typeof english) => list.sort(compareWriteups).map((w) => w.id);
    expect(ids(english)).toEqual(['z-note', 'ä-note']);
    expect(ids(swedish)).toEqual(['z-note', 'ä-note']);
  });
});
