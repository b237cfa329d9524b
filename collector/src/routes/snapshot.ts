// POST /consent/snapshot: a snapshot of what visitors were shown, sent by a page after the collector
// answered a receipt with {"snapshot":"missing"}. Stored once per hash, after checking that the hash is
// the SHA-256 of the snapshot's canonical serialisation and that a stored receipt names it (nobody can
// fill the archive with snapshots no visitor saw), within a size limit and a daily quota per client.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { canonicalJson, sha256Hex, type Snapshot } from 'garde/wire';
import { clientKey } from '../http/client-key.js';
import type { DailyQuota } from '../http/daily-quota.js';
import type { KnownSnapshots } from '../known-snapshots.js';
import { snapshotUploadSchema } from '../schemas.js';
import type { Storage } from '../storage/types.js';

/**
 * Largest snapshot body accepted (413 beyond): the demo's snapshots (every text of the banner, dialog and
 * placeholder, four categories and their cookies) are 2.5 to 2.8 KB; a site with ten times as many
 * services and cookies still fits.
 */
export const SNAPSHOT_LIMIT = 32_768;

/** Snapshots one client may add to the archive per UTC day, by default (`--snapshot-quota`). */
export const SNAPSHOT_QUOTA = 20;

export interface SnapshotRouteOptions {
  storage: Storage;
  snapshots: KnownSnapshots;
  /** Snapshots added per client and day. */
  quota: DailyQuota;
  now: () => Date;
  onRequest: onRequestHookHandler;
}

/**
 * Registers POST /consent/snapshot: 201 `{"snapshot":"stored"}`, 200 `{"snapshot":"known"}` when it is
 * stored already, 400 when `shown` is not its hash, 409 when no stored receipt names it, 429 when the
 * client has added its quota of snapshots today.
 */
export function snapshotRoute(
  app: FastifyInstance,
  { storage, snapshots, quota, now, onRequest }: SnapshotRouteOptions,
): void {
  const options = { bodyLimit: SNAPSHOT_LIMIT, schema: { body: snapshotUploadSchema }, onRequest };
  app.post('/consent/snapshot', options, async (request, reply) => {
    const { shown, snapshot } = request.body as { shown: string; snapshot: Snapshot };
    const content = canonicalJson(snapshot);
    if ((await sha256Hex(content)) !== shown) {
      return reply.code(400).send({
        error: 'invalid',
        message: "body/shown is not the SHA-256 of the snapshot's canonical serialisation",
      });
    }
    if (await snapshots.has(shown)) return reply.code(200).send({ snapshot: 'known' });
    if (!(await storage.snapshotReferenced(shown))) {
      return reply.code(409).send({
        error: 'unreferenced',
        message: 'No stored receipt names this snapshot.',
      });
    }
    // A visitor's page sends one snapshot per language and version it shows: more from one client in a
    // day is someone filling the archive.
    if (!quota.take(clientKey(request.ip))) {
      return reply.code(429).send({
        error: 'quota',
        message: 'This client has sent its share of new snapshots for today.',
      });
    }
    await storage.insertSnapshot({
      hash: shown,
      lang: snapshot.lang,
      v: snapshot.v,
      policyVersion: snapshot.policy.version,
      content,
      storedAt: now().toISOString(),
    });
    snapshots.add(shown);
    request.log.info({ shown, lang: snapshot.lang }, 'snapshot stored');
    return reply.code(201).send({ snapshot: 'stored' });
  });
}
