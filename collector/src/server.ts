// buildServer(): the whole collector as a fastify instance, ready for inject() in tests or listen() in the CLI.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
} from 'fastify';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { DestinationStream } from 'pino';
import { requireToken } from './auth.js';
import { createBatcher } from './batcher.js';
import { registerCors } from './cors.js';
import { clientKey } from './http/client-key.js';
import { dailyQuota } from './http/daily-quota.js';
import { registerJsonBody } from './http/json-body.js';
import { createLogger } from './logger.js';
import type { Options } from './options.js';
import { startHeadLog } from './log/head-log.js';
import { startSequencer } from './log/sequencer.js';
import { openCheckpointDir, openSigningKey } from './log/setup.js';
import { startRetention } from './retention.js';
import { analyticsRoutes } from './routes/analytics.js';
import { collectRoute } from './routes/collect.js';
import { consentRoute } from './routes/consent.js';
import { erasuresRoute } from './routes/erasures.js';
import { recordsRoutes } from './routes/records.js';
import { snapshotRoute } from './routes/snapshot.js';
import { snapshotsRoutes } from './routes/snapshots.js';
import { knownSnapshots } from './known-snapshots.js';
import { statsRoute } from './routes/stats.js';
import { openStorage } from './storage/open.js';
import type { CountedHit } from './storage/counters.js';
import type { InsertOutcome, Storage, StoredHit, StoredRecord } from './storage/types.js';

/** Where the admin helper's build of the admin page lands; mounted at /admin/ when present. */
export const ADMIN_DIST = fileURLToPath(new URL('../admin/dist/', import.meta.url));

export interface ServerDeps {
  /** A storage to use instead of opening the one in the options (it is still closed with the server). */
  storage?: Storage;
  /** The clock: receive times, retention and the default stats range. */
  now?: () => Date;
  /** Where log lines go (tests capture them); default stdout. */
  logStream?: DestinationStream;
}

