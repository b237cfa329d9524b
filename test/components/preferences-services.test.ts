// Per-service switches: under a category of several services, one switch per service, off and
// disabled while the category is off; Save stores them, and a service is never granted without
// its category.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  axNodes,
  config,
  dialog,
  frame,
  LANGS,
  openDialog,
  prefs,
  reset,
  start,
} from './helpers.js';

/** The helpers' config with a second analytics service, a heat map. */
const withHeatmap = () => ({
  services: {
    ...config().services,
    heatmap: {
      category: 'analytics',
      label: { fr: 'Carte de chaleur', nl: 'Heatmap', de: 'Heatmap', en: 'Heat map' },
      cookies: ['hm_*'],
    },
  },
});

const open = () => openDialog();
/** The switch named `name` (a category or a service). */
const switchOf = (name: string) => $<HTMLInputElement>(prefs(), `input[name=${name}]`);

describe('<garde-preferences>: services', () => {
  beforeEach(reset);
  after(reset);

  it('lists a named switch per service under a category of several, disabled while the category is off', async () => {
    start(withHeatmap());
    await open();
    const switches = (await axNodes()).filter((node) => node.role === 'switch');
    expect(switches.map((node) => [node.name, !!node.checked, !!node.disabled])).to.deep.equal([
      ['Necessary', true, true],
      ['Audience measurement', false, false],
      ['Matomo', false, true],
      ['Heat map', false, true],
      ['Embedded videos', false, false],
    ]);
    expect(switchOf('matomo').closest('[part=services]')).to.not.equal(null);
    expect(
      prefs().shadowRoot!.querySelector('input[name=video]'),
      'one service: no switch',
    ).to.equal(null);
  });

  it('keyboard: the category on turns its services on; one off; Save stores exactly that', async () => {
    const garde = start(withHeatmap());
    await open();
    switchOf('analytics').focus();
    await sendKeys({ press: 'Space' });
    await frame();
    expect([switchOf('matomo').checked, switchOf('heatmap').checked]).to.deep.equal([true, true]);
    expect(switchOf('heatmap').disabled).to.be.false;
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    expect(switchOf('heatmap').checked).to.be.false;
    $(prefs(), '[part~=save]').click();
    expect(garde.consent!.categories).to.deep.include({ analytics: true, marketing: false });
    expect(garde.consent!.services).to.deep.equal({ heatmap: false });
    expect([garde.allowed('matomo'), garde.allowed('heatmap')]).to.deep.equal([true, false]);
    await open();
    expect([switchOf('matomo').checked, switchOf('heatmap').checked]).to.deep.equal([true, false]);
  });

  it('the category off again: its services off and disabled, none granted after Save', async () => {
    const garde = start(withHeatmap());
    garde.set({ analytics: true, heatmap: true });
    await open();
    switchOf('analytics').click();
    await frame();
    expect([switchOf('matomo').disabled, switchOf('heatmap').checked]).to.deep.equal([true, false]);
    $(prefs(), '[part~=save]').click();
    expect(garde.allowed('analytics')).to.be.false;
    expect(garde.allowed('heatmap')).to.be.false;
    expect(garde.allowed('matomo')).to.be.false;
  });

  for (const lang of LANGS)
    it(`passes axe with the services' switches, on and off (${lang})`, async () => {
      document.documentElement.lang = lang;
      const garde = start(withHeatmap());
      garde.set({ analytics: true, heatmap: false });
      await open();
      expect(dialog().open).to.be.true;
      await expect(prefs()).to.be.accessible();
    });
});
