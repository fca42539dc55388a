/**
 * Labelled form controls for the chart pickers, built as DOM (option texts are data).
 */

import type { MetricGroup } from '../lib/site/chart-choices.ts';
import { h, uniqueId } from './dom.ts';

export interface Option {
  readonly value: string;
  readonly label: string;
}

export interface Field<E extends HTMLElement> {
  /** The label and the control, for a `.field-row`. */
  readonly element: HTMLElement;
  readonly control: E;
}

/** A labelled `<select>` of plain options. */
export function selectField(
  label: string,
  options: readonly Option[],
  value: string,
  onChange: (value: string) => void,
): Field<HTMLSelectElement> {
  const id = uniqueId('chart-select');
  const control = h('select', { id });
  for (const option of options) control.append(h('option', { value: option.value }, option.label));
  control.value = value;
  control.addEventListener('change', () => onChange(control.value));
  return {
    element: h('span', { class: 'field' }, h('label', { for: id }, label), control),
    control,
  };
}

/** A labelled `<select>` of metric columns, one `<optgroup>` per level. */
export function metricField(
  label: string,
  groups: readonly MetricGroup[],
  value: string,
  onChange: (value: string) => void,
): Field<HTMLSelectElement> {
  const id = uniqueId('metric');
  const control = h('select', { id });
  for (const group of groups) {
    const optgroup = h('optgroup', { label: group.label });
    for (const choice of group.choices) {
      optgroup.append(h('option', { value: choice.id }, choice.title));
    }
    control.append(optgroup);
  }
  control.value = value;
  control.addEventListener('change', () => onChange(control.value));
  return {
    element: h('span', { class: 'field' }, h('label', { for: id }, label), control),
    control,
  };
}

/** A checkbox with its label and a note that says why it is disabled (empty when enabled). */
export function checkField(
  label: string,
  checked: boolean,
  onChange: (checked: boolean) => void,
): Field<HTMLInputElement> & { readonly note: HTMLElement } {
  const id = uniqueId('check');
  const control = h('input', { id, type: 'checkbox' });
  control.checked = checked;
  control.addEventListener('change', () => onChange(control.checked));
  const noteId = uniqueId('check-note');
  const note = h('span', { id: noteId, class: 'field-note muted' });
  control.setAttribute('aria-describedby', noteId);
  const element = h('span', { class: 'field' }, control, h('label', { for: id }, label), note);
  return { element, control, note };
}

/** Enables or disables a checkbox, with the reason shown next to it. */
export function setDisabled(
  field: { readonly control: HTMLInputElement; readonly note: HTMLElement },
  reason: string | null,
): void {
  field.control.disabled = reason !== null;
  if (reason !== null) field.control.checked = false;
  field.note.textContent = reason ?? '';
  field.note.hidden = reason === null;
}
