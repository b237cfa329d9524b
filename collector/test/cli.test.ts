// The real command in a child process: options errors, and the durability promise under kill -9.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openPostgres } from '../src/storage/postgres.js';
import { openSqlite } from '../src/storage/sqlite.js';
import { PG_SKIP, PG_URL, TOKEN, receipt, stored, tempDir } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/garde-collector.js', import.meta.url));

/**
 * Why the collector cannot be run as `nobody` here, or false: it needs root (to switch user), and
 * a checkout that nobody may read (a clone in a private temporary folder is not).
 */
function cannotRunAsNobody(): string | false {
  if (process.getuid?.() !== 0) return 'needs root to run the collector as another user';
  const probe = spawnSync(
    process.execPath,
    ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`],
    {
      uid: 65534,
      gid: 65534,
    },
  );
  return probe.status === 0 ? false : `user nobody cannot read ${BIN} in this checkout`;
}

/** Starts the CLI on a free port; resolves with its base URL once it listens. */
function start(
  args: string[],
): Promise<{ child: ChildProcess; url: string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--rate-limit', '0', ...args], {
    env: { ...process.env, GARDE_ADMIN_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Listened to from the start: the exit may come before anyone awaits it.
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /garde-collector listening on (http:\/\/[^"\s]+)/.exec(out);
      if (match) resolve({ child, url: match[1]!, exit });
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`collector exited with ${code}: ${out}`)));
  });
}

describe('garde-collector CLI', () => {
  it('prints its help, and exits with code 2 and a clear message on a bad option', () => {
    const help = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--retention-records-days/);
    const bad = spawnSync(process.execPath, [BIN, '--port', 'eighty'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port must be a whole number/);
  });

  it('refuses to start with a short admin token or one holding whitespace (exit 2, clear message)', () => {
    for (const token of ['s3cret', `${'a'.repeat(40)} `, `${'a'.repeat(20)} ${'a'.repeat(20)}`]) {
      const run = spawnSync(process.execPath, [BIN, '--port', '0', '--db', ':memory:'], {
        encoding: 'utf8',
        env: { ...process.env, GARDE_ADMIN_TOKEN: token },
        timeout: 20_000,
      });
      assert.equal(run.status, 2, run.stderr);
      assert.match(run.stderr, /GARDE_ADMIN_TOKEN must/);
    }
  });

  it('refuses a bad option through parseArgs with a clear message', () => {
    const unknown = spawnSync(process.execPath, [BIN, '--prot', '80'], { encoding: 'utf8' });
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^garde-collector: unknown option --prot$/m);
    const bare = spawnSync(process.execPath, [BIN, '--trust-proxy'], { encoding: 'utf8' });
    assert.equal(bare.status, 2);
    assert.match(bare.stderr, /--trust-proxy needs a value/);
  });

  it('refuses to start on a damaged SQLite file (exit 1, says so)', () => {
    const tmp = tempDir();
    const file = join(tmp.dir, 'damaged.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE filler (x TEXT); CREATE INDEX filler_x ON filler (x);');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(100)}`);
    db.close();
    // Garbage over the middle pages: the header still says SQLite, the b-trees are broken.
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096 * 8, 0x5a), 0, 4096 * 8, 4096 * 4);
    closeSync(fd);
    const run = spawnSync(process.execPath, [BIN, '--port', '0', '--db', file], {
      encoding: 'utf8',
      env: { ...process.env, GARDE_ADMIN_TOKEN: TOKEN },
      timeout: 20_000,
    });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /cannot open SQLite .*damaged\.sqlite: .*(damaged|malformed)/);
    tmp.remove();
  });

  it(
    'refuses to start on a SQLite file it cannot write (exit 1, says so)',
    { skip: cannotRunAsNobody() },
    () => {
      const tmp = tempDir();
      chmodSync(tmp.dir, 0o755);
      const file = join(tmp.dir, 'readonly.sqlite');
      const db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('CREATE TABLE t (x)');
      db.close();
      chmodSync(file, 0o644);
      // As nobody: it may read the file (and the folder) but write neither. Root would bypass the modes.
      const run = spawnSync(process.execPath, [BIN, '--port', '0', '--db', file], {
        encoding: 'utf8',
        env: { ...process.env, GARDE_ADMIN_TOKEN: TOKEN },
        uid: 65534,
        gid: 65534,
        timeout: 20_000,
      });
      assert.equal(run.status, 1, run.stderr);
      assert.match(
        run.stderr,
        /cannot open SQLite .*readonly\.sqlite: .*(readonly|read-only|not writable)/i,
      );
      tmp.remove();
    },
  );

  const verify = (args: string[]) =>
    spawnSync(process.execPath, [BIN, 'verify', ...args], {
      encoding: 'utf8',
      env: { ...process.env, GARDE_ADMIN_TOKEN: '', DATABASE_URL: '' },
      timeout: 30_000,
    });

  it('verify: exits 0 on an untouched SQLite file, 1 naming the record edited in it', async () => {
    const tmp = tempDir();
    const file = join(tmp.dir, 'verify.sqlite');
    const storage = await openSqlite(file);
    const rows = Array.from({ length: 4 }, (_, i) =>
      stored(`2026-05-0${i + 1}T00:00:00.000Z`, { id: 'verify-visitor' }),
    );
    await storage.insertRecords(rows);
    await storage.close();
    const intact = verify(['--db', file]);
    assert.equal(intact.status, 0, intact.stderr);
    assert.match(
      intact.stdout,
      /^log intact: 4 leaves \(4 records, 0 erasures\) in SQLite .*, root [0-9a-f]{64}$/m,
    );
    const db = new Database(file);
    db.prepare("UPDATE consent_records SET categories = '{}' WHERE receipt_id = ?").run(
      rows[1]!.receiptId,
    );
    db.close();
    const broken = verify(['--db', file]);
    assert.equal(broken.status, 1, broken.stderr);
    assert.match(
      broken.stdout,
      new RegExp(`^  leaf 1 \\(receipt ${rows[1]!.receiptId}\\): its content does not match`, 'm'),
    );
    tmp.remove();
  });

  it('verify: refuses a database that does not exist, and creates nothing (exit 2)', () => {
    const tmp = tempDir();
    const file = join(tmp.dir, 'mistyped.sqlite');
    const run = verify(['--db', file]);
    assert.equal(run.status, 2, run.stdout);
    assert.match(run.stderr, /cannot verify no database at .*mistyped\.sqlite/);
    assert.equal(existsSync(file), false);
    tmp.remove();
  });

  it(
    'verify: exits 0 on an untouched PostgreSQL schema, 1 naming the record edited in it',
    { skip: PG_SKIP },
    async () => {
      const schema = `garde_verify_${process.pid}`;
      const storage = await openPostgres({ connectionString: PG_URL!, schema });
      const rows = Array.from({ length: 3 }, (_, i) =>
        stored(`2026-05-0${i + 1}T00:00:00.000Z`, { id: 'verify-visitor' }),
      );
      await storage.insertRecords(rows);
      await storage.close();
      const url = new URL(PG_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const client = new pg.Client({ connectionString: PG_URL! });
      await client.connect();
      try {
        const intact = verify(['--database-url', url.toString()]);
        assert.equal(intact.status, 0, intact.stderr);
        assert.match(
          intact.stdout,
          /^log intact: 3 leaves \(3 records, 0 erasures\) in PostgreSQL /m,
        );
        await client.query(
          `UPDATE ${schema}.consent_records SET received_at = received_at + interval '1 day' WHERE receipt_id = $1`,
          [rows[2]!.receiptId],
        );
        const broken = verify(['--database-url', url.toString()]);
        assert.equal(broken.status, 1, broken.stderr);
        assert.match(
          broken.stdout,
          new RegExp(`leaf 2 \\(receipt ${rows[2]!.receiptId}\\): its content does not match`),
        );
      } finally {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      }
    },
  );

  it(
    'keeps every acknowledged receipt exactly once across kill -9 and restart',
    { timeout: 60_000 },
    async (t) => {
      const tmp = tempDir();
      const db = join(tmp.dir, 'kill.sqlite');
      let { child, url, exit } = await start(['--db', db]);
      const receipts = Array.from({ length: 4000 }, () => receipt({ id: 'kill-visitor' }));
      const acked = new Set<string>();
      let next = 0;
      let killed = false;
      // 32 clients send as fast as they can; the collector is killed once 800 receipts are acknowledged.
      const worker = async () => {
        while (next < receipts.length) {
          const r = receipts[next++]!;
          try {
            const res = await fetch(`${url}/consent`, {
              method: 'POST',
              body: JSON.stringify(r),
              headers: { 'content-type': 'text/plain;charset=UTF-8' },
            });
            if (res.status === 202) acked.add(r.receiptId);
          } catch {
            // Refused or cut by the kill: not acknowledged, so the collector owes nothing.
          }
          if (!killed && acked.size >= 800) {
            killed = true;
            child.kill('SIGKILL');
          }
        }
      };
      await Promise.all(Array.from({ length: 32 }, worker));
      await exit;
      assert.ok(
        killed && acked.size >= 800 && acked.size < receipts.length,
        `acknowledged ${acked.size}`,
      );

      ({ child, url, exit } = await start(['--db', db]));
      const csv = await (
        await fetch(`${url}/api/records.csv?id=kill-visitor`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).text();
      const stored = csv
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]!);
      const counts = new Map<string, number>();
      for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
      const missing = [...acked].filter((id) => !counts.has(id));
      t.diagnostic(
        `${acked.size} acknowledged before kill -9, ${counts.size} stored after restart`,
      );
      assert.deepEqual(missing, [], `${missing.length} acknowledged receipts lost`);
      assert.ok(
        [...counts.values()].every((n) => n === 1),
        'a receipt stored twice',
      );
      // Receipts answered in flight may have been committed without an answer: the browser resends them, once.
      const resend = await fetch(`${url}/consent`, {
        method: 'POST',
        body: JSON.stringify(receipts[0]),
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
      });
      assert.equal(resend.status, 202);
      const total = (
        await (
          await fetch(`${url}/api/records?id=kill-visitor&pageSize=1`, {
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).json()
      ).total;
      assert.equal(total, counts.size + (counts.has(receipts[0]!.receiptId) ? 0 : 1));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
      // The log survived the kill too: every acknowledged receipt is a leaf, and the log verifies.
      const check = verify(['--db', db]);
      assert.equal(check.status, 0, check.stdout);
      tmp.remove();
    },
  );
});
