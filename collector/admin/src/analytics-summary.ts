// The analytics summary: pageviews per day (with and without analytics consent) and the top
// pages, referrer domains, browsers and operating systems. Pageviews with consent are anonymised
// rows; those without are day-level counters (the collector keeps no row for them): both add up here.
import { LitElement, css, html, type TemplateResult } from 'lit';
import type { Stats } from './api.js';
import { count, num, pct } from './format.js';
import { legend, stackedBars, type Series } from './stacked-bars.js';
import { base, chart } from './styles.js';
import { WidthController } from './width-controller.js';

const SERIES: Series[] = [
  { key: 'consented', label: 'with analytics consent', color: '#0b5cad' },
  { key: 'anonymous', label: 'before consent (counted anonymously)', color: '#767676' },
];
const TOP = 10;

/** Pageviews per day as stacked bars (with its table) and four top-10 tables. */
export class AnalyticsSummary extends LitElement {
  static override styles = [
    base,
    chart,
    css`
      .tops { display: grid; gap: 1rem 1.5rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
      /* Fixed layout so that a long path wraps inside its cell instead of pushing the figures out at 320 px. */
      .tops table { table-layout: fixed; }
      .tops th, .tops td { padding: 0.4rem; }
      .tops thead th.num { width: 4.5rem; }
      .tops thead th.num:last-child { width: 3.75rem; }
      h4 { font-size: 1rem; margin: 1rem 0 0.25rem; }
      .bar { display: block; margin-top: 0.2rem; }
      .name { font-weight: normal; overflow-wrap: break-word; white-space: normal; }
    `,
  ];
  static override properties = { data: { attribute: false }, days: { attribute: false } };
  declare data: Stats['pageviews'] | null;
  declare days: string[];
  private readonly size = new WidthController(this);

  constructor() {
    super();
    this.data = null;
    this.days = [];
  }

  override render() {
    const pv = this.data;
    const byDay = new Map((pv?.byDay ?? []).map((r) => [r.day, r]));
    const total = (pv?.byDay ?? []).reduce((s, r) => s + r.count, 0);
    const consented = (pv?.byDay ?? []).reduce((s, r) => s + r.consented, 0);
    const value = (day: string, key: string) => {
      const r = byDay.get(day);
      return r ? (key === 'consented' ? r.consented : r.count - r.consented) : 0;
    };
    if (!pv || !total)
      return html`<h3>Analytics: pageviews per day</h3><p>No pageviews in this period.</p>`;
    return html`<h3 id="title">Analytics: pageviews per day</h3>
      <p id="summary">
        ${count(total, 'pageview')} from ${this.days[0]} to ${this.days[this.days.length - 1]},
        ${num(consented)} (${pct(consented, total)}) with analytics consent.
      </p>
      ${legend(SERIES, (k) => num(k === 'consented' ? consented : total - consented))}
      ${stackedBars({ days: this.days, series: SERIES, value, width: this.size.width, labelledBy: 'title summary' })}
      <details>
        <summary>Pageviews per day as a table</summary>
        <div class="scroll" role="region" aria-label="Pageviews per day" tabindex="0">
          <table>
            <caption>Pageviews per day (days without pageviews left out)</caption>
            <thead><tr><th scope="col">Day</th><th scope="col" class="num">Pageviews</th><th scope="col" class="num">With consent</th></tr></thead>
            <tbody>${pv.byDay.map(
              (r) =>
                html`<tr><th scope="row">${r.day}</th><td class="num">${num(r.count)}</td><td class="num">${num(r.consented)}</td></tr>`,
            )}</tbody>
          </table>
        </div>
      </details>
      <div class="tops">
        ${this.top(
          'Top pages',
          'Page path',
          pv.byPath.map((r) => [r.path, r.count]),
          total,
        )}
        ${this.top(
          'Referrer domains',
          'Domain',
          pv.byReferrer.map((r) => [r.referrer || '(direct or same site)', r.count]),
          total,
        )}
        ${this.top(
          'Browsers',
          'Browser',
          pv.byBrowser.map((r) => [r.browser, r.count]),
          total,
        )}
        ${this.top(
          'Operating systems',
          'OS',
          pv.byOs.map((r) => [r.os, r.count]),
          total,
        )}
      </div>`;
  }

  /** A top-10 table: name, pageviews and share, with a bar drawn beside the share. */
  private top(
    title: string,
    what: string,
    rows: Array<[string, number]>,
    total: number,
  ): TemplateResult {
    const shown = [...rows].sort((a, b) => b[1] - a[1]).slice(0, TOP);
    const max = Math.max(1, ...shown.map((r) => r[1]));
    return html`<div>
      <h4>${title}</h4>
      ${
        shown.length
          ? html`<table>
            <thead><tr><th scope="col">${what}</th><th scope="col" class="num">Views</th><th scope="col" class="num">Share</th></tr></thead>
            <tbody>${shown.map(
              ([name, count]) => html`<tr>
                <th scope="row" class="name">${name}
                  <svg class="bar" width="100%" height="6" aria-hidden="true"><rect width=${`${(count / max) * 100}%`} height="6" fill="#0b5cad"></rect></svg>
                </th>
                <td class="num">${num(count)}</td><td class="num">${pct(count, total)}</td>
              </tr>`,
            )}</tbody>
          </table>`
          : html`<p>None in this period.</p>`
      }
    </div>`;
  }
}
