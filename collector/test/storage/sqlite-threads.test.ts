// The SQLite storage's threads (the writer, the checkpointer) never keep a process alive on their own: a
// process that opened a database file and ends without close() exits. (The checkpointer once did: a
// 'message' listener added after unref() referenced it again, and such a process never ended.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tempDir } from '../helpers.js';

const loaders = fileURLToPath(new URL('../../src/loaders.js', import.meta.url));
const sqlite = new URL('../../src/storage/sqlite.ts', import.meta.url).href;

describe('SQLite storage threads', () => {
  it('let a process that never closed its storage exit', async () => {
    const tmp = tempDir();
    try {
      const file = join(tmp.dir, 'left-open.sqlite');
      const script = `
        const { openSqlite } = await import(${JSON.stringify(sqlite)});
        const storage = await openSqlite(${JSON.stringify(file)});
        await storage.insertSnapshot({ hash: 'a'.repeat(64), lang: 'fr', v: '0.1.0',
          policyVersion: '1', content: '{}', storedAt: '2026-01-01T00:00:00.000Z' });
        console.log('stored');`;
      const entry = join(tmp.dir, 'left-open.mjs');
      writeFileSync(entry, script);
      // The timeout only bounds a failure: the test waits for the child to end.
      const result = await new Promise<{ code: number | null; signal: string | null; out: string }>(
        (resolve) => {
          const child = execFile(
            process.execPath,
            ['--import', pathToFileURL(loaders).href, entry],
            { timeout: 60_000 },
            (_error, stdout, stderr) =>
              resolve({ code: child.exitCode, signal: child.signalCode, out: stdout + stderr }),
          );
        },
      );
      assert.equal(result.signal, null, `still running after 60 s: ${result.out}`);
      assert.equal(result.code, 0, result.out);
      assert.match(result.out, /stored/);
    } finally {
      tmp.remove();
    }
  });
});
