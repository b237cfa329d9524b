// The terminal table a site owner reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport } from '../src/report.js';
import { summarise } from '../src/audit.js';

test('one block per page, LEAK marked, problems and missing languages listed, a closing verdict', () => {
  const report = summarise(
    'https://x.test/',
    [
      {
        url: 'https://x.test/fr/',
        lang: 'fr',
        garde: true,
        states: [
          {
            state: 'fresh',
            items: [
              {
                kind: 'cookie',
                name: '_ga',
                where: '.x.test',
                verdict: { declared: false },
                leak: true,
              },
            ],
            problems: ['uncaught error: boom'],
          },
          { state: 'refused', items: [], problems: [] },
        ],
      },
    ],
    ['de'],
  );
  assert.equal(report.leaks, 1);
  assert.equal(report.problems, 2, 'the page error and the missing language');
  const text = formatReport(report);
  assert.match(text, /https:\/\/x\.test\/fr\/ {2}\[fr\]/);
  assert.match(text, /fresh\s+cookie\s+_ga\s+\.x\.test\s+not declared\s+LEAK/);
  assert.match(text, /refused\s+-\s+\(nothing\)\s+ok/);
  assert.match(text, /! fresh: uncaught error: boom/);
  assert.match(text, /! no page found in language "de"/);
  assert.match(text, /^1 leak\(s\) on 1 page\(s\)/m);
});

test('a clean audit says so, and an empty one is a problem', () => {
  assert.match(
    formatReport(
      summarise('https://x.test/', [
        {
          url: 'https://x.test/',
          lang: 'en',
          garde: true,
          states: [{ state: 'fresh', items: [], problems: [] }],
        },
      ]),
    ),
    /No leak on 1 page\(s\)/,
  );
  const empty = summarise('https://x.test/', []);
  assert.equal(empty.problems, 1);
  assert.match(formatReport(empty), /no page could be audited/);
});

test("garde's anonymous hit is listed as analytics, allowed by default and a leak with --strict", () => {
  const page = (strict: boolean) => ({
    url: 'https://x.test/fr/',
    lang: 'fr',
    garde: true,
    states: [
      {
        state: 'fresh' as const,
        items: [
          {
            kind: 'request' as const,
            name: 'https://x.test/collect',
            where: 'x.test',
            verdict: { declared: true as const, category: 'analytics', by: 'garde analytics' },
            leak: strict,
            note: 'anonymous measurement before consent',
          },
        ],
        problems: [],
      },
    ],
  });
  const row =
    /fresh\s+request\s+https:\/\/x\.test\/collect\s+x\.test\s+analytics \(anonymous measurement before consent\)\s+/;
  const lenient = formatReport(summarise('https://x.test/', [page(false)]));
  assert.match(lenient, new RegExp(row.source + 'ok'));
  assert.match(lenient, /No leak on 1 page/);
  assert.match(lenient, /1 anonymous measurement request\(s\).*a leak with --strict/);
  const strict = formatReport(summarise('https://x.test/', [page(true)], [], true));
  assert.match(strict, new RegExp(row.source + 'LEAK'));
  assert.match(strict, /^1 leak\(s\) on 1 page/m);
});
