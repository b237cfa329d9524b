import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Garde, Lang } from '../../src/core/types.js';
import type { GardePlaceholder } from '../../src/components/placeholder/placeholder.js';
import {
  $,
  axNodes,
  config,
  dialog,
  focused,
  frame,
  openDialog,
  LANGS,
  prefs,
  reset,
  start,
} from './helpers.js';

const FIX = '/test/fixtures/';
const pause = (ms = 60) => new Promise((r) => setTimeout(r, ms));

/** Waits until `f()` is truthy (or fails after `ms`). */
async function until(f: () => unknown, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${f}`);
    await pause(10);
  }
}

/** The demo's config with a second service in the same category. */
const withMaps = (extra: Record<string, unknown> = {}) => ({
  services: {
    ...config().services,
    maps: { category: 'marketing', label: 'Maps', provider: 'OpenStreetMap' },
  },
  ...extra,
});

/** A gated frame as a page's HTML declares it, 320 × 180, before a paragraph. */
function gatedFrame(attrs: Record<string, string>): HTMLIFrameElement {
  const element = document.createElement('iframe');
  element.width = '320';
  element.height = '180';
  element.dataset.category = 'marketing';
  element.dataset.src = FIX + 'embed-frame.html';
  for (const [k, v] of Object.entries(attrs)) element.setAttribute(k, v);
  element.dataset.test = '';
  const after = document.createElement('p');
  after.textContent = 'After the embed.';
  after.dataset.test = '';
  document.body.append(element, after);
  return element;
}

/** The placeholder standing for `embed`, if any. */
const placeholderOf = (embed: Element): GardePlaceholder | null => {
  const previous = embed.previousElementSibling;
  return previous?.localName === 'garde-placeholder' ? (previous as GardePlaceholder) : null;
};

const TEXTS: Record<Lang, { text: string; button: string }> = {
  fr: { text: 'Contenu fourni par Lecteur vidéo.', button: 'Accepter et afficher' },
  nl: { text: 'Inhoud van Videospeler.', button: 'Accepteren en laden' },
  de: { text: 'Inhalt von Videoplayer.', button: 'Akzeptieren und laden' },
  en: { text: 'Content from Video player.', button: 'Accept and load' },
};

describe('garde-placeholder', () => {
  beforeEach(reset);
  after(reset);

  for (const lang of LANGS)
    it(`stands in for a blocked frame in ${lang}, named, with its button, and axe finds nothing`, async () => {
      const embed = gatedFrame({ title: 'Video: your rights', 'data-service': 'video' });
      start({ lang });
      const placeholder = placeholderOf(embed)!;
      expect(placeholder, 'placeholder').to.not.equal(null);
      await placeholder.updateComplete;
      const text = $(placeholder, '[part~="text"]').textContent!;
      expect(text).to.contain(TEXTS[lang].text);
      expect($(placeholder, 'button').textContent!.trim()).to.equal(TEXTS[lang].button);
      expect([$(placeholder, 'p').lang, $(placeholder, 'button').lang]).to.deep.equal([lang, lang]);
      const group = $(placeholder, '[part~="base"]');
      expect([group.getAttribute('role'), group.getAttribute('aria-label')]).to.deep.equal([
        'group',
        'Video: your rights',
      ]);
      expect((await axNodes()).filter((n) => n.role === 'button').map((n) => n.name)).to.include(
        TEXTS[lang].button,
      );
      // In the frame's place and at its size; the frame itself is not rendered meanwhile.
      const box = placeholder.getBoundingClientRect();
      expect([box.width, box.height]).to.deep.equal([324, 184]); // 320 × 180 and a 2 px border
      expect(embed.hasAttribute('src')).to.be.false;
      expect(getComputedStyle(embed).display).to.equal('none');
      await expect(placeholder).to.be.accessible();
    });

  it('keeps the blocked frame out of the Tab order, and the placeholder’s button in it', async () => {
    const embed = gatedFrame({ title: 'Video', 'data-service': 'video' });
    start();
    await placeholderOf(embed)!.updateComplete;
    embed.focus();
    expect(document.activeElement).to.not.equal(embed);
    const reached: Array<Element | null> = [];
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      reached.push(focused());
      expect(document.activeElement).to.not.equal(embed);
    }
    expect(reached).to.include($(placeholderOf(embed), 'button'));
  });

  it('loads only its own embed, records the decision, and Reject all unloads it again', async () => {
    const video = gatedFrame({ title: 'Video', 'data-service': 'video' });
    const maps = gatedFrame({ title: 'Map', 'data-service': 'maps' });
    const g = start(withMaps());
    await placeholderOf(video)!.updateComplete;
    $(placeholderOf(video), 'button').focus();
    await sendKeys({ press: 'Enter' });
    await frame();
    expect(video.getAttribute('src')).to.equal(FIX + 'embed-frame.html');
    expect(placeholderOf(video)).to.equal(null);
    expect(getComputedStyle(video).display).to.not.equal('none');
    // Focus follows to the loaded frame instead of falling back to the page's start.
    expect(document.activeElement).to.equal(video);
    // The other service of the same category stays blocked, behind its placeholder.
    expect(maps.hasAttribute('src')).to.be.false;
    expect(placeholderOf(maps)).to.not.equal(null);
    expect(g.consent!.categories).to.include({ marketing: true, analytics: false });
    expect(g.consent!.services).to.deep.equal({ video: true, maps: false });
    await until(async () => (await g.history()).length === 1);
    const [receipt] = await g.history();
    expect(receipt!.method).to.equal('custom');
    expect(receipt!.services).to.deep.equal({ matomo: false, video: true, maps: false });
    await until(() => video.contentDocument?.body?.textContent?.includes('Embedded player'));

    // The visitor changes their mind in the dialog: the frame is unloaded, without a reload.
    await openDialog(g);
    expect(dialog().open).to.be.true;
    $(prefs(), '[part~="reject"]').click();
    await frame();
    expect(video.hasAttribute('src')).to.be.false;
    expect(placeholderOf(video)).to.not.equal(null);
    expect(getComputedStyle(video).display).to.equal('none');
    await until(() => video.contentWindow?.location.href === 'about:blank');
  });

  it('stands in for a blocked template in the box the page keeps for its content; its button moves the content in, and focus to it', async () => {
    const box = document.createElement('div');
    box.dataset.test = '';
    box.style.width = '320px';
    box.style.height = '180px';
    box.append(
      document
        .createRange()
        .createContextualFragment(
          `<template data-category="marketing" data-service="video"><iframe title="Video" src="${FIX}embed-frame.html"></iframe></template>`,
        ),
    );
    const after = Object.assign(document.createElement('p'), { textContent: 'After the box.' });
    after.dataset.test = '';
    document.body.append(box, after);
    const held = box.querySelector('template')!;
    const g = start();
    const placeholder = placeholderOf(held)!;
    expect(placeholder, 'placeholder').to.not.equal(null);
    await placeholder.updateComplete;
    expect($(placeholder, '[part~="text"]').textContent).to.contain(TEXTS.en.text);
    const { width, height } = placeholder.getBoundingClientRect();
    expect([width, height]).to.deep.equal([320, 180]);
    await expect(placeholder).to.be.accessible();

    $(placeholder, 'button').focus();
    await sendKeys({ press: 'Enter' });
    await frame();
    const video = held.nextElementSibling as HTMLIFrameElement;
    expect(video?.title).to.equal('Video');
    expect(placeholderOf(held) === null).to.be.true;
    expect(document.activeElement === video, 'focus on the loaded frame').to.be.true;
    await until(() => video.contentDocument?.body?.textContent?.includes('Embedded player'));

    g.rejectAll();
    await frame();
    expect(video.isConnected).to.be.false;
    expect(placeholderOf(held) !== null).to.be.true;
  });

  it('from a template whose content is a wrapper <div>, focus goes to that wrapper once loaded, not to the page’s start', async () => {
    const box = document.createElement('div');
    box.dataset.test = '';
    box.append(
      document
        .createRange()
        .createContextualFragment(
          `<template data-category="marketing" data-service="video"><div class="player"><iframe title="Video" src="${FIX}embed-frame.html"></iframe></div></template>`,
        ),
    );
    document.body.append(box);
    const held = box.querySelector('template')!;
    start();
    const placeholder = placeholderOf(held)!;
    await placeholder.updateComplete;
    $(placeholder, 'button').focus();
    await sendKeys({ press: 'Enter' });
    await frame();
    const wrapper = held.nextElementSibling as HTMLElement;
    expect(wrapper.className).to.equal('player');
    expect(document.activeElement === wrapper, 'focus on the wrapper').to.be.true;
    // Focusable by script only: no new Tab stop in the page.
    expect(wrapper.tabIndex).to.equal(-1);
  });

  it('reflows with a responsive page when the visitor zooms to 400% after it was placed (WCAG 1.4.10): no sideways scroll, its button in view', async () => {
    // A responsive page: its frames are never wider than their column.
    const responsive = new CSSStyleSheet();
    responsive.replaceSync('iframe { max-width: 100% }');
    const sheets = document.adoptedStyleSheets;
    document.adoptedStyleSheets = [...sheets, responsive];
    await setViewport({ width: 1280, height: 1024 });
    try {
      const embed = gatedFrame({
        title: 'Video',
        'data-service': 'video',
        width: '560',
        height: '315',
      });
      start();
      const placeholder = placeholderOf(embed)!;
      await placeholder.updateComplete;
      // The frame's box: 560 and its 2 px border.
      expect(placeholder.getBoundingClientRect().width).to.equal(564);
      // 400% zoom: the 1280 × 1024 window is 320 × 256 CSS px.
      await setViewport({ width: 320, height: 256 });
      await frame();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const button = $(placeholder, 'button').getBoundingClientRect();
      expect([button.left >= 0, button.right <= 320]).to.deep.equal([true, true]);
      // The frame, once loaded, takes the column as the page says.
      $(placeholder, 'button').click();
      await frame();
      expect(embed.getBoundingClientRect().right).to.be.at.most(320);
    } finally {
      document.adoptedStyleSheets = sheets;
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('in German at 320 px, a small embed: Tab reaches the button, shown whole with its focus ring inside the placeholder, no sideways scroll', async () => {
    await setViewport({ width: 320, height: 568 });
    try {
      // Smaller than its text and button: the placeholder scrolls inside (its box is the embed's).
      const embed = gatedFrame({
        title: 'Video',
        'data-service': 'video',
        width: '200',
        height: '100',
      });
      const before = document.createElement('button');
      before.textContent = 'Before';
      before.dataset.test = '';
      embed.before(before);
      start({ lang: 'de' });
      const placeholder = placeholderOf(embed)!;
      await placeholder.updateComplete;
      before.focus();
      await sendKeys({ press: 'Tab' });
      const button = $(placeholder, 'button');
      expect(focused()).to.equal(button);
      expect(button.matches(':focus-visible')).to.be.true;
      await frame();
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(placeholder.scrollWidth).to.equal(placeholder.clientWidth);
      // The ring (3 px, 2 px away from the button) within the placeholder's visible inside.
      const ring = 3 + 2;
      const box = button.getBoundingClientRect();
      const outer = placeholder.getBoundingClientRect();
      const inner = {
        top: outer.top + placeholder.clientTop,
        left: outer.left + placeholder.clientLeft,
        bottom: outer.top + placeholder.clientTop + placeholder.clientHeight,
        right: outer.left + placeholder.clientLeft + placeholder.clientWidth,
      };
      expect({
        top: box.top - ring >= inner.top,
        left: box.left - ring >= inner.left,
        bottom: box.bottom + ring <= inner.bottom,
        right: box.right + ring <= inner.right,
      }).to.deep.equal({ top: true, left: true, bottom: true, right: true });
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('a service chosen on its own earlier keeps its choice when another one is loaded', async () => {
    const video = gatedFrame({ title: 'Video', 'data-service': 'video' });
    const maps = gatedFrame({ title: 'Map', 'data-service': 'maps' });
    const g: Garde = start(withMaps());
    g.set({ marketing: false, maps: true });
    await placeholderOf(video)!.updateComplete;
    $(placeholderOf(video), 'button').click();
    await frame();
    expect(g.consent!.services).to.deep.equal({ video: true, maps: true });
    expect(video.hasAttribute('src') && maps.hasAttribute('src')).to.be.true;
  });

  it('names the category when there is no service, and its button grants the category', async () => {
    const embed = gatedFrame({ title: 'Clip' });
    const g = start({ lang: 'fr' });
    const placeholder = placeholderOf(embed)!;
    await placeholder.updateComplete;
    expect($(placeholder, '[part~="text"]').textContent).to.contain(
      'Contenu fourni par Vidéos intégrées.',
    );
    $(placeholder, 'button').click();
    await frame();
    expect(g.allowed('marketing')).to.be.true;
    expect(embed.hasAttribute('src')).to.be.true;
  });

  it('leaves an embed bare with data-garde-placeholder="off", follows embeds added and removed later, and unmounts', async () => {
    const bare = gatedFrame({ title: 'Bare', 'data-garde-placeholder': 'off' });
    const off = (() => {
      start();
      return reset;
    })();
    await frame();
    expect(placeholderOf(bare)).to.equal(null);
    expect(getComputedStyle(bare).display).to.not.equal('none');
    const late = gatedFrame({ title: 'Late', 'data-service': 'video' });
    await frame();
    expect(placeholderOf(late)).to.not.equal(null);
    const placeholder = placeholderOf(late)!;
    late.remove();
    await frame();
    expect(placeholder.isConnected).to.be.false;
    const again = gatedFrame({ title: 'Again', 'data-service': 'video' });
    await frame();
    expect(placeholderOf(again)).to.not.equal(null);
    await off();
    expect(document.querySelector('garde-placeholder')).to.equal(null);
  });
});

describe('placeholders in a page under a strict CSP', () => {
  beforeEach(reset);
  after(reset);

  it('take each embed’s exact box, and a template’s kept box: no layout shift, no CSP violation', async () => {
    const page = document.createElement('iframe');
    page.title = 'embeds';
    page.width = '800';
    page.height = '900';
    page.dataset.test = '';
    page.src = FIX + 'embeds.html';
    document.body.append(page);
    type Rect = { x: number; y: number; width: number; height: number };
    const w = page.contentWindow as unknown as {
      garde?: Garde;
      before: Record<string, Rect>;
      shifts: number[];
      violations: string[];
    };
    await until(() => w.garde);
    const doc = page.contentDocument!;
    await until(() => doc.querySelectorAll('garde-placeholder').length === 4);
    // Layout shifts are reported after the next frames are rendered.
    await new Promise((r) => setTimeout(r, 500));
    // A template's placeholder fills the box the page keeps for the template's content.
    const boxes: Array<[id: string, box: string]> = [
      ['inline', 'inline'],
      ['wide', 'wide'],
      ['video', 'video'],
      ['template', 'template-box'],
    ];
    for (const [id, boxId] of boxes) {
      const placeholder = placeholderOf(doc.getElementById(id)!)!;
      const box = placeholder.getBoundingClientRect();
      const before = w.before[boxId]!;
      for (const side of ['x', 'y', 'width', 'height'] as const)
        expect(Math.abs(box[side] - before[side]), `${id} ${side}`).to.be.below(0.5);
    }
    expect(w.shifts).to.deep.equal([]);
    expect(w.violations).to.deep.equal([]);
  });
});
