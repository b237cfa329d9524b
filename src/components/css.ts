import { unsafeCSS, type CSSResult } from '@lit/reactive-element';

/**
 * The tag of garde's style sheets: Lit's `css` for constant text, without its checks of
 * interpolated values, which would reach every visitor's download (~160 B gzip) for nothing: the
 * sheets interpolate no value (the signature forbids it), and never config or translated text.
 * It has the name `css` so that the build minifies the text it tags (rollup.config.mjs); the
 * minifier skips the CSS of any file that mentions Lit's unsafe variant, so only this file does.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
