// The terminal table: one block per page, one row per thing seen in each state, leaks marked.
import type { AuditReport, JudgedItem } from './types.js';

const clip = (s: string, n: number): string => (s.length > n ? s.slice(0, n - 1) + '…' : s);

function declaredAs(i: JudgedItem): string {
  if (!i.verdict.declared) return 'not declared';
  return `${i.verdict.category} (${i.note ?? i.verdict.by})`;
}

/** Lays rows out in padded columns. */
export function columns(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** The whole report as text. */
export function formatReport(report: AuditReport): string {
  const out: string[] = [];
  for (const page of report.pages) {
    out.push(
      '',
      `${page.url}  [${page.lang || 'no lang'}]${page.garde ? '' : '  (no garde config found)'}`,
    );
    const rows: string[][] = [['state', 'kind', 'name', 'where', 'declared as', 'verdict']];
    for (const s of page.states) {
      if (!s.items.length) rows.push([s.state, '-', '(nothing)', '', '', 'ok']);
      for (const i of s.items)
        rows.push([
          s.state,
          i.kind,
          clip(i.name, 64),
          clip(i.where, 28),
          declaredAs(i),
          i.leak ? 'LEAK' : 'ok',
        ]);
    }
    out.push(columns(rows));
    for (const s of page.states) for (const p of s.problems) out.push(`  ! ${s.state}: ${p}`);
  }
  for (const lang of report.missingLangs) out.push('', `! no page found in language "${lang}"`);
  const pages = report.pages.length;
  if (!pages) out.push('', '! no page could be audited');
  const anonymous = report.pages
    .flatMap((p) => p.states)
    .reduce((n, s) => n + s.items.filter((i) => i.note).length, 0);
  out.push(
    '',
    report.leaks
      ? `${report.leaks} leak(s) on ${pages} page(s): non-necessary cookies, storage or requests without consent.`
      : `No leak on ${pages} page(s): nothing non-necessary before consent.`,
  );
  if (anonymous) {
    out.push(
      report.strict
        ? `${anonymous} of them garde's anonymous measurement before consent (a leak in --strict mode, the Belgian DPA's reading).`
        : `${anonymous} anonymous measurement request(s) to garde's analytics endpoint before consent: allowed as anonymous data; a leak with --strict (the Belgian DPA's reading).`,
    );
  }
  if (report.problems)
    out.push(
      `${report.problems} problem(s) (page errors, CSP violations or steps that failed), listed with "!".`,
    );
  return out.join('\n');
}
