import { css } from '../css.js';

// Document content, not a layer: no background or border of its own, the page's font and
// colour by default (also under prefers-color-scheme: dark, whose light default text would
// vanish on a light page). Tables keep their semantics (no display change) and wrap long names.
export const noticeStyles = css`
  :host {
    color: var(--garde-color, inherit);
  }

  h3 {
    font-size: 1.1em;
    margin: 1.5em 0 0.5em;
  }

  ul {
    margin: 0 0 0.5em;
    padding-left: 1.5em;
  }

  table {
    width: 100%;
    margin: 0.5em 0 1em;
    border-collapse: collapse;
    overflow-wrap: break-word;
  }

  /* A long cookie name may break anywhere; words only where they must, and anywhere on a
     narrow screen, where the table would otherwise scroll the page sideways (WCAG 1.4.10). */
  code {
    overflow-wrap: anywhere;
  }

  @media (max-width: 40rem) {
    table {
      overflow-wrap: anywhere;
    }
  }

  thead th {
    font-weight: 600;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25em;
  }

  th,
  td {
    text-align: start;
    font-weight: normal;
    vertical-align: top;
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
  }

  [part~='version'] {
    font-size: 0.875em;
  }
`;
