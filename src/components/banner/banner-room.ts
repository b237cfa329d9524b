import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The page's part of the room, for a banner `height` px high: see BannerRoom. */
const roomFor = (height: number) =>
  // The media query is the complement of the banner's in-flow fallback (banner.styles.ts). While
  // the banner is up, the floating settings button would sit under it, hidden yet focusable; the
  // banner's own "Customise" does its job.
  '@media not all and (max-height:20rem){' +
  `html{scroll-padding-bottom:${height}px;padding-bottom:${height}px}}` +
  'garde-policy-link[floating]{display:none}';

/**
 * Keeps room at the bottom of the page for the fixed banner while it is connected: the document's
 * `scroll-padding-bottom`, so that the browser scrolls a focused element clear of the banner
 * (WCAG 2.4.11 Focus Not Obscured), and a bottom padding, so that the end of the page can be
 * scrolled clear of it, both equal to the banner's height, followed by a ResizeObserver (text
 * wrapping, zoom, rotation). Set through an adopted document sheet, never an inline style (strict
 * CSP), and taken away with the banner. ResizeObserver reports after layout and before paint, so
 * the room and the banner appear in the same frame.
 */
export class BannerRoom implements ReactiveController {
  private __sheet = new CSSStyleSheet();
  // The observer's own border-box size: no layout read (the banner is never transformed).
  private __observer = new ResizeObserver((entries) =>
    this.__sheet.replaceSync(roomFor(entries[0]!.borderBoxSize[0]!.blockSize)),
  );

  constructor(private __host: HTMLElement & ReactiveControllerHost) {
    __host.addController(this);
  }

  hostConnected(): void {
    // The floating button hidden at once, not at the first report: focus may be going back to it
    // (the dialog closing after a withdrawal), and must not land on a button about to vanish.
    this.__sheet.replaceSync(roomFor(0));
    this.__observer.observe(this.__host);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.__sheet];
  }

  hostDisconnected(): void {
    this.__observer.disconnect();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter(
      (sheet) => sheet !== this.__sheet,
    );
  }
}
