// How receipts and analytics hits leave the page. `fetch` first: it can omit credentials (a
// same-origin endpoint would otherwise receive the site's cookies, which sendBeacon always
// sends), `keepalive` lets a request made just before leaving the page go out, and its answer
// tells the outbox whether a receipt was stored. A string body is sent as
// `text/plain;charset=UTF-8`, a CORS-safelisted type: no preflight.

/**
 * POSTs `body` to `url` without cookies. Where fetch is missing or throws at once, falls back to
 * `navigator.sendBeacon` and resolves to whether the beacon was queued (false without one).
 */
export function post(url: string, body: string): Promise<Response | boolean> {
  try {
    return fetch(url, { method: 'POST', body, keepalive: true, credentials: 'omit' });
  } catch {
    return Promise.resolve(!!navigator.sendBeacon?.(url, body));
  }
}
