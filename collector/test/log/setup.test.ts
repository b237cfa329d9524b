// What the log needs, checked at start: a key it cannot sign with, that others can read, or that replaces a
// lost one, and a checkpoint directory it cannot write are each refused with a message naming the fix.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { buildServer } from '../../src/server.js';
import { tempDir, testOptions, TOKEN } from '../helpers.js';

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
});
