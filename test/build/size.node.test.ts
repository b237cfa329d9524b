// The size budget of the drop-in: every byte of dist/garde.js is paid by every visitor of every
// page. Figures for the alternatives are in docs/benchmarks.md (`npm run bench`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';

// gzip -9, as the budget is stated and as the figures of the alternatives were taken. Node's zlib
// compresses this file ~0.7% worse than the gzip tool; it is the fallback where gzip is missing.
// The caps hold today's figures (with ~20 B of room; garde.js's is its target, with none: a byte
// added there must be won back in the same change), so that nothing grows unnoticed. What
// garde.js may still take under its cap shows in every other file's too, so those caps leave room
// for it as well. All three issue-18 targets are met: garde.js 12,422 B (15,000), the page with an
// embed 15,416 (17,000), per language 11,571-11,713 (12,000). The per-language files reached
// theirs when the record-keeping left the first file (dist/garde-records.js: the IndexedDB log,
// the sending, the snapshot of what was shown and the path's reduction, loaded when a receipt
// waits), with the strings that only the dialog, the placeholder and the notice show and garde's
// own storage list (complete-strings.ts, storage-items.ts). Every right still works from the
// first file alone (the banner's own form, the floating button, one decision for every tab, new
// services asked, setLang); what was moved out or trimmed is in docs/architecture.md ("Size
// discipline"). Lower a cap whenever the file gets smaller.
const BUDGET = 15_000; // target 15,000: met; vanilla-cookieconsent is 15,513 with one language.
// A page with an embed loads garde-embed.js too (Orejime is 14,200 B for the same page).
// Held near it: 15,760 today (+84 B with gated templates: garde.js +32, the gate's 56 less 24 saved
// elsewhere; garde-embed.js +52 for their placeholders).
const EMBED_PAGE_BUDGET = 15_800; // target 17,000: met
// A visitor who opens the dialog loads garde-ui.js too, which now brings the dialog's strings.
const DIALOG_BUDGET = 17_000; // target 17,000: met (16,735 today)
// A per-language drop-in (dist/garde.fr.js…), for pages in one language.
const PER_LANGUAGE_BUDGET = 12_000; // target 12,000: met
// The same pages with a per-language drop-in, which loads its on-demand files in its one language
// (dist/garde-embed.fr.js, dist/garde-ui.fr.js: rollup.config.mjs). Held near today's figures
// (fr, the largest: 14,319 and 15,313, against 15,760 and 16,765 with the four-language files).
const PER_LANGUAGE_EMBED_PAGE_BUDGET = 14_350;
const PER_LANGUAGE_DIALOG_BUDGET = 15_350;
const file = fileURLToPath(new URL('../../dist/garde.js', import.meta.url));

function gzip9(path: string): { bytes: number; tool: string } {
  try {
    return { bytes: execFileSync('gzip', ['-9', '-n', '-c', path]).length, tool: 'gzip -9' };
  } catch {
    return {
      bytes: gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION }).length,
      tool: 'zlib level 9',
    };
  }
}

test('dist/garde.js, with all four languages, stays within its gzip budget', () => {
  assert.ok(
    existsSync(file),
    'dist/garde.js is missing: run `npm run build` (npm test does it first)',
  );
  const { bytes, tool } = gzip9(file);
  console.log(
    `dist/garde.js: ${readFileSync(file).length} B raw, ${bytes} B by ${tool} (budget ${BUDGET})`,
  );
  assert.ok(bytes <= BUDGET, `dist/garde.js is ${bytes} B by ${tool}, over the ${BUDGET} B budget`);
});

test('a page with an embed (garde.js + garde-embed.js), and with the dialog (garde.js + garde-ui.js), stay within their gzip budgets', () => {
  // Only a page with a blocked embed downloads garde-embed.js (the placeholder), and only a visitor
  // who opens the dialog garde-ui.js; both render with garde.js's lit-html (ui-kit.ts).
  const [embed, dialog] = ['garde-embed.js', 'garde-ui.js'].map((name) => {
    const path = fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
    assert.ok(existsSync(path), `dist/${name} is missing: run \`npm run build\``);
    const { bytes, tool } = gzip9(path);
    console.log(`dist/${name}: ${readFileSync(path).length} B raw, ${bytes} B by ${tool}`);
    return bytes;
  });
  const total = gzip9(file).bytes + embed!;
  console.log(`dist/garde.js + dist/garde-embed.js: ${total} B (budget ${EMBED_PAGE_BUDGET})`);
  assert.ok(
    total <= EMBED_PAGE_BUDGET,
    `a page with an embed downloads ${total} B, over the ${EMBED_PAGE_BUDGET} B budget`,
  );
  const withDialog = gzip9(file).bytes + dialog!;
  console.log(`dist/garde.js + dist/garde-ui.js: ${withDialog} B (budget ${DIALOG_BUDGET})`);
  assert.ok(
    withDialog <= DIALOG_BUDGET,
    `a visitor who opens the dialog downloads ${withDialog} B, over the ${DIALOG_BUDGET} B budget`,
  );
});

