// garde-audit as a site owner runs it: a child process, a table on stdout, progress on stderr,
// and an exit code that a CI can act on.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO, type Served } from './helpers/serve.js';
import { serveDemo, serveFixtures } from './helpers/sites.js';

const BIN = join(REPO, 'audit/bin/garde-audit.js');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

let demo: Served;
let fixtures: Served;
before(async () => {
  [demo, fixtures] = await Promise.all([serveDemo(), serveFixtures()]);
});
after(async () => {
  await demo?.close();
  await fixtures?.close();
});

test('usage errors exit 2 with the usage text', async () => {
  const r = await run(['--pages', 'many']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--pages must be a whole number/);
  assert.match(r.stderr, /Usage: garde-audit <url>/);
});

test('a site that cannot be reached is a failed audit, not a clean one', async () => {
  const gone = await serveFixtures();
  const url = `${gone.origin}/`;
  await gone.close();
  const r = await run([url, '--timeout', '5000']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /could not audit the page: net::ERR_CONNECTION_REFUSED/);
});

test('the demo: exit 0, a table and a clean verdict', async () => {
  const r = await run([`${demo.origin}/`, '--pages', '1', '--lang', 'fr,nl,de,en']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /state\s+kind\s+name\s+where\s+declared as\s+verdict/);
  assert.match(r.stdout, /No leak on \d+ page\(s\)/);
  for (const lang of ['fr', 'nl', 'de', 'en'])
    assert.match(r.stdout, new RegExp(`/${lang}/  \\[${lang}\\]`), lang);
  assert.doesNotMatch(r.stdout, /LEAK/);
  assert.match(r.stderr, /visiting http:\/\/127\.0\.0\.1:\d+\//, 'progress on stderr');
});

test('the planted tracker: exit 1, the cookie named, and JSON on request', async () => {
  const r = await run([`${fixtures.origin}/leaky.html`, '--pages', '1', '--states', 'fresh']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /fresh\s+cookie\s+_leak_uid\s+127\.0\.0\.1\s+not declared\s+LEAK/);
  assert.match(r.stdout, /leak\(s\) on 1 page/);
  const j = await run([
    `${fixtures.origin}/leaky.html`,
    '--pages',
    '1',
    '--states',
    'fresh',
    '--json',
  ]);
  assert.equal(j.code, 1);
  const report = JSON.parse(j.stdout) as {
    leaks: number;
    pages: Array<{ states: Array<{ items: Array<{ name: string; leak: boolean }> }> }>;
  };
  assert.ok(report.leaks >= 2);
  assert.ok(report.pages[0]!.states[0]!.items.some((i) => i.name === '_leak_uid' && i.leak));
});

test("--strict: exit 1, garde's anonymous hit named as the leak", async () => {
  const r = await run([`${demo.origin}/en/`, '--pages', '1', '--states', 'fresh', '--strict']);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /fresh\s+request\s+http:\/\/127\.0\.0\.1:\d+\/collect\s+\S+\s+analytics \(anonymous measurement before consent\)\s+LEAK/,
  );
  assert.match(r.stdout, /^1 leak\(s\) on 1 page\(s\)/m);
});

test('without --strict: the same hit listed as anonymous measurement, exit 0', async () => {
  const r = await run([`${demo.origin}/en/`, '--pages', '1', '--states', 'fresh']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(
    r.stdout,
    /fresh\s+request\s+http:\/\/127\.0\.0\.1:\d+\/collect\s+\S+\s+analytics \(anonymous measurement before consent\)\s+ok/,
  );
  assert.match(r.stdout, /No leak on 1 page\(s\)/);
  assert.match(r.stdout, /1 anonymous measurement request\(s\).*a leak with --strict/);
});

test('an unknown option is a usage error naming it', async () => {
  const r = await run([`${demo.origin}/en/`, '--strcit']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /garde-audit: unknown option --strcit/);
});
