import { expect } from '@open-wc/testing';
import type { Garde } from '../../src/core/types.js';
import { config, ran, reset, start, until } from './helpers.js';

/** Adds a gated script the way a page's HTML would declare it. */
function gated(attrs: Record<string, string>, text = '') {
  const s = document.createElement('script');
  s.type = 'text/plain';
  for (const [k, v] of Object.entries(attrs)) s.setAttribute(k, v);
  s.text = text;
  document.body.append(s);
  return s;
}
const pause = (ms = 60) => new Promise((r) => setTimeout(r, ms));
const FIX = '/test/fixtures/';

describe('gate', () => {
  beforeEach(reset);
  after(reset);

  it('runs nothing gated and sets no declared cookie before a decision', async () => {
    gated({ 'data-category': 'analytics', src: FIX + 'gated-cookie.js' });
    gated({ 'data-category': 'analytics' }, "ran.push('inline')");
    const frame = Object.assign(document.createElement('iframe'), { title: 'video' });
    frame.dataset.category = 'marketing';
    frame.dataset.src = FIX + 'gated-a.js';
    document.body.append(frame);
    const g = start(config());
    await pause();
    expect(ran()).to.deep.equal([]);
    expect(document.cookie).to.not.match(/_pk_id/);
    expect(localStorage.getItem('_pk_test')).to.equal(null);
    expect(frame.hasAttribute('src')).to.be.false;
    g.rejectAll();
    await pause();
    expect(ran()).to.deep.equal([]);
    expect(frame.hasAttribute('src')).to.be.false;
  });

  it('accepting runs external and inline scripts once, in document order', async () => {
    gated({ 'data-category': 'analytics', src: FIX + 'gated-a.js' });
    gated({ 'data-category': 'analytics' }, "ran.push('inline-1')");
    gated({ 'data-category': 'marketing', src: FIX + 'gated-b.js' });
    gated({ 'data-category': 'analytics' }, "ran.push('inline-2')");
    gated({ 'data-category': 'analytics', src: FIX + 'gated-c.js' });
    const g = start(config());
    g.acceptAll();
    g.acceptAll();
    await until(() => ran().length >= 5);
    g.set({ analytics: true });
    start(config());
    await pause(150);
    expect(ran()).to.deep.equal(['external-a', 'inline-1', 'external-b', 'inline-2', 'external-c']);
  });

  it('a refusal made before a queued script runs keeps it asleep until granted again', async () => {
    gated({ 'data-category': 'analytics', src: FIX + 'gated-a.js' });
    gated({ 'data-category': 'analytics' }, "ran.push('inline')");
    const g = start(config());
    g.acceptAll();
    g.rejectAll();
    await pause(150);
    expect(ran()).to.deep.equal([]);
    g.acceptAll();
    await until(() => ran().length === 2);
    expect(ran()).to.deep.equal(['external-a', 'inline']);
  });

  it('runs a category once granted, and a script naming a service only when that service is granted too', async () => {
    gated({ 'data-category': 'analytics' }, "ran.push('analytics')");
    gated({ 'data-category': 'marketing', 'data-service': 'youtube' }, "ran.push('youtube')");
    gated({ 'data-category': 'marketing' }, "ran.push('marketing')");
    const g = start(config());
    g.set({ analytics: true });
    await until(() => ran().length === 1);
    g.set({ marketing: true, youtube: false });
    await until(() => ran().length === 2);
    await pause();
    expect(ran()).to.deep.equal(['analytics', 'marketing']);
    g.set({ youtube: true });
    await until(() => ran().length === 3);
    expect(ran()[2]).to.equal('youtube');
  });

  it('revives with the other attributes, the nonce property, and data-type="module"', async () => {
    const s = gated({
      'data-category': 'analytics',
      id: 'tracker',
      'data-extra': 'x',
      crossorigin: 'anonymous',
      src: FIX + 'gated-a.js',
    });
    s.nonce = 'n0nce';
    gated({ 'data-category': 'analytics', 'data-type': 'module', src: FIX + 'gated-module.js' });
    start(config()).acceptAll();
    await until(() => ran().length === 2);
    expect(ran()).to.deep.equal(['external-a', 'module:object']);
    const live = document.getElementById('tracker') as HTMLScriptElement;
    expect(live).to.not.equal(s);
    expect(live.type).to.equal('');
    expect(live.nonce).to.equal('n0nce');
    expect(live.dataset.extra).to.equal('x');
    expect(live.crossOrigin).to.equal('anonymous');
    expect(s.isConnected).to.be.false;
    expect(document.querySelectorAll('script[type="text/plain"][data-category]')).to.have.length(0);
  });

  it('gates scripts and embeds added later (MutationObserver)', async () => {
    const g = start(config());
    gated({ 'data-category': 'analytics' }, "ran.push('early')");
    await pause();
    expect(ran()).to.deep.equal([]);
    g.acceptAll();
    await until(() => ran().length === 1);
    const wrapper = document.createElement('div');
    wrapper.dataset.test = '';
    const late = document.createElement('script');
    late.type = 'text/plain';
    late.dataset.category = 'analytics';
    late.text = "ran.push('late')";
    const img = document.createElement('img');
    img.alt = '';
    img.dataset.category = 'marketing';
    img.dataset.src = FIX + 'pixel.gif';
    wrapper.append(late, img);
    document.body.append(wrapper);
    await until(() => ran().length === 2);
    expect(ran()).to.deep.equal(['early', 'late']);
    expect(img.getAttribute('src')).to.equal(FIX + 'pixel.gif');
  });

  it('gives iframes, images and media sources their src (and srcset) only once granted', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'YouTube';
    frame.dataset.category = 'marketing';
    frame.dataset.service = 'youtube';
    frame.dataset.src = 'about:blank#video';
    const img = document.createElement('img');
    img.alt = '';
    img.dataset.category = 'marketing';
    img.dataset.src = FIX + 'pixel.gif';
    img.dataset.srcset = FIX + 'pixel.gif 2x';
    const video = document.createElement('video');
    const source = document.createElement('source');
    source.dataset.category = 'marketing';
    source.dataset.src = FIX + 'pixel.gif';
    video.append(source);
    video.dataset.test = '';
    document.body.append(frame, img, video);
    const g = start(config());
    g.set({ marketing: true, youtube: false });
    await pause();
    expect(frame.hasAttribute('src')).to.be.false;
    expect(img.getAttribute('src')).to.equal(FIX + 'pixel.gif');
    expect(img.getAttribute('srcset')).to.equal(FIX + 'pixel.gif 2x');
    expect(source.getAttribute('src')).to.equal(FIX + 'pixel.gif');
    g.set({ youtube: true });
    expect(frame.getAttribute('src')).to.equal('about:blank#video');
  });

  it('revives a stored grant on the next page, before any new decision', async () => {
    start(config()).acceptAll();
    gated({ 'data-category': 'analytics', src: FIX + 'gated-cookie.js' });
    start(config());
    await until(() => ran().length === 1);
    expect(document.cookie).to.match(/_pk_id\.1\.test=1/);
  });

  it('works under a strict nonce-only CSP (no unsafe-inline)', async () => {
    const frame = document.createElement('iframe');
    frame.title = 'csp';
    frame.src = FIX + 'csp.html';
    document.body.append(frame);
    frame.dataset.test = '';
    const w = frame.contentWindow as unknown as { garde?: Garde; ran: string[] };
    await until(() => w.garde);
    await pause();
    expect(w.ran).to.deep.equal([]);
    w.garde!.acceptAll();
    await until(() => w.ran.length >= 2);
    await pause(100);
    // The script without a nonce stays blocked by the page's CSP: garde does not launder it.
    expect(w.ran).to.deep.equal(['inline with nonce', 'external-a']);
  });
});
