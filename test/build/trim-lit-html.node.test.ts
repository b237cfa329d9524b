// The drop-ins' lit-html lacks what garde's templates never use (scripts/trim-lit-html.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error: a build script, plain JavaScript without types
import { checkTrimmedTemplate, trimLitHtml } from '../../scripts/trim-lit-html.mjs';

/** The plugin's transform, with rollup's `this.error` throwing as rollup's does. */
const transform = (code: string, id: string): { code: string } | null =>
  trimLitHtml().transform.call(
    {
      error: (message: string) => {
        throw new Error(message);
      },
    },
    code,
    id,
  );

test("every cut matches the installed lit-html, and a directive's module is refused", () => {
  const id = fileURLToPath(new URL('../../node_modules/lit-html/lit-html.js', import.meta.url));
  const source = readFileSync(id, 'utf8');
  const trimmed = transform(source, id)!.code;
  assert.ok(trimmed.length < source.length - 1500, 'the cuts took out what they should');
  assert.doesNotMatch(trimmed, /_\$litDirective\$|litHtmlPolyfillSupport|<svg>/);
  // A cut that no longer matches stops the build rather than shipping a half-trimmed lit-html.
  assert.throws(
    () => transform(source.replace('litHtmlVersions', 'versions'), id),
    /found 0 times/,
  );
  const directive = id.replace(/lit-html\.js$/, 'directive.js');
  assert.throws(() => transform('export {}', directive), /a directive needs the whole lit-html/);
  assert.equal(transform('export {}', '/src/core/store.ts'), null);
});

test('a template with a comment, a raw-text, svg or math element is refused by the build', () => {
  for (const text of [
    '<style>p{}</style>',
    '<svg viewBox="0 0 1 1">',
    '<TEXTAREA>',
    '<math>',
    '<!-- x -->',
  ])
    assert.match(String(checkTrimmedTemplate(text)), /whole lit-html/, text);
  for (const text of ['<section part=base>', '<button part="button settings">', '<p>styled</p>'])
    assert.equal(checkTrimmedTemplate(text), null, text);
});

test("dist/garde.js carries no directive machinery nor Lit's polyfill hooks", () => {
  const file = fileURLToPath(new URL('../../dist/garde.js', import.meta.url));
  assert.ok(existsSync(file), 'dist/garde.js is missing: run `npm run build`');
  const code = readFileSync(file, 'utf8');
  assert.doesNotMatch(code, /litHtmlPolyfillSupport|litHtmlVersions|<svg>|creationScope/);
  // lit-html itself is there: its trusted-types policy and template check are kept.
  assert.match(code, /createPolicy\("lit-html"/);
  assert.match(code, /hasOwnProperty\("raw"\)\)throw Error\(\)/);
});
