import { html, nothing } from 'lit/html.js';
import type { CategoryConfig, ConsentState, CookieInfo, ServiceConfig } from '../../core/types.js';
import { GardeElement } from '../base.js';
import { baseStyles } from '../base.styles.js';
import { preferencesStyles } from './preferences.styles.js';

/** The receipts of the dialog's decisions say they were taken there. */
const DIALOG = { layer: 'dialog' } as const;

/** The element focused in the page, looking through shadow roots (the opener is often in one). */
const focusedElement = (): HTMLElement | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
};

/**
 * The second layer: a modal dialog (native `<dialog>`, `showModal()`) with one switch per
 * category, the services and cookies of each, and the visitor's consent id and date once they
 * have decided. Nothing is pre-ticked: the switches show the current decision, or off. Escape
 * closes without changing anything; focus returns to the element that opened it.
 *
 * @tag garde-preferences
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart title - Its heading, which names it.
 * @csspart header - The row of heading and close button.
 * @csspart close - The close button.
 * @csspart text - The introduction.
 * @csspart link - The link to the cookie policy.
 * @csspart category - One category: switch, description and services.
 * @csspart label - The label of a category's switch.
 * @csspart switch - A category's switch (`<input type="checkbox" role="switch">`).
 * @csspart description - A category's description.
 * @csspart details - The expandable list of a category's services.
 * @csspart summary - Its toggle.
 * @csspart service - One service and its cookies.
 * @csspart cookie - One cookie: name, provider, purpose, lifetime.
 * @csspart receipt - The visitor's consent id and date.
 * @csspart actions - The row of buttons.
 * @csspart button - Each of the three buttons.
 * @csspart reject - The "Reject all" button.
 * @csspart accept - The "Accept all" button.
 * @csspart save - The "Save my choices" button.
 *
 * @cssproperty --garde-font - Font family (inherits the page's by default).
 * @cssproperty --garde-color - Text colour.
 * @cssproperty --garde-background - Background colour.
 * @cssproperty --garde-accent - Buttons, links and switches.
 * @cssproperty --garde-accent-text - Text on buttons.
 * @cssproperty --garde-border - Borders and separators.
 * @cssproperty --garde-focus - The focus ring.
 * @cssproperty --garde-radius - Corner radius.
 * @cssproperty --garde-space - Base spacing.
 *
 * @event garde:consent - On `document`, from the core, after any of the three buttons.
 */
export class GardePreferences extends GardeElement {
  static override styles = [baseStyles, preferencesStyles];

  /** The switches' state, from the current decision when the dialog opens; applied only on Save. */
  private __draft: Record<string, boolean> = {};
  /** The element that had focus when the dialog opened: focus goes back to it on close. */
  private __opener: HTMLElement | null = null;

  /** The <dialog>, once rendered (null before the first render, or with no garde instance). */
  private get __dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog, with the switches showing the current decision (all off before one). */
  async show(): Promise<void> {
    if (this.__dialog?.open) return;
    this.__opener = focusedElement();
    this.__draft = { ...this.garde?.consent?.categories };
    this.requestUpdate();
    await this.updateComplete;
    this.__dialog?.showModal();
  }

  /** Closes the dialog without changing anything. */
  close(): void {
    this.__dialog?.close();
  }

