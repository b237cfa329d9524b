// Shared fixtures of the collector tests: options, receipts, hits, storages and a log capture.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { Hit, Receipt, Snapshot } from 'garde/wire';
import { parseOptions, type Options } from '../src/options.js';
import type { LogVerdict } from '../src/log/verify-log.js';
import { verifyLog } from '../src/log/verify-log.js';
import { buildServer, type ServerDeps } from '../src/server.js';
import { openPostgres } from '../src/storage/postgres.js';
import { openSqlite } from '../src/storage/sqlite.js';
import type { Storage, StoredHit, StoredRecord } from '../src/storage/types.js';
import { openLogSnapshot } from '../src/verify.js';

export const TOKEN = 'test-admin-token-0123456789-abcdefghij';
export const PG_URL = process.env.GARDE_TEST_PG_URL || null;
export const PG_SKIP = PG_URL
  ? false
  : 'GARDE_TEST_PG_URL is not set: PostgreSQL tests skipped (.ci/run sets it)';

/** The collector's defaults with a token, no rate limit, an in-memory SQLite, and the given overrides. */
export function testOptions(overrides: Partial<Options> = {}): Options {
  return {
    ...parseOptions([], {}),
    db: ':memory:',
    adminToken: TOKEN,
    rateLimit: 0,
    logLevel: 'debug',
    ...overrides,
  };
}

let counter = 0;
/**
 * A valid receipt; each call gets a new receiptId: a random UUID whose first 8 digits count the calls,
 * so that receipts made one after the other sort in that order (the tie-break of the records list).
 */
export function receipt(overrides: Partial<Receipt> = {}): Receipt {
  counter++;
  return {
    receiptId: counter.toString(16).padStart(8, '0') + randomUUID().slice(8),
    id: 'visitor-1',
    ts: '2026-03-01T10:00:00.000Z',
    version: '2026-01',
    categories: { necessary: true, analytics: true, marketing: false },
    services: { matomo: true },
    method: 'custom',
    lang: 'fr',
    path: '/fr/',
    ...overrides,
  };
}

/** A stored record received at `receivedAt`. */
export function stored(
  receivedAt: string,
  overrides: Partial<Receipt> = {},
  origin: string | null = null,
): StoredRecord {
  const sent = receipt(overrides);
  return {
    ...sent,
    receivedAt,
    origin,
    clockSkew: false,
    shown: sent.shown ?? null,
    layer: sent.layer ?? null,
    v: sent.v ?? null,
  };
}

/** A snapshot like the drop-in builds on a French page of the institute. */
export function frenchSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    categories: [
      { description: '', label: 'Nécessaires', name: 'necessary', services: [] },
      {
        description: 'Compter les visites pour améliorer le site.',
        label: 'Mesure d’audience',
        name: 'analytics',
        services: [
          {
            cookies: [
              { lifetime: '13 mois', name: '_pk_id.*', provider: 'INAMI', purpose: 'Visiteur' },
            ],
            description: '',
            label: 'Matomo',
            name: 'matomo',
            provider: 'INAMI',
          },
        ],
      },
    ],
    lang: 'fr',
    notice: '1',
    policy: { url: '/fr/vie-privee', version: '2020-12-07' },
    texts: { accept: 'Tout accepter', reject: 'Tout refuser', title: 'Cookies sur ce site' },
    v: '0.1.0',
    ...overrides,
  };
}

/** A valid pageview hit as garde's tracker sends it (no browser fields), anonymous unless overridden. */
export function hit(overrides: Partial<Hit> = {}): Hit {
  return {
    name: 'pageview',
    path: '/fr/',
    lang: 'fr',
    vw: 1200,
    consent: false,
    ...overrides,
  };
}

/** A stored (already anonymised) hit of `day`. */
export function storedHit(day: string, overrides: Partial<StoredHit> = {}): StoredHit {
  return {
    receivedAt: `${day}T12:00:00.000Z`,
    day,
    site: '',
    name: 'pageview',
    path: '/fr/',
    referrer: null,
    browser: 'Firefox',
    major: 133,
    os: 'Linux',
    mobile: false,
    lang: 'fr',
    vw: 1200,
    consent: false,
    network: '10.0.0.0',
    props: null,
    minor: null,
    screen: null,
    session: null,
    uid: null,
    ...overrides,
  };
}

