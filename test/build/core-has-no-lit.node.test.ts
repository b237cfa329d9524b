// The headless core (package export "garde/core") must stay usable without Lit and without the
// UI: this walks every module dist/esm/core/index.js reaches, and every file of dist/esm/core,
// and checks what each one imports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/esm/', import.meta.url));
const core = join(dist, 'core');
const FORBIDDEN_BARE = /^(lit|lit-html|lit-element|@lit\/|@lit-labs\/)/;
const FORBIDDEN_LOCAL = /^(components|controllers|i18n|define\.js|garde\.js|index\.js)/;

/** Every module specifier a built ES module imports or re-exports, static or dynamic. */
function specifiers(code: string): string[] {
  const re =
    /\b(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...code.matchAll(re)].map((m) => (m[1] ?? m[2])!);
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (name.endsWith('.js')) out.push(path);
  }
  return out;
}

test('the specifier scanner sees the import forms rollup writes', () => {
  const code = `import { a } from './a.js';\nimport'./side.js';\nexport { b } from "../b.js";\nexport * from './c.js';\nconst d = import('lit');\nimport {\n  e,\n  f\n} from 'idb-keyval';`;
  assert.deepEqual(specifiers(code), [
    './a.js',
    './side.js',
    '../b.js',
    './c.js',
    'lit',
    'idb-keyval',
  ]);
});

test('dist/esm/core never imports lit, the components, the controllers or the translations', () => {
  assert.ok(
    existsSync(join(core, 'index.js')),
    'dist/esm/core/index.js is missing: run `npm run build` first (npm test does)',
  );
  const files = walk(core);
  const seen = new Set<string>();
  const queue = [...files];
  const problems: string[] = [];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const from = relative(dist, file);
      if (!spec.startsWith('.')) {
        if (FORBIDDEN_BARE.test(spec)) problems.push(`${from} imports ${spec}`);
        continue;
      }
      const target = resolve(dirname(file), spec);
      const rel = relative(dist, target);
      if (FORBIDDEN_LOCAL.test(rel)) problems.push(`${from} imports ${rel}`);
      else if (!existsSync(target))
        problems.push(`${from} imports ${spec}, which is not in dist/esm`);
      else queue.push(target);
    }
  }
  assert.ok(
    files.length >= 10,
    `only ${files.length} modules in dist/esm/core: is the build complete?`,
  );
  assert.deepEqual(problems, [], 'the headless core reaches UI code:\n' + problems.join('\n'));
  console.log(`checked ${seen.size} modules reachable from dist/esm/core`);
});
