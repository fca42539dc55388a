/** Labels for names that must fit beside a mark: cut, yet told apart. */
import { describe, expect, it } from 'vitest';
import { shortNames } from '../../src/lib/charts/short-names.ts';

const SWEEP = 'llama3.1-8b-cpt-sea-mix-v3-cosine-warmup2000-seq8192';
const HYPERPARAMETERS = ['LR1e-4-GBS512', 'LR8e-5-GBS512', 'LR1e-4-GBS1024'];

describe('shortNames', () => {
  it('leaves names that fit as they are', () => {
    expect(shortNames(['google/gemma-2-9b-it', 'google/gemma-2-27b-it'], 24)).toEqual([
      'google/gemma-2-9b-it',
      'google/gemma-2-27b-it',
    ]);
  });

  it("keeps a sweep's models apart: the first word, then the words that differ", () => {
    const names = HYPERPARAMETERS.flatMap((hp) =>
      ['1000', '2000'].map((step) => `${SWEEP}-${hp}-bf16-zero3_${step}`),
    );
    expect(shortNames(names, 32)).toEqual([
      'llama3.1…LR1e-4-GBS512…1000',
      'llama3.1…LR1e-4-GBS512…2000',
      'llama3.1…LR8e-5-GBS512…1000',
      'llama3.1…LR8e-5-GBS512…2000',
      'llama3.1…LR1e-4-GBS1024…1000',
      'llama3.1…LR1e-4-GBS1024…2000',
    ]);
  });

  it('drops a shared end, and keeps a short shared run between differing words', () => {
    const names = ['en_ratio0.2-cc_ratio0.3-sea_ratio0.5', 'en_ratio0.3-cc_ratio0.3-sea_ratio0.4'];
    expect(shortNames(names, 24)).toEqual(['en_ratio0.2…ratio0.5', 'en_ratio0.3…ratio0.4']);
    expect(shortNames([`${SWEEP}-LR1e-4`, `${SWEEP}-LR8e-5`], 24)).toEqual([
      'llama3.1…LR1e-4',
      'llama3.1…LR8e-5',
    ]);
  });

  it('cuts at the end a long name alone, or one the same as the others', () => {
    expect(shortNames(['a-baseline-with-a-rather-long-name'], 24)).toEqual([
      'a-baseline-with-a-rathe…',
    ]);
    const same = `${SWEEP}_1000`;
    expect(shortNames([same, same], 24)).toEqual([
      'llama3.1-8b-cpt-sea-mix…',
      'llama3.1-8b-cpt-sea-mix…',
    ]);
  });

  it('never gives a label longer than asked, counting characters, not code units', () => {
    const names = [
      `${SWEEP}-LR1e-4-GBS512-ctx4096-warmup-cosine-final_1000`,
      `${SWEEP}-LR1e-3-GBS256-ctx8192-warmup-linear-final_2000`,
      'โมเดล-ภาษาไทย-ขนาดใหญ่-รุ่นที่สอง-🦙🦙🦙-ขั้นตอน-สุดท้าย',
    ];
    for (const label of shortNames(names, 24)) expect([...label].length).toBeLessThanOrEqual(24);
    expect(shortNames(names, 24)[2]).toBe('โมเดล-ภาษาไทย-ขนาดใหญ่-…');
  });
});
