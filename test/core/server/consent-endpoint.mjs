// A stand-in for the collector's receipt endpoint, served by the test runner's dev server:
//   POST /test-consent/<key>           a receipt; answered with the key's current status (202 by
//                                      default) and answer body ('' by default)
//   POST /test-consent/<key>/status    sets that status (body: the number, e.g. 503)
//   POST /test-consent/<key>/answer    sets that answer body (e.g. {"snapshot":"missing"})
//   POST /test-consent/<key>/snapshot  a snapshot, as the collector's <recordEndpoint>/snapshot
//   GET  /test-consent/<key>           { status, posts: [{ receiptId, status, type, cookie, body }],
//                                        snapshots: [{ type, cookie, body }] } what it saw
// Keys keep concurrent test files apart.
const keys = new Map();

const read = (req) =>
  new Promise((resolve) => {
    let s = '';
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
  });

/** Koa middleware for web-test-runner's `middleware` option. */
export function consentEndpoint() {
  return async (ctx, next) => {
    const m = /^\/test-consent\/([\w-]+)(\/status|\/answer|\/snapshot)?$/.exec(ctx.path);
    if (!m) return next();
    if (!keys.has(m[1])) keys.set(m[1], { status: 202, answer: '', posts: [], snapshots: [] });
    const k = keys.get(m[1]);
    if (ctx.method === 'GET') {
      ctx.body = k;
    } else if (m[2] === '/status') {
      k.status = Number(await read(ctx.req));
      ctx.status = 204;
    } else if (m[2] === '/answer') {
      k.answer = await read(ctx.req);
      ctx.status = 204;
    } else if (m[2] === '/snapshot') {
      const body = await read(ctx.req);
      k.snapshots.push({ type: ctx.get('content-type'), cookie: !!ctx.get('cookie'), body });
      ctx.status = 201;
      ctx.body = '';
    } else {
      const body = await read(ctx.req);
      let receiptId = null;
      try {
        receiptId = JSON.parse(body).receiptId;
      } catch {
        // recorded as null: the test sees a malformed body
      }
      k.posts.push({
        receiptId,
        status: k.status,
        type: ctx.get('content-type'),
        cookie: !!ctx.get('cookie'),
        body,
      });
      ctx.status = k.status;
      ctx.body = k.answer;
    }
  };
}
