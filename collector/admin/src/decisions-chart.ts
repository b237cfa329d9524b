// Decisions per day, stacked by method: how visitors answer the banner over time.
import { LitElement, html } from 'lit';
import { METHODS, type Stats } from './api.js';
import { count, num, pct } from './format.js';
import { legend, stackedBars, type Series } from './stacked-bars.js';
import { PALETTE, base, chart } from './styles.js';
import { WidthController } from './width-controller.js';

const SERIES: Series[] = METHODS.map((m, i) => ({ key: m, label: m, color: PALETTE[i]! }));

/**
 * Stacked bars of consent decisions per day by method, with a sentence that sums them up and the
 * full figures as a table (for screen readers and for anyone who wants the numbers).
 */
export class DecisionsChart extends LitElement {
  static override styles = [base, chart];
  static override properties = { data: { attribute: false }, days: { attribute: false } };
  declare data: Stats['decisions'];
  declare days: string[];
  private readonly size = new WidthController(this);

  constructor() {
    super();
    this.data = [];
    this.days = [];
  }

  override render() {
    const counts = new Map<string, number>();
    for (const r of this.data)
      counts.set(`${r.day}|${r.method}`, (counts.get(`${r.day}|${r.method}`) ?? 0) + r.count);
    const value = (day: string, m: string) => counts.get(`${day}|${m}`) ?? 0;
    const byMethod = (m: string) =>
      this.data.filter((r) => r.method === m).reduce((s, r) => s + r.count, 0);
    const total = this.data.reduce((s, r) => s + r.count, 0);
    const days = this.days.filter((d) => METHODS.some((m) => value(d, m)));
    return html`<h3 id="title">Decisions per day, by method</h3>
      ${
        total
          ? html`<p id="summary">
              ${count(total, 'decision')} from ${this.days[0]} to ${this.days[this.days.length - 1]}:
              ${METHODS.map((m) => `${m} ${num(byMethod(m))} (${pct(byMethod(m), total)})`).join(', ')}.
            </p>
            ${legend(SERIES, (m) => num(byMethod(m)))}
            ${stackedBars({ days: this.days, series: SERIES, value, width: this.size.width, labelledBy: 'title summary' })}
            <details>
              <summary>Decisions per day as a table</summary>
              <div class="scroll" role="region" aria-label="Decisions per day" tabindex="0">
                <table>
                  <caption>Decisions per day by method (days without decisions left out)</caption>
                  <thead><tr><th scope="col">Day</th>${METHODS.map((m) => html`<th scope="col" class="num">${m}</th>`)}<th scope="col" class="num">Total</th></tr></thead>
                  <tbody>${days.map(
                    (
                      d,
                    ) => html`<tr><th scope="row">${d}</th>${METHODS.map((m) => html`<td class="num">${num(value(d, m))}</td>`)}
                      <td class="num">${num(METHODS.reduce((s, m) => s + value(d, m), 0))}</td></tr>`,
                  )}</tbody>
                </table>
              </div>
            </details>`
          : html`<p>No decisions in this period.</p>`
      }`;
  }
}
