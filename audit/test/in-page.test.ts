// The functions the audit sends into pages, and the page language it derives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDeclarations } from '../src/declared.js';
import { findVisibleBannerButton, hasDecision, callWithdraw, readDecision } from '../src/drive.js';
import { readFrameStorage, listenForCspViolations } from '../src/observe.js';
import { readLinks, announceGpc, pageLang } from '../src/audit-page.js';
import { scrollToEnd } from '../src/page-session.js';

test('pageLang takes <html lang>, else a language segment of the URL', () => {
  assert.equal(pageLang('nl-BE', 'http://x.test/'), 'nl');
  assert.equal(pageLang('', 'http://x.test/de/datenschutz'), 'de');
  assert.equal(pageLang('', 'http://x.test/about'), '');
});

// Puppeteer sends these functions to the page as source text; tsx wraps named inner functions in
// a `__name` helper that exists only in Node, and the page would throw "__name is not defined".
test('functions run inside pages carry no Node-only helper', () => {
  for (const fn of [
    readDeclarations,
    findVisibleBannerButton,
    hasDecision,
    callWithdraw,
    readDecision,
    readFrameStorage,
    listenForCspViolations,
    readLinks,
    announceGpc,
    scrollToEnd,
  ]) {
    assert.doesNotMatch(fn.toString(), /__name|__publicField|__async/, fn.name);
  }
});
