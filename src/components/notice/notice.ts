import { html, nothing } from 'lit/html.js';
import { noticeRetention, warnAuthor } from '../../core/author-warnings.js';
import type { Garde, Snapshot } from '../../core/types.js';
import { VERSION } from '../../core/version.js';
import type { StorageItem } from '../../i18n/index.js';
import { noticeTranslations, type NoticeTranslation } from '../../i18n/notice/index.js';
import { NOTICE_VERSION } from '../../i18n/notice-version.js';
import { buildSnapshot } from '../../i18n/snapshot.js';
import { GardeElement } from '../base.js';
import { baseStyles } from '../base.styles.js';
import { noticeStyles } from './notice.styles.js';

type ShownCategory = Snapshot['categories'][number];
type ShownService = ShownCategory['services'][number];

/** A row of a category's table: a cookie or storage key, and the service that sets it. */
interface Row extends StorageItem {
  service: string;
}

/** `template` with each `{name}` replaced by `values[name]`. */
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);

/** What each `analytics.afterConsent` extra adds to a hit, in the notice's words. */
const EXTRAS = {
  referrer: 'extraReferrer',
  minor: 'extraMinor',
  screen: 'extraScreen',
  session: 'extraSession',
  persistentId: 'extraPersistentId',
} as const;

/**
 * The cookie and audience-measurement section of a privacy notice, written from the config and
 * from what garde itself does, in the instance's language: each category with its purpose, its
 * services and providers, and a table of every cookie and storage key (name and type, provider
 * and service, purpose, lifetime), garde's own storage under "necessary"; what is measured before
 * and after consent and how long it is kept; the consent records (what they hold, why, how long,
 * access and erasure with the consent id); Global Privacy Control; and a button that opens the
 * cookie settings. Plain document content: headings (`h2`, then `h3`), paragraphs, lists and
 * tables. The categories, services and cookies come from `buildSnapshot()`, the same structure
 * the dialog shows and each receipt's `shown` hashes, so the three cannot disagree. The site's
 * own parts (`controller`, `contact`) and any other string come from `config.texts`.
 *
 * In the drop-in it is dist/garde-notice.js, which dist/garde.js loads only on a page that holds
 * the element, and it renders `window.garde`. Warns the author (console, once) about cookies
 * without purpose or lifetime, a long consent, a long analytics retention.
 *
 * @tag garde-notice
 *
 * @csspart base - The whole section.
 * @csspart title - Its heading (`h2`).
 * @csspart heading - Each sub-heading (`h3`).
 * @csspart text - Each paragraph.
 * @csspart services - The list of a category's services.
 * @csspart table - The table of a category's cookies and storage.
 * @csspart list - The list of what a hit holds after consent.
 * @csspart button - The button that opens the cookie settings.
 * @csspart version - The notice's version.
 *
 * @cssproperty --garde-font - Font family (inherits the page's by default).
 * @cssproperty --garde-color - Text colour (the page's by default, in both colour schemes).
 * @cssproperty --garde-background - The ring around the button on hover.
 * @cssproperty --garde-accent - The button and links.
 * @cssproperty --garde-accent-text - Text on the button.
 * @cssproperty --garde-border - Table borders.
 * @cssproperty --garde-focus - The focus ring.
 * @cssproperty --garde-radius - Corner radius of the button.
 */
export class GardeNotice extends GardeElement {
  static override styles = [baseStyles, noticeStyles];

  /** The instance given, else the last one `init()` created, else the drop-in's `window.garde`. */
  override get garde(): Garde | null {
    return super.garde ?? (window as { garde?: Garde }).garde ?? null;
  }

  override set garde(garde: Garde | null | undefined) {
    super.garde = garde;
  }

