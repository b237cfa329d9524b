// POST /consent/snapshot: a snapshot of what visitors were shown, sent by a page after the collector
// answered a receipt with {"snapshot":"missing"}. Stored once per hash, after checking that the hash is
// the SHA-256 of the snapshot's canonical serialisation and that a stored receipt names it (nobody can
// fill the archive with snapshots no visitor saw).
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { canonicalJson, sha256Hex, type Snapshot } from 'garde/wire';
import type { KnownSnapshots } from '../known-snapshots.js';
import { snapshotUploadSchema } from '../schemas.js';
import type { Storage } from '../storage/types.js';

/** Largest snapshot body accepted (413 beyond): the texts of four layers and every cookie described. */
export const SNAPSHOT_LIMIT = 131_072;

export interface SnapshotRouteOptions {
  storage: Storage;
  snapshots: KnownSnapshots;
  now: () => Date;
  onRequest: onRequestHookHandler;
}

/**
 * Registers POST /consent/snapshot: 201 `{"snapshot":"stored"}`, 200 `{"snapshot":"known"}` when it is
 * stored already, 400 when `shown` is not its hash, 409 when no stored receipt names it.
 */
export function snapshotRoute(
  app: FastifyInstance,
  { storage, snapshots, now, onRequest }: SnapshotRouteOptions,
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
