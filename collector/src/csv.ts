// The records as CSV for the data-protection officer: RFC 4180 quoting, and no cell a spreadsheet would
// run as a formula.
import type { StoredRecord } from './storage/types.js';

/** Column titles, in the order of `recordLine`. */
export const CSV_HEADER =
  'receiptId,id,ts,receivedAt,version,method,lang,path,categories,services\r\n';

/**
 * One cell: a leading = + - @ (or tab / carriage return) gets a ' so spreadsheets show it as text
 * (CSV injection), then quotes when the cell holds a comma, quote or line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (with CRLF) for a record; categories and services as JSON objects. */
export function recordLine(r: StoredRecord): string {
  return (
    [
      r.receiptId,
      r.id,
      r.ts,
      r.receivedAt,
      r.version,
      r.method,
      r.lang,
      r.path,
      JSON.stringify(r.categories),
      JSON.stringify(r.services),
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
}
