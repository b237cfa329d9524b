// Dates of the API: UTC days (YYYY-MM-DD) of the reading endpoints, and the browser's decision time in a
// receipt; both must exist in the calendar and fall in a range a consent record can have.
import { memoise } from '../memoise.js';

/** First and last day a date parameter or receipt time may name. */
export const FIRST_DAY = '2000-01-01';
export const LAST_DAY = '2999-12-31';

function calendarDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < FIRST_DAY || day > LAST_DAY) return false;
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/**
 * Whether `day` is a real calendar day (2026-02-30 is not) within FIRST_DAY..LAST_DAY. Every receipt's `ts`
 * names a day, nearly always today's: the answer is kept rather than recomputed.
 */
export const isDay: (day: string) => boolean = memoise(calendarDay, 100);

/** An error message for a bad `from`/`to` pair, or null when both are absent or valid. */
export function badDay(from: string | undefined, to: string | undefined): string | null {
  const range = `a day (YYYY-MM-DD) from ${FIRST_DAY} to ${LAST_DAY}`;
  if (from && !isDay(from)) return `from "${from}" is not ${range}`;
  if (to && !isDay(to)) return `to "${to}" is not ${range}`;
  if (from && to && from > to) return 'from is after to';
  return null;
}

const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * The instant of an ISO 8601 time as the receipt schema shapes it (2026-03-01T10:00:00.000Z, or with an
 * offset), or null when a field is out of range (month 13, 25 h, offset +15:00) or the day is not real.
 */
export function parseIsoTime(value: string): number | null {
  const match = ISO_TIME.exec(value);
  if (!match) return null;
  const [, day, hours, minutes, seconds, sign, offsetHours, offsetMinutes] = match;
  if (!isDay(day!) || Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    return null;
  }
  if (sign && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}

/** The UTC day of a date, YYYY-MM-DD. */
export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);
