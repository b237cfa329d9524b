import { html, nothing } from 'lit/html.js';
import type { CookieInfo, LocalisedText } from '../../core/types.js';
import { GardeElement } from '../base.js';

/** The element focused in the page, looking through shadow roots (the opener is often in one). */
const focused = (): HTMLElement | null => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
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
  /** The switches' state, from the current decision when the dialog opens; applied only on Save. */
  private d: Record<string, boolean> = {};
  private o: HTMLElement | null = null;

  /** The <dialog>, once rendered (null before the first render, or with no garde instance). */
  private get dlg(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog, with the switches showing the current decision (all off before one). */
  async show(): Promise<void> {
    if (this.dlg?.open) return;
    this.o = focused();
    this.d = { ...this.g?.consent?.categories };
    this.requestUpdate();
    await this.updateComplete;
    this.dlg?.showModal();
  }

  /** Closes the dialog without changing anything. */
  close(): void {
    this.dlg?.close();
  }

  override render() {
    const g = this.g;
    if (!g) return nothing;
    const { t, lang } = this.l;
    const x = (v?: LocalisedText, f?: string) => this.l.text(v, f);
    const { consent: c, config: cf } = g;
    const done = (f: () => void) => () => (f(), this.close());
    const row = (k: string, v: unknown) => (v ? html`<dt>${k}</dt><dd>${v}</dd>` : nothing);
    // Escape fires `cancel` then `close`: nothing to undo, since the switches only count on Save.
    return html`<dialog part="dialog" aria-labelledby="h" lang=${lang} @close=${() => this.o?.isConnected && this.o.focus()}><div part="header"><h2 id="h" part="title">${t.settings}</h2><button part="close" aria-label=${t.close} @click=${this.close}>×</button></div><p part="text">${t.intro} <a part="link" href=${x(cf.policy.url)}>${t.policy}</a></p>${Object.entries(
      cf.categories,
    ).map(([k, cat]) => {
      const nec = k == 'necessary';
      const desc = x(cat.description);
      const svcs = Object.entries(cf.services).filter(([, s]) => s.category == k);
      return html`<div part="category"><label part="label"><input part="switch" type="checkbox" role="switch" aria-describedby=${desc ? 'd' + k : nothing} ?disabled=${nec} .checked=${nec || !!this.d[k]} @change=${(e: Event) => ((this.d[k] = (e.target as HTMLInputElement).checked), this.requestUpdate())}>${x(cat.label, nec ? t.necessary : k)}</label>${desc ? html`<p id=${'d' + k} part="description">${desc}</p>` : nothing}${svcs.length ? html`<details part="details"><summary part="summary">${t.services}</summary>${svcs.map(([sk, s]) => html`<div part="service"><h3>${x(s.label, sk)}</h3>${s.description ? html`<p>${x(s.description)}</p>` : nothing}${s.cookies!.filter((k): k is CookieInfo => typeof k == 'object').map((k) => html`<dl part="cookie">${row('Cookie', html`<code>${k.name}</code>`)}${row(t.provider, x(k.provider ?? s.provider))}${row(t.purpose, x(k.purpose))}${row(t.lifetime, x(k.lifetime))}</dl>`)}</div>`)}</details>` : nothing}</div>`;
    })}${c ? html`<p part="receipt">${t.id}: <code>${c.id}</code> (<time datetime=${c.decidedAt}>${new Date(c.decidedAt).toLocaleString(lang + '-BE')}</time>)</p>` : nothing}<div part="actions"><button part="button reject" @click=${done(g.rejectAll)}>${t.reject}</button><button part="button accept" @click=${done(g.acceptAll)}>${t.accept}</button><button part="button save" @click=${done(() => g.set(Object.fromEntries(Object.keys(cf.categories).map((k) => [k, !!this.d[k]]))))}>${t.save}</button></div></dialog>`;
  }
}
