// `garde/minimise` is shared with the collector, which runs on Node: its built modules may import
// one another and the wire contract (dist/esm/wire.js), and nothing else of garde (no core, no
// UI, no browser code). This walks the import graph from the built file of every source in
// src/minimise/ (outputs left in dist by an older build, with no source, are not shipped from
// this tree), then loads the barrel in Node, where a DOM access at module load would throw.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = fileURLToPath(new URL('../../dist/esm/', import.meta.url));
const sources = fileURLToPath(new URL('../../src/minimise/', import.meta.url));
const minimise = join(dist, 'minimise');
// Packages the collector installs anyway; anything else bare would be a new server dependency.
const ALLOWED_PACKAGES = ['ipaddr.js'];

/** Every module specifier a built ES module imports or re-exports, static or dynamic. */
function specifiers(code: string): string[] {
  const pattern =
    /\b(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...code.matchAll(pattern)].map((match) => (match[1] ?? match[2])!);
}

/** Whether a built file is one minimise may reach: its own modules, or the wire contract. */
const allowedTarget = (path: string): boolean => {
  const inDist = relative(dist, path);
  return (
    inDist === 'wire.js' ||
    ((inDist.startsWith('minimise/') || inDist.startsWith('wire/')) && !inDist.includes('..'))
  );
};

test('dist/esm/minimise imports only minimise modules, the wire contract and ipaddr.js', () => {
  assert.ok(
    existsSync(join(minimise, 'index.js')),
    'dist/esm/minimise/index.js is missing: run `npx rollup -c` first (npm test does)',
  );
  const queue = readdirSync(sources)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(minimise, name.replace(/\.ts$/, '.js')));
  const seen = new Set<string>();
  const problems: string[] = [];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      const from = relative(dist, file);
      if (!specifier.startsWith('.')) {
        if (!ALLOWED_PACKAGES.includes(specifier)) problems.push(`${from} imports ${specifier}`);
        continue;
      }
      const target = resolve(dirname(file), specifier);
      if (!allowedTarget(target)) problems.push(`${from} imports ${relative(dist, target)}`);
      else if (!existsSync(target)) problems.push(`${from} imports ${specifier}, not built`);
      else queue.push(target);
    }
  }
  assert.ok(seen.size >= 6, `only ${seen.size} modules reached: is the build complete?`);
  assert.deepEqual(problems, [], 'garde/minimise reaches beyond itself:\n' + problems.join('\n'));
});

test('the boundary check sees an import of core (control)', () => {
  const outside = resolve(minimise, '../core/post.js');
  assert.equal(allowedTarget(outside), false);
  assert.equal(allowedTarget(resolve(minimise, '../wire.js')), true);
  assert.equal(allowedTarget(resolve(minimise, './path.js')), true);
  assert.deepEqual(specifiers(`import { post } from '../core/post.js';`), ['../core/post.js']);
});

test('the minimise barrel loads in Node (no DOM at module load) and exports the shared functions', async () => {
  const barrel = await import(pathToFileURL(join(minimise, 'index.js')).href);
  for (const name of ['anonymiseIp', 'reduceUserAgent', 'reducePath', 'referrerDomain', 'vwBucket'])
    assert.equal(typeof barrel[name], 'function', name);
  assert.equal(
    barrel.createTracker,
    undefined,
    'the browser tracker is not part of garde/minimise',
  );
  assert.equal(barrel.vwBucket(800), 768);
});
