// The collector's side of the log at start and at each round: a key it cannot sign with, or that others
// can read, and a checkpoint directory it cannot write are said at start; a checkpoint file that cannot
// be written still reaches the witnesses, and is written once the directory is back.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../src/logger.js';
import { startSequencer } from '../../src/log/sequencer.js';
import { parseOptions } from '../../src/options.js';
import { buildServer } from '../../src/server.js';
import { openSqlite } from '../../src/storage/sqlite.js';
import { logCapture, stored, tempDir, testOptions, TOKEN } from '../helpers.js';

const BIN = fileURLToPath(new URL('../../bin/garde-collector.js', import.meta.url));

describe('the log key at start', () => {
  const tmp = tempDir();
  after(() => tmp.remove());
  const pair = generateKeyPairSync('ed25519');
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' });
  const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' });

  /** Starts a collector on a SQLite file in the temp folder with this key file; the start's error. */
  async function startWith(name: string, content: string, mode = 0o600): Promise<Error | null> {
    const file = join(tmp.dir, name);
    writeFileSync(file, content, { mode });
    chmodSync(file, mode);
    const options = testOptions({ db: join(tmp.dir, `${name}.sqlite`), logKey: file });
    try {
      const app = await buildServer(options);
      await app.ready();
      await app.close();
      return null;
    } catch (error) {
      return error as Error;
    }
  }

  it('starts with a private key only its user can read', async () => {
    assert.equal(await startWith('good.key', String(privatePem)), null);
  });

  it('refuses a key file holding only the public key: it could never sign a checkpoint', async () => {
    const error = await startWith('public.key', String(publicPem), 0o644);
    assert.match(String(error?.message), /public\.key holds no private key/);
  });

  it('refuses a private key that other users can read', async () => {
    const error = await startWith('open.key', String(privatePem), 0o644);
    assert.match(String(error?.message), /open\.key can be read by other users.*chmod 600/);
  });

  it('names a key file that is not a PEM key, or not Ed25519', async () => {
    const garbage = await startWith('garbage.key', 'not a key\n');
    assert.match(String(garbage?.message), /garbage\.key is not an Ed25519 key in PEM/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const wrongType = await startWith(
      'rsa.key',
      String(rsa.export({ type: 'pkcs8', format: 'pem' })),
    );
    assert.match(String(wrongType?.message), /rsa\.key is not an Ed25519 key/);
  });

  it('refuses to make a new key where one signed before: its public half or a checkpoint is there', async () => {
    const db = join(tmp.dir, 'lost-key.sqlite');
    const started = await buildServer(testOptions({ db }));
    await started.ready();
    await started.close();
    const keyFile = join(tmp.dir, 'garde-log.key');
    assert.ok(existsSync(`${keyFile}.pub`));
    rmSync(keyFile);
    const error = await buildServer(testOptions({ db })).then(
      async (app) => {
        await app.ready();
        await app.close();
        return null;
      },
      (failed: Error) => failed,
    );
    assert.match(
      String(error?.message),
      /no log key at .*garde-log\.key, yet .*garde-log\.key\.pub/,
    );
    assert.equal(existsSync(keyFile), false);
  });

  it('says at start what is wrong with the key, not that it cannot listen (exit 1)', () => {
    const file = join(tmp.dir, 'cli.key');
    writeFileSync(file, 'not a key\n', { mode: 0o600 });
    const run = spawnSync(
      process.execPath,
      [BIN, '--port', '0', '--host', '127.0.0.1', '--db', join(tmp.dir, 'cli.sqlite')],
      {
        encoding: 'utf8',
        env: { ...process.env, GARDE_ADMIN_TOKEN: TOKEN, GARDE_LOG_KEY: file, DATABASE_URL: '' },
        timeout: 20_000,
      },
    );
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /garde-collector: the log key .*cli\.key is not an Ed25519 key/);
    assert.doesNotMatch(run.stderr, /cannot listen/);
  });
});

describe('the checkpoint directory', () => {
  const tmp = tempDir();
  after(() => tmp.remove());

  it('is refused at start when it cannot be made or written', async () => {
    writeFileSync(join(tmp.dir, 'a-file'), '');
    const dir = join(tmp.dir, 'a-file', 'checkpoints');
    const options = testOptions({ db: join(tmp.dir, 'start.sqlite'), checkpointDir: dir });
    const started = await buildServer(options).then(
      async (app) => {
        await app.ready();
        await app.close();
        return null;
      },
      (error: Error) => error,
    );
    assert.match(
      String(started?.message),
      /the checkpoint directory .*a-file\/checkpoints cannot be written/,
    );
  });

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
