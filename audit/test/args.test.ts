// The CLI's arguments, the config patterns, and a guard on the functions the audit runs inside pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs } from '../src/args.js';
import { globMatch } from '../src/declared.js';
import { readDeclarations } from '../src/declared.js';
import { findVisibleBannerButton, hasDecision, callWithdraw, readDecision } from '../src/drive.js';
import { readFrameStorage, listenForCspViolations } from '../src/observe.js';
import { readLinks, announceGpc, pageLang } from '../src/audit-page.js';
import { scrollToEnd } from '../src/page-session.js';

test('parseArgs reads every option and keeps the defaults otherwise', () => {
  const o = parseArgs(['https://example.be/fr/', '--pages', '3', '--lang', 'fr,NL', '--json', '--timeout=9000']);
  assert.equal(o.url, 'https://example.be/fr/');
  assert.equal(o.pages, 3);
  assert.deepEqual(o.langs, ['fr', 'nl']);
  assert.equal(o.json, true);
  assert.equal(o.timeout, 9000);
  assert.deepEqual(o.states, ['fresh', 'refused', 'accepted', 'withdrawn']);
  assert.deepEqual(parseArgs(['http://x.test', '--states', 'fresh,gpc']).states, ['fresh', 'gpc']);
});

test('parseArgs names what is wrong', () => {
  for (const [argv, message] of [
    [[], /URL is required/],
    [['ftp://x.test'], /only http/],
    [['not a url'], /not a URL/],
    [['http://x.test', '--pages', '0'], /--pages/],
    [['http://x.test', '--pages'], /--pages needs a value/],
    [['http://x.test', '--frobnicate'], /unknown option --frobnicate/],
    [['http://x.test', '--states', 'fresh,sleepy'], /unknown state.*sleepy/],
    [['http://x.test', 'http://y.test'], /one URL only/],
  ] as const) {
    assert.throws(() => parseArgs([...argv]), message as RegExp, String(argv));
  }
});

test('globMatch matches whole names with * only', () => {
  assert.ok(globMatch('_pk_id.*', '_pk_id.1.a1b2'));
  assert.ok(globMatch('_ga', '_ga'));
  assert.ok(!globMatch('_ga', '_gat'));
  assert.ok(!globMatch('_pk_id.*', 'x_pk_id.1'));
  assert.ok(globMatch('a+b(c)*', 'a+b(c)d'), 'regex characters are literal');
});

test('pageLang takes <html lang>, else a language segment of the URL', () => {
  assert.equal(pageLang('nl-BE', 'http://x.test/'), 'nl');
  assert.equal(pageLang('', 'http://x.test/de/datenschutz'), 'de');
  assert.equal(pageLang('', 'http://x.test/about'), '');
});

// Puppeteer sends these functions to the page as source text; tsx wraps named inner functions in
// a `__name` helper that exists only in Node, and the page would throw "__name is not defined".
test('functions run inside pages carry no Node-only helper', () => {
  for (const fn of [readDeclarations, findVisibleBannerButton, hasDecision, callWithdraw, readDecision, readFrameStorage, listenForCspViolations, readLinks, announceGpc, scrollToEnd]) {
    assert.doesNotMatch(fn.toString(), /__name|__publicField|__async/, fn.name);
  }
});
