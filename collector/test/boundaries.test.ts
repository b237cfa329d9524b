// The collector, started from its CLI and sent a receipt and a hit, loads nothing of the browser
// package but the wire contract and the minimisers: the run-time side of the lint's import rules.
// Every resolved module is recorded by a resolve hook (fixtures/record-modules.mjs).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hit, receipt, tempDir } from './helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/garde-collector.js', import.meta.url));
const RECORDER = fileURLToPath(new URL('./fixtures/record-modules.mjs', import.meta.url));

/** What the collector may load of the browser package (paths from the repository root). */
const ALLOWED = /^src\/(wire\.ts|wire\/[\w-]+\.ts|minimise\/[\w-]+\.ts)$/;

/** Runs the CLI until it has answered one receipt and one hit; returns the root-relative paths it loaded. */
async function loadedModules(): Promise<string[]> {
  const tmp = tempDir();
  const log = join(tmp.dir, 'modules.txt');
  const child = spawn(
    process.execPath,
    [
      '--import',
      RECORDER,
      BIN,
      '--port',
      '0',
      '--rate-limit',
      '0',
      '--db',
      join(tmp.dir, 'b.sqlite'),
    ],
    { env: { ...process.env, GARDE_RECORD_MODULES: log }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const onData = (chunk: Buffer) => {
        out += chunk.toString();
        const match = /garde-collector listening on (http:\/\/[^"\s]+)/.exec(out);
        if (match) resolve(match[1]!);
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`collector exited with ${code}: ${out}`)));
    });
    const post = (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Accepted, so each body went through its schema and the hit through the minimisers.
    for (const res of [await post('/consent', receipt()), await post('/collect', hit())])
      assert.ok(res.ok, `${res.url} answered ${res.status}`);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  const urls = readFileSync(log, 'utf8').split('\n');
  tmp.remove();
  return [
    ...new Set(
      urls.filter((u) => u.startsWith('file:')).map((u) => relative(ROOT, fileURLToPath(u))),
    ),
  ];
}

describe('collector boundaries at run time', () => {
  it('loads the wire contract and the minimisers from src/, and no other browser code', async () => {
    const loaded = await loadedModules();
    const browser = loaded.filter((path) => path.startsWith('src/') || path.startsWith('dist/'));
    // Through the package's exports and the garde-source condition: the source, not a build.
    assert.ok(browser.includes('src/wire.ts'), `garde/wire not loaded from src: ${browser}`);
    assert.ok(browser.includes('src/minimise/index.ts'), `garde/minimise not loaded: ${browser}`);
    assert.deepEqual(
      browser.filter((path) => !ALLOWED.test(path)),
      [],
      'browser code loaded by the collector',
    );
  });
});
