// Plain-text and Markdown tables for the benchmark results.

/** Rows of cells → aligned text; numbers right-aligned. */
export function textTable(header, rows) {
  const all = [header, ...rows].map((r) => r.map(String));
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    line(all[0]),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...all.slice(1).map(line),
  ].join('\n');
}

/** The same as a Markdown table. */
export function markdownTable(header, rows) {
  const esc = (s) => String(s).replace(/\|/g, '\\|');
  return [
    `| ${header.map(esc).join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export const fmtBytes = (n) => n.toLocaleString('en-US');
export const fmtMs = (n) => (Number.isFinite(n) ? n.toFixed(0) : '–');
export const ratio = (a, b) => (b ? (a / b).toFixed(2) : '–');
