// The shapes the page's side agrees on: the config, the visitor's decision and the public API
// that the UI uses. The shapes that cross to the collector (receipt, hit) live in src/wire.ts
// and are re-exported here.

import type { PathRules } from '../minimise/path.js';
import type { Lang, Layer, Method, Receipt, ReceiptMethod, TrackProps } from '../wire.js';

// The shapes that cross to the collector live in the wire module; re-exported for the core's users.
export type { Hit, Lang, Method, Receipt, ReceiptMethod, TrackProps } from '../wire.js';
export type { Layer, Snapshot } from '../wire.js';

/** A text given per language (`{ fr: '…', nl: '…' }`) or once for all languages. */
export type LocalisedText = string | Partial<Record<Lang, string>>;

/**
 * The site's own wording of garde's built-in strings, by language then by key (`title`, `text`,
 * `intro`…, every key of the UI's `Translation` but the buttons `accept`, `reject`, `customise`).
 */
export type SiteTexts = Partial<Record<Lang, Record<string, string>>>;

/** A cookie described for the visitor; `name` is also the glob pattern erased on refusal. */
export interface CookieInfo {
  name: string;
  provider?: LocalisedText;
  purpose?: LocalisedText;
  lifetime?: LocalisedText;
}

export interface CategoryConfig {
  label?: LocalisedText;
  description?: LocalisedText;
}

export interface ServiceConfig {
  /** The category this service belongs to; it follows that category unless set on its own. */
  category: string;
  label?: LocalisedText;
  description?: LocalisedText;
  provider?: LocalisedText;
  /** Cookies to erase when refused (glob patterns, `*` only), optionally described for visitors. */
  cookies?: Array<string | CookieInfo>;
  /**
   * localStorage / sessionStorage keys to remove when refused (glob patterns), optionally
   * described for visitors as cookies are.
   */
  storage?: Array<string | CookieInfo>;
}

export type AnalyticsExtra = 'referrer' | 'minor' | 'screen' | 'session' | 'persistentId';

export interface AnalyticsConfig {
  /** Send one pageview hit when the page loads. */
  autoPageview: boolean;
  /** Before analytics consent: send anonymous hits, or nothing at all. */
  preConsent: 'anonymous' | 'none';
  /** Query parameters kept in the page path (empty: the query string is dropped). */
  queryAllowlist: string[];
  /** What a hit may add once the analytics category is granted. */
  afterConsent: AnalyticsExtra[];
  /** The category whose grant counts as analytics consent. */
  category: string;
}

export interface IntegrationsConfig {
  /**
   * Google Consent Mode v2: `gtag('consent', 'default' | 'update', …)` and a `garde_consent`
   * event in dataLayer; `true` for the default mapping, or its options.
   */
  consentMode: boolean | ConsentModeOptions;
  /**
   * Matomo: `requireConsent`, then `setConsentGiven` / `forgetConsentGiven`; `"cookies"` for
   * Matomo's cookie-consent mode (`requireCookieConsent`, `setCookieConsentGiven`,
   * `forgetCookieConsentGiven`): requests without cookies before consent.
   */
  matomo: boolean | 'cookies';
}

/** Google's consent types, as its Consent Mode documents them. */
export type ConsentModeType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** The options of `integrations.consentMode`. */
export interface ConsentModeOptions {
  /**
   * Google's consent types per category or service name (replaces the default: analytics →
   * analytics_storage; marketing → ad_storage, ad_user_data, ad_personalization; preferences →
   * functionality_storage, personalization_storage). A type is granted when any name mapped
   * onto it is allowed.
   */
  map?: Record<string, ConsentModeType[]>;
  /** ISO 3166-2 region codes the default applies to (`region` of the default command). */
  region?: string[];
  /** `gtag('set', 'ads_data_redaction', …)`: redact ad click ids while ad_storage is denied. */
  ads_data_redaction?: boolean;
  /** `gtag('set', 'url_passthrough', …)`: pass ad click ids in links while storage is denied. */
  url_passthrough?: boolean;
}

/** The config as the page gives it (JSON); every field but `policy` is optional. */
export interface GardeConfigInput {
  policy: { url: LocalisedText; version: string };
  categories?: Record<string, CategoryConfig>;
  services?: Record<string, ServiceConfig>;
  cookie?: { name?: string; days?: number; domain?: string };
  recordEndpoint?: string | null;
  analyticsEndpoint?: string | null;
  analytics?: Partial<AnalyticsConfig>;
  integrations?: Partial<IntegrationsConfig>;
  /** The site's own rules for the paths of hits and receipts (docs/analytics.md, "Paths"). */
  paths?: PathRules;
  gpc?: 'refuse' | 'ignore';
  lang?: 'auto' | Lang;
  reloadOnRefusal?: boolean;
  floatingButton?: boolean | 'auto';
  texts?: SiteTexts;
  retention?: Partial<Retention>;
}

