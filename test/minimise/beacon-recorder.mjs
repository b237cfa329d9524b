// A dev-server middleware for the browser tests: records what a page really sends with
// sendBeacon / fetch to `/__beacons/<box>` (body, content type, cookie and referer headers, and
// all request headers), and hands the records back, once, to a GET on the same URL. Lets tests
// check hits and receipts as the server sees them instead of wrapping browser APIs. A GET to
// `/__beacons/<box>/<name>` (an embed's or a script's URL in a test page) is recorded too, as
// `{ path }`, and answered 204: what a page really requested.
const boxes = new Map();

const readBody = (req) =>
  new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });

export function beaconRecorder() {
  return async (ctx, next) => {
    const [, box, name] = /^\/__beacons\/([\w-]+)(?:\/([\w.-]+))?$/.exec(ctx.path) ?? [];
    if (!box) return next();
    if (name) {
      boxes.set(box, [...(boxes.get(box) ?? []), { path: ctx.path }]);
      ctx.status = 204;
    } else if (ctx.method === 'POST') {
      const record = {
        body: await readBody(ctx.req),
        contentType: ctx.get('content-type'),
        cookie: ctx.get('cookie'),
        // '' when the request carried no Referer header.
        referer: ctx.get('referer'),
        headers: { ...ctx.headers },
      };
      boxes.set(box, [...(boxes.get(box) ?? []), record]);
      ctx.status = 204;
    } else {
      ctx.body = boxes.get(box) ?? [];
      boxes.delete(box);
    }
  };
}
