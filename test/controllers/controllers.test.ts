import { expect, fixture, html as th } from '@open-wc/testing';
import { html, LitElement } from 'lit';
import { init } from '../../src/core/init.js';
import { currentGarde } from '../../src/core/instance.js';
import type { Garde } from '../../src/core/types.js';
import { ConsentController } from '../../src/controllers/consent-controller.js';
import { LocalizeController } from '../../src/controllers/localize-controller.js';
import { config, reset } from '../components/helpers.js';

/** The smallest host of both controllers: counts its renders, shows the consent method and strings. */
class ProbeEl extends LitElement {
  static override properties = { given: { attribute: false } };
  declare given?: Garde;
  renders = 0;
  localize = new LocalizeController(this);
  consent = new ConsentController(this);
  get garde() {
    return this.given ?? currentGarde();
  }
  override render() {
    this.renders++;
    const { strings, text } = this.localize;
    const label = text(this.garde?.config.categories.analytics?.label);
    return html`${this.garde?.consent?.method ?? 'none'} ${strings.accept} ${label}`;
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
    el.given = b;
    await el.updateComplete;
    b.acceptAll();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.include('accept-all');
    expect(el.garde).to.equal(b);
  });

  it('LocalizeController renders in the instance’s language, whatever the host’s lang or a later <html lang>', async () => {
    document.documentElement.lang = 'fr-BE';
    const fr = start();
    const el = await fixture<ProbeEl>(th`<probe-el lang="de"></probe-el>`);
    expect(fr.lang).to.equal('fr');
    expect(el.localize.lang).to.equal(fr.lang);
    expect(el.shadowRoot!.textContent).to.include('Tout accepter').and.include('Mesure d’audience');
    document.documentElement.lang = 'nl';
    el.requestUpdate();
    await el.updateComplete;
    expect(el.localize.lang, 'a later <html lang> changes nothing').to.equal('fr');
    el.given = start({ lang: 'de' });
    await el.updateComplete;
    expect(el.localize.lang).to.equal('de');
    expect(el.shadowRoot!.textContent)
      .to.include('Alle akzeptieren')
      .and.include('Besuchsstatistik');
  });

  it('LocalizeController renders in English while there is no instance', async () => {
    const el = await fixture<ProbeEl>(th`<probe-el lang="fr"></probe-el>`);
    expect(el.localize.lang).to.equal('en');
    expect(el.shadowRoot!.textContent).to.include('Accept all');
  });
});
