// How receipts and analytics hits leave the page. `fetch` first: it can omit credentials (a
// same-origin endpoint would otherwise receive the site's cookies, which sendBeacon always
// sends), `keepalive` lets a request made just before leaving the page go out, its answer tells
// the outbox whether a receipt was stored, and `referrerPolicy: 'no-referrer'` keeps the page's
// URL out of the request (sendBeacon cannot: it sends the Referer the page's policy
// allows). A string body is sent as `text/plain;charset=UTF-8`, a CORS-safelisted type: no
// preflight.

/**
 * POSTs `body` to `url` without cookies and without a Referer header. Where fetch is missing or
 * throws at once, falls back to `navigator.sendBeacon` and resolves to whether the beacon was
 * queued (false without one).
 */
export function post(url: string, body: string): Promise<Response | boolean> {
  try {
    return fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    return Promise.resolve(!!navigator.sendBeacon?.(url, body));
  }
}
