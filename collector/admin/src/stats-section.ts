// The statistics part of the page: a period form, one GET /api/stats, three views of it.
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ApiError, Unauthorized, type Api, type Stats } from './api.js';
import { PERIOD_ERROR, daysBetween, isDay, lastDays } from './dates.js';
import { UnauthorizedEvent } from './events.js';
import { base } from './styles.js';

/** Statistics for a period (the last 30 days by default): decisions, acceptance and analytics. */
export class StatsSection extends LitElement {
  static override styles = base;
  static override properties = {
    api: { attribute: false },
    site: { attribute: false },
    from: { state: true },
    to: { state: true },
    stats: { state: true },
    days: { state: true },
    error: { state: true },
    loading: { state: true },
  };
  declare api: Api | null;
  /** The site whose statistics are shown (its origin), '' for every site. */
  declare site: string;
  declare from: string;
  declare to: string;
  declare stats: Stats | null;
  declare days: string[];
  declare error: string;
  declare loading: boolean;
  private ticket = 0;

  constructor() {
    super();
    ({ from: this.from, to: this.to } = lastDays(30));
    this.api = null;
    this.site = '';
    this.stats = null;
    this.days = [];
    this.error = '';
    this.loading = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('site') && this.hasUpdated) void this.load();
  }

  /** Reads the period's statistics (again, after an erasure…). */
  async load(): Promise<void> {
    if (!this.api) return;
    const ticket = ++this.ticket; // only the latest period's answer is shown
    this.loading = true;
    this.error = '';
    try {
      const stats = await this.api.stats(this.from, this.to, this.site);
      if (ticket === this.ticket) {
        this.stats = stats;
        this.days = daysBetween(this.from, this.to); // the charts' axis moves with their data, not before
      }
    } catch (e) {
      if (e instanceof Unauthorized) this.dispatchEvent(new UnauthorizedEvent());
      else if (ticket === this.ticket)
        this.error = e instanceof ApiError ? e.message : 'The statistics could not be read.';
    } finally {
      if (ticket === this.ticket) this.loading = false;
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    if (!isDay(from) || !isDay(to) || from > to) {
      this.error = PERIOD_ERROR;
      return;
    }
    this.from = from;
    this.to = to;
    void this.load();
  }

  override render() {
    const days = this.days;
    const periodWrong = this.error === PERIOD_ERROR;
    return html`<section class="card" aria-labelledby="stats-title" aria-busy=${this.loading ? 'true' : 'false'}>
      <h2 id="stats-title">Statistics</h2>
      <form @submit=${this.onSubmit} aria-label="Statistics period">
        <div class="fields">
          <div><label for="stats-from">From</label><input id="stats-from" name="from" type="date" .value=${this.from} required
            aria-invalid=${periodWrong ? 'true' : 'false'} aria-describedby=${periodWrong ? 'stats-status' : nothing} /></div>
          <div><label for="stats-to">To</label><input id="stats-to" name="to" type="date" .value=${this.to} required
            aria-invalid=${periodWrong ? 'true' : 'false'} aria-describedby=${periodWrong ? 'stats-status' : nothing} /></div>
          <div><button type="submit">Show statistics</button></div>
        </div>
      </form>
      <p id="stats-status" role="status" class=${this.error ? 'error' : 'muted'}>${this.error || (this.loading ? 'Loading statistics…' : '')}</p>
      ${
        this.stats
          ? html`<decisions-chart .data=${this.stats.decisions} .days=${days}></decisions-chart>
            <acceptance-chart .data=${this.stats.acceptance} .days=${days}></acceptance-chart>
            <analytics-summary .data=${this.stats.pageviews} .days=${days}></analytics-summary>`
          : nothing
      }
    </section>`;
  }
}
