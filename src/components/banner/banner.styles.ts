import { css } from '../css.js';

// Fixed at the bottom of the viewport, full width: a fixed box that appears moves nothing already
// painted (no layout shift), wherever the page is in its loading when garde's deferred script
// runs. BannerRoom (banner-room.ts) keeps the page's end and its focus targets clear of it.
// It leaves at least half the viewport, or all but 10rem, to the page. The buttons never leave
// the window: when the text does not fit above them, the text scrolls inside its own box (its
// policy link makes it reachable by keyboard, and arrow keys then scroll it), so that "Reject
// all" is in full view on arrival on any phone, whatever the length of the site's text. Where the
// viewport is too short for both (400% zoom: 1280×1024 is 320×256 CSS px), it falls back to the
// page flow at the start of <body>, where it reflows like the page. The 20rem threshold is
// repeated in banner-room.ts.
export const bannerStyles = css`
  :host {
    position: fixed;
    inset: auto 0 0;
    z-index: var(--garde-z-index, 1000);
    display: flex;
    flex-direction: column;
    max-height: max(50vh, 100vh - 10rem);
  }

  section {
    display: flex;
    min-height: 0;
    background: var(--_background);
    color: var(--_color);
    border-top: 2px solid var(--_border);
  }

  [part~='inner'] {
    display: flex;
    flex-direction: column;
    width: 100%;
    max-width: 60rem;
    margin: 0 auto;
    padding: var(--_space);
  }

  [part~='body'] {
    overflow-y: auto;
    overscroll-behavior: contain;
  }

  [part~='label'] {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }

  input {
    width: 1.5rem;
    height: 1.5rem;
  }

  @media (max-height: 20rem) {
    :host {
      position: static;
      max-height: none;
    }

    section {
      border-width: 0 0 2px;
    }
  }
`;
