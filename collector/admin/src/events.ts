// The events admin elements send up to <admin-app>.

/** A request was answered 401: the app forgets the token and shows the sign-in with a message. */
export class UnauthorizedEvent extends Event {
  constructor() {
    super('admin-unauthorized', { bubbles: true, composed: true });
  }
}

/** The sign-in form checked a token against the collector and it was accepted. */
export class SignInEvent extends Event {
  constructor(readonly token: string) {
    super('admin-sign-in', { bubbles: true, composed: true });
  }
}

/** A visitor's records were erased: lists showing them reload. */
export class RecordsErasedEvent extends Event {
  constructor(readonly id: string) {
    super('records-erased', { bubbles: true, composed: true });
  }
}

/** A visitor's history was opened or closed: while it is open, printing the page prints it alone. */
export class HistoryToggleEvent extends Event {
  constructor(readonly open: boolean) {
    super('history-toggle', { bubbles: true, composed: true });
  }
}

/** The site selector changed: the records and statistics are read for `site` ('' for every site). */
export class SiteChangeEvent extends Event {
  constructor(readonly site: string) {
    super('site-change', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'site-change': SiteChangeEvent;
    'records-erased': RecordsErasedEvent;
    'history-toggle': HistoryToggleEvent;
    'admin-unauthorized': UnauthorizedEvent;
    'admin-sign-in': SignInEvent;
  }
}
