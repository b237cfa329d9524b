// The built drop-in loads <garde-notice> (dist/garde-notice.js) only on a page that holds one,
// under a strict Content-Security-Policy (its nonce passed on, no Referer), and the notice's
// button opens the dialog (dist/garde-ui.js) as the footer's does.
import { expect } from '@open-wc/testing';
import { clearCookies, closeFixtures, openFixture, until } from '../core/helpers.js';
import type { Garde } from '../../src/core/types.js';

type Page = Window & { garde: Garde; violations: string[] };

/** Loads a fixture page in a frame and waits for its garde. */
const open = (fixture: string) =>
  openFixture<Page>(fixture, (page) => page.document?.querySelector('garde-banner')?.shadowRoot);

const noticeScripts = (page: Page) =>
  [...page.document.scripts].filter((script) => script.src.endsWith('/dist/garde-notice.js'));

describe('dist/garde.js: <garde-notice> on demand (dist/garde-notice.js)', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    closeFixtures();
    clearCookies();
  });

  it('a privacy page gets its notice, in its language, under a strict CSP', async () => {
    const built = await fetch('/dist/garde-notice.js', { method: 'HEAD' });
    expect(built.ok, 'dist/garde-notice.js is missing: run `npx rollup -c` first').to.be.true;
    const page = await open('notice.html');
    const notice = page.document.querySelector('garde-notice')!;
    await until(() => notice.shadowRoot?.querySelector('table'), 10_000);
    const table = notice.shadowRoot!.querySelector('table:last-of-type');
    expect(notice.shadowRoot!.querySelector('h2')!.textContent).to.equal(
      'Cookies en bezoekersmetingen',
    );
    expect(table!.textContent).to.contain('video_visitor').and.contain('Bezoeker herkennen');
    const [script, ...more] = noticeScripts(page);
    expect(more).to.have.length(0);
    expect(script!.nonce, 'the nonce of garde.js, passed on').to.equal('t3st');
    expect(script!.referrerPolicy, 'no page URL in its Referer').to.equal('no-referrer');

    notice.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    const preferences = page.document.querySelector('garde-preferences')!;
    await until(() => preferences.shadowRoot?.querySelector('dialog[open]'), 10_000);
    expect(
      page.violations.filter((violation) => !violation.includes('__web-dev-server')),
    ).to.deep.equal([]);
  });

  it('a page without one never loads it', async () => {
    const page = await open('on-demand.html');
    await page.garde.ready;
    expect(noticeScripts(page)).to.have.length(0);
    expect(page.customElements.get('garde-notice')).to.equal(undefined);
  });
});
