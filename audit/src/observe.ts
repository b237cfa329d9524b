// What a page has stored and requested: a request recorder that runs for the page's whole life,
// and a snapshot of cookies (the whole browser context, every domain) and of the storage of
// every frame (localStorage and sessionStorage keys, IndexedDB database names).
import type { BrowserContext, HTTPRequest, Page } from 'puppeteer-core';
import type { SeenItem } from './types.js';

/** Collects the page's requests; `take()` returns those since the last call. */
export class RequestRecorder {
  private seen: SeenItem[] = [];
  private readonly onRequest = (req: HTTPRequest): void => {
    const url = req.url();
    if (!/^https?:/.test(url)) return;
    let frameUrl: string | undefined;
    try {
      frameUrl = req.frame()?.url();
    } catch {
      frameUrl = undefined;
    }
    this.seen.push({
      kind: 'request',
      name: url.replace(/[?#].*$/, ''),
      where: new URL(url).host,
      type: req.resourceType(),
      ...(frameUrl ? { frameUrl } : {}),
      initiators: initiatorUrls(req),
    });
  };

  constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
  }

  take(): SeenItem[] {
    const out = this.seen;
    this.seen = [];
    return out;
  }

  stop(): void {
    this.page.off('request', this.onRequest);
  }
}

interface StackLike {
  callFrames?: Array<{ url?: string }>;
  parent?: StackLike;
}

/** Every script URL on the request's initiator stack, async parents included. */
function initiatorUrls(req: HTTPRequest): string[] {
  const init = req.initiator();
  const urls = new Set<string>();
  if (init?.url) urls.add(init.url);
  for (let stack = init?.stack as StackLike | undefined; stack; stack = stack.parent) {
    for (const f of stack.callFrames ?? []) if (f.url) urls.add(f.url);
  }
  return [...urls];
}

interface FrameStorage {
  origin: string;
  /** Image URL (without query) → the script that set it. */
  images: Record<string, string>;
  local: string[];
  session: string[];
  databases: string[];
  csp: string[];
}

/**
 * Runs in each frame: storage keys and database names, each read on its own so one blocked API
 * does not hide the rest. In-page functions hold no named inner functions: tsx would wrap those
 * in a `__name` helper that does not exist in the page.
 */
export async function readFrameStorage(): Promise<FrameStorage> {
  const lists: string[][] = [[], []];
  for (const [i, kind] of (['localStorage', 'sessionStorage'] as const).entries()) {
    try {
      const s = window[kind];
      for (let k = 0; k < s.length; k++) lists[i]!.push(s.key(k) ?? '');
    } catch {
      // storage blocked for this frame: nothing can be in it
    }
  }
  let databases: string[] = [];
  try {
    databases = (await indexedDB.databases()).map((d) => d.name ?? '');
  } catch {
    databases = [];
  }
  const w = window as unknown as {
    __gardeAuditCsp?: string[];
    __gardeAuditImg?: Record<string, string>;
  };
  return {
    origin: location.origin,
    images: w.__gardeAuditImg ?? {},
    local: lists[0]!,
    session: lists[1]!,
    databases,
    csp: w.__gardeAuditCsp ?? [],
  };
}

/**
 * Set up before any page script runs: notes which script set an image's src. Chromium reports
 * no initiator for image beacons (`new Image().src = pixel`), the commonest tracking request;
 * this lets the audit tie the pixel to the gated script that sent it. Behaviour is unchanged.
 * Source text rather than a function: tsx would name the setter with a helper the page lacks.
 */
export const RECORD_IMAGE_INITIATORS = `(() => {
  const d = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
  if (!d || !d.set || !d.get) return;
  const seen = (window.__gardeAuditImg = {});
  Object.defineProperty(HTMLImageElement.prototype, 'src', {
    configurable: true,
    enumerable: d.enumerable,
    get: d.get,
    set(v) {
      try {
        const caller = /(https?:\\/\\/[^\\s()]+?):\\d+:\\d+/.exec((new Error().stack || '').split('\\n').slice(2).join('\\n'));
        if (caller) seen[new URL(String(v), location.href).href.replace(/[?#].*$/, '')] = caller[1];
      } catch (e) {
        // attribution only: never get in the page's way
      }
      d.set.call(this, v);
    },
  });
})();`;

/** Set up before any page script runs: records CSP violations so the audit can report them. */
export function listenForCspViolations(): void {
  const w = window as unknown as { __gardeAuditCsp?: string[] };
  w.__gardeAuditCsp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__gardeAuditCsp!.push(
      `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || location.href}:${e.lineNumber})`,
    );
  });
}

export interface Snapshot {
  items: SeenItem[];
  cspViolations: string[];
  /** Image URL (without query) → the script that set it, from every frame. */
  imageInitiators: Map<string, string>;
}

/** Cookies of the whole context and the storage of every frame of the page, right now. */
export async function snapshot(context: BrowserContext, page: Page): Promise<Snapshot> {
  const items: SeenItem[] = [];
  for (const c of await context.cookies())
    items.push({ kind: 'cookie', name: c.name, where: c.domain });
  const cspViolations: string[] = [];
  const imageInitiators = new Map<string, string>();
  for (const frame of page.frames()) {
    if (frame.detached || !/^https?:/.test(frame.url())) continue;
    let s: FrameStorage;
    try {
      s = await frame.evaluate(readFrameStorage);
    } catch {
      continue; // a frame that navigated or went away meanwhile
    }
    for (const k of s.local) items.push({ kind: 'localStorage', name: k, where: s.origin });
    for (const k of s.session) items.push({ kind: 'sessionStorage', name: k, where: s.origin });
    for (const d of s.databases) items.push({ kind: 'indexedDB', name: d, where: s.origin });
    cspViolations.push(...s.csp);
    for (const [img, script] of Object.entries(s.images)) imageInitiators.set(img, script);
  }
  return { items: dedupe(items), cspViolations, imageInitiators };
}

/** One entry per kind, name and place. */
export function dedupe(items: SeenItem[]): SeenItem[] {
  const map = new Map<string, SeenItem>();
  for (const i of items)
    map.set(`${i.kind}|${i.name}|${i.where}`, map.get(`${i.kind}|${i.name}|${i.where}`) ?? i);
  return [...map.values()];
}
