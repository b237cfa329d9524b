import { BLOCKED } from '../core/gate.js';
import type { Garde } from '../core/types.js';

/**
 * The embeds that get a placeholder: held back by the gate (a template for its content), and not
 * opted out by the page.
 */
export const EMBEDS = `:is(iframe,video,audio,template)[${BLOCKED}]:not([data-garde-placeholder=off])`;

/**
 * Puts a `<garde-placeholder>` in front of each embed the gate holds back, at the embed's place
 * and size, and hides the embed meanwhile (so it is no Tab stop); takes it away when the gate
 * loads the embed, and puts it back when the gate unloads it after a refusal. Follows the gate
 * through its attribute, for embeds added later too. Sizes and hides through the CSSOM, which a
 * strict CSP allows (it refuses style attributes in markup); the embed's own inline `display`, if
 * any, is not kept. Returns the function that takes every placeholder away again.
 */
export function mountPlaceholders(garde: Garde): () => void {
  const placed = new Map<HTMLElement, HTMLElement>();
  const show = (embed: HTMLElement, placeholder: HTMLElement) => {
    const focused = document.activeElement === placeholder;
    placed.delete(embed);
    placeholder.remove();
    embed.style.display = '';
    // The button that loaded it had focus: it goes to the embed, not to the page's start; from a
    // template, to the first element of its content, now after it (made focusable if it is not,
    // as a wrapper <div>).
    const { content } = embed as HTMLTemplateElement;
    const target = (content ? embed.nextElementSibling : embed) as HTMLElement | null;
    if (focused && target) {
      if (content && target.tabIndex < 0) target.tabIndex = -1;
      target.focus();
    }
  };
  /**
   * The embed's box, read before it is hidden: nothing around it moves (no layout shift). An
   * embed that is not rendered (in a closed <details>…) has none: the placeholder sizes itself.
   */
  const measure = (embed: HTMLElement) => {
    const { display, margin } = getComputedStyle(embed);
    const { width, height } = embed.getBoundingClientRect();
    return { display, margin, width, height };
  };
  const hide = (embed: HTMLElement, box: ReturnType<typeof measure>) => {
    const placeholder = document.createElement('garde-placeholder');
    placeholder.garde = garde;
    placeholder.embed = embed;
    // A template has no box (display: none): its placeholder is a block.
    placeholder.style.display =
      box.display === 'inline' ? 'inline-block' : box.display === 'none' ? 'block' : box.display;
    placeholder.style.margin = box.margin;
    // Without a box of its own (a template's, an embed not rendered), it takes the box the page
    // keeps for the embed if its parent has a height (docs/ui.md), else its own size.
    if (box.width && box.height) {
      placeholder.style.width = box.width + 'px';
      placeholder.style.aspectRatio = `${box.width} / ${box.height}`;
    } else placeholder.style.height = '100%';
    placed.set(embed, placeholder);
    embed.before(placeholder);
    embed.style.display = 'none';
  };
  const update = () => {
    for (const [embed, placeholder] of placed)
      if (!embed.isConnected || !embed.matches(EMBEDS)) show(embed, placeholder);
    // Every box is read before any placeholder goes in: one layout per update, not one per embed
    // (a page that adds hundreds of embeds at once would otherwise be laid out hundreds of times).
    const boxes = [...document.querySelectorAll<HTMLElement>(EMBEDS)]
      .filter((embed) => !placed.has(embed))
      .map((embed) => [embed, measure(embed)] as const);
    for (const [embed, box] of boxes) hide(embed, box);
    // The styles cap a placeholder at its column's width, so that it follows the page when the
    // visitor zooms in (WCAG 1.4.10); an embed wider than its column keeps its own box (one
    // more layout per update, after every placeholder is in).
    for (const [embed, box] of boxes)
      if (placed.get(embed)!.getBoundingClientRect().width < box.width - 0.5)
        placed.get(embed)!.style.maxWidth = 'none';
  };
  const observer = new MutationObserver(update);
  observer.observe(document, { subtree: true, childList: true, attributeFilter: [BLOCKED] });
  update();
  return () => {
    observer.disconnect();
    for (const [embed, placeholder] of placed) show(embed, placeholder);
  };
}
