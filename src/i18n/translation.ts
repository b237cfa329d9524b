/**
 * The strings that the drop-in's first file renders itself: the banner, its own form when the
 * dialog cannot load, the policy link and the settings button, the live region. The build leaves
 * only these in garde.js; the on-demand files bring the rest (complete-strings.ts).
 */
export interface FirstLayerTranslation {
  /** Banner heading, also the name of its landmark region. */
  title: string;
  /**
   * Banner text: short and honest; `{categories}` is replaced by the labels of the categories
   * the visitor may accept.
   */
  text: string;
  /** Added to the banner text while analytics counts visits anonymously before a choice. */
  anonymous: string;
  accept: string;
  reject: string;
  customise: string;
  save: string;
  close: string;
  /** Label of the `necessary` category when the config gives none (the intro says it is on). */
  necessary: string;
  /** Link to the cookie policy. */
  policy: string;
  /** "Cookie settings": the footer button and the dialog heading. */
  settings: string;
  /** Said by the live region after a decision in the banner or the dialog. */
  saved: string;
  /** Said by the banner when the detailed settings could not load and it offers its own form. */
  unavailable: string;
  /** The button that withdraws the consent given (the dialog, the banner's fallback form). */
  withdraw: string;
}

/**
 * The built-in strings of the UI. One object per language with the same keys, so the templates
 * are written once and a missing string is a type error, not a blank button.
 */
export interface Translation extends FirstLayerTranslation {
  /** Intro of the preferences dialog (its heading is `settings`). */
  intro: string;
  /** Summary of the expandable list of services and cookies. */
  services: string;
  provider: string;
  purpose: string;
  lifetime: string;
  /** Label of the visitor's consent id, quoted to the data-protection officer, with its colon. */
  id: string;
  // The placeholder of a blocked embed (garde-placeholder): "<embedFrom> <provider>.", then why.
  /** Followed by who provides the content: the service's provider or label, else the category's. */
  embedFrom: string;
  /** Why the content is not shown. */
  embedBlocked: string;
  /** The button that grants it (a decision, with a receipt) and loads it. */
  embedLoad: string;
  /** The button that copies the consent id, and what the live region then says. */
  copy: string;
  copied: string;
  /** Said when the id could not be copied and is selected instead, for the visitor to copy. */
  selected: string;
  /** Purpose of garde's own cookie (its lifetime is `cookie.days`). */
  consentCookie: string;
  /**
   * Purpose of garde's IndexedDB database: the decision log and the outbox (each entry lasts as
   * long as the decision it records: `cookie.days`).
   */
  log: string;
  /** Purpose and lifetime of the analytics session id (sessionStorage, after consent only). */
  session: string;
  sessionLifetime: string;
  /** The persistent analytics id (localStorage `garde.uid`), set only when configured. */
  persistentId: string;
  persistentIdLifetime: string;
  /**
   * A lifetime of one day, and of `{n}` days, word for word as Intl.NumberFormat's long day unit
   * writes them (formatDays()).
   */
  oneDay: string;
  days: string;
  /**
   * The provider of garde's own storage: the site itself ("This website"; a site may name itself
   * in `texts`).
   */
  site: string;
}
