import { html } from 'lit/html.js';
import type { Garde } from '../../core/types.js';
import { GardeElement } from '../base.js';
import { baseStyles } from '../base.styles.js';
import { BannerRoom } from './banner-room.js';
import { bannerStyles } from './banner.styles.js';

/** The receipts of the banner's decisions say they were taken there. */
const BANNER = { layer: 'banner' } as const;

/**
 * The first layer, shown while the visitor has not decided: a landmark region with a short text,
 * the policy link and three equal buttons. Not a cookie wall: the page stays usable, and leaving
 * the banner alone is never consent. `mountUi()` puts it first in `<body>` so that it comes first
 * in the focus order, without ever taking focus on its own. It is fixed at the bottom of the
 * viewport, so that appearing moves nothing on the page, and keeps room for itself there while
 * connected (see `BannerRoom`); on a viewport under 20rem high it sits in the page flow instead.
 *
 * @tag garde-banner
 *
 * @csspart base - The landmark region (`<section>`).
 * @csspart inner - The centred content box.
 * @csspart title - The heading that names the region.
 * @csspart text - The paragraph of explanation.
 * @csspart link - The link to the cookie policy.
 * @csspart actions - The row of buttons.
 * @csspart button - Each of the three buttons.
 * @csspart accept - The "Accept all" button.
 * @csspart reject - The "Reject all" button.
 * @csspart customise - The "Customise" button.
 *
 * @cssproperty --garde-font - Font family (inherits the page's by default).
 * @cssproperty --garde-color - Text colour.
 * @cssproperty --garde-background - Background colour.
 * @cssproperty --garde-accent - Buttons and links.
 * @cssproperty --garde-accent-text - Text on buttons.
 * @cssproperty --garde-border - Borders.
 * @cssproperty --garde-focus - The focus ring.
 * @cssproperty --garde-radius - Corner radius of buttons.
 * @cssproperty --garde-space - Base spacing.
 * @cssproperty --garde-z-index - Stacking level of the fixed banner (default 1000).
 *
 * @event garde:consent - On `document`, from the core, after "Accept all" or "Reject all".
 * @event garde:show-preferences - On `document`, after "Customise".
 */
export class GardeBanner extends GardeElement {
  static override styles = [baseStyles, bannerStyles];

  constructor() {
    super();
    new BannerRoom(this);
  }

  override render(garde: Garde) {
    const { strings, lang } = this.localize;
    const { acceptAll, rejectAll, showPreferences } = garde;
    // Three buttons alike, refusing as easy as accepting.
    return html`
      <section part="base" aria-labelledby="title" lang=${lang}>
        <div part="inner">
          <h2 id="title" part="title">${strings.title}</h2>
          <p part="text">
            ${strings.text}
            <a part="link" href=${this.localize.text(garde.config.policy.url)}>${strings.policy}</a>
          </p>
          <div part="actions">
            <button part="button accept" @click=${() => acceptAll(BANNER)}>${strings.accept}</button>
            <button part="button reject" @click=${() => rejectAll(BANNER)}>${strings.reject}</button>
            <button part="button customise" @click=${showPreferences}>${strings.customise}</button>
          </div>
        </div>
      </section>
    `;
  }
}
