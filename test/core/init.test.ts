import { expect } from '@open-wc/testing';
import { config, start, reset, ran, until } from './helpers.js';

describe('init', () => {
  beforeEach(reset);
  after(reset);

  it('starts undecided, with only necessary allowed', async () => {
    const g = start(config());
    await g.ready;
    expect(g.consent).to.equal(null);
    expect(g.allowed('necessary')).to.be.true;
    expect(g.allowed('analytics')).to.be.false;
    expect(g.allowed('matomo')).to.be.false;
  });

  it('acceptAll grants everything, writes the cookie and emits once', async () => {
    const g = start(config());
    const seen: unknown[] = [];
    const off = g.onChange((s) => seen.push(s));
    g.acceptAll();
    off();
    expect(seen).to.have.length(1);
    expect(g.allowed('analytics') && g.allowed('matomo') && g.allowed('youtube')).to.be.true;
    expect(document.cookie).to.match(/garde_consent=1\./);
    const again = start(config());
    expect(again.consent).to.deep.equal(g.consent);
  });

  it('runs gated scripts in order once accepted', async () => {
    for (const [src, text] of [['/test/fixtures/gated-a.js', ''], ['', "ran.push('inline-1')"], ['/test/fixtures/gated-b.js', '']]) {
      const s = document.createElement('script');
      s.type = 'text/plain';
      s.dataset.category = 'analytics';
      if (src) s.src = src;
      s.text = text!;
      document.body.append(s);
    }
    const g = start(config());
    await new Promise((r) => setTimeout(r, 50));
    expect(ran()).to.deep.equal([]);
    g.acceptAll();
    await until(() => ran().length == 3);
    expect(ran()).to.deep.equal(['external-a', 'inline-1', 'external-b']);
  });
});
