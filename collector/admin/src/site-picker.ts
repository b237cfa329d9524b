// The site selector: one collector serves several sites (each its own origin), and the records and
// statistics below it are read one site at a time or for every site together.
import { LitElement, css, html, nothing } from 'lit';
import { ApiError, Unauthorized, type Api } from './api.js';
import { SiteChangeEvent, UnauthorizedEvent } from './events.js';
import { base } from './styles.js';

/** `<site-picker>`: the sites seen (`GET /api/sites`) in a select; needs `api`, shows `value`. */
export class SitePicker extends LitElement {
  static override styles = [
    base,
    css`
      :host { margin-bottom: 1.25rem; }
      .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
      label { margin: 0; }
      select { width: auto; min-width: min(100%, 20rem); }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    value: { attribute: false },
    sites: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  /** The chosen site's origin; '' for every site. */
  declare value: string;
  declare sites: string[] | null;
  declare error: string;

  constructor() {
    super();
    this.api = null;
    this.value = '';
    this.sites = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.api) return;
    try {
      this.sites = await this.api.sites();
    } catch (e) {
      if (e instanceof Unauthorized) this.dispatchEvent(new UnauthorizedEvent());
      else this.error = e instanceof ApiError ? e.message : 'The list of sites could not be read.';
    }
  }

  private onChange(e: Event): void {
    this.dispatchEvent(new SiteChangeEvent((e.target as HTMLSelectElement).value));
  }

  override render() {
    if (this.error) return html`<p role="status" class="error">${this.error}</p>`;
    if (!this.sites) return nothing;
    // A site asked for in the address but not seen yet stays choosable: it is what is shown.
    const sites =
      this.value && !this.sites.includes(this.value) ? [this.value, ...this.sites] : this.sites;
    return html`<div class="bar">
      <label for="site">Site</label>
      <select id="site" @change=${this.onChange}>
        <option value="" ?selected=${!this.value}>Every site (${sites.length})</option>
        ${sites.map((site) => html`<option value=${site} ?selected=${site === this.value}>${site}</option>`)}
      </select>
      <span class="muted">Records and statistics below are of ${this.value || 'every site'}.</span>
    </div>`;
  }
}
