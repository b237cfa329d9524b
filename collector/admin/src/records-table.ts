// The consent records: filters, one page of the list, pagination, CSV download and the way into a
// visitor's full history. What a data-protection officer reads to prove who agreed to what, when.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { ID_PATTERN } from 'garde/wire';
import {
  ApiError,
  METHODS,
  Unauthorized,
  type Api,
  type RecordFilters,
  type RecordPage,
} from './api.js';
import { PERIOD_ERROR, isDay } from './dates.js';
import { UnauthorizedEvent } from './events.js';
import { count, num } from './format.js';
import { RECORD_HEADERS, recordCells, time } from './record-row.js';
import { base } from './styles.js';
import type { VisitorHistory } from './visitor-history.js';

const PAGE_SIZE = 25;
const NO_FILTERS: RecordFilters = { from: '', to: '', version: '', method: '', id: '' };
const CONSENT_ID = new RegExp(ID_PATTERN);
const ID_ERROR =
  "A consent id has only letters, digits, - and _ (64 at most): check it against the visitor's message.";

/** The records list of the admin page; needs `api`. */
export class RecordsTable extends LitElement {
  static override styles = [
    base,
    css`
      /* Wide enough to read a record on one or two lines; on a phone the region scrolls sideways. */
      table { min-width: 62rem; }
      /* Paths and ids break only where they must, so that a column is never a few letters wide. */
      td.mono { overflow-wrap: break-word; min-width: 9rem; }
      td:nth-child(2) { min-width: 8rem; }
      /* A visitor's history open: printing prints it alone, without the other visitors' records. */
      @media print {
        :host([history-open]) section > :not(visitor-history) { display: none; }
        :host([history-open]) .card { border: 0; padding: 0; margin: 0; }
      }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    site: { attribute: false },
    filters: { state: true },
    page: { state: true },
    data: { state: true },
    error: { state: true },
    status: { state: true },
    loading: { state: true },
  };
  declare api: Api | null;
  /** The site whose records are listed (its origin), '' for every site. */
  declare site: string;
  declare filters: RecordFilters;
  declare page: number;
  declare data: RecordPage | null;
  declare error: string;
  declare status: string;
  declare loading: boolean;
  private ticket = 0;

  constructor() {
    super();
    this.api = null;
    this.site = '';
    this.filters = NO_FILTERS;
    this.page = 1;
    this.data = null;
    this.error = '';
    this.status = '';
    this.loading = false;
    this.addEventListener('history-toggle', (e) => this.toggleAttribute('history-open', e.open));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // Another site: its records from the first page (the first load reads the site already).
    if (changed.has('site') && this.hasUpdated) {
      this.page = 1;
      void this.load();
    }
  }

  /** The filters of the form and the chosen site, as the API takes them. */
  private get query(): RecordFilters {
    return { ...this.filters, site: this.site };
  }

  private fail(e: unknown, what: string): void {
    if (e instanceof Unauthorized) this.dispatchEvent(new UnauthorizedEvent());
    else this.error = e instanceof ApiError ? e.message : `The ${what} could not be read.`;
  }

  private async load(): Promise<void> {
    if (!this.api) return;
    // Only the answer to the latest request is shown: a slow earlier page must not overwrite it.
    const ticket = ++this.ticket;
    this.loading = true;
    this.error = '';
    this.status = ''; // a CSV message belongs to the list it was made from
    try {
      const data = await this.api.records(this.query, this.page, PAGE_SIZE);
      if (ticket === this.ticket) this.data = data;
    } catch (e) {
      if (ticket === this.ticket) this.fail(e, 'records');
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  /**
   * The filters the form shows, or null (with the reason said at the fields) when it cannot be applied:
   * the list and the CSV are always of what the form shows, never of a mistyped filter's predecessor.
   */
  private readForm(): RecordFilters | null {
    const form = new FormData(this.renderRoot.querySelector('form')!);
    const get = (k: string) => String(form.get(k) ?? '').trim();
    const filters = {
      from: get('from'),
      to: get('to'),
      version: get('version'),
      method: get('method'),
      // Read out by a visitor or wrapped by a mail client, an id comes with spaces: they are never part of it.
      id: get('id').replace(/\s+/g, ''),
    };
    if (
      (filters.from && !isDay(filters.from)) ||
      (filters.to && !isDay(filters.to)) ||
      (filters.from && filters.to && filters.from > filters.to)
    ) {
      this.error = PERIOD_ERROR;
      this.status = '';
      return null;
    }
    if (filters.id && !CONSENT_ID.test(filters.id)) {
      // Said here, in words, rather than as the collector's 400; no rows left standing as if they answered it.
      this.error = ID_ERROR;
      this.status = '';
      this.data = null;
      return null;
    }
    return filters;
  }

  /** Applies `filters` from the first page, unless they are the ones shown. */
  private apply(filters: RecordFilters, always = true): void {
    const f = this.filters;
    const same = (Object.keys(filters) as Array<keyof RecordFilters>).every(
      (k) => filters[k] === f[k],
    );
    if (same && !always && this.data) return;
    this.filters = filters;
    this.page = 1;
    void this.load();
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const filters = this.readForm();
    if (filters) this.apply(filters);
  }

  private clear(): void {
    this.renderRoot.querySelector('form')?.reset();
    this.filters = NO_FILTERS;
    this.page = 1;
    void this.load();
  }

  // aria-disabled rather than disabled: a disabled button would drop the keyboard focus to <body>
  // on reaching the first or last page.
  private go(page: number, pages: number): void {
    if (page < 1 || page > pages) return;
    this.page = page;
    void this.load();
  }

  /** A plain link cannot carry the Bearer header: fetch the CSV, then save it through a Blob URL. */
  private async download(): Promise<void> {
    if (!this.api) return;
    // Of the filters the form shows: typed but not applied, they are applied to the list too.
    const filters = this.readForm();
    if (!filters) return;
    this.apply(filters, false);
    this.status = 'Preparing the CSV…';
    this.error = '';
    try {
      const blob = await this.api.recordsCsv(this.query);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `garde-records-${new Date().toISOString().slice(0, 10)}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
      this.status = `CSV downloaded: ${a.download} (${num(blob.size)} bytes).`;
    } catch (e) {
      this.status = '';
      this.fail(e, 'CSV');
    }
  }

  private openHistory(e: Event, id: string): void {
    const dialog = this.renderRoot.querySelector<VisitorHistory>('visitor-history');
    const idField = this.renderRoot.querySelector<HTMLElement>('#f-id');
    void dialog?.show(id, e.currentTarget as HTMLElement, idField);
  }

  override render() {
    const d = this.data;
    const f = this.filters;
    const pages = d ? Math.max(1, Math.ceil(d.total / d.pageSize)) : 1;
    const first = d && d.total ? (d.page - 1) * d.pageSize + 1 : 0;
    const last = d ? first + d.records.length - (d.records.length ? 1 : 0) : 0;
    // A refused filter marks its own fields, tied to the message that says why.
    const datesWrong = this.error === PERIOD_ERROR;
    const idWrong = this.error === ID_ERROR;
    return html`<section class="card" aria-labelledby="records-title" aria-busy=${this.loading ? 'true' : 'false'}>
      <h2 id="records-title">Consent records</h2>
      <form @submit=${this.onSubmit} aria-label="Filter records">
        <div class="fields">
          <div><label for="f-from">From</label><input id="f-from" name="from" type="date" .value=${f.from}
            aria-invalid=${datesWrong ? 'true' : 'false'} aria-describedby=${datesWrong ? 'records-status' : nothing} /></div>
          <div><label for="f-to">To</label><input id="f-to" name="to" type="date" .value=${f.to}
            aria-invalid=${datesWrong ? 'true' : 'false'} aria-describedby=${datesWrong ? 'records-status' : nothing} /></div>
          <div><label for="f-version">Policy version</label><input id="f-version" name="version" .value=${f.version} autocomplete="off" /></div>
          <div>
            <label for="f-method">Method</label>
            <select id="f-method" name="method">
              <option value="" ?selected=${!f.method}>Any method</option>
              ${METHODS.map((m) => html`<option value=${m} ?selected=${f.method === m}>${m}</option>`)}
            </select>
          </div>
          <div><label for="f-id">Consent id</label><input id="f-id" name="id" .value=${f.id} autocomplete="off" spellcheck="false"
            aria-invalid=${idWrong ? 'true' : 'false'} aria-describedby=${idWrong ? 'records-status' : nothing} /></div>
        </div>
        <div class="actions">
          <button type="submit">Apply filters</button>
          <button type="button" class="secondary" @click=${this.clear}>Clear filters</button>
          <button type="button" class="secondary" @click=${this.download}>Download CSV</button>
        </div>
      </form>
      <p id="records-status" role="status" class=${this.error ? 'error' : 'muted'}>
        ${this.error || this.status || (this.loading ? 'Loading records…' : d ? `Showing ${num(first)}–${num(last)} of ${count(d.total, 'record')}, newest first. Times are in UTC.` : '')}
      </p>
      ${
        d && d.records.length
          ? html`<div class="scroll" role="region" aria-labelledby="records-caption" tabindex="0">
              <table>
                <caption id="records-caption">Consent records, page ${d.page} of ${pages}</caption>
                <thead><tr><th scope="col">Decided</th><th scope="col">Consent id</th>${RECORD_HEADERS.map((t) => html`<th scope="col">${t}</th>`)}</tr></thead>
                <tbody>${d.records.map(
                  (r) => html`<tr>
                    <th scope="row">${time(r.ts)}</th>
                    <td><button class="link" aria-label=${`History of ${r.id}`} @click=${(e: Event) => this.openHistory(e, r.id)}>${r.id}</button></td>
                    ${recordCells(r)}
                  </tr>`,
                )}</tbody>
              </table>
            </div>
            <nav class="actions" aria-label="Records pages" ?hidden=${pages === 1}>
              <button class="secondary" aria-disabled=${d.page <= 1 ? 'true' : 'false'} @click=${() => this.go(d.page - 1, pages)}>Previous page</button>
              <span>Page ${d.page} of ${pages}</span>
              <button class="secondary" aria-disabled=${d.page >= pages ? 'true' : 'false'} @click=${() => this.go(d.page + 1, pages)}>Next page</button>
            </nav>`
          : d && !this.loading
            ? html`<p>No records match these filters.</p>`
            : nothing
      }
      <visitor-history .api=${this.api} @records-erased=${() => void this.load()}></visitor-history>
    </section>`;
  }
}
