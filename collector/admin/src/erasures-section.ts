// The erasures, for the data-protection officer to show that erasure requests and the retention period
// were honoured: each erasure (when, why, how many records, by whom; never whose; the index of its leaf in
// the log, which proves it), the newest first, under the retention periods in force. A page at a time: retention runs daily, for years.
import { css, html, nothing } from 'lit';
import type { Api, Erasure, ErasurePage } from './api.js';
import { count, num } from './format.js';
import { time } from './record-row.js';
import { PAGE_SIZE, PagedList } from './paged-list.js';
import { base } from './styles.js';

/** Why the records went, in words. */
const REASONS: Record<Erasure['reason'], string> = {
  request: 'on request',
  retention: 'retention period',
};

/** A period in days, with its rough length in years when it is one or more. */
const period = (days: number): string => {
  const years = Math.round((days / 365.25) * 10) / 10;
  return years >= 1 ? `${count(days, 'day')} (about ${num(years)} years)` : count(days, 'day');
};

/** `<erasures-section>`: the retention periods, then the erasures table; needs `api`. */
export class ErasuresSection extends PagedList<ErasurePage> {
  static override styles = [
    base,
    css`
      table { min-width: 32rem; }
    `,
  ];
  protected readonly failure = 'The erasures could not be read.';

  protected readPage(api: Api, page: number): Promise<ErasurePage> {
    return api.erasures(page, PAGE_SIZE);
  }

  private go(page: number, pages: number): void {
    if (page >= 1 && page <= pages) void this.load(page);
  }

  private renderRetention(d: ErasurePage) {
    const { recordsDays, hitsDays, totalsDays } = d.retention;
    return html`<p id="retention">Retention period in force: consent records are kept
      ${period(recordsDays)} after a visitor's last decision, then erased by the daily retention run.
      Raw analytics hits are kept ${period(hitsDays)}, their daily totals ${period(totalsDays)}.</p>`;
  }

  private renderPages(d: ErasurePage) {
    const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
    return html`<nav class="actions" aria-label="Erasures pages" ?hidden=${pages === 1}>
      <button class="secondary" aria-disabled=${d.page <= 1 ? 'true' : 'false'} @click=${() => this.go(d.page - 1, pages)}>Newer erasures</button>
      <span>Page ${d.page} of ${pages} (${count(d.total, 'erasure')})</span>
      <button class="secondary" aria-disabled=${d.page >= pages ? 'true' : 'false'} @click=${() => this.go(d.page + 1, pages)}>Older erasures</button>
    </nav>`;
  }

  private renderTable(erasures: Erasure[]) {
    return html`<div class="scroll" role="region" aria-labelledby="erasures-caption" tabindex="0">
      <table>
        <caption id="erasures-caption">Erasures, the newest first (dates in UTC)</caption>
        <thead><tr>${['Erased', 'Reason', 'Records erased', 'Erased by', 'Log leaf'].map(
          (title, i) =>
            html`<th scope="col" class=${i === 2 || i === 4 ? 'num' : ''}>${title}</th>`,
        )}</tr></thead>
        <tbody>${erasures.map(
          (e) => html`<tr>
            <th scope="row">${time(e.at)}</th><td>${REASONS[e.reason] ?? e.reason}</td>
            <td class="num">${num(e.rows)}</td><td>${e.actor}</td>
            <td class="num">${e.leafIndex === null ? 'not kept' : e.leafIndex}</td>
          </tr>`,
        )}</tbody>
      </table>
    </div>`;
  }

  override render() {
    const d = this.data;
    return html`<section class="card" aria-labelledby="erasures-title">
      <h2 id="erasures-title">Erasures</h2>
      ${d ? this.renderRetention(d) : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        !d
          ? html`<p class="muted">Loading…</p>`
          : d.erasures.length
            ? html`${this.renderTable(d.erasures)}${this.renderPages(d)}`
            : html`<p>No record has been erased yet.</p>`
      }
    </section>`;
  }
}
