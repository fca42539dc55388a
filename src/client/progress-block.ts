/**
 * The hero-run chart under a Competency or Task table: the build rendered one progress chart per
 * language (`lb-chart[data-lang]`; the first inline, the others as static files fetched when
 * chosen); this shows the chosen one and adds a language picker that follows (and drives) the
 * table's language tabs.
 */

import { selectField } from './chart-controls.ts';
import { loadChart } from './chart-interact.ts';

export interface ProgressBlock {
  /** Shows the chart of a language and selects it in the picker. */
  show(code: string): void;
}

export function progressBlock(
  block: HTMLElement,
  onPick: (code: string) => void,
): ProgressBlock | null {
  const hosts = [...block.querySelectorAll<HTMLElement>('lb-chart[data-lang]')];
  const first = hosts[0];
  if (first === undefined) return null;
  const options = hosts.map((host) => ({
    value: host.dataset['lang'] ?? '',
    label: host.dataset['langName'] ?? host.dataset['lang'] ?? '',
  }));
  const picker = selectField('Language', options, options[0]?.value ?? '', onPick);
  const row = document.createElement('div');
  row.className = 'field-row chart-controls';
  row.append(picker.element);
  first.before(row);
  return {
    show(code) {
      if (!hosts.some((host) => host.dataset['lang'] === code)) return;
      for (const host of hosts) {
        host.hidden = host.dataset['lang'] !== code;
        if (!host.hidden) void loadChart(host);
      }
      picker.control.value = code;
    },
  };
}
