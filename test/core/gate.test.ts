import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
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

/** An embed the way a page's HTML would declare it, marked for reset(). */
function embed<K extends 'iframe' | 'img' | 'audio'>(tag: K, attrs: Record<string, string>) {
  const element = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
  element.dataset.test = '';
  document.body.append(element);
  return element;
}

/** A gated template the way a page's HTML would declare it (parsed, as the parser would), in a box. */
function template(attrs: Record<string, string>, markup: string) {
  const box = document.createElement('div');
  box.dataset.test = '';
  const attributes = Object.entries(attrs).map(([k, v]) => ` ${k}="${v}"`);
  box.append(
    document
      .createRange()
      .createContextualFragment(`<template${attributes.join('')}>${markup}</template>`),
  );
  document.body.append(box);
  return box.firstElementChild as HTMLTemplateElement;
}

/** A second of silence as a WAV data URL: a medium that really loads and plays here. */
function silence(): string {
  const rate = 8000;
  const bytes = new Uint8Array(44 + rate);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) =>
    [...value].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + rate, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  text(36, 'data');
  view.setUint32(40, rate, true);
  bytes.fill(128, 44);
  return 'data:audio/wav;base64,' + btoa(String.fromCharCode(...bytes));
}

/** Every console.warn during f(), which may be async. */
async function warnings(f: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const { warn } = console;
  console.warn = (message: string) => void seen.push(message);
  try {
    await f();
  } finally {
    console.warn = warn;
  }
  return seen;
}

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
    // The scripts without a nonce stay blocked by the page's CSP: garde does not launder them. A
    // template's script runs as it is moved in, at the grant, before the revived ones' turns.
    expect(w.ran).to.deep.equal(['template with nonce', 'inline with nonce', 'external-a']);
  });

  it('unloads a loaded frame, image and medium at once when refused, and loads them again on a grant', async () => {
    const frame = embed('iframe', {
      title: 'Player',
      'data-category': 'marketing',
      'data-service': 'youtube',
      'data-src': FIX + 'embed-frame.html',
    });
    const img = embed('img', {
      alt: '',
      'data-category': 'marketing',
      'data-src': FIX + 'pixel.gif',
      'data-srcset': FIX + 'pixel.gif 2x',
    });
    const audio = embed('audio', { 'data-category': 'marketing', 'data-src': silence() });
    const g = start(config());
    await pause();
    for (const element of [frame, img, audio])
      expect(element.hasAttribute('data-garde-blocked'), element.tagName).to.be.true;
    g.acceptAll();
    for (const element of [frame, img, audio])
      expect(element.hasAttribute('data-garde-blocked'), element.tagName).to.be.false;
    await until(() => frame.contentDocument?.body?.textContent?.includes('Embedded player'));
    // A real click: Chromium plays media only after the visitor has interacted with the page.
    await sendMouse({ type: 'click', position: [1, 1] });
    await audio.play();
    expect(audio.paused).to.be.false;
    expect(img.getAttribute('srcset')).to.equal(FIX + 'pixel.gif 2x');

    g.rejectAll();
    // At once, without a reload: nothing left to load or play, the data-* copies kept.
    expect(frame.hasAttribute('src')).to.be.false;
    expect(img.hasAttribute('src') || img.hasAttribute('srcset')).to.be.false;
    expect(audio.hasAttribute('src')).to.be.false;
    expect(audio.paused).to.be.true;
    // load() without a source drops what the medium had: it can no longer play.
    expect(audio.readyState).to.equal(HTMLMediaElement.HAVE_NOTHING);
    for (const element of [frame, img, audio]) {
      expect(element.hasAttribute('data-garde-blocked'), element.tagName).to.be.true;
      expect(element.dataset.src, element.tagName).to.not.equal(undefined);
    }
    await until(() => frame.contentWindow?.location.href === 'about:blank');

    g.set({ marketing: true, youtube: true });
    expect(frame.getAttribute('src')).to.equal(FIX + 'embed-frame.html');
    expect(audio.getAttribute('src') === audio.dataset.src).to.be.true;
    await until(() => frame.contentDocument?.body?.textContent?.includes('Embedded player'));
    // Refusing only the service unloads its frame; the category's other embeds stay.
    g.set({ youtube: false });
    expect(frame.hasAttribute('src')).to.be.false;
    expect(img.getAttribute('src')).to.equal(FIX + 'pixel.gif');
  });

  it('keeps a template’s content off the page, its frame without a browsing context, until granted; a refusal takes it away again', async () => {
    const url = FIX + 'embed-frame.html?template';
    const held = template(
      { 'data-category': 'marketing', 'data-service': 'youtube' },
      `<iframe title="Player" src="${url}"></iframe><script>ran.push('in template')</script>`,
    );
    const g = start(config());
    await pause();
    expect(held.hasAttribute('data-garde-blocked')).to.be.true;
    expect(held.nextSibling === null).to.be.true;
    expect(window.frames).to.have.length(0);
    expect(ran()).to.deep.equal([]);
    g.set({ marketing: true, youtube: false });
    expect(held.nextSibling === null, 'a grant of the category alone').to.be.true;

    g.set({ youtube: true });
    // At once, right after the template; the template itself stays, as the content's anchor.
    const player = held.nextElementSibling as HTMLIFrameElement;
    expect(player.title).to.equal('Player');
    expect(held.hasAttribute('data-garde-blocked')).to.be.false;
    expect(held.content.childNodes).to.have.length(0);
    expect(ran()).to.deep.equal(['in template']);
    await until(() => player.contentDocument?.body?.textContent?.includes('Embedded player'));

    g.rejectAll();
    expect(player.isConnected).to.be.false;
    expect(held.nextSibling === null).to.be.true;
    expect(held.hasAttribute('data-garde-blocked')).to.be.true;
    expect(window.frames).to.have.length(0);
    // Back in the template, whole, for the next grant.
    expect([...held.content.children].map((node) => node.localName)).to.deep.equal([
      'iframe',
      'script',
    ]);

    g.acceptAll();
    expect(held.nextElementSibling).to.equal(player);
    await until(() => player.contentDocument?.body?.textContent?.includes('Embedded player'));
    // A script runs once per page, as a revived text/plain one does.
    expect(ran()).to.deep.equal(['in template']);
  });

  it('gates a template added later, and one already granted on the next page', async () => {
    const previousPage = start(config());
    previousPage.acceptAll();
    previousPage.destroy();
    const g = start(config());
    const late = template(
      { 'data-category': 'analytics' },
      `<script>ran.push('late')</script><p>Text</p>`,
    );
    await until(() => ran().length === 1);
    expect(late.nextElementSibling!.nextElementSibling!.textContent).to.equal('Text');
    g.withdraw();
    expect(late.nextSibling === null).to.be.true;
  });

  it('two instances on one page: each takes back the nodes it moved, and the template gets them all once both know', async () => {
    const a = start(config());
    const b = start(config());
    const held = template({ 'data-category': 'analytics' }, `<p>Text</p>`);
    await pause();
    a.acceptAll();
    await until(() => b.consent?.categories.analytics);
    expect(held.nextElementSibling?.textContent).to.equal('Text');
    // The one that did not move them refuses: the one that did hears it and takes them back.
    b.withdraw();
    await until(() => held.nextSibling === null);
    expect([...held.content.childNodes].map((node) => node.textContent)).to.deep.equal(['Text']);
  });

  it('warns once per name that the config does not know, for elements added later too', async () => {
    const seen = await warnings(async () => {
      gated({ 'data-category': 'analytic' }, "ran.push('typo')");
      gated({ 'data-category': 'analytic' }, "ran.push('typo again')");
      embed('iframe', {
        title: 'Video',
        'data-category': 'marketing',
        'data-service': 'yt',
        'data-src': 'about:blank#yt',
      });
      gated({ 'data-category': 'analytics', 'data-service': 'matomo' }, "ran.push('fine')");
      start(config());
      await pause();
      embed('img', { alt: '', 'data-category': 'stats', 'data-src': FIX + 'pixel.gif' });
      await pause();
    });
    // Only the markup's names: the config's own warnings (a label without this language) aside.
    expect(seen.filter((line) => line.includes('data-'))).to.deep.equal([
      'garde: data-category="analytic" is unknown',
      'garde: data-service="yt" is unknown',
      'garde: data-category="stats" is unknown',
    ]);
  });
});
