// The shared sheet under forced colours (Windows high contrast): every control garde renders keeps
// a focus ring of the system's highlight colour and an edge, from the keyboard, as a visitor who
// needs those colours reaches it. The sheet sets no forced-colours rule of its own: the browser
// forces the ring's colour, and this holds it to that.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { $, banner, focused, frame, reset, start } from './helpers.js';

/** What a system colour keyword computes to under forced colours, read from a probe. */
function systemColour(keyword: string): string {
  const probe = document.createElement('span');
  probe.dataset.test = '';
  // The probe keeps its own colour (forced-color-adjust: none), set through the CSSOM.
  probe.style.setProperty('forced-color-adjust', 'none');
  probe.style.setProperty('color', keyword);
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** Tabs until `target` has focus, as a keyboard user reaches it (a ring shows for the keyboard). */
async function tabTo(target: Element): Promise<void> {
  for (let step = 0; step < 40 && focused() !== target; step++) await sendKeys({ press: 'Tab' });
  await waitUntil(() => focused() === target, `${target.getAttribute('part')} not reached`);
}

/** The ring and the edge of the focused control. */
function ringAndEdge(control: Element) {
  const style = getComputedStyle(control);
  return {
    ring: [style.outlineStyle, parseFloat(style.outlineWidth) >= 2, style.outlineColor],
    edge: control.localName === 'a' || parseFloat(style.borderTopWidth) >= 1,
  };
}

describe('forced colours: focus ring and edges of the banner, the placeholder and the floating button', () => {
  before(() => executeServerCommand('garde-media', [{ name: 'forced-colors', value: 'active' }]));
  beforeEach(reset);
  after(async () => {
    await executeServerCommand('garde-media', []);
    await reset();
  });

  it('the banner: link and three buttons', async () => {
    expect(matchMedia('(forced-colors: active)').matches).to.be.true;
    start();
    await frame();
    const highlight = systemColour('Highlight');
    for (const part of ['link', 'accept', 'reject', 'customise']) {
      const control = $(banner(), `[part~=${part}]`);
      await tabTo(control);
      expect(ringAndEdge(control), part).to.deep.equal({
        ring: ['solid', true, highlight],
        edge: true,
      });
    }
  });

  it('the placeholder’s button and the floating button', async () => {
    const embed = document.createElement('iframe');
    embed.dataset.category = 'marketing';
    embed.dataset.service = 'video';
    embed.dataset.src = '/test/fixtures/embed-frame.html';
    embed.dataset.test = '';
    document.body.append(embed);
    // After a decision that leaves the video blocked: the floating button is shown.
    start({ floatingButton: true }).rejectAll();
    await waitUntil(() => document.querySelector('garde-placeholder')?.shadowRoot?.textContent);
    await waitUntil(() => document.querySelector('garde-policy-link[floating]'));
    await frame();
    const highlight = systemColour('Highlight');
    for (const host of ['garde-placeholder', 'garde-policy-link[floating]']) {
      const control = $(document.querySelector(host), 'button');
      await tabTo(control);
      expect(ringAndEdge(control), host).to.deep.equal({
        ring: ['solid', true, highlight],
        edge: true,
      });
    }
  });
});
