import { expect } from '@open-wc/testing';
import type { ConsentState } from '../../src/core/types.js';
import { config, reset, start } from './helpers.js';

const pause = (ms = 60) => new Promise((r) => setTimeout(r, ms));

/** What a refused Matomo and YouTube leave behind, as a server response or another page would. */
function leftovers() {
  document.cookie = '_pk_id.1.test=1;path=/';
  document.cookie = 'VISITOR_INFO1_LIVE=x;path=/';
  localStorage.setItem('_pk_visitor', '1');
  localStorage.setItem('yt-player', '1');
}
const present = () => ({
  matomo: /_pk_id/.test(document.cookie) || localStorage.getItem('_pk_visitor') !== null,
  youtube: /VISITOR_INFO1_LIVE/.test(document.cookie) || localStorage.getItem('yt-player') !== null,
});

/** The garde:consent events dispatched during f() and shortly after. */
async function consentEvents(f: () => void): Promise<Array<ConsentState | null>> {
  const events: Array<ConsentState | null> = [];
  const listen = (e: CustomEvent<ConsentState | null>) => events.push(e.detail);
  document.addEventListener('garde:consent', listen);
  try {
    f();
    await pause();
  } finally {
    document.removeEventListener('garde:consent', listen);
  }
  return events;
}

describe('page load', () => {
  beforeEach(reset);
  after(reset);

  it('erases what refused services left since an earlier page, and keeps what granted ones left', () => {
    start(config()).set({ analytics: false, marketing: true });
    leftovers();
    start(config());
    expect(present()).to.deep.equal({ matomo: false, youtube: true });
  });

  it('erases every service’s leftovers after a withdrawal, none before any decision', () => {
    leftovers();
    start(config());
    expect(present()).to.deep.equal({ matomo: true, youtube: true });
    start(config()).acceptAll();
    start(config()).withdraw();
    leftovers();
    start(config());
    expect(present()).to.deep.equal({ matomo: false, youtube: false });
  });

  it('dispatches garde:consent once with the stored decision, and onChange hears nothing', async () => {
    start(config()).set({ analytics: true });
    const changes: unknown[] = [];
    let stored: ConsentState | null = null;
    const events = await consentEvents(() => {
      const g = start(config());
      stored = g.consent;
      g.onChange((state) => changes.push(state));
    });
    expect(stored).to.not.equal(null);
    expect(events).to.deep.equal([stored]);
    expect(events[0]!.categories.analytics).to.be.true;
    expect(changes).to.deep.equal([]);
  });

  it('dispatches nothing on load without a stored decision, and only the new one when decided at once', async () => {
    // Each earlier page is left (destroyed): pages open side by side follow each other (sync.ts).
    expect(await consentEvents(() => start(config()).destroy())).to.deep.equal([]);
    const earlier = start(config());
    earlier.acceptAll();
    earlier.destroy();
    let decided: ConsentState | null = null;
    const events = await consentEvents(() => {
      const g = start(config());
      g.rejectAll();
      decided = g.consent;
    });
    expect(events).to.deep.equal([decided]);
    expect(decided!.method).to.equal('reject-all');
  });

  it('tells onChange subscribers what changed', () => {
    const g = start(config());
    const heard: unknown[] = [];
    g.onChange((state, change) => heard.push([state?.method ?? null, change.method]));
    g.acceptAll();
    g.withdraw();
    expect(heard).to.deep.equal([
      ['accept-all', 'accept-all'],
      [null, 'withdraw'],
    ]);
  });
});
