// Stacked bars per day, drawn as SVG from a Lit template: decisions by method and pageviews
// with and without consent. The SVG is an image with a text summary; the numbers themselves are
// in the table each chart offers next to it.
import { html, svg, type TemplateResult } from 'lit';
import { HEIGHT, MARGIN, dayLabel, labelEvery, ticks } from './chart-scale.js';

/** One stacked series: its key in the data, its legend label and colour. */
export interface Series {
  key: string;
  label: string;
  color: string;
}

/** What to draw: the days on the x axis, the series stacked bottom-up, and a value lookup. */
export interface StackedBarsOptions {
  days: string[];
  series: Series[];
  value: (day: string, key: string) => number;
  width: number;
  /** The id of the element that names and sums up the chart in words. */
  labelledBy: string;
}

/** The stacked bar chart as an `<svg role="img">`. */
export function stackedBars(o: StackedBarsOptions): TemplateResult {
  const width = Math.max(o.width, 200);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const totals = o.days.map((d) => o.series.reduce((sum, s) => sum + o.value(d, s.key), 0));
  const yTicks = ticks(Math.max(...totals, 0));
  const top = yTicks[yTicks.length - 1]!;
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const slot = plotW / Math.max(o.days.length, 1);
  const barW = Math.max(1, Math.min(slot * 0.75, 40));
  const every = labelEvery(o.days.length, plotW);
  const bars = o.days.map((day, i) => {
    let base = 0;
    const x = MARGIN.left + i * slot + (slot - barW) / 2;
    return o.series.map((s) => {
      const v = o.value(day, s.key);
      if (!v) return null;
      const rect = svg`<rect x=${x} y=${y(base + v)} width=${barW} height=${y(base) - y(base + v)}
        fill=${s.color} stroke="#fff" stroke-width="1"><title>${day} ${s.label}: ${v}</title></rect>`;
      base += v;
      return rect;
    });
  });
  return html`<svg class="chart" role="img" aria-labelledby=${o.labelledBy} width=${width} height=${HEIGHT}>
    ${yTicks.map(
      (
        t,
      ) => svg`<line class="grid" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(t)} y2=${y(t)}></line>
        <text x=${MARGIN.left - 6} y=${y(t) + 4} text-anchor="end">${t}</text>`,
    )}
    ${bars}
    <line class="axis" x1=${MARGIN.left} x2=${width - MARGIN.right} y1=${y(0)} y2=${y(0)}></line>
    ${o.days.map((d, i) => {
      const label = dayLabel(d, i, every);
      return label
        ? svg`<text x=${MARGIN.left + (i + 0.5) * slot} y=${HEIGHT - 8} text-anchor="middle">${label}</text>`
        : null;
    })}
  </svg>`;
}

/** The legend of a chart: a coloured square and the label of each series, with a figure. */
export function legend(series: Series[], figure: (key: string) => string): TemplateResult {
  return html`<ul class="legend">
    ${series.map(
      (s) => html`<li>
        <svg width="14" height="14" aria-hidden="true"><rect width="14" height="14" fill=${s.color}></rect></svg>
        ${s.label} <span class="muted">${figure(s.key)}</span>
      </li>`,
    )}
  </ul>`;
}
