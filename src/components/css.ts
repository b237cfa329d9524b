/**
 * The tag of garde's style sheets: a constructed `CSSStyleSheet` from constant text, which
 * elements adopt in their shadow roots and `mountUi` in the document. Adopted sheets are not
 * inline styles, so a strict Content-Security-Policy (no `'unsafe-inline'` in `style-src`) lets
 * them through. The sheets interpolate no value (the signature forbids it), and never config or
 * translated text. It is named `css` so that the build minifies the text it tags
 * (rollup.config.mjs).
 */
export const css = (strings: TemplateStringsArray): CSSStyleSheet => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(strings[0]!);
  return sheet;
};
