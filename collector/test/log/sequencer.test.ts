// The rounds: a checkpoint file that cannot be written still reaches the witnesses, and is written once the
// directory is back; a witness that hangs holds one request at a time and hears the newest checkpoint.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../src/logger.js';
import { startSequencer } from '../../src/log/sequencer.js';
import { parseOptions } from '../../src/options.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import { logCapture, stored, tempDir } from '../helpers.js';

describe('the checkpoint directory at each round', () => {
  const tmp = tempDir();
  after(() => tmp.remove());

  it(
    'still sends a checkpoint to the witnesses when its file cannot be written, and writes it once it can',
    { timeout: 20_000 },
    async () => {
      const received: string[] = [];
      let arrived = () => {};
      const witness = createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          received.push(body);
          response.end();
          arrived();
        });
      });
      await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
      after(() => witness.close());
      const url = `http://127.0.0.1:${(witness.address() as AddressInfo).port}/`;
      const db = join(tmp.dir, 'round.sqlite');
      const dir = join(tmp.dir, 'checkpoints');
      const options = parseOptions(['--db', db, '--witness', url], {});
      const storage = await openSqlite(db);
      after(() => storage.close());
      const capture = logCapture();
      const logger = createLogger('info', capture.stream) as FastifyBaseLogger;
      const round = async (count: number) => {
        const records = Array.from({ length: count }, () => stored('2026-06-01T10:00:00.000Z'));
        await storage.insertRecords(records);
        await startSequencer(storage.log, options, logger, () => new Date())();
      };
      const witnessed = async (count: number) => {
        while (received.length < count) await new Promise<void>((resolve) => (arrived = resolve));
      };

      await round(2);
      await witnessed(1);
      assert.deepEqual(readdirSync(dir), ['000000000002.checkpoint']);
      // The directory is gone and a file is in its way (as a full or read-only disk would refuse it).
      rmSync(dir, { recursive: true });
      writeFileSync(dir, 'in the way');
      await round(2);
      await witnessed(2);
      assert.match(received[1]!, /^garde-collector\n4\n/);
      assert.match(capture.text(), /cannot write the checkpoint file/);

      rmSync(dir);
      mkdirSync(dir);
      await round(0);
      assert.deepEqual(readdirSync(dir), ['000000000004.checkpoint']);
      assert.equal(readFileSync(join(dir, '000000000004.checkpoint'), 'utf8'), received[1]);
    },
  );
});

describe('a witness that hangs', () => {
  const tmp = tempDir();
  after(() => tmp.remove());

  it('holds one request of the collector at a time, and hears the newest checkpoint next', async () => {
    // A witness that answers nothing until told to: each request it holds, in the order received.
    const held: Array<{ body: string; answer: () => void }> = [];
    let arrived = () => {};
    const witness = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        held.push({ body, answer: () => response.end() });
        arrived();
      });
    });
    await new Promise<void>((resolve) => witness.listen(0, '127.0.0.1', resolve));
    after(() => witness.close());
    const url = `http://127.0.0.1:${(witness.address() as AddressInfo).port}/`;
    const db = join(tmp.dir, 'hang.sqlite');
    const options = parseOptions(['--db', db, '--witness', url], {});
    const storage = await openSqlite(db);
    after(() => storage.close());
    const logger = createLogger('silent') as FastifyBaseLogger;
    const received = async (count: number) => {
      while (held.length < count) await new Promise<void>((resolve) => (arrived = resolve));
    };
    const stop = startSequencer(storage.log, options, logger, () => new Date());
    // Five checkpoints, one a record, while the witness holds the first.
    for (let size = 1; size <= 5; size++) {
      await storage.insertRecords([stored('2026-06-01T10:00:00.000Z')]);
      while (((await storage.log.latestCheckpoint())?.size ?? 0) < size) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    await stop();
    await received(1);
    assert.match(held[0]!.body, /^garde-collector\n\d+\n/);
    held[0]!.answer();
    // Once it answers, the newest checkpoint, and nothing in between.
    await received(2);
    assert.match(held[1]!.body, /^garde-collector\n5\n/);
    held[1]!.answer();
    assert.equal(held.length, 2);
  });
});
