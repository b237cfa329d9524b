// The versions of what visitors were shown: each snapshot the receipts name (by hash), its language,
// garde and policy versions, when receipts first and last named it and how many, and whether the
// collector has it. The records the Belgian authority's checklist asks for: the consent mechanism and
// its earlier versions.
import { LitElement, css, html, nothing } from 'lit';
import { ApiError, Unauthorized, type Api, type SnapshotVersion } from './api.js';
import { UnauthorizedEvent } from './events.js';
import { num } from './format.js';
import { time } from './record-row.js';
import { base } from './styles.js';

/** `<snapshot-versions>`: the list, then each stored version's text on demand; needs `api`. */
export class SnapshotVersions extends LitElement {
  static override styles = [
    base,
    css`
      table { min-width: 56rem; }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    versions: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  declare versions: SnapshotVersion[] | null;
  declare error: string;
  /** The versions whose text is open: loaded when opened. */
  private opened = new Set<string>();

  constructor() {
    super();
    this.api = null;
    this.versions = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reads the list again (after a decision is recorded, an erasure…). */
  async load(): Promise<void> {
    if (!this.api) return;
    this.error = '';
    try {
      this.versions = await this.api.snapshots();
    } catch (e) {
      if (e instanceof Unauthorized) this.dispatchEvent(new UnauthorizedEvent());
      else this.error = e instanceof ApiError ? e.message : 'The versions could not be read.';
    }
  }

  private toggle(hash: string, event: Event): void {
    if ((event.target as HTMLDetailsElement).open && !this.opened.has(hash)) {
      this.opened.add(hash);
      this.requestUpdate();
    }
  }

  private renderRow(v: SnapshotVersion) {
    const when = (ts: string | null) => (ts ? time(ts) : '—');
    return html`<tr>
      <th scope="row" class="mono">${v.hash}</th>
      <td>${v.lang ?? '—'}</td><td>${v.v ?? '—'}</td><td>${v.policyVersion ?? '—'}</td>
      <td>${when(v.firstSeen)}</td><td>${when(v.lastSeen)}</td><td class="num">${num(v.receipts)}</td>
      <td>${v.storedAt ? 'stored' : 'missing'}</td>
    </tr>`;
  }

  private renderText(v: SnapshotVersion) {
    return html`<details @toggle=${(event: Event) => this.toggle(v.hash, event)}>
      <summary>Text of <code>${v.hash.slice(0, 12)}…</code> (${v.lang}, policy ${v.policyVersion})</summary>
      ${
        this.opened.has(v.hash)
          ? html`<h3 class="sr-only">Snapshot ${v.hash}</h3>
              <snapshot-view .api=${this.api} hash=${v.hash}></snapshot-view>`
          : nothing
      }
    </details>`;
  }

  override render() {
    const versions = this.versions;
    return html`<section class="card" aria-labelledby="versions-title">
      <h2 id="versions-title">What visitors were shown</h2>
      <p>Each version of the banner and the dialog (texts, categories, services, cookies, in one language), by the
        SHA-256 hash its receipts carry. "Missing": receipts name it, but no page has sent it yet.</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        versions && !versions.length
          ? html`<p>No receipt names a snapshot yet.</p>`
          : versions
            ? html`<div class="scroll" role="region" aria-label="Versions of what visitors were shown" tabindex="0">
                  <table>
                    <caption class="sr-only">Versions of what visitors were shown, the most recently seen first</caption>
                    <thead><tr>${[
                      'Hash',
                      'Language',
                      'garde',
                      'Policy version',
                      'First seen',
                      'Last seen',
                      'Receipts',
                      'Snapshot',
                    ].map((title) => html`<th scope="col">${title}</th>`)}</tr></thead>
                    <tbody>${versions.map((v) => this.renderRow(v))}</tbody>
                  </table>
                </div>
                ${versions.filter((v) => v.storedAt).map((v) => this.renderText(v))}`
            : html`<p class="muted">Loading…</p>`
      }
    </section>`;
  }
}
