import type { Translation } from './translation.js';

/**
 * `count` days in the language of `strings` ("182 jours"), word for word what
 * `new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' })` writes for a
 * whole number under 1,000 (every whole `cookie.days`, at most 400: no digit grouping), without
 * its cost: the page's first number format loads ICU's number data, 80 to 150 ms of one task on a
 * phone (4x CPU throttling). The singular is CLDR's "one", which for a whole number of days from 1
 * is 1 alone in all four languages (French's also has 0, which the config refuses).
 */
export const formatDays = (count: number, strings: Pick<Translation, 'oneDay' | 'days'>): string =>
  count === 1 ? strings.oneDay : strings.days.replace('{n}', String(count));
