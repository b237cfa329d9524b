/**
 * The built-in wording of `<garde-notice>`, the cookie and measurement section of a privacy
 * notice. One object per language with the same keys. `{name}` marks a value filled in from the
 * config. A change to any of them is a new edition of the notice: bump NOTICE_VERSION
 * (src/i18n/notice-version.ts). The site's own parts, `controller` and `contact`, come from
 * `config.texts` (every key in all four languages, or garde's text).
 */
export interface NoticeTranslation {
  /** The section's heading. */
  noticeTitle: string;
  /** What the section is and where it comes from. */
  noticeIntro: string;
  /** Who is responsible for the processing; empty unless the site gives its own. */
  controller: string;
  /** How to reach the site's data-protection officer, after "write to"/"contact"; the site's own. */
  contact: string;
  consentTitle: string;
  /** What needs consent, that refusing is as easy, and that it can be withdrawn. */
  consentText: string;
  /** Before the button that opens the settings. */
  changeText: string;
  /** Under a category that needs no consent, and under one that does. */
  alwaysOn: string;
  onlyWithConsent: string;
  /** A service and its provider: "{service}, provided by {provider}". */
  serviceBy: string;
  /** The caption of a category's table: "{category}: cookies and storage". */
  tableCaption: string;
  /**
   * The first column's heading: the name, and below it the type (the provider, purpose and
   * lifetime columns have the dialog's words).
   */
  name: string;
  /** In a cell the config leaves empty. */
  notStated: string;
  /** garde's own storage: the consent tool itself, as the service that sets it. */
  consentTool: string;
  measureTitle: string;
  /** Before consent, anonymous counting; `{query}` is `queryKept` or `queryDropped`. */
  measureBefore: string;
  queryKept: string;
  queryDropped: string;
  /** Before consent, nothing is sent. */
  measureBeforeNone: string;
  /** After consent: `{category}`, `{days}`. */
  measureAfter: string;
  extraReferrer: string;
  extraMinor: string;
  extraScreen: string;
  extraSession: string;
  extraPersistentId: string;
  /** Before the list of the extras a record holds. */
  extrasIntro: string;
  /** After a refusal or a withdrawal. */
  measureRefused: string;
  /** No audience measurement by the site itself (no analytics endpoint). */
  measureNone: string;
  recordsTitle: string;
  /** What a record holds and why; `{days}`. */
  recordsText: string;
  /** No collector: the records stay in the browser. */
  recordsLocal: string;
  /** Access and erasure with the consent id; `{contact}`. */
  rightsText: string;
  gpcTitle: string;
  gpcRefuse: string;
  gpcIgnore: string;
  /** `{policy}`: the site's policy version; `{notice}`: this wording's edition; `{garde}`. */
  versionText: string;
}
