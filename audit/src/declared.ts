// What the page's garde config declares: cookie and storage patterns per service, the sources of
// gated scripts and frames per category, and garde's own necessary cookie, database and endpoints.
import type { Verdict, SeenItem } from './types.js';

/**
 * A gated element found in the page: `data-category` with a `src` / `data-src`, or a template's
 * element with a `src`.
 */
export interface GatedSource {
  url: string;
  category: string;
  service?: string;
}

/** The raw facts read in the page by {@link readDeclarations}. */
export interface PageDeclarations {
  /** The parsed `#garde-config`, or null when absent or not JSON. */
  config: Record<string, unknown> | null;
  gated: GatedSource[];
  lang: string;
}

/**
 * Runs in the page (serialised by puppeteer: no imports, no closures). Reads `#garde-config` and
 * every gated element. Gated elements are collected before garde revives them only when it has not
 * run yet; after, revived elements keep `data-category`, so they are still found.
 */
export function readDeclarations(): PageDeclarations {
  let config: Record<string, unknown> | null = null;
  const el = document.getElementById('garde-config');
  if (el?.textContent) {
    try {
      const parsed: unknown = JSON.parse(el.textContent);
      if (parsed && typeof parsed === 'object') config = parsed as Record<string, unknown>;
    } catch {
      config = null;
    }
  }
  const gated: GatedSource[] = [];
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-category]'))) {
    // A gated template's sources are those of its content (frames, scripts, images), inert until
    // garde moves it in; read on a first visit, before any grant.
    const raws =
      node instanceof HTMLTemplateElement
        ? Array.from(node.content.querySelectorAll('[src]'), (inner) => inner.getAttribute('src'))
        : [node.getAttribute('data-src') ?? node.getAttribute('src')];
    const category = node.getAttribute('data-category') ?? '';
    const service = node.getAttribute('data-service') ?? undefined;
    for (const raw of raws)
      if (raw && category)
        gated.push({
          url: new URL(raw, document.baseURI).href,
          category,
          ...(service ? { service } : {}),
        });
  }
  return { config, gated, lang: document.documentElement.lang };
}

/** A `*`-only glob as in the config (`_pk_id.*`), matched against a whole name. */
export function globMatch(pattern: string, name: string): boolean {
  const re = new RegExp(
    '^' +
      pattern
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*') +
      '$',
  );
  return re.test(name);
}

const NECESSARY: Verdict & { declared: true } = {
  declared: true,
  category: 'necessary',
  by: 'garde',
};

