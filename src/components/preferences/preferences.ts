import { html, nothing } from 'lit/html.js';
import type { ConsentState, Garde, Snapshot } from '../../core/types.js';
import type { StorageItem, Translation } from '../../i18n/index.js';
import { GardeElement } from '../base.js';
import { snapshotOf } from '../snapshot-of.js';
import { baseStyles } from '../base.styles.js';
import { focusedElement, mainContent } from './focus.js';
import { preferencesStyles } from './preferences.styles.js';

/** The receipts of the dialog's decisions say they were taken there. */
const DIALOG = { layer: 'dialog' } as const;

type Category = Snapshot['categories'][number];
type Service = Category['services'][number];

/** One term and its value, or nothing when the config gives no value. */
const renderDetail = (term: string, value: unknown) =>
  value ? html`<dt>${term}</dt><dd>${value}</dd>` : nothing;

/**
 * The second layer: a modal dialog (native `<dialog>`, `showModal()`) with one switch per
 * category, one per service under a category of several services, the services and cookies of
 * each (garde's own storage under "necessary"), and the visitor's consent id and date once they
 * have decided, with a button that copies the id. Nothing is pre-ticked: the switches show the
 * current decision, or off. Escape closes without changing anything. Its categories, services,
 * cookies and texts are those of the snapshot whose hash each receipt carries as `shown`
 * (`snapshotOf()`, src/components/snapshot-of.ts): what is shown is what is recorded.
 *
 * Focus never falls to `<body>`: on close it returns to the element that opened the dialog if it
 * is still there, else goes to the start of the page's main content; after "Accept all" or
 * "Reject all" in the banner (which then disappears), to the main content too. A polite live
 * region (`role="status"`) then says that the choice was saved, or that the id was copied.
 *
 * The element dispatches no event of its own: each decision dispatches `garde:consent` on
 * `document`, from the core.
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
 * @csspart label - The label of a category's or a service's switch.
 * @csspart switch - A category's or a service's switch (`<input type="checkbox" role="switch">`).
 * @csspart services - The services' switches under their category's, when it has several.
 * @csspart description - A category's description.
 * @csspart details - The expandable list of a category's services.
 * @csspart summary - Its toggle.
 * @csspart service - One service and its cookies.
 * @csspart provider - A service's provider.
 * @csspart cookie - One cookie or other storage: name, provider, purpose, lifetime.
 * @csspart receipt - The visitor's consent id and date.
 * @csspart id - The consent id.
 * @csspart copy - The button that copies it.
 * @csspart status - The live regions (visually hidden).
 * @csspart actions - The row of buttons.
 * @csspart button - Each of the buttons.
 * @csspart reject - The "Reject all" button.
 * @csspart accept - The "Accept all" button.
 * @csspart save - The "Save my choices" button.
 * @csspart withdraw - The "Withdraw my consent" button, once there is a decision: does what
 *   `garde.withdraw()` does, recorded with layer `dialog`.
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
 */
export class GardePreferences extends GardeElement {
  static override styles = [baseStyles, preferencesStyles];

  /**
   * The switches' state by category and service name, from the current decision when the dialog
   * opens; applied only on Save. A service absent follows its category.
   */
  private __draft: Record<string, boolean> = {};
  /** The element that had focus when the dialog opened: focus goes back to it on close. */
  private __opener: HTMLElement | null = null;
  /** What the live region says: the choice saved, the id copied. */
  private __status = '';
  /** The language it was said in, kept after a later `setLang()` (WCAG 3.1.2). */
  private __statusLang = '';
  /** Whether the dialog closes on a decision (announced), not on Escape or the close button. */
  private __decided = false;

  /** The <dialog>, once rendered (null before the first render, or with no garde instance). */
  private get __dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog, with the switches showing the current decision (all off before one). */
  async show(): Promise<void> {
    if (this.__dialog?.open) return;
    this.__opener = focusedElement();
    const consent = this.garde?.consent;
    this.__draft = { ...consent?.categories, ...consent?.services };
    this.__askNewServices();
    this.__status = '';
    this.requestUpdate();
    await this.updateComplete;
    this.__dialog?.showModal();
  }

