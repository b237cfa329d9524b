// What a visitor saw, as text: one stored snapshot rendered in its language, the banner's texts,
// the dialog's, then each category with its services, cookies and other storage. Rendered with Lit templates
// only: every text comes from the site's config and garde's translations, and is never parsed as
// HTML. Characters that can disguise a text (bidirectional controls, invisible characters, words
// mixing scripts) are shown as visible marks, and counted above the snapshot.
import { LitElement, css, html, nothing } from 'lit';
import type { Snapshot } from 'garde/wire';
import { ApiError, Unauthorized, type Api, type ShownSnapshot } from './api.js';
import { formatTime } from './dates.js';
import { countDisguises, revealDisguises } from './disguise.js';
import { UnauthorizedEvent } from './events.js';
import { base } from './styles.js';

type Category = Snapshot['categories'][number];
type Service = Category['services'][number];
type Cookie = Service['cookies'][number];

/**
 * `<snapshot-view>`: loads the snapshot `hash` through `api` once connected, and shows it as the
 * visitor could read it, each text marked with the snapshot's language. Its headings are h4 and h5:
 * it sits under an h3.
 */
export class SnapshotView extends LitElement {
  static override styles = [
    base,
    css`
      .shown { border-left: 4px solid #c4c9d0; padding-left: 0.75rem; }
      .shown h4, .shown h5 { margin: 0.75rem 0 0.25rem; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0 0 0.5rem; }
      dt { font-weight: 600; }
      dd { margin: 0; }
      .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 0.5rem; }
      .buttons li { border: 1px solid #6b6b6b; border-radius: 4px; padding: 0.1rem 0.5rem; }
      mark.disguise { background: #fff3bf; color: #1a1a1a; outline: 2px solid #b04a00; }
      .disguise-note { color: #8a3a00; font-weight: 600; }
      .warning { border-left: 4px solid #b04a00; padding-left: 0.75rem; font-weight: 600; }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    hash: {},
    loaded: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  declare hash: string;
  /** The snapshot, null when the collector lacks it, undefined while loading. */
  declare loaded: ShownSnapshot | null | undefined;
  declare error: string;

  constructor() {
    super();
    this.api = null;
    this.hash = '';
    this.loaded = undefined;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.api || !this.hash) return;
    try {
      this.loaded = await this.api.snapshot(this.hash);
    } catch (e) {
      if (e instanceof Unauthorized) this.dispatchEvent(new UnauthorizedEvent());
      else this.error = e instanceof ApiError ? e.message : 'This snapshot could not be read.';
    }
  }

  /** The language of the snapshot shown. */
  private get shownLang(): string {
    return this.loaded?.snapshot.lang ?? '';
  }

  /** A text as the visitor read it, in its language (the page around it is in English). */
  private shown(value: string) {
    return html`<span lang=${this.shownLang}>${revealDisguises(value)}</span>`;
  }

  /** Says how many disguising characters the snapshot holds, when it holds any. */
  private renderDisguises(snapshot: Snapshot) {
    const { hidden, mixed } = countDisguises(snapshot);
    if (!hidden && !mixed) return nothing;
    const parts = [
      hidden ? `${hidden} invisible or direction-changing character${hidden > 1 ? 's' : ''}` : '',
      mixed ? `${mixed} word${mixed > 1 ? 's' : ''} mixing scripts` : '',
    ].filter(Boolean);
    return html`<p class="warning" role="note">Warning: this snapshot holds ${parts.join(' and ')},
      marked below. Text like this can look identical to the genuine banner while saying something else.</p>`;
  }

  /** A cookie, or another storage (`term` names it: a snapshot's `storage` items). */
  private renderCookie(cookie: Cookie, term = 'Cookie') {
    const detail = (term: string, value: string) =>
      value ? html`<dt>${term}</dt><dd>${this.shown(value)}</dd>` : nothing;
    return html`<dl>
      <dt>${revealDisguises(term)}</dt><dd><code>${revealDisguises(cookie.name)}</code></dd>
      ${detail('Provider', cookie.provider)}${detail('Purpose', cookie.purpose)}${detail('Lifetime', cookie.lifetime)}
    </dl>`;
  }

  private renderService(service: Service) {
    return html`<h5>${this.shown(service.label)} <span class="muted">(service <code>${service.name}</code>)</span></h5>
      ${service.provider ? html`<p>Provider: ${this.shown(service.provider)}</p>` : nothing}
      ${service.description ? html`<p>${this.shown(service.description)}</p>` : nothing}
      ${service.cookies.map((cookie) => this.renderCookie(cookie))}
      ${(service.storage ?? []).map((item) => this.renderCookie(item, item.term))}`;
  }

  private renderCategory(category: Category) {
    return html`<h4>Category: ${this.shown(category.label)} <span class="muted">(<code>${category.name}</code>)</span></h4>
      ${category.description ? html`<p>${this.shown(category.description)}</p>` : nothing}
      ${(category.storage ?? []).map((item) => this.renderCookie(item, item.term))}
      ${category.services.map((service) => this.renderService(service))}`;
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    if (this.loaded === undefined) return html`<p class="muted">Loading what was shown…</p>`;
    if (this.loaded === null) {
      return html`<p>The collector does not have this snapshot (<code>${this.hash}</code>): no page has sent it
        yet. It is sent by the next visitor of that page in that language.</p>`;
    }
    const { snapshot, storedAt, hash } = this.loaded;
    const texts = snapshot.texts;
    // A text another garde version does not have is left out, not shown empty.
    const text = (key: string) => (texts[key] ? this.shown(texts[key]) : nothing);
    const buttons = (keys: string[]) =>
      keys.filter((key) => texts[key]).map((key) => html`<li>${text(key)}</li>`);
    const paragraph = (key: string) =>
      texts[key] ? html`<p>${text(key)} [link: ${text('policy')}]</p>` : nothing;
    // The texts placed above; every other one (a status message, a label) is listed after them.
    const placed = [
      'title',
      'text',
      'policy',
      'accept',
      'reject',
      'customise',
      'settings',
      'intro',
      'save',
    ];
    const others = Object.keys(texts).filter((key) => !placed.includes(key));
    return html`<p class="muted">Snapshot <code>${hash}</code> (language ${snapshot.lang}), garde
        ${snapshot.v}, policy version ${revealDisguises(snapshot.policy.version)} at
        <code>${revealDisguises(snapshot.policy.url)}</code>, first stored ${formatTime(storedAt)}.</p>
      ${this.renderDisguises(snapshot)}
      <div class="shown">
        <h4>Banner: ${text('title')}</h4>
        ${paragraph('text')}
        <ul class="buttons" aria-label="Buttons of the banner">${buttons(['accept', 'reject', 'customise'])}</ul>
        <h4>Dialog: ${text('settings')}</h4>
        ${paragraph('intro')}
        ${snapshot.categories.map((category) => this.renderCategory(category))}
        <ul class="buttons" aria-label="Buttons of the dialog">${buttons(['reject', 'accept', 'save'])}</ul>
        <h4>Other texts of the banner and the dialog</h4>
        <dl>${others.map((key) => html`<dt><code>${key}</code></dt><dd>${text(key)}</dd>`)}</dl>
      </div>`;
  }
}
