import { html, nothing } from 'lit/html.js';
import { own } from '../../core/state.js';
import type { Garde } from '../../core/types.js';
import type { Translation } from '../../i18n/index.js';
import { GardeElement } from '../base.js';
import { snapshotOf } from '../snapshot-of.js';
import { mountPlaceholders } from '../mount-placeholders.js';
import { baseStyles } from '../base.styles.js';
import { placeholderStyles } from './placeholder.styles.js';

/**
 * Stands in for an embed (`iframe`, `video`, `audio`) that the gate holds back: it says who
 * provides the content and why it is not shown, and its button grants it and loads it. The button
 * is a decision like any other (a receipt is recorded): it grants the embed's service and the
 * category it needs; the category's other services that were not set on their own stay off, so
 * that only this provider starts. `mountUi()` places one in front of each blocked embed (hidden
 * meanwhile) at the embed's size, and removes it when the embed loads. Its texts and the
 * provider it names come from the snapshot whose hash each receipt carries as `shown`
 * (`snapshotOf()`, src/components/snapshot-of.ts), as the dialog's do.
 *
 * The element dispatches no event of its own: the decision dispatches `garde:consent` on
 * `document`, from the core.
 *
 * @tag garde-placeholder
 *
 * @csspart base - The group of text and button, named by the embed's `title`, else its provider.
 * @csspart text - Who provides the content and why it is blocked.
 * @csspart button - The button that accepts and loads it.
 *
 * @cssproperty --garde-font - Font family (inherits the page's by default).
 * @cssproperty --garde-color - Text colour.
 * @cssproperty --garde-background - Background colour.
 * @cssproperty --garde-accent - The button.
 * @cssproperty --garde-accent-text - Text on the button.
 * @cssproperty --garde-border - The border.
 * @cssproperty --garde-focus - The focus ring.
 * @cssproperty --garde-radius - Corner radius of the button.
 * @cssproperty --garde-space - Inner spacing.
 */
export class GardePlaceholder extends GardeElement {
  static override styles = [baseStyles, placeholderStyles];

  /**
   * Places and follows the placeholders of a page (mount-placeholders.ts): how the drop-in starts
   * them once this element's script, loaded on demand, has defined it (on-demand.script.ts).
   */
  static mount = mountPlaceholders;

  /** The blocked embed this placeholder stands for (its `data-category` and `data-service`). */
  embed?: HTMLElement;

  override render(garde: Garde) {
    const embed = this.embed;
    if (!embed) return nothing;
    const { categories, lang, texts } = snapshotOf(garde, this.localize.strings);
    const strings = texts as unknown as Translation;
    const { category = '', service = '' } = embed.dataset;
    const shown = categories.flatMap((each) => each.services).find((each) => each.name === service);
    // The service's provider, else its label when it has one of its own (the snapshot's falls back
    // to its name), else its category's label.
    const provider =
      shown?.provider ||
      (shown && garde.config.services[service]!.label ? shown.label : '') ||
      categories.find((each) => each.name === category)?.label ||
      category;
    // Named by the embed's own title ("Video: your rights in two minutes"), else its provider.
    // The title is the page's text, in the page's language (inherited where the group has no
    // lang); garde's texts say theirs (WCAG 3.1.2).
    return html`
      <div
        part="base"
        role="group"
        aria-label=${embed.title || provider}
        lang=${embed.title ? nothing : lang}
      >
        <p part="text" lang=${lang}>${strings.embedFrom} ${provider}. ${strings.embedBlocked}</p>
        <button part="button" lang=${lang} @click=${this.__load}>${strings.embedLoad}</button>
      </div>
    `;
  }

  /** Grants the embed's service (or category) alone, through the decision API. */
  private __load(): void {
    const { garde, embed } = this;
    const { category = '', service = '' } = embed!.dataset;
    // A service granted grants its category and starts none of its other services (the store's
    // rule); an embed without a service grants its category.
    const name = own(garde!.config.services, service) ? service : category;
    garde!.set({ [name]: true }, { layer: 'placeholder' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'garde-placeholder': GardePlaceholder;
  }
}