  /**
   * A service added since the visitor decided (`consent.unasked`) shows off. Alone in its
   * category it has no switch of its own: the category's stands for it, so that one shows off
   * too, and turning it on grants the service with it.
   */
  private __askNewServices(): void {
    const { config, consent } = this.garde!;
    for (const name of consent?.unasked ?? []) {
      const { category } = config.services[name]!;
      const siblings = Object.values(config.services).filter((s) => s.category === category);
      if (siblings.length > 1) continue;
      this.__draft[category] = false;
      delete this.__draft[name];
    }
  }

  /** Closes the dialog without changing anything. */
  close(): void {
    this.__dialog?.close();
  }

  /** The snapshot rendered (and hashed into `shown`), and its texts, as of the last render. */
  private __snapshot!: Snapshot;
  private get __texts(): Translation {
    return this.__snapshot.texts as unknown as Translation;
  }

  override render(garde: Garde) {
    const { lang } = this.localize;
    const { consent } = garde;
    const snapshot = (this.__snapshot = snapshotOf(garde, this.localize.strings));
    const strings = this.__texts;
    // Outside the dialog for its decisions (the page is inert while it is open); inside it for the
    // copied id. The banner's decisions are announced by mountUi().
    const status = html`
      <p role="status" part="status" lang=${this.__statusLang}>${this.__status}</p>
    `;

    // Escape fires `cancel` then `close`: nothing to undo, since the switches only count on Save.
    return html`
      ${status}
      <dialog part="dialog" aria-labelledby="heading" lang=${lang} @close=${this.__afterClose}>
        <div part="header">
          <h2 id="heading" part="title">${strings.settings}</h2>
          <button part="close" aria-label=${strings.close} @click=${this.close}>×</button>
        </div>
        <p part="text">
          ${strings.intro}
          <a part="link" href=${snapshot.policy.url}>${strings.policy}</a>
        </p>
        ${snapshot.categories.map((category) => this.__renderCategory(category))}
        ${consent?.id ? this.__renderReceipt(consent) : nothing}
        <div part="actions">
          <button part="button reject" @click=${() => this.__decide(() => garde.rejectAll(DIALOG))}>
            ${strings.reject}
          </button>
          <button part="button accept" @click=${() => this.__decide(() => garde.acceptAll(DIALOG))}>
            ${strings.accept}
          </button>
          <button part="button save" @click=${this.__save}>${strings.save}</button>
          ${
            consent
              ? html`
                <button
                  part="button withdraw"
                  @click=${() => this.__decide(() => garde.withdraw(DIALOG))}
                >
                  ${strings.withdraw}
                </button>
              `
              : nothing
          }
        </div>
        ${status}
      </dialog>
    `;
  }

  /**
   * A category's switch, named by its label and described by its description; with several
   * services, a switch for each below it, off and disabled while the category is off; then the
   * services' and cookies' details.
   */
  private __renderCategory({ name, label, description, services, storage = [] }: Category) {
    const necessary = name === 'necessary';
    const on = necessary || !!this.__draft[name];
    const descriptionId = `${name}-description`;
    const descriptionParagraph = description
      ? html`<p id=${descriptionId} part="description">${description}</p>`
      : nothing;
    const serviceSwitches = html`
      <div part="services">
        ${services.map(
          (service) => html`
            <label part="label">
              ${this.__renderSwitch(service.name, !on, on && this.__draft[service.name] !== false)}
              ${service.label}
            </label>
          `,
        )}
      </div>
    `;
    return html`
      <div part="category">
        <label part="label">
          ${this.__renderSwitch(name, necessary, on, description ? descriptionId : undefined)}
          ${label}
        </label>
        ${descriptionParagraph} ${!necessary && services.length > 1 ? serviceSwitches : nothing}
        ${services.length + storage.length ? this.__renderServices(services, storage) : nothing}
      </div>
    `;
  }

  /** A switch for the category or service `name`, changing the draft. */
  private __renderSwitch(name: string, disabled: boolean, checked: boolean, describedBy?: string) {
    return html`
      <input
        part="switch"
        type="checkbox"
        role="switch"
        name=${name}
        aria-describedby=${describedBy ?? nothing}
        ?disabled=${disabled}
        .checked=${checked}
        @change=${this.__toggle}
      />
    `;
  }

