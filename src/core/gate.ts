// Keeps gated scripts and embeds asleep until their category (and service, if named) is
// granted. Scripts are revived as fresh <script> elements, one after the other in document
// order: an external one must load (or fail) before the next runs, as the parser would do.

/** Whether the category, and the service if one is named, are granted. */
export type GateCheck = (category: string, service?: string) => boolean;

const SEL =
  'script[type="text/plain"][data-category],[data-category][data-src],[data-category][data-srcset]';

function revive(old: HTMLScriptElement): Promise<void> {
  return new Promise((done) => {
    if (!old.isConnected) return done();
    const s = document.createElement('script');
    for (const { name, value } of old.attributes) if (name != 'type') s.setAttribute(name, value);
    if (old.dataset.type) s.type = old.dataset.type;
    // Chromium hides the nonce attribute from pages under CSP: only the property holds it.
    s.nonce = old.nonce;
    s.text = old.text;
    const wait = old.hasAttribute('src') && !old.hasAttribute('async');
    s.onload = s.onerror = () => done();
    old.replaceWith(s);
    if (!wait) done();
  });
}

/** Starts gating: revives what is granted now and on each `apply()`, and watches for added elements. */
export function startGate(ok: GateCheck): { apply(): void; stop(): void } {
  const seen = new WeakSet<Element>();
  let chain = Promise.resolve();
  const apply = () => {
    // While the page is parsed, a gated script may be seen before the parser has appended all its
    // text (a network chunk can end inside it): wait for the whole document.
    if (document.readyState == 'loading') return;
    for (const el of document.querySelectorAll<HTMLElement>(SEL)) {
      const { category, service, src, srcset } = el.dataset;
      if (seen.has(el) || !ok(category!, service)) continue;
      seen.add(el);
      // Checked again when its turn comes: the visitor may have refused meanwhile (then it waits for a later grant).
      if (el instanceof HTMLScriptElement)
        chain = chain.then(() => (ok(category!, service) ? revive(el) : void seen.delete(el)));
      else {
        if (srcset != null) el.setAttribute('srcset', srcset);
        if (src != null) el.setAttribute('src', src);
        // A <source> changed after its media element chose one is only seen after load().
        if (el.parentElement instanceof HTMLMediaElement) el.parentElement.load();
      }
    }
  };
  const mo = new MutationObserver((records) => records.some((r) => r.addedNodes.length) && apply());
  mo.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', apply);
  apply();
  return {
    apply,
    stop() {
      mo.disconnect();
      document.removeEventListener('DOMContentLoaded', apply);
    },
  };
}
