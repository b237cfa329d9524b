// The versions of what visitors were shown: each snapshot the receipts name (by hash), its language,
// garde and policy versions, when receipts first and last named it and how many, whether the
// collector has it, and whether the site published it or only browsers reported it. The records the
// Belgian authority's checklist asks for: the consent mechanism and its earlier versions. A page at a
// time: a site can gather tens of thousands of versions.
import { css, html, nothing } from 'lit';
import type { Api, SnapshotVersion, SnapshotVersionPage } from './api.js';
import { num } from './format.js';
import { time } from './record-row.js';
import { PAGE_SIZE, PagedList } from './paged-list.js';
import { base } from './styles.js';

/** Who vouches for a version: the site registered it, or only visitors' browsers sent it. */
const source = (v: SnapshotVersion) =>
  v.publishedAt ? 'published by the site' : v.storedAt ? 'reported by browsers only' : '—';

/** `<snapshot-versions>`: the list, then each stored version's text on demand; needs `api`. */
export class SnapshotVersions extends PagedList<SnapshotVersionPage> {
  static override styles = [
    base,
    css`
      table { min-width: 56rem; }
    `,
  ];
  protected readonly failure = 'The versions could not be read.';
  /** The versions whose text is open: loaded when opened. */
  private opened = new Set<string>();

  protected readPage(api: Api, page: number): Promise<SnapshotVersionPage> {
    return api.snapshots(page, PAGE_SIZE);
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
      <td>${v.storedAt ? 'stored' : 'missing'}</td><td>${source(v)}</td>
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

  private go(page: number, pages: number): void {
    if (page >= 1 && page <= pages) void this.load(page);
  }

  private renderPages(d: SnapshotVersionPage) {
    const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
    return html`<nav class="actions" aria-label="Versions pages" ?hidden=${pages === 1}>
      <button class="secondary" aria-disabled=${d.page <= 1 ? 'true' : 'false'} @click=${() => this.go(d.page - 1, pages)}>Previous versions</button>
      <span>Page ${d.page} of ${pages} (${num(d.total)} versions)</span>
      <button class="secondary" aria-disabled=${d.page >= pages ? 'true' : 'false'} @click=${() => this.go(d.page + 1, pages)}>Next versions</button>
    </nav>`;
  }

  override render() {
    const versions = this.data?.versions;
    return html`<section class="card" aria-labelledby="versions-title">
      <h2 id="versions-title">What visitors were shown</h2>
      <p>Each version of the banner and the dialog (texts, categories, services, cookies, in one language), by the
        SHA-256 hash its receipts carry. "Missing": receipts name it, but no page has sent it yet. "Published by
        the site": the site registered it from its configuration; "reported by browsers only": only visitors'
        pages sent it, so its text is what a browser claimed to show.</p>
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
                      'Source',
                    ].map((title) => html`<th scope="col">${title}</th>`)}</tr></thead>
                    <tbody>${versions.map((v) => this.renderRow(v))}</tbody>
                  </table>
                </div>
                ${this.renderPages(this.data!)}
                ${versions.filter((v) => v.storedAt).map((v) => this.renderText(v))}`
            : html`<p class="muted">Loading…</p>`
      }
    </section>`;
  }
}
