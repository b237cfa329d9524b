// The records as CSV for the data-protection officer: RFC 4180 quoting, a separator a Belgian spreadsheet
// reads, and no cell a spreadsheet would run as a formula.
import type { StoredRecord } from './storage/types.js';

/** `,` by default; `;` for spreadsheets set to a locale whose decimal mark is the comma (fr-BE, nl-BE, de-BE). */
export type CsvSeparator = ',' | ';';

const COLUMNS = [
  'receiptId',
  'id',
  'ts',
  'receivedAt',
  'clockSkew',
  'origin',
  'version',
  'method',
  'lang',
  'path',
  'categories',
  'services',
  'layer',
  'shown',
  'v',
];

/** The first lines: `sep=;` (Excel's hint, so the file opens in columns whatever the locale), then titles. */
export function csvHeader(separator: CsvSeparator = ','): string {
  const hint = separator === ';' ? 'sep=;\r\n' : '';
  return `${hint}${COLUMNS.join(separator)}\r\n`;
}

/**
 * One cell: a leading = + - @ (or tab / carriage return) gets a ' so spreadsheets show it as text
 * (CSV injection), then quotes when the cell holds a separator (either), a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (with CRLF) for a record; categories and services as JSON objects. */
export function recordLine(record: StoredRecord, separator: CsvSeparator = ','): string {
  return (
    [
      record.receiptId,
      record.id,
      record.ts,
      record.receivedAt,
      record.clockSkew ? 'true' : 'false',
      record.origin ?? '',
      record.version,
      record.method,
      record.lang,
      record.path,
      JSON.stringify(record.categories),
      JSON.stringify(record.services),
      record.layer ?? '',
      record.shown ?? '',
      record.v ?? '',
    ]
      .map(csvCell)
      .join(separator) + '\r\n'
  );
}