for (const lang of ['fr', 'nl', 'de', 'en'])
  test(`dist/garde.${lang}.js, with one language, stays within its gzip budget`, () => {
    const drop = fileURLToPath(new URL(`../../dist/garde.${lang}.js`, import.meta.url));
    assert.ok(existsSync(drop), `dist/garde.${lang}.js is missing: run \`npm run build\``);
    const { bytes, tool } = gzip9(drop);
    console.log(`dist/garde.${lang}.js: ${bytes} B by ${tool} (budget ${PER_LANGUAGE_BUDGET})`);
    assert.ok(
      bytes <= PER_LANGUAGE_BUDGET,
      `dist/garde.${lang}.js is ${bytes} B by ${tool}, over the ${PER_LANGUAGE_BUDGET} B budget`,
    );
  });

for (const lang of ['fr', 'nl', 'de', 'en'])
  test(`dist/garde.${lang}.js with its embed's or its dialog's file in ${lang} stays within its gzip budget`, () => {
    const bytes = (name: string) => {
      const path = fileURLToPath(new URL(`../../dist/${name}`, import.meta.url));
      assert.ok(existsSync(path), `dist/${name} is missing: run \`npm run build\``);
      return gzip9(path).bytes;
    };
    const first = bytes(`garde.${lang}.js`);
    for (const [name, budget] of [
      [`garde-embed.${lang}.js`, PER_LANGUAGE_EMBED_PAGE_BUDGET],
      [`garde-ui.${lang}.js`, PER_LANGUAGE_DIALOG_BUDGET],
    ] as const) {
      const total = first + bytes(name);
      console.log(`dist/garde.${lang}.js + dist/${name}: ${total} B (budget ${budget})`);
      assert.ok(total <= budget, `garde.${lang}.js + ${name} is ${total} B, over ${budget} B`);
    }
  });

test('dist/garde.js is self-contained: no import, require or eval', () => {
  const code = readFileSync(file, 'utf8');
  assert.doesNotMatch(
    code,
    /\bimport\s*\(|^import\s|\brequire\(/m,
    'the drop-in must not load modules at run time',
  );
  assert.doesNotMatch(code, /\beval\(|new Function\(/, 'no eval in the drop-in (strict CSP)');
});

test('dist/garde.js leaves the record-keeping to dist/garde-records.js', () => {
  // IndexedDB, the snapshot of what was shown and its hash are loaded only when a receipt waits
  // (src/core/records.script.ts); the first file keeps the receipt in localStorage.
  const records = readFileSync(
    fileURLToPath(new URL('../../dist/garde-records.js', import.meta.url)),
    'utf8',
  );
  for (const [name, code] of [
    ['dist/garde.js', readFileSync(file, 'utf8')],
    ['dist/garde.fr.js', readFileSync(file.replace(/garde\.js$/, 'garde.fr.js'), 'utf8')],
  ] as const) {
    assert.match(code, /garde\.receipt\./, `${name} keeps each receipt at once`);
    for (const moved of [/indexedDB/, /SHA-256/, /localStorage \/ sessionStorage/])
      assert.doesNotMatch(code, moved, `${name} holds ${moved}`);
  }
  for (const moved of [/indexedDB/, /SHA-256/, /localStorage \/ sessionStorage/])
    assert.match(records, moved);
});

test("dist/garde.js leaves the config errors' wording to dist/garde-config.js", () => {
  // A valid config never pays for it (src/core/config-report.script.ts); the ESM build keeps it.
  const code = readFileSync(file, 'utf8');
  assert.doesNotMatch(code, /a whole number of days from 1 to 400/);
  const wording = readFileSync(
    fileURLToPath(new URL('../../dist/garde-config.js', import.meta.url)),
    'utf8',
  );
  assert.match(wording, /a whole number of days from 1 to 400/);
});