const STATUS_NAMES: Record<number, string> = {
  400: 'invalid',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'timeout',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

const setHeaders = (reply: FastifyReply) => {
  reply.header('x-content-type-options', 'nosniff');
};

const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

/** Builds the collector: storage opened and migrated, routes registered, retention purge run on ready. */
export async function buildServer(
  options: Options,
  deps: ServerDeps = {},
): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date());
  const app = Fastify({
    loggerInstance: createLogger(options.logLevel, deps.logStream) as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    // A hop count as fastify itself reads it (the address `hops` back in X-Forwarded-For); a list as is.
    trustProxy:
      typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : options.trustProxy,
    bodyLimit: 65_536,
    // A client that stalls (half a body, then nothing) or drips bytes is cut: the socket after
    // requestTimeoutMs idle, the request after requestTimeoutMs in all, checked every second or so.
    connectionTimeout: options.requestTimeoutMs,
    requestTimeout: options.requestTimeoutMs,
    http: {
      headersTimeout: options.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, options.requestTimeoutMs),
    },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    ajv: {
      customOptions: {
        removeAdditional: false,
        coerceTypes: false,
        useDefaults: false,
        allErrors: false,
      },
    },
  });
  const storage = deps.storage ?? (await openStorage(options));
  // A key it cannot sign with, a checkpoint directory it cannot write: said at start, not at the first
  // checkpoint.
  let signingKey;
  try {
    signingKey = openSigningKey(options);
    openCheckpointDir(options);
  } catch (error) {
    if (!deps.storage) await storage.close();
    throw error;
  }
  const records = createBatcher<StoredRecord, InsertOutcome>((rows) => storage.insertRecords(rows));
  const hits = createBatcher<StoredHit>((rows) => storage.insertHits(rows));
  const counts = createBatcher<CountedHit>((rows) => storage.countHits(rows));

  // Browsers send JSON as text/plain (sendBeacon, no preflight): both types are parsed as strict JSON.
  registerJsonBody(app);

  // One log line per request with only method, route pattern, status and duration; bad input at info.
  const debug = ['debug', 'trace'].includes(app.log.level);
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 400 || debug) {
      const line = {
        method: request.method,
        route: request.routeOptions.url ?? '(unmatched)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      };
      if (reply.statusCode >= 400) request.log.info(line, 'request refused');
      else request.log.debug(line, 'request');
    }
    done();
  });

  app.setErrorHandler((error: FastifyError & { error?: string }, request, reply) => {
    if (error.validation) {
      return reply.code(400).send({
        error: 'invalid',
        message: `${error.validationContext ?? 'body'}${error.message.replace(/^\w+/, '')}`,
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const malformed =
        error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY';
      return reply.code(status).send({
        error: malformed
          ? 'malformed_json'
          : (error.error ?? STATUS_NAMES[status] ?? 'bad_request'),
        // A JSON parser's message quotes the body: the client gets a plain sentence instead.
        message: malformed ? 'The body is not valid JSON.' : error.message,
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send({ error: 'internal', message: 'The collector could not handle this request.' });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: 'not_found', message: 'No such endpoint.' }),
  );

  if (options.rateLimit > 0) {
    await app.register(rateLimit, {
      max: options.rateLimit,
      timeWindow: 60_000,
      // The key (IPv4 address, IPv6 /64) lives only in the in-memory counter; never stored nor logged.
      keyGenerator: (request) => clientKey(request.ip),
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'rate_limited',
        message: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s.`,
      }),
    });
  }

  const originCheck = registerCors(
    app,
    ['/consent', '/consent/snapshot', '/collect'],
    options.origins,
  );
  const snapshots = knownSnapshots(storage);
  consentRoute(app, { records, snapshots, now, onRequest: originCheck, paths: options.paths });
  snapshotRoute(app, {
    storage,
    snapshots,
    quota: dailyQuota(options.snapshotQuota, now),
    now,
    onRequest: originCheck,
  });
  collectRoute(app, {
    hits,
    counts,
    now,
    onRequest: originCheck,
    queryAllowlist: options.queryAllowlist,
    paths: options.paths,
  });
  const auth = requireToken(options.adminToken);
  recordsRoutes(app, storage, auth, now, snapshots);
  erasuresRoute(app, storage, auth, {
    recordsDays: options.retentionRecordsDays,
    hitsDays: options.retentionHitsDays,
    totalsDays: options.retentionTotalsDays,
  });
  snapshotsRoutes(app, storage, auth, { snapshots, now });
  statsRoute(app, storage, auth, now);
  analyticsRoutes(app, storage, auth, now);

  if (existsSync(`${ADMIN_DIST}index.html`)) {
    await app.register(fastifyStatic, {
      root: ADMIN_DIST,
      prefix: '/admin/',
      decorateReply: false,
      redirect: true,
      setHeaders,
    });
    app.get('/admin', (_request, reply) => reply.redirect('/admin/'));
  }
  if (options.staticDirs.length) {
    await app.register(fastifyStatic, {
      root: options.staticDirs,
      prefix: '/',
      decorateReply: false,
      setHeaders,
    });
  }

  let stopRetention = () => {};
  let stopHeadLog = () => {};
  let stopSequencer = async () => {};
  app.addHook('onReady', async () => {
    stopSequencer = startSequencer(storage.log, options, app.log, now, signingKey);
    stopRetention = await startRetention(
      storage,
      {
        recordsDays: options.retentionRecordsDays,
        hitsDays: options.retentionHitsDays,
        totalsDays: options.retentionTotalsDays,
        now,
        onPurged: () => snapshots.forget(),
      },
      app.log,
    );
    stopHeadLog = await startHeadLog(storage.log, app.log);
  });
  // Every queued receipt is written before the database closes.
  app.addHook('onClose', async () => {
    stopRetention();
    stopHeadLog();
    await Promise.all([records.drain(), hits.drain(), counts.drain()]);
    // The last receipts go into the tree and a checkpoint before the database closes.
    await stopSequencer();
    await storage.close();
  });
  return app;
}
