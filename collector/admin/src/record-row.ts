// One consent record as table cells: shared by the records list and a visitor's history, so that
// both read the same way to the data-protection officer.
import { html, type TemplateResult } from 'lit';
import type { ConsentRecord } from './api.js';
import { formatTime } from './dates.js';
import { choices } from './format.js';

/** The column headers matching `recordCells`, after the first column the caller provides. */
export const RECORD_HEADERS = [
  'Method',
  'Layer',
  'Policy version',
  'Categories',
  'Services',
  'Language',
  'Page',
  'Origin',
  'Browser clock',
  'Received',
];

/** A time as two unbreakable halves, `2026-05-01` and `14:03:22 UTC`, so that a column can wrap between them. */
export function time(ts: string): TemplateResult {
  const [day, ...rest] = formatTime(ts).split(' ');
  return html`<span class="nowrap">${day}</span> <span class="nowrap">${rest.join(' ')}</span>`;
}

/**
 * Cells of one record after its first (decision time) and, in the list, its consent id. The Origin the
 * request carried and whether the browser's clock was off tell a forged receipt from a genuine one.
 */
export function recordCells(r: ConsentRecord): TemplateResult {
  return html`<td class="nowrap">${r.method}</td><td>${r.layer ?? '—'}</td><td>${r.version}</td><td class="choices">${choices(r.categories)}</td><td class="choices">${choices(r.services)}</td>
    <td>${r.lang}</td><td class="mono">${r.path}</td><td class="mono">${r.origin ?? 'none sent'}</td>
    <td>${r.clockSkew ? html`<strong>Off by more than 10 min</strong>: decision time not trusted` : 'Within 10 min'}</td>
    <td>${time(r.receivedAt)}</td>`;
}
