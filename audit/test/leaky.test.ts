// A page with one tracker that garde does not gate: the audit must catch it before consent and
// name it, while the gated tracker next to it stays quiet.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'puppeteer-core';
import { launchBrowser, runAudit } from '../src/audit.js';
import { serveFixtures } from './helpers/sites.js';
import type { Served } from './helpers/serve.js';
import type { AuditReport, JudgedItem } from '../src/types.js';

let browser: Browser;
let site: Served;
let report: AuditReport;

before(async () => {
  [browser, site] = await Promise.all([launchBrowser(), serveFixtures()]);
  report = await runAudit(
    {
      url: `${site.origin}/leaky.html`,
      pages: 1,
      langs: [],
      states: ['fresh', 'refused', 'accepted', 'withdrawn'],
      timeout: 15000,
    },
    browser,
  );
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const inState = (state: string): JudgedItem[] =>
  report.pages[0]!.states.find((s) => s.state === state)?.items ?? [];

test('the ungated cookie and pixel are leaks from the first view on', () => {
  assert.equal(report.pages.length, 1);
  const fresh = inState('fresh');
  const cookie = fresh.find((i) => i.kind === 'cookie' && i.name === '_leak_uid');
  assert.ok(cookie, 'the tracker cookie is reported');
  assert.equal(cookie.leak, true);
  assert.deepEqual(cookie.verdict, { declared: false });
  const pixel = fresh.find((i) => i.kind === 'request' && i.name.endsWith('/pixel.gif'));
  assert.ok(pixel?.leak, 'the pixel to another origin is a leak');
  assert.ok(report.leaks >= 2);
});

test('the leak is flagged after refusal too, and only undeclared things are', () => {
  assert.ok(inState('refused').some((i) => i.name === '_leak_uid' && i.leak));
  for (const state of ['fresh', 'refused']) {
    const leaks = inState(state).filter((i) => i.leak);
    assert.ok(
      leaks.every((i) => i.name === '_leak_uid' || i.name.endsWith('/pixel.gif')),
      `${state}: ${JSON.stringify(leaks)}`,
    );
  }
});

test('the gated tracker runs only after acceptance, and is declared', () => {
  for (const state of ['fresh', 'refused'])
    assert.ok(!inState(state).some((i) => i.name.startsWith('_pk_')), state);
  const pk = inState('accepted').find((i) => i.kind === 'cookie' && i.name.startsWith('_pk_id.'));
  assert.ok(pk, 'the gated tracker set its cookie after acceptance');
  assert.deepEqual(pk.verdict, { declared: true, category: 'analytics', by: 'service matomo' });
  assert.equal(pk.leak, false);
});

test('the video in a gated template loads only after acceptance, and is declared', () => {
  const video = (state: string) =>
    inState(state).find((i) => i.kind === 'request' && i.name.endsWith('/video.html'));
  for (const state of ['fresh', 'refused']) assert.equal(video(state), undefined, state);
  assert.deepEqual(video('accepted')?.verdict, {
    declared: true,
    category: 'marketing',
    by: 'gated /video.html',
  });
});

test('withdrawal erases what the gated tracker stored', () => {
  assert.deepEqual(
    inState('withdrawn').filter((i) => i.name.startsWith('_pk_')),
    [],
  );
});

test('no page error', () => {
  for (const s of report.pages[0]!.states) assert.deepEqual(s.problems, [], s.state);
});
