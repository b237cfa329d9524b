// A stand-in for the collector's receipt endpoint, served by the test runner's dev server:
//   POST /test-consent/<key>         a receipt; answered with the key's current status (202 by default)
//   POST /test-consent/<key>/status  sets that status (body: the number, e.g. 503)
//   GET  /test-consent/<key>         { status, posts: [{ receiptId, status, type, cookie }] } what it saw
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
    const m = /^\/test-consent\/([\w-]+)(\/status)?$/.exec(ctx.path);
    if (!m) return next();
    if (!keys.has(m[1])) keys.set(m[1], { status: 202, posts: [] });
    const k = keys.get(m[1]);
    if (ctx.method === 'GET') {
      ctx.body = k;
    } else if (m[2]) {
      k.status = Number(await read(ctx.req));
      ctx.status = 204;
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
      });
      ctx.status = k.status;
      ctx.body = '';
    }
  };
}
