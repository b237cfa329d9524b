import { unsafeCSS } from '@lit/reactive-element';

// One stylesheet shared by the three elements, with the banner's and the dialog's own rules (their
// selectors match nothing in the other elements), written compactly on purpose: Lit ships CSS as
// written and every byte reaches every visitor. The policy link, which takes its surroundings'
// colours, adds its own sheet. unsafeCSS over constant text, here and in the
// policy link's sheet, rather than the css tag: nothing is interpolated, and leaving the tag out
// of the bundle spares every visitor its checks and messages (~160 B gzip). Never pass it
// config or translated text.
// Theming: the public --garde-* properties are read with their defaults into short private ones,
// so a page can set them on :root (they inherit) or on the elements. Light and dark defaults:
// every text/background pair meets 4.5:1; the focus ring uses the text colour, so it stands out
// against the background and the buttons alike. There is no motion at all, so prefers-reduced-motion is honoured by construction.
// Banner: in the flow at the start of <body>, full width, like GOV.UK's cookie banner: it never
// covers the page, so it can never hide the focused element (WCAG 2.4.11), and it reflows at 400%
// zoom, where a fixed banner would take the whole viewport.
// Dialog: the native modal <dialog> sits in the top layer (no z-index, inert background, focus kept
// inside); the browser caps its size to the viewport and makes it scroll, which is what 320 px
// and 400% zoom need. Cookie details: term and value side by side, the value below when narrow.
export const baseStyles =
  unsafeCSS(`:host{--c:var(--garde-color,#1b1b1b);--b:var(--garde-background,#f3f5f8);--a:var(--garde-accent,#1d4f91);--t:var(--garde-accent-text,#fff);--l:var(--garde-border,#5f6b7a);--r:var(--garde-radius,.25rem);--s:var(--garde-space,1rem);display:block;font:1rem/1.5 var(--garde-font,inherit);color:var(--c)}
@media (prefers-color-scheme:dark){:host{--c:var(--garde-color,#eef1f4);--b:var(--garde-background,#1e2329);--a:var(--garde-accent,#a8c7fa);--t:var(--garde-accent-text,#0b1a33);--l:var(--garde-border,#8a96a3)}}
@media (forced-colors:active){:focus-visible{outline-color:Highlight}}
*{box-sizing:border-box}
h2,p,dl{margin:0 0 .5em}
h2{font-size:1.25em}
a{color:var(--a)}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1rem;border:2px solid var(--a);border-radius:var(--r);background:var(--a);color:var(--t);cursor:pointer}
button:hover{box-shadow:0 0 0 2px var(--b),0 0 0 4px var(--a)}
:focus-visible{outline:3px solid var(--garde-focus,var(--c));outline-offset:2px}
section,dialog{background:var(--b);color:var(--c)}
[part~=actions]{display:grid;grid-template-columns:repeat(auto-fit,minmax(11rem,1fr));gap:.5rem;margin-top:var(--s)}
section{border-bottom:2px solid var(--l)}
[part~=inner]{max-width:60rem;margin:auto;padding:var(--s)}
dialog{width:40rem;padding:var(--s);border:2px solid var(--l);border-radius:var(--r)}
dialog::backdrop{background:#000a}
[part=header]{display:flex;justify-content:space-between;align-items:start;gap:var(--s)}
[part=close]{padding:0 .75rem;background:none;color:inherit;border-color:var(--l)}
[part=category]{border-top:1px solid var(--l);padding:var(--s) 0}
label{display:flex;gap:.75rem;align-items:center;font-weight:600}
input{width:1.5rem;height:1.5rem;accent-color:var(--a)}
dl{display:flex;flex-wrap:wrap}
dt{flex:0 0 11em;font-weight:600}
dd{flex:1 0 calc(100% - 11em);min-width:9em;margin:0;overflow-wrap:anywhere}`);
