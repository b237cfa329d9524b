// Runs every Node-side test (node:test, TypeScript through tsx): the shared minimisers,
// the collector and the audit. Node 20's --test takes no globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOTS = ['test', 'collector/test', 'audit/test'];

function walk(dir, out = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (isNodeTest(path)) out.push(path);
  }
  return out;
}

// Browser tests live in test/ as *.test.ts; Node tests there are *.node.test.ts.
// Everything under collector/test and audit/test runs in Node.
function isNodeTest(path) {
  if (path.startsWith('test/')) return path.endsWith('.node.test.ts');
  return path.endsWith('.test.ts');
}

const only = process.argv.slice(2);
const files = only.length ? only : ROOTS.flatMap((root) => walk(root)).sort();
if (files.length === 0) {
  console.log('no Node test files');
  process.exit(0);
}
const result = spawnSync(
  process.execPath,
  // garde-source: garde/wire and garde/minimise from src/ (the root package's export condition).
  [
    '--conditions=garde-source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-concurrency=1',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
