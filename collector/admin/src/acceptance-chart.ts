// Acceptance rate per category per day: the share of decisions that granted each category.
import { LitElement, html, svg } from 'lit';
import type { Stats } from './api.js';
import { HEIGHT, MARGIN, dayLabel, labelEvery } from './chart-scale.js';
import { num, pct } from './format.js';
import { DASHES, PALETTE, base, chart } from './styles.js';
import { WidthController } from './width-controller.js';

type Cell = { granted: number; total: number };

/**
 * One line per category (colour and dash pattern) of the daily acceptance rate, from 0 to 100%,
 * with a sentence per category over the whole period and the daily figures as a table.
 * `necessary` is left out: it cannot be refused, so its rate says nothing.
 */
export class AcceptanceChart extends LitElement {
  static override styles = [base, chart];
  static override properties = { data: { attribute: false }, days: { attribute: false } };
  declare data: Stats['acceptance'];
  declare days: string[];
  private readonly size = new WidthController(this);

  constructor() {
    super();
    this.data = [];
    this.days = [];
  }

  override render() {
    const cells = new Map<string, Cell>();
    const sums = new Map<string, Cell>();
    for (const r of this.data) {
      if (r.category === 'necessary') continue;
      const add = (m: Map<string, Cell>, k: string) => {
        const c = m.get(k) ?? { granted: 0, total: 0 };
        m.set(k, { granted: c.granted + r.granted, total: c.total + r.total });
      };
      add(cells, `${r.day}|${r.category}`);
      add(sums, r.category);
    }
    const cats = [...sums.keys()].sort();
    if (!cats.length)
      return html`<h3>Acceptance rate per category</h3><p>No decisions in this period.</p>`;
    const width = Math.max(this.size.width, 200);
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const slot = plotW / Math.max(this.days.length, 1);
    const x = (i: number) => MARGIN.left + (i + 0.5) * slot;
    const y = (rate: number) => MARGIN.top + plotH - rate * plotH;
    const rate = (day: string, cat: string) => {
      const c = cells.get(`${day}|${cat}`);
      return c && c.total ? c.granted / c.total : null;
    };
    const every = labelEvery(this.days.length, plotW);
    const lines = cats.map((cat, ci) => {
      // A day without decisions breaks the line instead of pretending the rate was zero.
      let d = '';
      let pen = 'M';
      const dots = [];
      for (const [i, day] of this.days.entries()) {
        const r = rate(day, cat);
        if (r === null) {
          pen = 'M';
          continue;
        }
        d += `${pen}${x(i).toFixed(1)},${y(r).toFixed(1)}`;
        pen = 'L';
        dots.push(
          svg`<circle cx=${x(i)} cy=${y(r)} r="3" fill=${PALETTE[ci % PALETTE.length]!}><title>${day} ${cat}: ${pct(cells.get(`${day}|${cat}`)!.granted, cells.get(`${day}|${cat}`)!.total)}</title></circle>`,
        );
      }
      return svg`<path d=${d || 'M0,0'} fill="none" stroke=${PALETTE[ci % PALETTE.length]!} stroke-width="2"
        stroke-dasharray=${DASHES[ci % DASHES.length] || 'none'}></path>${dots}`;
    });
    return html`<h3 id="title">Acceptance rate per category</h3>
      <p id="summary">
        Share of decisions that granted each category, ${this.days[0]} to ${this.days[this.days.length - 1]}:
        ${cats.map((c) => `${c} ${pct(sums.get(c)!.granted, sums.get(c)!.total)} (${num(sums.get(c)!.granted)} of ${num(sums.get(c)!.total)})`).join(', ')}.
      </p>
      <ul class="legend">
        ${cats.map(
          (c, i) => html`<li>
            <svg width="28" height="14" aria-hidden="true"><line x1="0" x2="28" y1="7" y2="7" stroke=${PALETTE[i % PALETTE.length]!}
              stroke-width="3" stroke-dasharray=${DASHES[i % DASHES.length] || 'none'}></line></svg>${c}
          </li>`,
        )}
      </ul>
      <svg class="chart" role="img" aria-labelledby="title summary" width=${width} height=${HEIGHT}>
        ${[0, 0.25, 0.5, 0.75, 1].map(
          (
            t,
          ) => svg`<line class="grid" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(t)} y2=${y(t)}></line>
            <text x=${MARGIN.left - 6} y=${y(t) + 4} text-anchor="end">${t * 100}%</text>`,
        )}
        <line class="axis" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>
        ${lines}
        ${this.days.map((d, i) => {
          const label = dayLabel(d, i, every);
          return label
            ? svg`<text x=${x(i)} y=${HEIGHT - 8} text-anchor="middle">${label}</text>`
            : null;
        })}
      </svg>
      <details>
        <summary>Acceptance per day as a table</summary>
        <div class="scroll" role="region" aria-label="Acceptance per day" tabindex="0">
          <table>
            <caption>Granted / decisions per category and day (days without decisions left out)</caption>
            <thead><tr><th scope="col">Day</th>${cats.map((c) => html`<th scope="col" class="num">${c}</th>`)}</tr></thead>
            <tbody>${this.days
              .filter((d) => cats.some((c) => cells.get(`${d}|${c}`)?.total))
              .map(
                (d) =>
                  html`<tr><th scope="row">${d}</th>${cats.map((c) => {
                    const cell = cells.get(`${d}|${c}`);
                    return html`<td class="num">${cell ? `${pct(cell.granted, cell.total)} (${cell.granted}/${cell.total})` : '–'}</td>`;
                  })}</tr>`,
              )}</tbody>
          </table>
        </div>
      </details>`;
  }
}
