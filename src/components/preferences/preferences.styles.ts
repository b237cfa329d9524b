import { css } from '../css.js';

// The native modal <dialog> sits in the top layer (no z-index, inert background, focus kept
// inside); the browser caps its size to the viewport and makes it scroll, which is what 320 px and
// 400% zoom need. Cookie details: term and value side by side, the value below when narrow.
// Service switches indented under their category's. The live regions are read, not seen (fixed:
// the same place wherever the element is). With the browser's text size doubled on a phone (WCAG
// 1.4.4: the rem doubles, the 320 px do not), nothing may be wider than the dialog: a long word
// breaks anywhere (German compounds, a cookie's name) and a term shrinks to the width,
// and the heading takes its own line rather than a column of letters beside the close button.
export const preferencesStyles = css`
  dialog {
    width: 40rem;
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_color);
    overflow-wrap: anywhere;
  }

  dialog::backdrop {
    background: #000a;
  }

  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: start;
    gap: var(--_space);
  }

  /* Beside the close button while 10rem are left for it, else above it (a long word breaks). */
  [part='header'] h2 {
    flex: 1 1 10rem;
  }

  [part='close'] {
    padding: 0 0.75rem;
    background: none;
    color: inherit;
    border-color: var(--_border);
  }

  [part='category'] {
    border-top: 1px solid var(--_border);
    padding: var(--_space) 0;
  }

  label {
    display: flex;
    gap: 0.75rem;
    align-items: center;
    font-weight: 600;
  }

  [part='services'] {
    padding-left: 2.25rem;
  }

  [part='copy'] {
    min-height: 1.5rem;
    padding: 0 0.5rem;
  }

  [role='status'] {
    position: fixed;
    top: 0;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  input {
    width: 1.5rem;
    height: 1.5rem;
    accent-color: var(--_accent);
  }

  dl {
    display: flex;
    flex-wrap: wrap;
    margin: 0 0 0.5em;
  }

  dt {
    flex: 0 1 11em;
    font-weight: 600;
  }

  dd {
    flex: 1 0 calc(100% - 11em);
    min-width: min(9em, 100%);
    margin: 0;
  }
`;
