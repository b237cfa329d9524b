// The shapes of an audit: what was seen on a page in one consent state, and how it was judged.

/** The consent states the crawler puts a page in. The last three are for the test suite. */
export type AuditState =
  'fresh' | 'refused' | 'accepted' | 'withdrawn' | 'gpc' | 'tampered' | 'policy-change';

/** States in which the visitor has not consented: anything non-necessary seen there is a leak. */
export const NO_CONSENT_STATES: ReadonlySet<AuditState> = new Set([
  'fresh',
  'refused',
  'withdrawn',
  'gpc',
  'tampered',
  'policy-change',
]);

/** States after the visitor said no (refusal, withdrawal, Global Privacy Control): no analytics at all. */
export const REFUSED_STATES: ReadonlySet<AuditState> = new Set(['refused', 'withdrawn', 'gpc']);

export type ItemKind = 'cookie' | 'localStorage' | 'sessionStorage' | 'indexedDB' | 'request';

/** One thing a page left behind or asked for. */
export interface SeenItem {
  kind: ItemKind;
  /** Cookie name, storage key, database name, or request URL (without query string). */
  name: string;
  /** Cookie domain, or the origin of the frame that holds the storage, or the request's host. */
  where: string;
  /** For requests: script, image, sub_frame, xhr… */
  type?: string;
  /** For requests: the URL of the frame that made it. */
  frameUrl?: string;
  /** For requests: the script URLs on the initiator's stack (who asked for it). */
  initiators?: string[];
}

/** What the page's garde config says about an item. */
export type Verdict =
  /** Declared necessary (garde's own cookie and database, necessary services, garde's endpoints). */
  | { declared: true; category: 'necessary'; by: string }
  /** Declared as belonging to a category that needs consent. */
  | { declared: true; category: string; by: string }
  | { declared: false };

export interface JudgedItem extends SeenItem {
  verdict: Verdict;
  /** Seen in a state without consent and not necessary (see `leak.ts`). */
  leak: boolean;
  /** Why a non-necessary item seen without consent is, or would be, allowed: garde's anonymous hit. */
  note?: string;
}

export interface StateReport {
  state: AuditState;
  /** `garde.consent.method` on the page when observed (null: no decision; undefined: no garde). */
  decision?: string | null;
  items: JudgedItem[];
  /** Uncaught page errors, CSP violations and steps that could not be done (e.g. no banner). */
  problems: string[];
}

export interface PageReport {
  url: string;
  lang: string;
  /** Whether a `#garde-config` was found and parsed. */
  garde: boolean;
  states: StateReport[];
}

export interface AuditReport {
  start: string;
  /** Whether garde's anonymous measurement before consent counted as a leak (`--strict`). */
  strict: boolean;
  pages: PageReport[];
  /** Languages asked for (--lang) that no crawled page was in. */
  missingLangs: string[];
  leaks: number;
  problems: number;
}

export interface AuditOptions {
  url: string;
  /** Maximum number of pages per language (same origin, followed links). */
  pages: number;
  /** Languages to cover; empty: whatever the start page links to, one page language each. */
  langs: string[];
  states: AuditState[];
  /** Per navigation and per wait, in ms. */
  timeout: number;
  /**
   * The Belgian DPA's reading: consent even for cookieless, anonymous measurement, so garde's own
   * analytics hit before consent is a leak too. Default false.
   */
  strict?: boolean;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}