/** garde keeps its log and outbox in IndexedDB (idb-keyval); these names are its own. */
const GARDE_DATABASES = /^(garde.*|keyval-store)$/;

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const stripQuery = (url: string): string => url.replace(/[?#].*$/, '');

/** Judges items against the declarations of one page. */
export class Declarations {
  readonly config: Record<string, unknown> | null;
  readonly gated: GatedSource[];
  /** <html lang> of the page. */
  readonly lang: string;
  /** garde's own consent cookie. */
  readonly cookieName: string;
  private readonly endpoints: string[];
  private readonly analyticsEndpoint: string | null;

  constructor(facts: PageDeclarations, pageUrl: string) {
    this.config = facts.config;
    this.gated = facts.gated;
    this.lang = facts.lang;
    const cookie = asRecord(this.config?.cookie);
    this.cookieName = typeof cookie.name === 'string' ? cookie.name : 'garde_consent';
    const endpoint = (key: string): string | null => {
      const value = this.config?.[key];
      return typeof value === 'string' && value ? stripQuery(new URL(value, pageUrl).href) : null;
    };
    this.analyticsEndpoint = endpoint('analyticsEndpoint');
    this.endpoints = [endpoint('recordEndpoint'), this.analyticsEndpoint].filter(
      (url): url is string => url !== null,
    );
  }

  /** The category of garde's own analytics (`analytics.category`, default `analytics`). */
  get analyticsCategory(): string {
    const c = asRecord(this.config?.analytics).category;
    return typeof c === 'string' ? c : 'analytics';
  }

  private serviceCategory(name: string): string {
    const svc = asRecord(asRecord(this.config?.services)[name]);
    return typeof svc.category === 'string' ? svc.category : 'unknown';
  }

  /** Finds the first service whose `cookies` or `storage` pattern matches the name. */
  private byServicePattern(field: 'cookies' | 'storage', name: string): Verdict {
    for (const [service, raw] of Object.entries(asRecord(this.config?.services))) {
      const list = asRecord(raw)[field];
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const pattern = typeof entry === 'string' ? entry : asRecord(entry).name;
        if (typeof pattern === 'string' && globMatch(pattern, name)) {
          return {
            declared: true,
            category: this.serviceCategory(service),
            by: `service ${service}`,
          };
        }
      }
    }
    return { declared: false };
  }

  /** The gated source a request belongs to: the same URL, or, failing that, the same host. */
  private byGatedSource(url: string, frameUrl: string | undefined, initiators: string[]): Verdict {
    const bare = stripQuery(url);
    const isGated = (u: string) => this.gated.find((g) => stripQuery(g.url) === stripQuery(u));
    const exact = isGated(bare);
    // A request made by a gated script (its stack names the script) or from inside a gated frame.
    const viaFrame = frameUrl ? isGated(frameUrl) : undefined;
    const viaScript = initiators.map(isGated).find(Boolean);
    const host = new URL(url).host;
    const sameHost = this.gated.find(
      (g) => new URL(g.url).host === host && new URL(g.url).host !== this.pageHost,
    );
    const hit = exact ?? viaScript ?? viaFrame ?? sameHost;
    if (!hit) return { declared: false };
    const by = hit.service ? `service ${hit.service}` : `gated ${new URL(hit.url).pathname}`;
    return {
      declared: true,
      category: hit.service ? this.serviceCategory(hit.service) : hit.category,
      by,
    };
  }

  private pageHost = '';

  /** Sets the page whose first-party requests are not reported unless gated. */
  forPage(pageUrl: string): this {
    this.pageHost = new URL(pageUrl).host;
    return this;
  }

  /** Whether a first-party request is worth reporting: only when it fetches a gated source. */
  isGatedFirstParty(url: string, initiators: string[] = []): boolean {
    return [url, ...initiators].some((u) =>
      this.gated.some((g) => stripQuery(g.url) === stripQuery(u)),
    );
  }

  /** Whether a request goes to one of garde's own endpoints (receipts, analytics hits). */
  isEndpoint(url: string): boolean {
    return this.endpoints.includes(stripQuery(url));
  }

  /** Whether a request is garde's own analytics hit (to `analyticsEndpoint`). */
  isAnalyticsHit(url: string): boolean {
    return this.analyticsEndpoint !== null && this.analyticsEndpoint === stripQuery(url);
  }

  /** What the config says about one item. */
  judge(item: SeenItem): Verdict {
    switch (item.kind) {
      case 'cookie':
        if (item.name === this.cookieName) return NECESSARY;
        return this.byServicePattern('cookies', item.name);
      case 'localStorage':
      case 'sessionStorage':
        // A receipt the drop-in keeps until the server has it: the proof of a decision.
        if (item.name.startsWith('garde.receipt.')) return NECESSARY;
        // garde's own analytics ids (session, persistent) follow the analytics category.
        if (/^garde\./.test(item.name))
          return { declared: true, category: this.analyticsCategory, by: 'garde analytics' };
        return this.byServicePattern('storage', item.name);
      case 'indexedDB':
        return GARDE_DATABASES.test(item.name) ? NECESSARY : { declared: false };
      case 'request':
        // A hit measures the audience: analytics, even when anonymous; a receipt is the proof of consent.
        if (this.isAnalyticsHit(item.name))
          return { declared: true, category: this.analyticsCategory, by: 'garde analytics' };
        if (this.isEndpoint(item.name))
          return { declared: true, category: 'necessary', by: 'garde endpoint' };
        // garde's record-keeping file, loaded to send a receipt: as necessary as the receipt. A
        // per-language drop-in (garde.fr.js) loads its language's (garde-records.fr.js).
        if (/\/garde-records(\.[a-z]{2})?\.js$/.test(stripQuery(item.name))) return NECESSARY;
        return this.byGatedSource(item.name, item.frameUrl, item.initiators ?? []);
    }
  }
}