  override render(garde: Garde) {
    const { config, lang } = garde;
    warnAuthor(config);
    const strings: NoticeTranslation = { ...noticeTranslations[lang], ...config.texts[lang] };
    const snapshot = buildSnapshot(garde);
    const retention = noticeRetention(config);
    const days = (count: number) =>
      new Intl.NumberFormat(lang, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(
        count,
      );
    const paragraph = (text: string) => (text ? html`<p part="text">${text}</p>` : nothing);
    const heading = (text: string) => html`<h3 part="heading">${text}</h3>`;
    return html`
      <div part="base" lang=${lang}>
        <h2 part="title">${strings.noticeTitle}</h2>
        ${paragraph(strings.noticeIntro)} ${paragraph(strings.controller)}
        ${heading(strings.consentTitle)} ${paragraph(strings.consentText)}
        <p part="text">
          ${strings.changeText}
          <button part="button" @click=${() => garde.showPreferences()}>
            ${this.localize.strings.settings}
          </button>
        </p>
        ${snapshot.categories.map((category) => this.__renderCategory(category, strings))}
        ${heading(strings.measureTitle)} ${this.__renderMeasurement(strings, retention.analytics, days)}
        ${heading(strings.recordsTitle)}
        ${
          config.recordEndpoint
            ? html`
              ${paragraph(fill(strings.recordsText, { days: days(retention.records) }))}
              ${paragraph(fill(strings.rightsText, { contact: strings.contact }))}
            `
            : paragraph(strings.recordsLocal)
        }
        ${heading(strings.gpcTitle)}
        ${paragraph(config.gpc === 'refuse' ? strings.gpcRefuse : strings.gpcIgnore)}
        <p part="text version">
          ${fill(strings.versionText, {
            policy: config.policy.version,
            notice: NOTICE_VERSION,
            garde: VERSION,
          })}
        </p>
      </div>
    `;
  }

  /** A category: its purpose, whether it needs consent, its services, then its table. */
  private __renderCategory(category: ShownCategory, strings: NoticeTranslation) {
    const necessary = category.name === 'necessary';
    // garde's own storage (under "necessary"), set by the consent tool; then the services'.
    const rows = [
      ...(category.storage ?? []).map((item) => ({ ...item, service: strings.consentTool })),
      ...category.services.flatMap((service) => this.__serviceRows(service)),
    ];
    const cell = (value?: string) => html`<td>${value || strings.notStated}</td>`;
    const { provider, purpose, lifetime } = this.localize.strings;
    return html`
      <h3 part="heading">${category.label}</h3>
      ${category.description ? html`<p part="text">${category.description}</p>` : nothing}
      <p part="text">${necessary ? strings.alwaysOn : strings.onlyWithConsent}</p>
      ${
        category.services.length
          ? html`<ul part="services">
            ${category.services.map(
              (service) =>
                html`<li>
                  ${
                    service.provider
                      ? fill(strings.serviceBy, {
                          service: service.label,
                          provider: service.provider,
                        })
                      : service.label
                  }
                  ${service.description}
                </li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        rows.length
          ? html`<table part="table">
            <caption>
              ${fill(strings.tableCaption, { category: category.label })}
            </caption>
            <thead>
              <tr>
                ${[strings.name, provider, purpose, lifetime].map(
                  (title) => html`<th scope="col">${title}</th>`,
                )}
              </tr>
            </thead>
            <tbody>
              ${rows.map(
                (row) => html`<tr>
                  <th scope="row"><code>${row.name}</code><br />${row.term}</th>
                  <td>${row.provider || strings.notStated}<br />${row.service}</td>
                  ${cell(row.purpose)} ${cell(row.lifetime)}
                </tr>`,
              )}
            </tbody>
          </table>`
          : nothing
      }
    `;
  }

  /** A service's cookies, then its other storage keys, as the snapshot (and the dialog) has them. */
  private __serviceRows({ label, cookies, storage = [] }: ShownService): Row[] {
    return [...cookies.map((cookie) => ({ term: 'Cookie', ...cookie })), ...storage].map(
      (item) => ({ ...item, service: label }),
    );
  }

  /** What is measured before consent and after it, and how long it is kept. */
  private __renderMeasurement(
    strings: NoticeTranslation,
    retentionDays: number,
    days: (count: number) => string,
  ) {
    const { config } = this.garde!;
    const { analytics } = config;
    if (!config.analyticsEndpoint) return html`<p part="text">${strings.measureNone}</p>`;
    const query = analytics.queryAllowlist.length
      ? fill(strings.queryKept, { parameters: analytics.queryAllowlist.join(', ') })
      : strings.queryDropped;
    const category = config.categories[analytics.category];
    const extras = analytics.afterConsent.map((extra) => strings[EXTRAS[extra]]);
    return html`
      <p part="text">
        ${
          analytics.preConsent === 'anonymous'
            ? fill(strings.measureBefore, { query })
            : strings.measureBeforeNone
        }
      </p>
      <p part="text">
        ${fill(strings.measureAfter, {
          category: this.localize.text(category?.label, analytics.category),
          days: days(retentionDays),
        })}
      </p>
      ${
        extras.length
          ? html`<p part="text">${strings.extrasIntro}</p>
            <ul part="list">
              ${extras.map((extra) => html`<li>${extra}</li>`)}
            </ul>`
          : nothing
      }
      <p part="text">${strings.measureRefused}</p>
    `;
  }
}
