// `garde-audit config FILE` as a site's CI runs it: a child process, the messages on stdout, and
// exit 0 (valid), 1 (an error) or 2 (no config to read). No browser.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers/serve.js';

const BIN = join(REPO, 'audit/bin/garde-audit.js');
let dir: string;

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'config', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const GOOD = {
  policy: { url: '/privacy', version: '2026-01' },
  categories: { analytics: { label: 'Audience', description: 'Counting visits' } },
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'garde-config-'));
  writeFileSync(join(dir, 'good.json'), JSON.stringify(GOOD));
  writeFileSync(
    join(dir, 'bad.json'),
    JSON.stringify({ policy: { url: '/privacy' }, gpc: 'maybe', categorys: {} }),
  );
  writeFileSync(join(dir, 'broken.json'), '{ "policy": ');
  writeFileSync(join(dir, 'config.mjs'), `export default ${JSON.stringify(GOOD)};`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a good config: exit 0', async () => {
  const r = await run([join(dir, 'good.json')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /good\.json: valid \(0 warning\(s\)\)/);
});

test('a bad config: each message, exit 1', async () => {
  const r = await run([join(dir, 'bad.json')]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^error: garde: config\.policy\.version: expected a text/m);
  assert.match(r.stdout, /^error: garde: config\.gpc: expected "refuse" or "ignore"/m);
  assert.match(r.stdout, /^warning: garde: config\.categorys is unknown/m);
  assert.match(r.stdout, /bad\.json: 2 error\(s\), 1 warning\(s\)/);
});

test('the config of a built page (#garde-config) and of a module', async () => {
  assert.equal((await run([join(REPO, 'demo/fr/index.html')])).code, 0);
  assert.equal((await run([join(dir, 'config.mjs')])).code, 0);
});

test('no config to read: exit 2 and why', async () => {
  const broken = await run([join(dir, 'broken.json')]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.json: not JSON/);
  assert.equal((await run([join(dir, 'missing.json')])).code, 2);
  const usage = await run([]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Usage: garde-audit config FILE/);
});
