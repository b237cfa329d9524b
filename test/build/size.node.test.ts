// The size budget of the drop-in: every byte of dist/garde.js is paid by every visitor of every
// page. Figures for the alternatives are in docs/benchmarks.md (`npm run bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';

const BUDGET = 15_000; // bytes, gzip -9: vanilla-cookieconsent is 15,513 with one language; garde ships four.
const file = new URL('../../dist/garde.js', import.meta.url);

test('dist/garde.js, with all four languages, stays within its gzip budget', () => {
  assert.ok(existsSync(file), 'dist/garde.js is missing: run `npm run build` (npm test does it first)');
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: constants.Z_BEST_COMPRESSION }).length;
  console.log(`dist/garde.js: ${raw.length} B raw, ${gzip} B gzip -9 (budget ${BUDGET})`);
  assert.ok(gzip <= BUDGET, `dist/garde.js is ${gzip} B gzip, over the ${BUDGET} B budget`);
});

test('dist/garde.js is self-contained: no import, require or eval', () => {
  const code = readFileSync(file, 'utf8');
  assert.doesNotMatch(code, /\bimport\s*\(|^import\s|\brequire\(/m, 'the drop-in must not load modules at run time');
  assert.doesNotMatch(code, /\beval\(|new Function\(/, 'no eval in the drop-in (strict CSP)');
});
