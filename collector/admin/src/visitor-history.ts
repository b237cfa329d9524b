// A visitor's full history in a modal dialog: what to show when a visitor asks to consult their
// data, or when an auditor asks what one consent id agreed to and when. From here the records can be
// exported with their inclusion proofs (an access request) or erased (an erasure request, after a
// confirmation); each record's proof in the log is checked in the browser (inclusion-proofs.ts).
import { LitElement, css, html, nothing } from 'lit';
import {
  ApiError,
  Unauthorized,
  type Api,
  type ConsentRecord,
  type VisitorHistory as History,
} from './api.js';
import { HistoryToggleEvent, RecordsErasedEvent, UnauthorizedEvent } from './events.js';
import { RECORD_HEADERS, recordCells, time } from './record-row.js';
import { base } from './styles.js';

/** Who erased, as the collector takes it (`?by=`): letters, digits, spaces and `. _ @ -`, 64 at most. */
const ERASED_BY = /^[\p{L}\p{N} ._@-]{0,64}$/u;

/**
 * Call `show(id, opener, fallback)` to load and show every decision of one consent id, oldest first.
 * A native `<dialog>` opened with `showModal()`: focus stays inside, Escape closes it, and focus
 * goes back to the button that opened it, or to `fallback` when that button is gone (its row went
 * with an erasure).
 */
