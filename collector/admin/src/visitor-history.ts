// A visitor's full history in a modal dialog: what to show when a visitor asks to consult their
// data, or when an auditor asks what one consent id agreed to and when.
import { LitElement, css, html, nothing } from 'lit';
import { ApiError, Unauthorized, type Api, type VisitorHistory as History } from './api.js';
import { UnauthorizedEvent } from './events.js';
import { RECORD_HEADERS, recordCells, time } from './record-row.js';
import { base } from './styles.js';

/**
 * Call `show(id, opener)` to load and show every decision of one consent id, oldest first.
 * A native `<dialog>` opened with `showModal()`: focus stays inside, Escape closes it, and focus
 * goes back to the button that opened it.
 */
export class VisitorHistory extends LitElement {
  static override styles = [
    base,
    css`
      dialog { width: min(100vw - 1rem, 90rem); max-height: calc(100vh - 2rem); padding: 1rem; border: 1px solid #6b6b6b; border-radius: 6px; }
      dialog::backdrop { background: rgb(0 0 0 / 0.45); }
      table { min-width: 62rem; }
      .head { display: flex; justify-content: space-between; align-items: start; gap: 1rem; }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    history: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  declare history: History | null;
  declare error: string;
  private opener: HTMLElement | null = null;

  constructor() {
    super();
    this.api = null;
    this.history = null;
    this.error = '';
  }

  /** Loads the history of `id` and opens the dialog; `opener` gets the focus back on close. */
  async show(id: string, opener: HTMLElement | null): Promise<void> {
    if (!this.api) return;
    this.opener = opener;
    this.error = '';
    this.history = { id, records: [] };
    try {
      this.history = await this.api.visitor(id);
    } catch (e) {
      if (e instanceof Unauthorized) return void this.dispatchEvent(new UnauthorizedEvent());
      this.error = e instanceof ApiError ? e.message : 'This history could not be read.';
    }
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    if (!dialog.open) dialog.showModal();
  }

  private close = (): void => {
    this.renderRoot.querySelector('dialog')?.close();
  };

  private onClose = (): void => {
    this.opener?.focus();
    this.opener = null;
  };

  override render() {
    const h = this.history;
    return html`<dialog aria-labelledby="history-title" @close=${this.onClose}>
      <div class="head">
        <h2 id="history-title">History of consent id <code>${h?.id ?? ''}</code></h2>
        <button class="secondary" @click=${this.close}>Close</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${
        h && !this.error
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
            </div>`
          : nothing
      }
    </dialog>`;
  }
}
