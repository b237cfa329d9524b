import { css } from '../css.js';

// In a footer it takes the footer's colours; `floating` leaves one small fixed button (mountUi then
// keeps room for it with scroll-padding, so it never hides the focused element).
export const policyLinkStyles = css`
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    color: inherit;
  }

  a {
    color: inherit;
  }

  button {
    background: none;
    color: inherit;
    border-color: currentColor;
    min-height: 1.5rem;
    padding: 0.25rem 0.75rem;
  }

  :host([floating]) {
    position: fixed;
    bottom: 1rem;
    left: 1rem;
    z-index: var(--garde-z-index, 1000);
  }

  :host([floating]) a {
    display: none;
  }

  :host([floating]) button {
    background: var(--_accent);
    color: var(--_accent-text);
  }
`;