  override render() {
    const garde = this.garde;
    if (!garde) return nothing;
    const { strings, lang, text } = this.localize;
    const { config, consent } = garde;
    // File size hack: the sub-templates are functions here, not methods, sharing `strings` and
    // `text`; as methods, each re-reading `this.localize` cost ~100 B gzip in dist/garde.js.

    // One term and its value, or nothing when the config gives no value.
    const renderDetail = (term: string, value: unknown) =>
      value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing;

    // A cookie's name, provider (its own, else its service's), purpose and lifetime.
    const renderCookie = (cookie: CookieInfo, service: ServiceConfig) => html`
      <dl part="cookie">
        ${renderDetail('Cookie', html`<code>${cookie.name}</code>`)}
        ${renderDetail(strings.provider, text(cookie.provider ?? service.provider))}
        ${renderDetail(strings.purpose, text(cookie.purpose))}
        ${renderDetail(strings.lifetime, text(cookie.lifetime))}
      </dl>
    `;

    // A service and the cookies it describes (the ones given as bare names are not shown).
    const renderService = ([name, service]: [string, ServiceConfig]) => html`
      <div part="service">
        <h3>${text(service.label, name)}</h3>
        ${service.description ? html`<p>${text(service.description)}</p>` : nothing}
        ${service.cookies
          ?.filter((cookie): cookie is CookieInfo => typeof cookie === 'object')
          .map((cookie) => renderCookie(cookie, service))}
      </div>
    `;

    // A category's services, folded under one summary.
    const renderServices = (services: Array<[string, ServiceConfig]>) => html`
      <details part="details">
        <summary part="summary">${strings.services}</summary>
        ${services.map(renderService)}
      </details>
    `;

    // A category's switch, named by its label and described by its description; its services.
    const renderCategory = ([name, category]: [string, CategoryConfig]) => {
      const necessary = name === 'necessary';
      const description = text(category.description);
      const descriptionId = `${name}-description`;
      const descriptionParagraph = description
        ? html`<p id=${descriptionId} part="description">${description}</p>`
        : nothing;
      const services = Object.entries(config.services).filter(
        ([, service]) => service.category === name,
      );
      const toggle = (event: Event) => {
        this.__draft[name] = (event.target as HTMLInputElement).checked;
        this.requestUpdate();
      };
      return html`
        <div part="category">
          <label part="label">
            <input
              part="switch"
              type="checkbox"
              role="switch"
              aria-describedby=${description ? descriptionId : nothing}
              ?disabled=${necessary}
              .checked=${necessary || !!this.__draft[name]}
              @change=${toggle}
            />
            ${text(category.label, necessary ? strings.necessary : name)}
          </label>
          ${descriptionParagraph}
          ${services.length ? renderServices(services) : nothing}
        </div>
      `;
    };

    // The visitor's consent id and date, to quote to the data-protection officer.
    const renderReceipt = ({ id, decidedAt }: ConsentState) => html`
      <p part="receipt">
        ${strings.id}: <code>${id}</code>
        (<time datetime=${decidedAt}>${new Date(decidedAt).toLocaleString(`${lang}-BE`)}</time>)
      </p>
    `;

    // Each button decides, then closes the dialog; "Save my choices" names every category.
    const closeAfter = (decide: () => void) => () => {
      decide();
      this.close();
    };
    const reject = closeAfter(() => garde.rejectAll(DIALOG));
    const accept = closeAfter(() => garde.acceptAll(DIALOG));
    const save = closeAfter(() =>
      garde.set(
        Object.fromEntries(
          Object.keys(config.categories).map((name) => [name, !!this.__draft[name]]),
        ),
        DIALOG,
      ),
    );

    // Escape fires `cancel` then `close`: nothing to undo, since the switches only count on Save.
    return html`
      <dialog part="dialog" aria-labelledby="heading" lang=${lang} @close=${this.__returnFocus}>
        <div part="header">
          <h2 id="heading" part="title">${strings.settings}</h2>
          <button part="close" aria-label=${strings.close} @click=${this.close}>×</button>
        </div>
        <p part="text">
          ${strings.intro}
          <a part="link" href=${text(config.policy.url)}>${strings.policy}</a>
        </p>
        ${Object.entries(config.categories).map(renderCategory)}
        ${consent ? renderReceipt(consent) : nothing}
        <div part="actions">
          <button part="button reject" @click=${reject}>${strings.reject}</button>
          <button part="button accept" @click=${accept}>${strings.accept}</button>
          <button part="button save" @click=${save}>${strings.save}</button>
        </div>
      </dialog>
    `;
  }

  private __returnFocus(): void {
    if (this.__opener?.isConnected) this.__opener.focus();
  }
}
