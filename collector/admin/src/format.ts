// Small text formatters shared by the tables.
import { html, type TemplateResult } from 'lit';

/** A record's choices in words: what was granted and what was refused (not colour, not icons). */
export function choices(map: Record<string, boolean>): TemplateResult | string {
  const entries = Object.entries(map ?? {});
  if (!entries.length) return '—';
  const granted = entries.filter(([, v]) => v).map(([k]) => k);
  const refused = entries.filter(([, v]) => !v).map(([k]) => k);
  return html`${granted.length ? html`<div>Granted: ${granted.join(', ')}</div>` : ''}${
    refused.length ? html`<div>Refused: ${refused.join(', ')}</div>` : ''
  }`;
}

/** A whole number with thousands separators. */
export const num = (n: number): string => n.toLocaleString('en-GB');

/** A count and its noun, singular for one: "1 decision", "2 decisions". */
export const count = (n: number, noun: string): string => `${num(n)} ${noun}${n === 1 ? '' : 's'}`;

/** A share as a whole percentage, `–` when there is nothing to divide by. */
export const pct = (part: number, whole: number): string =>
  whole ? `${Math.round((part / whole) * 100)}%` : '–';
