import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { $, banner, frame, reset, screenshot, start } from './helpers.js';

const room = () => {
  const style = getComputedStyle(document.documentElement);
  return {
    scrollPadding: parseFloat(style.scrollPaddingBottom) || 0,
    padding: parseFloat(style.paddingBottom),
  };
};

/** A page longer than the viewport, ending in a paragraph and a link. */
function longPage(): { last: HTMLElement; link: HTMLAnchorElement } {
  const page = document.createElement('div');
  page.dataset.test = '';
  for (let i = 0; i < 40; i++)
    page.append(Object.assign(document.createElement('p'), { textContent: `Paragraph ${i}` }));
  const link = Object.assign(document.createElement('a'), { href: '#end', textContent: 'The end' });
  const last = document.createElement('p');
  last.append(link);
  page.append(last);
  document.body.append(page);
  return { last, link };
}

/** Two more frames: the ResizeObserver's report, then the layout it causes. */
const settled = async () => {
  await frame();
  await frame();
};

describe('<garde-banner> keeps room for itself at the bottom of the page (BannerRoom)', () => {
  beforeEach(reset);
  afterEach(async () => {
    window.scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });
  after(reset);

  for (const viewport of [
    { width: 320, height: 640 },
    { width: 1280, height: 800 },
  ])
    it(`is fixed at the bottom at ${viewport.width}×${viewport.height}, with scroll padding and bottom padding equal to its height`, async () => {
      await setViewport(viewport);
      document.documentElement.lang = 'fr';
      start();
      await settled();
      const box = banner()!.getBoundingClientRect();
      expect(getComputedStyle(banner()!).position).to.equal('fixed');
      expect(box.bottom).to.be.closeTo(viewport.height, 0.5);
      expect(box.left).to.equal(0);
      expect(box.width).to.equal(document.documentElement.clientWidth);
      // The page keeps at least half the viewport, or all but 10rem of it.
      expect(box.height).to.be.at.most(Math.max(viewport.height / 2, viewport.height - 160) + 0.5);
      expect(room().scrollPadding).to.be.closeTo(box.height, 0.5);
      expect(room().padding).to.be.closeTo(box.height, 0.5);
      await screenshot(`banner-room-${viewport.width}`);
    });

  it('lets the end of the page scroll clear of it, and scrolls a focused link clear of it', async () => {
    await setViewport({ width: 320, height: 640 });
    const { last, link } = longPage();
    start();
    await settled();
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
    const top = banner()!.getBoundingClientRect().top;
    expect(last.getBoundingClientRect().bottom).to.be.at.most(top + 0.5);
    window.scrollTo(0, 0);
    await frame();
    link.focus();
    await frame();
    const rect = link.getBoundingClientRect();
    expect(rect.top).to.be.at.least(0);
    expect(rect.bottom).to.be.at.most(top + 0.5);
  });

  it('follows its height: more text, more room', async () => {
    await setViewport({ width: 1280, height: 800 });
    start();
    await settled();
    const before = room().padding;
    $(banner(), '[part~=text]').append(' More words.'.repeat(60));
    await settled();
    const height = banner()!.getBoundingClientRect().height;
    expect(height).to.be.above(before + 20);
    expect(room().padding).to.be.closeTo(height, 0.5);
    expect(room().scrollPadding).to.be.closeTo(height, 0.5);
  });

  it('keeps its buttons in view when taller than its share of the viewport: the text scrolls above them', async () => {
    await setViewport({ width: 320, height: 400 });
    start();
    await settled();
    $(banner(), '[part~=text]').append(' More words.'.repeat(80));
    await settled();
    const host = banner()!;
    expect(host.getBoundingClientRect().height).to.be.closeTo(240, 0.5);
    const body = $(host, '[part~=body]');
    expect(body.scrollHeight).to.be.above(body.clientHeight);
    // Without any focus or scrolling, all three buttons lie inside the banner and the window.
    for (const button of host.shadowRoot!.querySelectorAll('button')) {
      const rect = button.getBoundingClientRect();
      expect(rect.top).to.be.at.least(host.getBoundingClientRect().top);
      expect(rect.bottom).to.be.at.most(400);
    }
    // The text is reached by keyboard: its link is focusable, and focusing it scrolls it in view.
    const link = $(host, '[part~=link]');
    link.focus();
    await frame();
    expect(link.getBoundingClientRect().bottom).to.be.at.most(
      body.getBoundingClientRect().bottom + 0.5,
    );
  });

  it('sits in the page flow, first in <body>, and takes no room where the viewport is under 20rem high (400% zoom)', async () => {
    await setViewport({ width: 320, height: 256 });
    start();
    await settled();
    expect(getComputedStyle(banner()!).position).to.equal('static');
    expect(document.body.firstElementChild).to.equal(banner());
    expect(room()).to.deep.equal({ scrollPadding: 0, padding: 0 });
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });

  it('gives the room back when it goes, and takes it again after a withdrawal', async () => {
    await setViewport({ width: 1280, height: 800 });
    const sheets = document.adoptedStyleSheets.length;
    const garde = start();
    await settled();
    expect(room().padding).to.be.above(0);
    garde.rejectAll();
    await settled();
    expect(banner()).to.equal(null);
    expect(room()).to.deep.equal({ scrollPadding: 0, padding: 0 });
    // The room's sheet is gone; mountUi's own (for its live region) stays while it is mounted.
    expect(document.adoptedStyleSheets.length).to.equal(sheets + 1);
    garde.withdraw();
    await settled();
    expect(room().padding).to.be.closeTo(banner()!.getBoundingClientRect().height, 0.5);
  });

  it('hides the floating settings button while it is up (it would sit under the banner, focusable)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const garde = start({ floatingButton: true });
    await settled();
    const floating = document.querySelector('garde-policy-link[floating]')!;
    expect(getComputedStyle(floating).display).to.equal('none');
    garde.acceptAll();
    await settled();
    expect(getComputedStyle(floating).display).to.not.equal('none');
  });
});
