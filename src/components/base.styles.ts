import { css } from './css.js';

// The sheet every element starts from: theme properties, box model, headings, links, buttons and
// the focus ring.
// Theming: the public --garde-* properties are read with their defaults into private ones
// (`--_name`), so a page can set them on :root (they inherit) or on the elements.
// Light and dark defaults: every text/background pair meets 4.5:1; the focus ring uses the text
// colour, so it stands out against the background and the buttons alike; in forced colours the
// browser gives it the system's colour itself (Highlight in Chromium: base.styles.test.ts).
// Nothing moves (no transition, no animation), so prefers-reduced-motion is honoured by
// construction. With the browser's text size doubled on a phone (WCAG 1.4.4: the rem doubles, the
// 320 px do not), a long word breaks and the buttons' columns shrink to the width.
export const baseStyles = css`
  :host {
    --_color: var(--garde-color, #1b1b1b);
    --_background: var(--garde-background, #f3f5f8);
    --_accent: var(--garde-accent, #1d4f91);
    --_accent-text: var(--garde-accent-text, #fff);
    --_border: var(--garde-border, #5f6b7a);
    --_radius: var(--garde-radius, 0.25rem);
    --_space: var(--garde-space, 1rem);
    display: block;
    font: 1rem/1.5 var(--garde-font, inherit);
    color: var(--_color);
    overflow-wrap: break-word;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_color: var(--garde-color, #eef1f4);
      --_background: var(--garde-background, #1e2329);
      --_accent: var(--garde-accent, #a8c7fa);
      --_accent-text: var(--garde-accent-text, #0b1a33);
      --_border: var(--garde-border, #8a96a3);
    }
  }

  * {
    box-sizing: border-box;
  }

  h2,
  p {
    margin: 0 0 0.5em;
  }

  h2 {
    font-size: 1.25em;
  }

  a {
    color: var(--_accent);
  }

  /* The three buttons of a layer look alike: no "dark pattern" primary button. */
  button {
    font: inherit;
    font-weight: 600;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    cursor: pointer;
  }

  button:hover {
    box-shadow:
      0 0 0 2px var(--_background),
      0 0 0 4px var(--_accent);
  }

  [part~='actions'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(11rem, 100%), 1fr));
    gap: 0.5rem;
    margin-top: var(--_space);
  }

  :focus-visible {
    outline: 3px solid var(--garde-focus, var(--_color));
    outline-offset: 2px;
  }
`;
