// The admin page's shell: the sign-in until a token is accepted, then the records and the
// statistics. The token lives in sessionStorage only: it goes when the tab closes and is never
// shared with other tabs or left on disk like localStorage would.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { createApi, type Api } from './api.js';
import type { ErasuresSection } from './erasures-section.js';
import type { SignInEvent, SiteChangeEvent } from './events.js';
import type { SnapshotVersions } from './snapshot-versions.js';
import type { StatsSection } from './stats-section.js';
import { base } from './styles.js';

const KEY = 'garde-admin-token';

const read = (): string => {
  try {
    return sessionStorage.getItem(KEY) ?? '';
  } catch {
    return ''; // storage blocked: the site owner signs in on every load
  }
};

const write = (token: string): void => {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    /* storage blocked: the token lives in memory for this page only */
  }
};

// The site shown is in the address (`/admin/?site=https://www.inami.fgov.be`): a view of one site can be
// bookmarked or sent to a colleague (who still signs in).
const siteInAddress = (): string => new URLSearchParams(location.search).get('site') ?? '';

const showInAddress = (site: string): void => {
  const url = new URL(location.href);
  if (site) url.searchParams.set('site', site);
  else url.searchParams.delete('site');
  history.replaceState(null, '', url);
};

/** `<admin-app>`: the whole admin page. */
export class AdminApp extends LitElement {
  static override styles = [
    base,
    css`
      :host { max-width: 80rem; margin: 0 auto; padding: 0 1rem 2rem; }
      header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; justify-content: space-between; align-items: center; padding: 1rem 0; }
      h1 { font-size: 1.5rem; margin: 0; }
      h1:focus { outline: none; }
      h1:focus-visible { outline: 3px solid #1d4ed8; }
      /* A visitor's history open: printing prints it alone (records-table hides its own part). */
      @media print {
        :host([history-open]) header, :host([history-open]) site-picker,
        :host([history-open]) stats-section, :host([history-open]) snapshot-versions,
        :host([history-open]) erasures-section { display: none; }
      }
      @media (max-width: 30rem) {
        :host { padding: 0 0.5rem 1rem; }
        h1 { font-size: 1.25rem; }
      }
    `,
  ];
  static override properties = {
    token: { state: true },
    notice: { state: true },
    site: { state: true },
  };
  declare token: string;
  declare notice: string;
  /** The site whose records and statistics are shown (its origin), '' for every site. */
  declare site: string;
  private api: Api | null = null;

  constructor() {
    super();
    this.token = read();
    this.notice = '';
    this.site = siteInAddress();
    this.addEventListener('site-change', (e: SiteChangeEvent) => {
      this.site = e.site;
      showInAddress(e.site);
    });
    this.addEventListener('history-toggle', (e) => this.toggleAttribute('history-open', e.open));
    // An erasure removes decisions from the statistics, and a snapshot with the last receipt naming it;
    // it is itself a new row of the erasures.
    this.addEventListener('records-erased', () => {
      const find = <T>(name: string) => this.renderRoot.querySelector(name) as T | null;
      void find<StatsSection>('stats-section')?.load();
      void find<SnapshotVersions>('snapshot-versions')?.load();
      void find<ErasuresSection>('erasures-section')?.load(1); // the new erasure is at the top
    });
    this.addEventListener('admin-unauthorized', () =>
      this.signOut('The collector no longer accepts this token. Sign in again.'),
    );
    this.addEventListener('admin-sign-in', (e: SignInEvent) => {
      write(e.token);
      this.token = e.token;
      this.notice = '';
      void this.updateComplete.then(() => this.renderRoot.querySelector('h1')?.focus());
    });
  }

  private signOut(notice = ''): void {
    // A history open at a 401 goes with the dashboard, without its close event.
    this.removeAttribute('history-open');
    write('');
    this.token = '';
    this.notice = notice;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) this.api = this.token ? createApi(this.token) : null;
  }

  override render() {
    return html`<header>
        <h1 tabindex="-1">garde collector: consent records and analytics</h1>
        ${this.token ? html`<button class="secondary" @click=${() => this.signOut('You are signed out.')}>Sign out</button>` : ''}
      </header>
      <main>
        ${
          this.token
            ? html`<site-picker .api=${this.api} .value=${this.site}></site-picker>
              <records-table .api=${this.api} .site=${this.site}></records-table>
              <stats-section .api=${this.api} .site=${this.site}></stats-section>
              <snapshot-versions .api=${this.api}></snapshot-versions>
              <erasures-section .api=${this.api}></erasures-section>`
            : html`<admin-sign-in .notice=${this.notice}></admin-sign-in>`
        }
      </main>`;
  }
}
