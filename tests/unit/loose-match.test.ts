/** One rule for names typed in any case: they match only when they name one thing. */
import { describe, expect, it } from 'vitest';
import { caseInsensitiveMatches } from '../../src/lib/loose-match.ts';

const same = (text: string) => [text];
const itself = (text: string) => text;

describe('caseInsensitiveMatches', () => {
  it('finds a name written in another case', () => {
    expect(caseInsensitiveMatches(['LR', 'GBS'], 'lr', same, itself)).toEqual(['LR']);
  });

  it('finds none when the name fits two keys in other cases', () => {
    expect(caseInsensitiveMatches(['LR', 'Lr', 'GBS'], 'lr', same, itself)).toEqual([]);
    expect(caseInsensitiveMatches(['LR'], 'wd', same, itself)).toEqual([]);
  });

  it('keeps every item of one key (a label shown over several languages)', () => {
    const shown = [
      { label: 'nlu', group: 'Thai' },
      { label: 'nlu', group: 'Tamil' },
      { label: 'nlg', group: 'Thai' },
    ];
    const found = caseInsensitiveMatches(
      shown,
      'NLU',
      (c) => [c.label],
      (c) => c.label,
    );
    expect(found.map((c) => c.group)).toEqual(['Thai', 'Tamil']);
  });
});
