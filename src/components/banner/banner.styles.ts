import { css } from '../css.js';

// In the flow at the start of <body>, full width, like GOV.UK's cookie banner: it never covers the
// page, so it can never hide the focused element (WCAG 2.4.11), and it reflows at 400% zoom, where
// a fixed banner would take the whole viewport.
export const bannerStyles = css`
  section {
    background: var(--_background);
    color: var(--_color);
    border-bottom: 2px solid var(--_border);
  }

  [part~='inner'] {
    max-width: 60rem;
    margin: auto;
    padding: var(--_space);
  }
`;
