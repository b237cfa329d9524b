// What the admin page's paged lists share (the versions of what was shown, the erasures): one page of an
// API list at a time, read when the element is connected and again on `load()`, its failure said in words
// and a refused token handed up to the app.
import { LitElement } from 'lit';
import { ApiError, Unauthorized, type Api } from './api.js';
import { UnauthorizedEvent } from './events.js';

/** Items per page of every paged list. */
export const PAGE_SIZE = 25;

/** A section that shows one page of `P`, read by `readPage`; needs `api`. */
export abstract class PagedList<P extends { page: number }> extends LitElement {
  static override properties = {
    api: { attribute: false },
    data: { state: true },
    error: { state: true },
  };
  declare api: Api | null;
  /** The page shown, null until loaded. */
  declare data: P | null;
  declare error: string;

  /** What the list says when its page cannot be read ("The erasures could not be read."). */
  protected abstract readonly failure: string;

  /** Reads one page of the list from the API. */
  protected abstract readPage(api: Api, page: number): Promise<P>;

  constructor() {
    super();
    this.api = null;
    this.data = null;
    this.error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Reads a page of the list (again, after a decision is recorded, an erasure…). */
  async load(page = this.data?.page ?? 1): Promise<void> {
    if (!this.api) return;
    this.error = '';
    try {
      this.data = await this.readPage(this.api, page);
    } catch (e) {
      if (e instanceof Unauthorized) this.dispatchEvent(new UnauthorizedEvent());
      else this.error = e instanceof ApiError ? e.message : this.failure;
    }
  }
}
