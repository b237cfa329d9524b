import { html, nothing } from 'lit/html.js';
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
 * The buttons stay in view at any window size: the text scrolls above them, inside the banner.
 *
 * When the detailed settings (the dialog, in dist/garde-ui.js) cannot load, `mountUi()` shows
 * the banner again in its fallback form: it says so and offers a minimal form of its own, one
 * switch per category, "Save my choices" and, once there is a decision, "Withdraw my consent" and
 * "Close" (which keeps the decision),
 * so that no right depends on that second file.
 *
 * The element dispatches no event of its own: its buttons call the instance, which dispatches
 * `garde:consent` on `document` after a decision and `garde:show-preferences` after "Customise"
 * (docs/api.md).
 *
 * @tag garde-banner
 *
 * @csspart base - The landmark region (`<section>`).
 * @csspart inner - The centred content box.
 * @csspart body - The heading and the text (the switches, in the fallback form); scrolls when
 *   the window is too short for it and the buttons.
 * @csspart title - The heading that names the region.
 * @csspart text - The paragraph of explanation.
 * @csspart link - The link to the cookie policy.
 * @csspart label - A category's switch and its label (fallback form).
 * @csspart switch - A category's switch (fallback form).
 * @csspart actions - The row of buttons.
 * @csspart button - Each of the buttons.
 * @csspart accept - The "Accept all" button.
 * @csspart reject - The "Reject all" button.
 * @csspart customise - The "Customise" button.
 * @csspart save - The "Save my choices" button (fallback form).
 * @csspart withdraw - The "Withdraw my consent" button (fallback form, after a decision).
 * @csspart close - The "Close" button (fallback form, after a decision): the form goes, the
 *   decision stays.
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
 */
export class GardeBanner extends GardeElement {
  static override styles = [baseStyles, bannerStyles];

  /**
   * Set by mountUi() when the dialog could not load: the banner shows its own minimal form.
   * @internal
   */
  __fallback = false;

  constructor() {
    super();
    new BannerRoom(this);
  }

  override render(garde: Garde) {
    const { strings, lang, text } = this.localize;
    const { acceptAll, rejectAll, showPreferences, consent, config } = garde;
    const fallback = this.__fallback;
    // The fallback form: the categories' switches, showing the current decision (off before one).
    const switches = Object.entries(config.categories).map(
      ([name, category]) => html`
        <label part="label">
          <input
            part="switch"
            type="checkbox"
            role="switch"
            name=${name}
            ?disabled=${name === 'necessary'}
            .checked=${name === 'necessary' || !!consent?.categories[name]}
          />
          ${text(category.label, name === 'necessary' ? strings.necessary : name)}
        </label>
      `,
    );
    const [third, action] = fallback
      ? (['save', this.__save] as const)
      : (['customise', showPreferences] as const);
    // Three buttons alike, refusing as easy as accepting; in the fallback form, "Save my choices"
    // in place of "Customise", and "Withdraw my consent" once there is a decision.
    return html`
      <section part="base" aria-labelledby="title" lang=${lang}>
        <div part="inner">
          <div part="body">
            <h2 id="title" part="title">${strings.title}</h2>
            <p part="text">
              ${fallback ? strings.unavailable : strings.text}
              <a part="link" href=${text(config.policy.url)}>${strings.policy}</a>
            </p>
            ${fallback ? switches : nothing}
          </div>
          <div part="actions">
            <button part="button accept" @click=${() => acceptAll(BANNER)}>${strings.accept}</button>
            <button part="button reject" @click=${() => rejectAll(BANNER)}>${strings.reject}</button>
            <button part="button ${third}" @click=${action}>${strings[third]}</button>
            ${
              fallback && consent
                ? html`
                  <button part="button withdraw" @click=${() => garde.withdraw(BANNER)}>
                    ${strings.withdraw}
                  </button>
                  <button part="button close" @click=${() => this.dispatchEvent(new Event('close'))}>
                    ${strings.close}
                  </button>
                `
                : nothing
            }
          </div>
        </div>
      </section>
    `;
  }

  /** "Save my choices" in the fallback form: every category as its switch says. */
  private __save(): void {
    const choices: Record<string, boolean> = {};
    for (const input of this.renderRoot.querySelectorAll('input'))
      choices[input.name] = input.checked;
    this.garde!.set(choices, BANNER);
  }
}
