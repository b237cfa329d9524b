// Date parameters of the reading endpoints: UTC days, YYYY-MM-DD, that exist in the calendar.

/** Whether `day` is a real calendar day (2026-02-30 is not). */
export function isDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** An error message for a bad `from`/`to` pair, or null when both are absent or valid. */
export function badDay(from: string | undefined, to: string | undefined): string | null {
  if (from && !isDay(from)) return `from "${from}" is not a day (YYYY-MM-DD)`;
  if (to && !isDay(to)) return `to "${to}" is not a day (YYYY-MM-DD)`;
  if (from && to && from > to) return 'from is after to';
  return null;
}

/** The UTC day of a date, YYYY-MM-DD. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
