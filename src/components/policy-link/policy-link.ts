import { html } from 'lit/html.js';
import type { Garde } from '../../core/types.js';
import { GardeElement } from '../base.js';
import { baseStyles } from '../base.styles.js';
import { policyLinkStyles } from './policy-link.styles.js';

/**
 * For the page footer: a link to the cookie policy and a "Cookie settings" button that opens the
 * preferences, so that changing one's mind or withdrawing is always one click away. With the
 * `floating` attribute, only the button, fixed in the bottom corner.
 *
 * The element dispatches no event of its own: the button calls `garde.showPreferences()`, which
 * dispatches `garde:show-preferences` on `document`.
 *
 * @tag garde-policy-link
 *
 * @attribute floating - Show only the button, fixed in the bottom corner (what
 *   `config.floatingButton` adds).
 *
 * @csspart link - The link to the cookie policy.
 * @csspart button - The "Cookie settings" button.
 * @csspart settings - The same button, named as the one that opens the dialog (garde asks for the
 *   dialog's file as soon as it is pointed at or focused: load-on-intent.ts).
 *
 * @cssproperty --garde-font - Font family (inherits the page's by default).
 * @cssproperty --garde-background - The ring around the button on hover.
 * @cssproperty --garde-color - The focus ring, when `--garde-focus` is not set.
 * @cssproperty --garde-accent - Background of the floating button.
 * @cssproperty --garde-accent-text - Text of the floating button.
 * @cssproperty --garde-focus - The focus ring.
 * @cssproperty --garde-radius - Corner radius of the button.
 * @cssproperty --garde-z-index - Stacking of the floating button.
 */
export class GardePolicyLink extends GardeElement {
  static override styles = [baseStyles, policyLinkStyles];

  override render(garde: Garde) {
    const { strings, lang } = this.localize;
    const policyUrl = this.localize.text(garde.config.policy.url);
    const { showPreferences } = garde;
    return html`
      <a part="link" lang=${lang} href=${policyUrl}>${strings.policy}</a>
      <button part="button settings" lang=${lang} @click=${showPreferences}>${strings.settings}</button>
    `;
  }
}
