// Day arithmetic on `YYYY-MM-DD` strings in UTC: the collector groups by UTC day, so the page
// must too, or a Brussels evening would fall on the wrong bar.

/** `YYYY-MM-DD` of a date in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The day `n` days after `day` (negative: before). */
export const addDays = (day: string, n: number): string =>
  isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

/** Whether a string is a real `YYYY-MM-DD` day. */
export const isDay = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** Every day from `from` to `to` inclusive (at most 366, so a typo cannot hang the page). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 366; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The default period: the last 30 days, today included. */
export function lastDays(n = 30): { from: string; to: string } {
  const to = isoDay(new Date());
  return { from: addDays(to, 1 - n), to };
}

/** An ISO timestamp shown unambiguously, in UTC to the second (`2026-05-01 14:03:22 UTC`). */
export function formatTime(ts: string): string {
  const t = Date.parse(ts);
  return Number.isNaN(t) ? ts : `${new Date(t).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A short axis label for a day: `1 May`. */
export function shortDay(day: string): string {
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t)
    ? day
    : new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** What a period form says when its From comes after its To (or is not a day), naming both fields. */
export const PERIOD_ERROR = '“From” must be on or before “To”: choose two days in that order.';
