// The real command in a child process: options errors, and the durability promise under kill -9.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TOKEN, receipt, tempDir } from './helpers.js';

const BIN = fileURLToPath(new URL('../bin/garde-collector.js', import.meta.url));

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
      tmp.remove();
    },
  );
});
