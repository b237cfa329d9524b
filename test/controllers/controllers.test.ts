import { expect, fixture, html as th } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { init } from '../../src/core/init.js';
import { currentGarde } from '../../src/core/instance.js';
import type { Garde } from '../../src/core/types.js';
import { ConsentController } from '../../src/controllers/consent-controller.js';
import { LocalizeController } from '../../src/controllers/localize-controller.js';
import { config, reset } from '../components/helpers.js';

/** The smallest host of both controllers: counts its renders, shows the consent method and a string. */
class ProbeEl extends LitElement {
  static override properties = { garde: { attribute: false }, lang: {} };
  declare garde?: Garde;
  renders = 0;
  l = new LocalizeController(this);
  c = new ConsentController(this);
  get g() {
    return this.garde ?? currentGarde();
  }
  override render() {
    this.renders++;
    return html`${this.g?.consent?.method ?? 'none'} ${this.l.t.accept} ${this.l.text(this.g?.config.categories.analytics?.label)}`;
  }
}
customElements.define('probe-el', ProbeEl);
const made: Garde[] = [];
const start = (extra = {}) => {
  const g = init(config(extra));
  made.push(g);
  return g;
};

describe('controllers', () => {
  beforeEach(reset);
  afterEach(() => made.splice(0).forEach((g) => g.destroy()));

  it('ConsentController re-renders after each decision and withdrawal', async () => {
    const g = start();
    const el = await fixture<ProbeEl>(th`<probe-el></probe-el>`);
    expect(el.shadowRoot!.textContent).to.include('none');
    g.acceptAll();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('accept-all');
    g.withdraw();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('none');
  });

  it('ConsentController unsubscribes when the host leaves the page, and subscribes again when it comes back', async () => {
    const g = start();
    const el = await fixture<ProbeEl>(th`<probe-el></probe-el>`);
    const n = el.renders;
    const parent = el.parentElement!;
    el.remove();
    g.acceptAll();
    await new Promise((r) => setTimeout(r, 20));
    expect(el.renders).to.equal(n);
    parent.append(el);
    g.rejectAll();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('reject-all');
  });

  it('ConsentController follows a new instance given to the host', async () => {
    start();
    const el = await fixture<ProbeEl>(th`<probe-el></probe-el>`);
    const b = start();
    el.garde = b;
    await el.updateComplete;
    b.acceptAll();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('accept-all');
    expect(el.g).to.equal(b);
  });

  it('LocalizeController renders in the host’s lang, else config.lang, else <html lang>', async () => {
    document.documentElement.lang = 'fr-BE';
    start();
    const el = await fixture<ProbeEl>(th`<probe-el></probe-el>`);
    expect(el.shadowRoot!.textContent).to.include('Tout accepter').and.include('Mesure d’audience');
    el.lang = 'de';
    await el.updateComplete;
    expect(el.l.lang).to.equal('de');
    expect(el.shadowRoot!.textContent)
      .to.include('Alle akzeptieren')
      .and.include('Besuchsstatistik');
    start({ lang: 'nl' });
    const el2 = await fixture<ProbeEl>(th`<probe-el></probe-el>`);
    expect(el2.shadowRoot!.textContent).to.include('Alles accepteren');
  });
});
