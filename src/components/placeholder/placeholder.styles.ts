import { css } from '../css.js';

// The host takes the blocked embed's box (mountPlaceholders sets its display, width, aspect ratio
// and margins through the CSSOM): it never grows with its text, which scrolls inside instead, so
// that nothing around it moves. A non-visible overflow also puts an inline-block's baseline at its
// bottom edge, where a frame's is. Never wider than its column: the width is measured once, and a
// visitor who zooms in later (400%: WCAG 1.4.10) or turns the phone must not scroll sideways (the
// height follows through the aspect ratio; mountPlaceholders lifts the cap from an embed that
// was wider than its column already). Focus scrolling inside stops short of the edge by the
// padding, more than the focus ring (3 px, 2 px away): the ring stays whole.
export const placeholderStyles = css`
  :host {
    box-sizing: border-box;
    max-width: 100%;
    overflow: auto;
    scroll-padding: var(--_space);
    background: var(--_background);
    border: 1px solid var(--_border);
  }

  [part~='base'] {
    display: grid;
    place-content: center;
    justify-items: center;
    min-height: 100%;
    padding: var(--_space);
    text-align: center;
  }
`;