/** The validated config, every default filled in; `categories` always holds `necessary` first. */
export interface GardeConfig {
  policy: { url: LocalisedText; version: string };
  categories: Record<string, CategoryConfig>;
  services: Record<string, ServiceConfig>;
  cookie: { name: string; days: number; domain?: string };
  recordEndpoint: string | null;
  analyticsEndpoint: string | null;
  analytics: AnalyticsConfig;
  integrations: IntegrationsConfig;
  paths: Required<PathRules>;
  gpc: 'refuse' | 'ignore';
  lang: 'auto' | Lang;
  reloadOnRefusal: boolean;
  floatingButton: boolean | 'auto';
  /** The site's wording, each key given in all four languages (the others are dropped). */
  texts: SiteTexts;
  /**
   * As given: only `<garde-notice>` reads it, and checks it (`noticeRetention`), so that the
   * drop-in does not carry that check.
   */
  retention?: unknown;
}

/** How long the collector keeps what it receives, in days, as `<garde-notice>` states it. */
export interface Retention {
  /** A visitor's consent records after their last decision (`--retention-records-days`). */
  records: number;
  /** Analytics hits sent after consent, before only daily totals remain (`--retention-hits-days`). */
  analytics: number;
}

/** The visitor's decision, or `null` before there is a valid one. */
export interface ConsentState {
  /**
   * Random UUID, only while something beyond `necessary` is granted (a refusal needs no proof
   * and gets no identifier); kept across later decisions that still grant something, made anew
   * by the first grant after a refusal or a withdrawal.
   */
  id?: string;
  /** `policy.version` the decision was made under. */
  version: string;
  /** ISO 8601. */
  decidedAt: string;
  /** ISO 8601. */
  expiresAt: string;
  categories: Record<string, boolean>;
  services: Record<string, boolean>;
  method: Method;
  /** True when Global Privacy Control was on as it was made: GPC then no longer overrides it. */
  gpc?: boolean;
  /**
   * Services added to the config since the decision, in a category it grants: asleep (set off in
   * `services`) and the banner asks again until the visitor decides on them. Absent when none.
   */
  unasked?: string[];
}

/** One entry of the browser-side log (IndexedDB): the receipt and whether it reached the server. */
export interface HistoryEntry extends Receipt {
  sent: boolean;
}

/** Context of a decision taken through the API. */
export interface DecisionOptions {
  /**
   * Where the visitor took it, recorded as the receipt's `layer`: garde's banner and dialog pass
   * their own; a call without it (or with another value) is recorded as `api`.
   */
  layer?: Layer;
}

/**
 * The canonical serialisation (`canonicalJson`) of the snapshot of what the UI shows for an
 * instance: see `snapshotText`.
 */
export type SnapshotProvider = (garde: Pick<Garde, 'config' | 'lang'>) => string;

/** The runtime API: `window.garde` in the drop-in, the return value of `init()` in ESM. */
export interface Garde {
  readonly config: GardeConfig;
  /** The current decision, or null while the visitor has not decided (banner shown). */
  readonly consent: ConsentState | null;
  /**
   * True after a withdrawal (on this page or an earlier one) until the next decision: the
   * banner is shown, and analytics stays silent meanwhile.
   */
  readonly withdrawn: boolean;
  /** The language garde renders and records in: resolved at `init()`, changed by `setLang()`. */
  readonly lang: Lang;
  /** Resolves once stored state is read and the outbox has been retried. */
  readonly ready: Promise<void>;
  acceptAll(options?: DecisionOptions): void;
  rejectAll(options?: DecisionOptions): void;
  /**
   * Category and service names; a service follows its category unless set on its own. Granting
   * a service grants its category too (`set({ youtube: true })` grants `marketing`).
   */
  set(choices: Record<string, boolean>, options?: DecisionOptions): void;
  /** Whether a category or a service is granted now (a service: itself and its category). */
  allowed(name: string): boolean;
  /**
   * Forget the decision, clear non-necessary cookies and storage, ask again. The receipt's
   * `layer` is `options.layer` (garde's dialog and banner pass theirs), else `api`.
   */
  withdraw(options?: DecisionOptions): void;
  /**
   * Renders every element in another of garde's languages (`nl-BE` → `nl`); receipts from then on
   * record it and what was shown in it. Another language gets a console warning and the one
   * `init()` would choose.
   */
  setLang(lang: string): void;
  /** Asks the UI to open the preferences dialog (a `garde:show-preferences` event on document). */
  showPreferences(): void;
  /** The browser-side log of decisions, oldest first. */
  history(): Promise<HistoryEntry[]>;
  /**
   * Called after every decision (and withdrawal, with null) on this page or in another tab of the
   * site (then `adopted` is true: this page sends no receipt for it), never for the decision an
   * earlier page stored (`garde:consent` also runs then); the second argument says what changed.
   * Returns an unsubscribe function.
   */
  onChange(
    callback: (
      state: ConsentState | null,
      change: { previous: ConsentState | null; method: ReceiptMethod; adopted?: boolean },
    ) => void,
  ): () => void;
  /** Sends an analytics hit, minimised according to the visitor's consent. */
  track(name?: string, props?: TrackProps): void;
  /** Stops observers and listeners (tests, single-page teardown). */
  destroy(): void;
}

declare global {
  interface DocumentEventMap {
    'garde:consent': CustomEvent<ConsentState | null>;
    'garde:show-preferences': CustomEvent<void>;
    'garde:lang': Event;
  }
}
