// What visitors were shown, for the site owner and the data-protection officer: the versions list and
// one snapshot by hash, behind the token.
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import { snapshotParamsSchema } from '../schemas.js';
import type { Storage } from '../storage/types.js';

/** Registers GET /api/snapshots (the versions) and GET /api/snapshots/:hash (one snapshot). */
export function snapshotsRoutes(
  app: FastifyInstance,
  storage: Storage,
  auth: onRequestHookHandler,
): void {
  app.get('/api/snapshots', { onRequest: auth }, async () => ({
    versions: await storage.snapshotVersions(),
  }));

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
}