/** A pre-consent counter of `day` (what countHits takes), from a Firefox on Linux, no referrer. */
export function countedHit(
  day: string,
  overrides: Partial<Parameters<Storage['countHits']>[0][number]> = {},
): Parameters<Storage['countHits']>[0][number] {
  return {
    day,
    site: '',
    name: 'pageview',
    path: '/fr/',
    referrer: '',
    browser: 'Firefox',
    os: 'Linux',
    mobile: false,
    lang: 'fr',
    vw: 1200,
    ...overrides,
  };
}

/** A temporary folder, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'garde-collector-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every line the logger wrote, as text. */
export function logCapture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

/** A collector on an in-memory SQLite (or the given storage), ready for inject(). */
export async function testServer(overrides: Partial<Options> = {}, deps: ServerDeps = {}) {
  const log = logCapture();
  const app = await buildServer(testOptions(overrides), { logStream: log.stream, ...deps });
  await app.ready();
  return { app, log };
}

/**
 * A collector listening on a free port of 127.0.0.1, for what must reach it over real HTTP (a browser,
 * fetch): `base` is its address.
 */
export async function listeningServer(overrides: Partial<Options> = {}, deps: ServerDeps = {}) {
  const app = await buildServer(testOptions(overrides), {
    logStream: logCapture().stream,
    ...deps,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('the collector has no port');
  return { app, base: `http://127.0.0.1:${address.port}` };
}

/** POSTs `body` to the collector at `base` as garde's page does: text/plain, so no preflight. */
export const postText = (base: string, path: string, body: string): Promise<Response> =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8' },
    body,
  });

export const auth = { authorization: `Bearer ${TOKEN}` };

/**
 * A storage factory per backend: SQLite on a temp file, PostgreSQL in a fresh schema dropped at cleanup.
 * `verify` puts the records waiting into the log and checks it as `garde-collector verify` does
 * (read-only, on its own connection).
 */
export interface Backend {
  name: string;
  skip: string | false;
  open(): Promise<{
    storage: Storage;
    verify: () => Promise<LogVerdict>;
    /** Every row of consent_records as JSON text, tombstones included, as an auditor reads the table. */
    recordRows: () => Promise<string>;
    cleanup: () => Promise<void>;
  }>;
}

/** Sequences what waits, then verifies the log of the database `options` name. */
async function sequenceAndVerify(
  storage: Storage,
  options: Pick<Options, 'databaseUrl' | 'db'>,
): Promise<LogVerdict> {
  await storage.log.sequence();
  const snapshot = await openLogSnapshot(options);
  try {
    return await verifyLog(snapshot, null);
  } finally {
    await snapshot.close();
  }
}

export const BACKENDS: Backend[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const tmp = tempDir();
      const file = join(tmp.dir, 'test.sqlite');
      const storage = await openSqlite(file);
      // The storage may already be closed by a server it was given to.
      return {
        storage,
        verify: () => sequenceAndVerify(storage, { databaseUrl: null, db: file }),
        async recordRows() {
          const db = new Database(file, { readonly: true });
          try {
            return JSON.stringify(db.prepare('SELECT * FROM consent_records').all());
          } finally {
            db.close();
          }
        },
        cleanup: async () => {
          await storage.close().catch(() => {});
          tmp.remove();
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: PG_SKIP,
    async open() {
      const schema = `garde_test_${process.pid}_${++counter}`;
      const storage = await openPostgres({ connectionString: PG_URL!, schema });
      const url = new URL(PG_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        storage,
        verify: () => sequenceAndVerify(storage, { databaseUrl: url.toString(), db: ':memory:' }),
        async recordRows() {
          const client = new pg.Client({ connectionString: url.toString() });
          await client.connect();
          try {
            return JSON.stringify((await client.query('SELECT * FROM consent_records')).rows);
          } finally {
            await client.end();
          }
        },
        cleanup: async () => {
          await storage.close().catch(() => {});
          const client = new pg.Client({ connectionString: PG_URL! });
          await client.connect();
          await client.query(`DROP SCHEMA ${schema} CASCADE`);
          await client.end();
        },
      };
    },
  },
];
