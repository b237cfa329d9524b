// What visitors were shown, for the site owner and the data-protection officer, behind the token: the
// versions list (paginated), one snapshot by hash, and the registration of the site's own snapshots.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { canonicalJson, sha256Hex, type Snapshot } from 'garde/wire';
import type { KnownSnapshots } from '../known-snapshots.js';
import {
  snapshotParamsSchema,
  snapshotPublishSchema,
  snapshotVersionsQuerySchema,
} from '../schemas.js';
import type { Storage } from '../storage/types.js';
import { pageAsked, type PageQuery } from './page-asked.js';
import { SNAPSHOT_LIMIT } from './snapshot.js';

/** Largest page of GET /api/snapshots. */
export const MAX_VERSIONS_PAGE_SIZE = 200;

/**
 * Registers GET /api/snapshots (a page of versions), GET /api/snapshots/:hash (one snapshot) and
 * POST /api/snapshots (the site registers a snapshot it publishes).
 */
export function snapshotsRoutes(
  app: FastifyInstance,
  storage: Storage,
  auth: onRequestHookHandler,
  { snapshots, now }: { snapshots: KnownSnapshots; now: () => Date },
): void {
  app.get(
    '/api/snapshots',
    { schema: { querystring: snapshotVersionsQuerySchema }, onRequest: auth },
    async (request, reply) => {
      const { page, pageSize, error } = pageAsked(
        request.query as PageQuery,
        MAX_VERSIONS_PAGE_SIZE,
      );
      if (error) return reply.code(400).send({ error: 'invalid', message: error });
      const { total, versions } = await storage.snapshotVersions(page, pageSize);
      return { total, page, pageSize, versions };
    },
  );

  app.get(
    '/api/snapshots/:hash',
    { schema: { params: snapshotParamsSchema }, onRequest: auth },
    async (request, reply) => {
      const stored = await storage.snapshot((request.params as { hash: string }).hash);
      if (!stored) {
        return reply
          .code(404)
          .send({ error: 'not_found', message: 'The collector has no snapshot with this hash.' });
      }
      // The text stored is exactly what was hashed: parsed here, so the answer is one JSON document.
      const { content, ...about } = stored;
      return { ...about, snapshot: JSON.parse(content) as unknown };
    },
  );

  // The site's own snapshots, made from its config (garde's snapshotText): marked "published by the
  // site" in the admin page, kept whether or not a receipt names them, and no quota applies.
  app.post(
    '/api/snapshots',
    { bodyLimit: SNAPSHOT_LIMIT, schema: { body: snapshotPublishSchema }, onRequest: auth },
    async (request, reply) => {
      const { snapshot } = request.body as { snapshot: Snapshot };
      const content = canonicalJson(snapshot);
      // Node always has crypto.subtle; the wire's helper returns undefined only in a browser without it.
      const hash = (await sha256Hex(content))!;
      const at = now().toISOString();
      const outcome = await storage.publishSnapshot(
        {
          hash,
          lang: snapshot.lang,
          v: snapshot.v,
          policyVersion: snapshot.policy.version,
          content,
          storedAt: at,
        },
        at,
      );
      snapshots.add(hash);
      request.log.info({ shown: hash, lang: snapshot.lang }, 'snapshot published by the site');
      return reply
        .code(outcome === 'stored' ? 201 : 200)
        .send({ hash, published: true, snapshot: outcome });
    },
  );
}
