// The crawl: from the start URL, follow same-origin links (language switcher first) and audit
// up to N pages per language, each in every requested consent state, with one browser.
import puppeteer, { type Browser } from 'puppeteer-core';
import { chromiumPath, CHROMIUM_ARGS } from './chromium-path.mjs';
import { auditPage } from './audit-page.js';
import type { AuditOptions, AuditReport, PageReport } from './types.js';

/** Launches the Chromium the audit uses. */
export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: await chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/** Counts the leaks and problems of a set of page reports. */
export function summarise(
  start: string,
  pages: PageReport[],
  missing: string[] = [],
  strict = false,
): AuditReport {
  const states = pages.flatMap((p) => p.states);
  return {
    start,
    strict,
    pages,
    missingLangs: missing,
    leaks: states.reduce((n, s) => n + s.items.filter((i) => i.leak).length, 0),
    // A language asked for and not found, or no page at all, is a problem: the audit did not cover the site.
    problems:
      states.reduce((n, s) => n + s.problems.length, 0) + missing.length + (pages.length ? 0 : 1),
  };
}

/** Crawls and audits; uses the given browser or launches (and closes) one. */
export async function runAudit(opts: AuditOptions, given?: Browser): Promise<AuditReport> {
  const browser = given ?? (await launchBrowser());
  const progress = opts.progress ?? (() => undefined);
  try {
    const counts = new Map<string, number>();
    const full = (lang: string): boolean => (counts.get(lang) ?? 0) >= opts.pages;
    const done = (): boolean =>
      opts.langs.length
        ? opts.langs.every(full)
        : [...counts.values()].reduce((a, b) => a + b, 0) >= opts.pages;
    // Without --lang, N pages in all; with it, N pages per language.
    const keep = (lang: string): boolean =>
      opts.langs.length ? opts.langs.includes(lang) && !full(lang) : !done();
    const maxVisits = opts.pages * Math.max(opts.langs.length, 1) * 4 + 8;
    const queue = [opts.url];
    const seen = new Set<string>();
    const pages: PageReport[] = [];
    while (queue.length && !done() && seen.size < maxVisits) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      seen.add(url);
      progress(`visiting ${url}`);
      let result;
      try {
        result = await auditPage(browser, url, {
          states: opts.states,
          timeout: opts.timeout,
          strict: opts.strict ?? false,
          keep,
        });
      } catch (e) {
        // A page that cannot be loaded is a problem of the audit, not the end of it.
        const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        progress(`  could not audit: ${message}`);
        pages.push({
          url,
          lang: '',
          garde: false,
          states: [
            { state: 'fresh', items: [], problems: [`could not audit the page: ${message}`] },
          ],
        });
        continue;
      }
      // Language switcher links go first so that every language is reached early.
      queue.push(...result.links.filter((l) => !seen.has(l)));
      if (result.skipped) continue;
      // A page without garde (a language chooser, say) is reported but does not fill its language's quota.
      if (result.report.garde)
        counts.set(result.report.lang, (counts.get(result.report.lang) ?? 0) + 1);
      const leaks = result.report.states.reduce(
        (n, s) => n + s.items.filter((i) => i.leak).length,
        0,
      );
      progress(
        `  ${result.report.lang || '?'}: ${result.report.states.map((s) => s.state).join(', ')}: ${leaks} leak(s)`,
      );
      pages.push(result.report);
    }
    const missing = opts.langs.filter((lang) => !counts.get(lang));
    for (const lang of missing) progress(`no page found in language "${lang}"`);
    return summarise(opts.url, pages, missing, opts.strict ?? false);
  } finally {
    if (!given) await browser.close();
  }
}