export class VisitorHistory extends LitElement {
  static override styles = [
    base,
    css`
      dialog { width: min(100vw - 1rem, 90rem); max-height: calc(100vh - 2rem); padding: 1rem; border: 1px solid #6b6b6b; border-radius: 6px; }
      dialog::backdrop { background: rgb(0 0 0 / 0.45); }
      table { min-width: 62rem; }
      .head { display: flex; justify-content: space-between; align-items: start; gap: 1rem; }
      .confirm { border: 2px solid #b00020; border-radius: 6px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
      button.danger { border-color: #b00020; background: #b00020; }
      button.danger:hover { background: #8a0019; }
      /* Printed (an access request's answer), the history is laid out whole, from the top of the first page,
         without its buttons; the top layer keeps it out of the flow, so the rest of the page is hidden by
         <admin-app> and <records-table> while it is open. */
      @media print {
        dialog[open] {
          position: absolute; inset: 0 0 auto 0; width: auto; max-width: none; max-height: none;
          overflow: visible; margin: 0; padding: 0; border: 0;
        }
        dialog::backdrop { display: none; }
        .head button, .actions, .confirm { display: none; }
        .scroll { overflow: visible; }
        table { min-width: 0; }
      }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    history: { state: true },
    error: { state: true },
    status: { state: true },
    confirming: { state: true },
    busy: { state: true },
    byRefused: { state: true },
  };
  declare api: Api | null;
  declare history: History | null;
  declare error: string;
  /** What the last export or erasure did, announced politely. */
  declare status: string;
  /** The erase confirmation is shown. */
  declare confirming: boolean;
  declare busy: boolean;
  /** "Erased by" holds a character the collector does not take. */
  declare byRefused: boolean;
  /** The receipts whose "what this visitor saw" is open: their snapshot is loaded when opened. */
  private opened = new Set<string>();
  private opener: HTMLElement | null = null;
  private fallback: HTMLElement | null = null;

  constructor() {
    super();
    this.api = null;
    this.history = null;
    this.error = '';
    this.status = '';
    this.confirming = false;
    this.busy = false;
    this.byRefused = false;
  }

  /** Loads the history of `id` and opens the dialog; `opener` (else `fallback`) gets the focus back on close. */
  async show(
    id: string,
    opener: HTMLElement | null,
    fallback: HTMLElement | null = null,
  ): Promise<void> {
    if (!this.api) return;
    this.opener = opener;
    this.fallback = fallback;
    this.error = '';
    this.status = '';
    this.confirming = false;
    this.opened = new Set();
    this.history = { id, records: [] };
    try {
      this.history = await this.api.visitor(id);
    } catch (e) {
      if (e instanceof Unauthorized) return void this.dispatchEvent(new UnauthorizedEvent());
      this.error = e instanceof ApiError ? e.message : 'This history could not be read.';
    }
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (!dialog.open) {
      dialog.showModal();
      this.dispatchEvent(new HistoryToggleEvent(true));
    }
  }

  private fail(e: unknown, what: string): void {
    if (e instanceof Unauthorized) return void this.dispatchEvent(new UnauthorizedEvent());
    this.error = e instanceof ApiError ? e.message : what;
  }

  /** Access request: the records as a JSON file, fetched with the token and saved through a Blob URL. */
  private exportRecords = async (): Promise<void> => {
    const id = this.history?.id;
    if (!this.api || !id) return;
    this.error = '';
    try {
      const blob = await this.api.exportVisitor(id);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `garde-consent-${id}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      this.status = `Exported: ${a.download}.`;
    } catch (e) {
      this.fail(e, 'The records could not be exported.');
    }
  };

  private askErase = async (): Promise<void> => {
    this.status = '';
    this.byRefused = false;
    this.confirming = true;
    await this.updateComplete;
    // Focus on the question, so a screen reader reads it and Enter does not erase by accident.
    this.renderRoot.querySelector<HTMLElement>('#erase-question')?.focus();
  };

  private cancelErase = async (): Promise<void> => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#erase-button')?.focus();
  };

  /** Erasure request, confirmed: the records become tombstones; the list behind reloads. */
  private erase = async (): Promise<void> => {
    const id = this.history?.id;
    if (!this.api || !id) return;
    const byField = this.renderRoot.querySelector<HTMLInputElement>('#erased-by');
    const by = byField?.value.trim() ?? '';
    this.byRefused = !ERASED_BY.test(by);
    if (this.byRefused) return void byField?.focus();
    this.busy = true;
    this.error = '';
    try {
      const erased = await this.api.eraseVisitor(id, by);
      this.confirming = false;
      this.history = { id, records: [] };
      this.status = `${erased} record${erased === 1 ? '' : 's'} erased. The erasure is logged.`;
      this.dispatchEvent(new RecordsErasedEvent(id));
    } catch (e) {
      this.fail(e, 'The records could not be erased.');
    } finally {
      this.busy = false;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#history-status')?.focus();
  };

  private renderConfirm(h: History) {
    const n = h.records.length;
    return html`<div class="confirm" role="group" aria-labelledby="erase-question">
      <p id="erase-question" tabindex="-1"><strong>Erase the ${n} record${n === 1 ? '' : 's'} of consent id
        <code>${h.id}</code>?</strong> Each becomes a tombstone without its content (its leaf stays, so the log still
        verifies); the erasure itself is logged. This cannot be undone.</p>
      <label for="erased-by">Erased by (optional)</label>
      <input id="erased-by" maxlength="64" autocomplete="off" aria-describedby="erased-by-hint"
        aria-invalid=${this.byRefused ? 'true' : 'false'} />
      <p id="erased-by-hint" class=${this.byRefused ? 'error' : 'muted'}>Your name or the request's reference, kept
        with the erasure in the log (never the consent id): letters, digits, spaces and <code>. _ @ -</code>, 64 at
        most.</p>
      <div class="actions">
        <button type="button" class="danger" ?disabled=${this.busy} @click=${this.erase}>Erase for good</button>
        <button type="button" class="secondary" @click=${this.cancelErase}>Cancel</button>
      </div>
    </div>`;
  }

  /** Opening a record's disclosure loads its snapshot (once). */
  private toggleShown(receiptId: string, event: Event): void {
    if ((event.target as HTMLDetailsElement).open && !this.opened.has(receiptId)) {
      this.opened.add(receiptId);
      this.requestUpdate();
    }
  }

  /** What one decision's visitor saw: a disclosure per record, rendered when opened. */
  private renderShown(r: ConsentRecord) {
    const how = r.layer ? `${r.method}, ${r.layer}` : r.method;
    return html`<details @toggle=${(event: Event) => this.toggleShown(r.receiptId, event)}>
      <summary>Decision of ${time(r.ts)} (${how}): what this visitor saw</summary>
      ${
        !r.shown
          ? html`<p>Not recorded: this receipt names no snapshot (a page on plain http, where browsers have no
              crypto.subtle, or a garde version before snapshots).</p>`
          : this.opened.has(r.receiptId)
            ? html`<snapshot-view .api=${this.api} hash=${r.shown}></snapshot-view>`
            : nothing
      }
    </details>`;
  }

  private close = (): void => {
    this.renderRoot.querySelector('dialog')?.close();
  };

  private onClose = (): void => {
    this.dispatchEvent(new HistoryToggleEvent(false));
    // Focus on a removed button would fall to the top of the page.
    (this.opener?.isConnected ? this.opener : this.fallback)?.focus();
    this.opener = null;
    this.fallback = null;
  };

  override render() {
    const h = this.history;
    return html`<dialog aria-labelledby="history-title" @close=${this.onClose}>
      <div class="head">
        <h2 id="history-title">History of consent id <code>${h?.id ?? ''}</code></h2>
        <button class="secondary" @click=${this.close}>Close</button>
      </div>
      ${
        h && h.records.length && !this.error
          ? html`<div class="actions">
              <button type="button" class="secondary" @click=${this.exportRecords}>Export with proofs (JSON)</button>
              <button type="button" id="erase-button" class="secondary" aria-expanded=${this.confirming ? 'true' : 'false'}
                @click=${this.askErase}>Erase…</button>
            </div>`
          : nothing
      }
      ${this.confirming && h ? this.renderConfirm(h) : nothing}
      <p id="history-status" role="status" tabindex="-1">${this.status}</p>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${h && !this.error && !h.records.length ? html`<p>No decision of this consent id is stored.</p>` : nothing}
      ${
        h && !this.error && h.records.length
          ? html`<p>${h.records.length} decision${h.records.length === 1 ? '' : 's'}, oldest first. Times are in UTC.</p>
            <div class="scroll" role="region" aria-label="Decisions of this visitor" tabindex="0">
              <table>
                <caption class="sr-only">Every decision of consent id ${h.id}, oldest first</caption>
                <thead><tr><th scope="col">Decided</th>${RECORD_HEADERS.map((t) => html`<th scope="col">${t}</th>`)}<th scope="col">Receipt id</th></tr></thead>
                <tbody>${h.records.map(
                  (r) =>
                    html`<tr><th scope="row">${time(r.ts)}</th>${recordCells(r)}<td class="mono">${r.receiptId}</td></tr>`,
                )}</tbody>
              </table>
            </div>
            <h3>What this visitor saw</h3>
            <p>For each decision, the banner and the dialog as the visitor could read them: the snapshot the
              receipt names by its hash.</p>
            ${h.records.map((r) => this.renderShown(r))}
            <h3>In the log: inclusion proofs</h3>
            <inclusion-proofs .api=${this.api} .consentId=${h.id}></inclusion-proofs>`
          : nothing
      }
    </dialog>`;
  }
}
