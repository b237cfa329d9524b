// The one stylesheet every admin element adopts (Lit's constructable stylesheets: allowed by a
// strict CSP, unlike <style> tags or style= attributes). Colours are checked for WCAG 2.2 AA:
// text at least 4.5:1 on its background, borders, focus ring and chart marks at least 3:1.
import { css } from 'lit';

/** Base look shared by all admin elements: type, forms, buttons, tables, focus ring. */
export const base = css`
  :host { display: block; color: #1a1a1a; }
  *, *::before, *::after { box-sizing: border-box; }
  [hidden] { display: none !important; }
  :focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  h2 { font-size: 1.3rem; margin: 0 0 0.75rem; }
  h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
  p { margin: 0 0 0.75rem; }
  code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; overflow-wrap: anywhere; }
  label { display: block; font-weight: 600; margin-bottom: 0.25rem; }
  input, select {
    font: inherit; color: inherit; background: #fff; padding: 0.4rem 0.5rem; min-height: 2.5rem;
    border: 1px solid #6b6b6b; border-radius: 4px; width: 100%; max-width: 100%;
  }
  button {
    font: inherit; min-height: 2.5rem; padding: 0.4rem 0.9rem; border-radius: 4px; cursor: pointer;
    border: 1px solid #0b5cad; background: #0b5cad; color: #fff;
  }
  button:hover { background: #094a8c; }
  button.secondary { background: #fff; color: #0b5cad; }
  button.secondary:hover { background: #eef4fb; }
  button.link {
    background: none; border: 0; padding: 0; min-height: 1.5rem; color: #0b5cad; text-decoration: underline;
    text-align: left; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em;
    overflow-wrap: anywhere;
  }
  button:disabled { cursor: progress; opacity: 0.7; }
  button[aria-disabled='true'] { cursor: not-allowed; opacity: 0.6; background: #fff; }
  td.choices { min-width: 10rem; }
  .fields { display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); align-items: end; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.75rem 0; }
  .scroll { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
  caption { text-align: left; font-weight: 600; padding: 0.25rem 0 0.5rem; }
  th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #c4c9d0; vertical-align: top; }
  thead th { background: #eef1f5; white-space: nowrap; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .nowrap, details tbody th[scope='row'] { white-space: nowrap; }
  /* The tables behind the charts hold a few numbers per row: spread over 75rem they are hard to follow. */
  details table { width: auto; min-width: min(100%, 32rem); }
  .error { color: #b3261e; font-weight: 600; }
  .muted { color: #555; }
  .sr-only {
    position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  details { margin-top: 0.5rem; }
  summary { cursor: pointer; color: #0b5cad; text-decoration: underline; width: fit-content; }
  .card { background: #fff; border: 1px solid #c4c9d0; border-radius: 6px; padding: 1rem; margin-bottom: 1.25rem; }
  @media (max-width: 30rem) {
    .card { padding: 0.75rem; }
  }
`;

/** Chart text, axes and legend, shared by the SVG charts. */
export const chart = css`
  svg.chart { display: block; overflow: visible; }
  svg.chart text { font-size: 12px; fill: #444; }
  svg.chart .grid { stroke: #d5d9de; }
  svg.chart .axis { stroke: #6b6b6b; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; margin: 0.5rem 0; }
  .legend li { display: flex; align-items: center; gap: 0.35rem; }
  /* Forced colours leave an SVG's own paint alone: on a dark contrast theme grey labels and dark marks
     vanish. Text and axes take the theme's colours; each mark keeps its hue inside a CanvasText outline. */
  @media (forced-colors: active) {
    svg.chart text { fill: CanvasText; }
    svg.chart .axis { stroke: CanvasText; }
    svg.chart .grid { stroke: GrayText; }
    svg.chart rect, svg.chart circle, .legend rect { stroke: CanvasText; }
  }
`;

/** Colours for chart series: each at least 3:1 against white, told apart by hue and lightness. */
export const PALETTE = [
  '#0b5cad',
  '#b04a00',
  '#2e7d32',
  '#6a3d9a',
  '#a3195b',
  '#00695c',
  '#5d4037',
  '#455a64',
];

/** Dash patterns paired with the palette, so lines differ without colour too. */
export const DASHES = ['', '6 3', '2 3', '8 3 2 3', '1 2', '10 4', '4 4', '12 2'];
