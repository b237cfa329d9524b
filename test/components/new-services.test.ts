// A service added to the config after the visitor decided: it stays asleep and the banner asks
// again; the dialog opens with the earlier choices and the new service off; what was decided
// keeps its decision; the new decision gets its receipt. (stateFromCookie in src/core/state.ts,
// the cookie's services-known field in src/core/cookie-format.ts.)
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { init } from '../../src/core/init.js';
import type { Garde, HistoryEntry } from '../../src/core/types.js';
import { mountUi } from '../../src/components/mount.js';
import { $, banner, config, dialog, frame, prefs, reset } from './helpers.js';

/** A real click in the middle of `element`, as a visitor's mouse does it. */
async function click(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
  });
}

/** The log once it holds `count` receipts. */
async function receipts(garde: Garde, count: number): Promise<HistoryEntry[]> {
  for (let tries = 0; tries < 100; tries++) {
    const entries = await garde.history();
    if (entries.length >= count) return entries;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`expected ${count} receipts in the log`);
}

/** The helpers' config (Matomo under analytics, a video player under marketing), plus a map. */
function withMap() {
  const base = config();
  return config({
    services: { ...base.services, map: { category: 'marketing', label: 'Map' } },
  });
}

/** An embed held back by the gate, as a page writes it. */
function embed(service: string): HTMLIFrameElement {
  const frameElement = document.createElement('iframe');
  frameElement.title = service;
  frameElement.dataset.test = '';
  frameElement.dataset.category = 'marketing';
  frameElement.dataset.service = service;
  frameElement.dataset.src = `about:blank#${service}`;
  document.body.append(frameElement);
  return frameElement;
}

const switchOf = (name: string) => $<HTMLInputElement>(prefs(), `input[name="${name}"]`);

describe('new services are asked', () => {
  const stops: Array<() => void> = [];
  /** A page load: init() and the UI, as dist/garde.js does. */
  const load = (input: unknown): Garde => {
    const garde = init(input);
    stops.push(mountUi(garde), () => garde.destroy());
    return garde;
  };
  /** Leaves the page: its instance and UI go, the cookie and the log stay. */
  const leave = () => {
    for (const stop of stops.splice(0)) stop();
  };
  beforeEach(reset);
  afterEach(async () => {
    leave();
    await resetMouse();
  });
  after(reset);

  it('a service added after an acceptance stays asleep, the banner asks, the dialog keeps the earlier choices', async () => {
    load(config());
    await frame();
    await click($(banner(), '[part~=accept]'));
    leave();

    // The next page has a new service, "map", under the accepted marketing category.
    const video = embed('video');
    const map = embed('map');
    const garde = load(withMap());
    await frame();
    expect(garde.consent!.unasked).to.deep.equal(['map']);
    expect(['matomo', 'video', 'map'].map((name) => garde.allowed(name))).to.deep.equal([
      true,
      true,
      false,
    ]);
    expect(video.getAttribute('src')).to.equal('about:blank#video');
    expect(map.hasAttribute('src')).to.be.false;
    expect(banner(), 'the banner asks again').to.not.equal(null);

    await click($(banner(), '[part~=customise]'));
    await frame();
    expect(dialog().open).to.be.true;
    expect(
      ['analytics', 'marketing', 'video', 'map'].map((name) => switchOf(name).checked),
    ).to.deep.equal([true, true, true, false]);
    await click(switchOf('map'));
    await click($(prefs(), '[part~=save]'));
    const [, decided] = await receipts(garde, 2);
    expect(decided!.method).to.equal('custom');
    expect(decided!.services).to.deep.equal({ matomo: true, video: true, map: true });
    expect(map.getAttribute('src')).to.equal('about:blank#map');
    expect(garde.consent!.unasked).to.equal(undefined);
    await frame();
    expect(banner()).to.equal(null);

    // The page after: nothing left to ask.
    leave();
    const next = load(withMap());
    await frame();
    expect(next.consent!.unasked).to.equal(undefined);
    expect(banner()).to.equal(null);
  });

  it('a new service alone in its category: the category switch stands for it, off until turned on', async () => {
    // The first config has no service under marketing; the visitor accepts everything.
    const base = config();
    const withoutVideo = config({ services: { matomo: base.services.matomo } });
    load(withoutVideo);
    await frame();
    await click($(banner(), '[part~=accept]'));
    leave();

    const video = embed('video');
    const garde = load(config());
    await frame();
    expect(garde.consent!.unasked).to.deep.equal(['video']);
    expect(video.hasAttribute('src')).to.be.false;
    await click($(banner(), '[part~=customise]'));
    await frame();
    expect(switchOf('analytics').checked).to.be.true;
    expect(switchOf('marketing').checked, 'the category of the new service').to.be.false;
    expect(prefs().renderRoot.querySelector('input[name="video"]')).to.equal(null);
    await click(switchOf('marketing'));
    await click($(prefs(), '[part~=save]'));
    const [, decided] = await receipts(garde, 2);
    expect(decided!.services).to.deep.equal({ matomo: true, video: true });
    expect(video.getAttribute('src')).to.equal('about:blank#video');
  });

  it('a service added under a refused category stays refused, without asking again', async () => {
    load(config());
    await frame();
    await click($(banner(), '[part~=reject]'));
    leave();
    const garde = load(withMap());
    await frame();
    expect(garde.consent!.method).to.equal('reject-all');
    expect(garde.consent!.unasked).to.equal(undefined);
    expect(garde.allowed('map')).to.be.false;
    expect(banner()).to.equal(null);
  });
});
