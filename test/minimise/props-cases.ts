// track() props and what sanitiseProps keeps (and reports as dropped); run in Node and Chromium.
import type { TrackProps } from '../../src/core/types.js';

const many = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`k${i}`, i]));

export const PROPS_CASES: {
  name: string;
  props: unknown;
  expected: TrackProps | undefined;
  dropped: string[];
}[] = [
  {
    name: 'short strings, finite numbers and booleans are kept',
    props: { form: 'remboursement', step: 3, done: true, ratio: 0.5 },
    expected: { form: 'remboursement', step: 3, done: true, ratio: 0.5 },
    dropped: [],
  },
  {
    name: 'e-mail addresses and long numbers are dropped',
    props: { form: 'contact', email: 'jan@example.be', niss: '85.07.31-123.45', phone: 470123456 },
    expected: { form: 'contact' },
    dropped: ['email', 'niss', 'phone'],
  },
  {
    name: 'long strings are dropped, not cut',
    props: { ok: 'x'.repeat(100), long: 'x'.repeat(101) },
    expected: { ok: 'x'.repeat(100) },
    dropped: ['long'],
  },
  {
    name: 'non-finite numbers, objects, arrays, null and functions are dropped',
    props: { a: NaN, b: Infinity, c: { d: 1 }, e: [1], f: null, g: () => 1, h: undefined },
    expected: undefined,
    dropped: ['a', 'b', 'c', 'e', 'f', 'g', 'h'],
  },
  {
    name: 'a key that is itself personal is dropped',
    props: { 'jan@example.be': true, fine: 1 },
    expected: { fine: 1 },
    dropped: ['jan@example.be'],
  },
  {
    name: 'at most 20 keys',
    props: many,
    expected: Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i])),
    dropped: ['k20', 'k21', 'k22', 'k23', 'k24'],
  },
  { name: 'no props', props: undefined, expected: undefined, dropped: [] },
  { name: 'a string instead of props', props: 'jan@example.be', expected: undefined, dropped: [] },
];
