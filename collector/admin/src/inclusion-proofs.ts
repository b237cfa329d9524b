// One visitor's records in the transparency log: for each, its inclusion proof against the latest signed
// checkpoint (leaf index, tree size, root, the proof's hashes), checked here in the browser with
// garde/wire's verifier, so that the site owner or the DPO sees that each record, exactly as stored now, is
// the leaf the log signed; a record changed since it was logged fails in plain words.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { verifyExportProofs } from 'garde/wire';
import { ApiError, Unauthorized, type Api, type VisitorExport } from './api.js';
import { readCheckpointHead, type CheckpointHead } from './checkpoint-text.js';
import { UnauthorizedEvent } from './events.js';
import { time } from './record-row.js';
import { base } from './styles.js';

type Check = 'checking' | 'verified' | 'failed';

/** Set `api` and `consentId`: the export is read and every proof checked. */
export class InclusionProofs extends LitElement {
  static override styles = [
    base,
    css`
      ul.proofs { list-style: none; padding: 0; margin: 0; }
      ul.proofs > li { border-top: 1px solid #c4c9d0; padding: 0.5rem 0; }
      ol.hashes { margin: 0.25rem 0 0; padding-left: 2rem; }
      .verified { color: #1e6b24; font-weight: 600; }
      pre { white-space: pre-wrap; margin: 0.25rem 0 0; }
    `,
  ];
  static override properties = {
    api: { attribute: false },
    consentId: { attribute: false },
    exported: { state: true },
    head: { state: true },
    checks: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  declare consentId: string;
  declare exported: VisitorExport | null;
  /** The tree head the checkpoint text states: the root every proof must lead to. */
  declare head: CheckpointHead | null;
  declare checks: Map<string, Check>;
  declare error: string;
  private loading = 0;

  constructor() {
    super();
    this.api = null;
    this.consentId = '';
    this.exported = null;
    this.head = null;
    this.checks = new Map();
    this.error = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('consentId') || changed.has('api')) void this.load();
  }

  /** Reads the export and checks each proof; a newer call wins over one still running. */
  load = async (): Promise<void> => {
    if (!this.api || !this.consentId) return;
    const run = ++this.loading;
    this.error = '';
    this.exported = null;
    this.head = null;
    this.checks = new Map();
    let exported: VisitorExport;
    try {
      exported = await this.api.visitorProofs(this.consentId);
    } catch (e) {
      if (run !== this.loading) return;
      if (e instanceof Unauthorized) return void this.dispatchEvent(new UnauthorizedEvent());
      this.error = e instanceof ApiError ? e.message : 'The proofs could not be read.';
      return;
    }
    if (run !== this.loading) return;
    this.exported = exported;
    const { log } = exported;
    if (!log.checkpoint) return;
    const head = readCheckpointHead(log.checkpoint);
    if (!head || head.size !== log.treeSize || head.root !== log.root) {
      this.error =
        'The export’s checkpoint cannot be read, or its tree size and root are not the ones it states.';
      return;
    }
    this.head = head;
    this.checks = new Map(log.proofs.map((proof) => [proof.receiptId, 'checking']));
    for await (const { proof, ok } of verifyExportProofs(exported.records, log.proofs, head)) {
      if (run !== this.loading) return;
      this.checks = new Map(this.checks).set(proof.receiptId, ok ? 'verified' : 'failed');
    }
  };

  private summary(): string {
    const { log } = this.exported!;
    const checks = [...this.checks.values()];
    if (checks.includes('checking')) return 'Checking the proofs…';
    const verified = checks.filter((check) => check === 'verified').length;
    const failed = checks.length - verified;
    const parts = [`${verified} of ${log.proofs.length} proofs verified in this browser`];
    if (failed) parts.push(`${failed} NOT verified`);
    if (log.pending.length) parts.push(`${log.pending.length} pending`);
    return `${parts.join(', ')}.`;
  }

  private renderCheck(check: Check | undefined) {
    if (check === 'verified') return html`<span class="verified">✓ Verified in this browser</span>`;
    if (check === 'failed')
      return html`<span class="error">✗ NOT verified: this record, as stored now, is not the leaf its proof
        names (changed since it was logged)</span>`;
    return html`<span>Checking…</span>`;
  }

  override render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p>`;
    const exported = this.exported;
    if (!exported) return html`<p role="status">Reading the proofs…</p>`;
    const { log } = exported;
    const head = this.head;
    const byId = new Map(exported.records.map((record) => [record.receiptId, record]));
    return html`
      ${
        head
          ? html`<p>Latest checkpoint: <strong>${head.size} leaves</strong>, signed at ${time(head.time)}
              by <code>${head.origin}</code>; root <code>${head.root}</code>.</p>`
          : html`<p>No checkpoint yet: the first comes within a second of the first record.</p>`
      }
      <p class="muted">Each proof is checked in this browser (garde/wire’s verifier) against the root the
        checkpoint states. The checkpoint’s signature is checked with the log’s public key:
        <code>garde-collector verify-proof garde-consent-${exported.id}.json --log-key garde-log.key.pub</code>.</p>
      <p role="status">${head ? this.summary() : ''}</p>
      <ul class="proofs">
        ${log.proofs.map((proof) => {
          const record = byId.get(proof.receiptId);
          return html`<li>
            <p><strong>${record ? html`Decision of ${time(record.ts)}` : 'A record'}</strong> (receipt
              <span class="mono">${proof.receiptId}</span>): leaf ${proof.leafIndex} of a tree of
              ${log.treeSize} leaves. ${this.renderCheck(this.checks.get(proof.receiptId))}</p>
            <details>
              <summary>The proof’s ${proof.path.length} hash${proof.path.length === 1 ? '' : 'es'}, from the leaf up</summary>
              <ol class="hashes mono">${proof.path.map((hash) => html`<li>${hash}</li>`)}</ol>
            </details>
          </li>`;
        })}
        ${log.pending.map(
          (receiptId) => html`<li>
            <p>Receipt <span class="mono">${receiptId}</span>: pending, not yet in a checkpoint (the next comes
              within a second).</p>
          </li>`,
        )}
      </ul>
      ${
        log.pending.length
          ? html`<div class="actions">
              <button type="button" class="secondary" @click=${this.load}>Read the proofs again</button>
            </div>`
          : nothing
      }
      ${
        log.checkpoint
          ? html`<details>
              <summary>The signed checkpoint</summary>
              <pre class="mono">${log.checkpoint}</pre>
            </details>`
          : nothing
      }
    `;
  }
}
