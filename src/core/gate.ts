// Keeps gated scripts and embeds asleep until their category (and service, if named) is
// granted. Scripts are revived as fresh <script> elements, one after the other in document
// order: an external one must load (or fail) before the next runs, as the parser would do.

/** Whether the category, and the service if one is named, are granted. */
export type GateCheck = (category: string, service?: string) => boolean;

/** What the gate holds back: `text/plain` scripts, embeds whose `src` / `srcset` wait in data-*. */
const GATED =
  'script[type="text/plain"][data-category],[data-category][data-src],[data-category][data-srcset]';

/** Replaces a gated script by a live copy; resolves once the next one may run. */
function revive(sleeping: HTMLScriptElement): Promise<void> {
  return new Promise((done) => {
    if (!sleeping.isConnected) return done();
    const script = document.createElement('script');
    for (const { name, value } of sleeping.attributes)
      if (name !== 'type') script.setAttribute(name, value);
    if (sleeping.dataset.type) script.type = sleeping.dataset.type;
    // Chromium hides the nonce attribute from pages under CSP: only the property holds it.
    script.nonce = sleeping.nonce;
    script.text = sleeping.text;
    const waits = sleeping.hasAttribute('src') && !sleeping.hasAttribute('async');
    script.onload = script.onerror = () => done();
    sleeping.replaceWith(script);
    if (!waits) done();
  });
}

/** Starts gating: revives what is granted now and on each `apply()`; watches for added elements. */
export function startGate(isGranted: GateCheck): { apply(): void; stop(): void } {
  const seen = new WeakSet<Element>();
  let chain = Promise.resolve();
  const apply = () => {
    // While the page is parsed, a gated script may be seen before the parser has appended all its
    // text (a network chunk can end inside it): wait for the whole document.
    if (document.readyState === 'loading') return;
    for (const element of document.querySelectorAll<HTMLElement>(GATED)) {
      const { category, service, src, srcset } = element.dataset;
      if (seen.has(element) || !isGranted(category!, service)) continue;
      seen.add(element);
      if (element instanceof HTMLScriptElement) {
        // Checked again when its turn comes: the visitor may have refused meanwhile (then it
        // waits for a later grant).
        chain = chain.then(() => {
          if (isGranted(category!, service)) return revive(element);
          seen.delete(element);
        });
      } else {
        if (srcset != null) element.setAttribute('srcset', srcset);
        if (src != null) element.setAttribute('src', src);
        // A <source> changed after its media element chose one is only seen after load().
        if (element.parentElement instanceof HTMLMediaElement) element.parentElement.load();
      }
    }
  };
  const observer = new MutationObserver((records) => {
    if (records.some((record) => record.addedNodes.length)) apply();
  });
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', apply);
  apply();
  return {
    apply,
    stop() {
      observer.disconnect();
      document.removeEventListener('DOMContentLoaded', apply);
    },
  };
}
