// Keeps gated scripts and embeds asleep until their category (and service, if named) is
// granted. Scripts are revived as fresh <script> elements, one after the other in document
// order: an external one must load (or fail) before the next runs, as the parser would do.
// Embeds are loaded on a grant and unloaded on a refusal; so is a <template>'s content, put on the
// page after it. The ones held back carry BLOCKED, the only thing the UI reads (it places a
// placeholder over them) and never the reverse.
import { own } from './state.js';
import type { GardeConfig } from './types.js';

/** Whether the category, and the service if one is named, are granted. */
export type GateCheck = (category: string, service?: string) => boolean;

/**
 * What the gate holds back: `text/plain` scripts, embeds whose `src` / `srcset` wait in data-*, and
 * templates, whose content is inert markup until it is moved in.
 */
const GATED = '[data-category]:is(script[type="text/plain"],[data-src],[data-srcset],template)';

/** The attribute the gate puts on an embed while it holds it back (and removes when it loads it). */
export const BLOCKED = 'data-garde-blocked';

export interface GateOptions {
  isGranted: GateCheck;
  /** The names the page's markup may use; others get one console warning each. */
  config: Pick<GardeConfig, 'categories' | 'services'>;
}

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

/**
 * Loads an embed (`src` and `srcset` from their data-* copies, which stay) or unloads it (they
 * are removed: a frame goes back to about:blank, a medium stops). A template's content is moved in
 * after it, and back into it: a frame in it has no browsing context until then (an empty
 * `<iframe>` has one from the parser on, which costs a phone tens of milliseconds). Unloads when
 * given what its load returned (the nodes a template put on the page); returns what it loaded.
 */
function setLoaded(element: HTMLElement, loaded?: ChildNode[]): ChildNode[] {
  const { content } = element as Partial<HTMLTemplateElement>;
  const load = !loaded;
  const nodes = loaded ?? [...(content?.childNodes ?? [])];
  if (load) element.after(...nodes);
  else content?.append(...nodes);
  for (const name of ['srcset', 'src'] as const) {
    const value = element.dataset[name];
    if (value == null) continue;
    if (load) element.setAttribute(name, value);
    else element.removeAttribute(name);
  }
  // A medium keeps playing what it has without load() (which also pauses it), and a <source>
  // changed after its medium chose one is only seen after load().
  const media = element instanceof HTMLMediaElement ? element : element.parentElement;
  if (media instanceof HTMLMediaElement) media.load();
  return nodes;
}

/**
 * Starts gating: revives scripts and loads embeds granted now and on each `apply()`, unloads the
 * embeds refused since; watches for added elements.
 */
export function startGate({ isGranted, config }: GateOptions): { apply(): void; stop(): void } {
  const seen = new WeakSet<Element>();
  // What each embed loaded: a template's nodes (on this gate's own, should a page start two).
  const loaded = new WeakMap<Element, ChildNode[]>();
  const warned = new Set<string>();
  // Each element's names are checked once, not at every apply.
  const named = new WeakSet<Element>();
  const configured = { category: config.categories, service: config.services };
  // A typo in the markup would keep an element asleep for ever without a word.
  const checkNames = (element: HTMLElement) => {
    for (const kind of ['category', 'service'] as const) {
      const name = element.dataset[kind];
      const message = `garde: data-${kind}="${name}" is unknown`;
      if (name && !own(configured[kind], name) && !warned.has(message)) {
        warned.add(message);
        console.warn(message);
      }
    }
  };
  let chain = Promise.resolve();
  const apply = () => {
    // While the page is parsed, a gated script may be seen before the parser has appended all its
    // text (a network chunk can end inside it): wait for the whole document.
    if (document.readyState === 'loading') return;
    for (const element of document.querySelectorAll<HTMLElement>(GATED)) {
      if (!named.has(element)) {
        named.add(element);
        checkNames(element);
      }
      const { category, service } = element.dataset;
      const granted = isGranted(category!, service);
      if (!(element instanceof HTMLScriptElement)) {
        element.toggleAttribute(BLOCKED, !granted);
        if (granted !== loaded.has(element)) {
          const nodes = setLoaded(element, loaded.get(element));
          if (granted) loaded.set(element, nodes);
          else loaded.delete(element);
        }
      } else if (granted && !seen.has(element)) {
        seen.add(element);
        // Checked again when its turn comes: the visitor may have refused meanwhile (then it
        // waits for a later grant).
        chain = chain.then(() => {
          if (isGranted(category!, service)) return revive(element);
          seen.delete(element);
        });
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