  /** A category's storage and services, folded under one summary. */
  private __renderServices(services: Service[], storage: StorageItem[]) {
    return html`
      <details part="details">
        <summary part="summary">${this.__texts.services}</summary>
        ${storage.map((item) => this.__renderItem(item))}
        ${services.map((entry) => this.__renderService(entry))}
      </details>
    `;
  }

  /**
   * A service, its provider (as `<garde-notice>` names it), its cookies and its other storage
   * keys, those given by name alone too.
   */
  private __renderService({ label, description, provider, cookies, storage = [] }: Service) {
    return html`
      <div part="service">
        <h3>${label}</h3>
        ${description ? html`<p>${description}</p>` : nothing}
        ${provider ? html`<dl part="provider">${renderDetail(this.__texts.provider, provider)}</dl>` : nothing}
        ${cookies.map((cookie) => this.__renderItem({ term: 'Cookie', ...cookie }))}
        ${storage.map((item) => this.__renderItem(item))}
      </div>
    `;
  }

  /** A cookie's or another storage's name, provider, purpose and lifetime. */
  private __renderItem({ term, name, provider, purpose, lifetime }: StorageItem) {
    const strings = this.__texts;
    return html`
      <dl part="cookie">
        ${renderDetail(term, html`<code>${name}</code>`)}
        ${renderDetail(strings.provider, provider)} ${renderDetail(strings.purpose, purpose)}
        ${renderDetail(strings.lifetime, lifetime)}
      </dl>
    `;
  }

  /** The visitor's consent id and date, to quote to the data-protection officer; a copy button. */
  private __renderReceipt({ id, decidedAt }: ConsentState) {
    const { lang } = this.localize;
    const strings = this.__texts;
    return html`
      <p part="receipt">
        ${strings.id} <code part="id">${id}</code>
        (<time datetime=${decidedAt}>${new Date(decidedAt).toLocaleString(`${lang}-BE`)}</time>)
        <button part="copy" @click=${this.__copy}>${strings.copy}</button>
      </p>
    `;
  }

  private __toggle(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.__draft[input.name] = input.checked;
    this.requestUpdate();
  }

  /** Each button decides, then closes the dialog. */
  private __decide(decide: () => void): void {
    decide();
    this.__decided = true;
    this.close();
  }

  /**
   * "Save my choices": every category, and the services set in the dialog under a category that
   * is on (a service granted grants its category: one under a category turned off is left as it
   * was, and refused with its category).
   */
  private __save(): void {
    const garde = this.garde!;
    const draft = this.__draft;
    const choices: Record<string, boolean> = {};
    for (const name in garde.config.categories) choices[name] = !!draft[name];
    for (const [name, service] of Object.entries(garde.config.services))
      if (name in draft && draft[service.category]) choices[name] = draft[name]!;
      // A new service alone in its category follows the category's switch (__askNewServices).
      else if (garde.consent?.unasked?.includes(name)) choices[name] = !!draft[service.category];
    this.__decide(() => garde.set(choices, DIALOG));
  }

  private __afterClose(): void {
    this.__opener?.focus();
    // Gone, or hidden meanwhile (the floating button, once a withdrawal brings the banner back).
    if (focusedElement() !== this.__opener) mainContent()?.focus();
    if (this.__decided) this.__announce(this.__texts.saved);
    this.__decided = false;
  }

  /** Copies the id (Clipboard API), else selects it for the visitor to copy; says which. */
  private async __copy(): Promise<void> {
    const strings = this.__texts;
    this.__announce('');
    try {
      await navigator.clipboard.writeText(this.garde!.consent!.id!);
      this.__announce(strings.copied);
    } catch {
      // No Clipboard API (plain http, older browsers) or no permission.
      getSelection()?.selectAllChildren(this.renderRoot.querySelector('[part=id]')!);
      this.__announce(strings.selected);
    }
  }

  private __announce(message: string): void {
    this.__status = message;
    this.__statusLang = this.localize.lang;
    this.requestUpdate();
  }
}
