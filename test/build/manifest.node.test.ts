// The elements' manifest (custom-elements.json, `npm run analyze`) lists every element, with the
// parts its documentation promises, for editors and documentation tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../custom-elements.json', import.meta.url));

interface Declaration {
  tagName?: string;
  cssParts?: Array<{ name: string }>;
}

test('custom-elements.json lists <garde-notice> with its parts, beside the other elements', () => {
  assert.ok(existsSync(file), 'custom-elements.json is missing: run `npm run analyze`');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    modules: Array<{ declarations?: Declaration[] }>;
  };
  const elements = new Map(
    manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName)
      .map((declaration) => [declaration.tagName!, declaration]),
  );
  for (const tag of [
    'garde-banner',
    'garde-preferences',
    'garde-policy-link',
    'garde-placeholder',
    'garde-notice',
  ])
    assert.ok(elements.has(tag), `${tag} is missing from custom-elements.json`);
  const parts = elements.get('garde-notice')!.cssParts!.map((part) => part.name);
  for (const part of ['base', 'title', 'heading', 'text', 'table', 'button', 'version'])
    assert.ok(parts.includes(part), `<garde-notice> part ${part}`);
});
