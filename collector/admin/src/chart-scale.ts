// Axis helpers shared by the SVG charts.
import { shortDay } from './dates.js';

/** Round tick values from 0 to at least `max` (steps of 1, 2 or 5 × 10^n, about four of them). */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10);
  const out = [0];
  while (out[out.length - 1]! < max) out.push(out[out.length - 1]! + step);
  return out;
}

/** Which day labels to print so that they do not overlap: every n-th, about 56 px apart. */
export const labelEvery = (days: number, plotWidth: number): number =>
  Math.max(1, Math.ceil(days / Math.max(1, Math.floor(plotWidth / 56))));

/** The x-axis labels under a day axis, centred on each shown day. */
export const dayLabel = (day: string, i: number, every: number): string =>
  i % every === 0 ? shortDay(day) : '';

/** Margins of the plot area inside a chart's SVG, in px. */
export const MARGIN = { top: 10, right: 12, bottom: 28, left: 44 };

/** Chart height in px: enough for four gridlines and readable bars, small enough for a phone. */
export const HEIGHT = 220;
