// The drop-in's config errors (config-report.script.ts): a valid config never requests
// dist/garde-config.js; an invalid one gets its safe fallbacks at once, then each field's message
// from that file (with garde.js's nonce, under a strict CSP), or the field's name if it cannot
// load.
import { expect } from '@open-wc/testing';
import type { Garde } from '../../src/core/types.js';
import { clearCookies, until } from './helpers.js';

type Page = Window & { garde: Garde; errors?: string[]; warnings?: string[] };
let frame: HTMLIFrameElement | undefined;

async function open(fixture: string): Promise<Page> {
  frame = Object.assign(document.createElement('iframe'), { src: `/test/fixtures/${fixture}` });
  frame.title = 'fixture';
  document.body.append(frame);
  const page = frame.contentWindow as Page;
  await until(() => page.document?.querySelector('garde-banner')?.shadowRoot?.querySelector('p'));
  return page;
}

const configRequests = (page: Page) =>
  page.performance
    .getEntriesByType('resource')
    .filter((entry) => /\/(garde-config|no-such-file)\.js$/.test(entry.name));

describe('dist/garde.js: config errors from dist/garde-config.js', () => {
  beforeEach(clearCookies);
  afterEach(() => {
    frame?.remove();
    clearCookies();
  });

  it('an invalid config gets its fallbacks, then every message in the console', async () => {
    const page = await open('dropin-invalid-config.html');
    expect(page.garde.config.cookie.days).to.equal(182);
    expect(page.garde.config.gpc).to.equal('refuse');
    expect(page.garde.config.services).to.deep.equal({});
    await until(() => page.errors!.length >= 3);
    expect(page.errors).to.deep.equal([
      'garde: config.cookie.days: expected a whole number of days from 1 to 400',
      'garde: config.gpc: expected "refuse" or "ignore"',
      'garde: config.services.matomo.category: expected a configured category (entry dropped)',
    ]);
    // The warnings are worded there too: an unknown field, a text without the page's language.
    await until(() => page.warnings!.length >= 2);
    expect(page.warnings).to.deep.equal([
      'garde: config.recordEndPoint is unknown',
      'garde: config.categories.analytics.label: no "en" text, another language is shown',
    ]);
    const [script] = [...page.document.scripts].filter((s) => s.src.endsWith('/garde-config.js'));
    expect(script!.nonce).to.equal('t3st');
    expect(configRequests(page)).to.have.length(1);
  });

  it('a config that is not JSON: the parse error, worded by garde-config.js, and the defaults', async () => {
    const page = await open('dropin-invalid-json.html');
    expect(page.garde.config.policy.version).to.equal('');
    await until(() => page.errors!.length >= 2);
    expect(page.errors![0]).to.match(
      /^garde: config: expected JSON in #garde-config \(SyntaxError: .+\)$/,
    );
    expect(page.errors![1]).to.equal('garde: config: expected an object');
    expect(configRequests(page)).to.have.length(1);
  });

  it('when the wording cannot load, each invalid field is still named', async () => {
    const page = await open('dropin-invalid-config-unloadable.html');
    expect(page.garde.config.cookie.days).to.equal(182);
    await until(() => page.errors!.length >= 4);
    expect(page.errors!.slice(1)).to.deep.equal([
      'garde: config.cookie.days is invalid',
      'garde: config.gpc is invalid',
      'garde: config.services.matomo.category is invalid',
    ]);
    expect(page.errors![0]).to.match(/^garde: could not load .*no-such-file\.js$/);
    await until(() => page.warnings!.length >= 2);
    expect(page.warnings).to.deep.equal([
      'garde: config.recordEndPoint',
      'garde: config.categories.analytics.label',
    ]);
  });

  it('a valid config never requests garde-config.js', async () => {
    const page = await open('dropin.html');
    await page.garde.ready;
    expect(configRequests(page)).to.have.length(0);
  });
});
