// The baseline of the ingest bench: a bare fastify POST /consent that parses the JSON body and answers 202,
// nothing else (no validation, no storage). Same fastify as the collector (the workspace's one), bound to
// 127.0.0.1, started by run.mjs with the port as first argument; prints "listening on URL" when ready.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/consent', async (_request, reply) => reply.code(202).send());
const url = await app.listen({ port: Number(process.argv[2] ?? 0), host: '127.0.0.1' });
process.stdout.write(`listening on ${url}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
