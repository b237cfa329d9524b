// The privacy audit of the demo in all four languages and every consent state, under a strict
// Content-Security-Policy, and with cookies and IndexedDB blocked. One browser for the file;
// every visitor gets its own fresh context.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'puppeteer-core';
import { launchBrowser, runAudit } from '../src/audit.js';
import { bannerGone, clickBanner } from '../src/drive.js';
import { openSession, visit } from '../src/page-session.js';
import { serveDemo } from './helpers/sites.js';
import type { Served } from './helpers/serve.js';
import { ANONYMOUS_MEASUREMENT } from '../src/leak.js';
import {
  NO_CONSENT_STATES,
  REFUSED_STATES,
  type AuditReport,
  type AuditState,
  type JudgedItem,
} from '../src/types.js';

const LANGS = ['fr', 'nl', 'de', 'en'];
const ALL_STATES: AuditState[] = [
  'fresh',
  'refused',
  'accepted',
  'withdrawn',
  'gpc',
  'tampered',
  'policy-change',
];
const TIMEOUT = 15000;
const isHit = (i: JudgedItem): boolean =>
  i.kind === 'request' && new URL(i.name).pathname === '/collect';

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const items = (report: AuditReport, state: AuditState): Array<JudgedItem & { page: string }> =>
  report.pages.flatMap((p) =>
    (p.states.find((s) => s.state === state)?.items ?? []).map((i) => ({ ...i, page: p.url })),
  );

describe('the demo in every language and consent state', () => {
  let site: Served;
  let report: AuditReport;
  before(async () => {
    site = await serveDemo();
    report = await runAudit(
      { url: `${site.origin}/`, pages: 1, langs: LANGS, states: ALL_STATES, timeout: TIMEOUT },
      browser,
    );
  });
  after(() => site?.close());

  test('one page in each language, each with a garde config, every state visited', () => {
    assert.deepEqual(report.missingLangs, []);
    const withGarde = report.pages.filter((p) => p.garde);
    assert.deepEqual(withGarde.map((p) => p.lang).sort(), [...LANGS].sort());
    for (const p of withGarde) {
      assert.ok(p.garde, `${p.url} has #garde-config`);
      assert.deepEqual(
        p.states.map((s) => s.state),
        ALL_STATES,
        p.url,
      );
    }
  });

  test('each state was really reached: the decision garde holds in it', () => {
    const expected: Record<AuditState, string | null> = {
      fresh: null,
      refused: 'reject-all',
      accepted: 'accept-all',
      withdrawn: null,
      gpc: 'gpc',
      tampered: null,
      'policy-change': null,
    };
    for (const p of report.pages.filter((x) => x.garde)) {
      for (const s of p.states) assert.equal(s.decision, expected[s.state], `${p.url} ${s.state}`);
    }
  });

  test('no uncaught page error, no CSP violation, and every step worked', () => {
    const problems = report.pages.flatMap((p) =>
      p.states.flatMap((s) => s.problems.map((m) => `${p.url} ${s.state}: ${m}`)),
    );
    assert.deepEqual(problems, []);
  });

  for (const state of ALL_STATES.filter((s) => NO_CONSENT_STATES.has(s))) {
    const refused = REFUSED_STATES.has(state);
    const label = refused
      ? `${state}: nothing but garde's own necessary cookie and database, not even its hit`
      : `${state}: nothing but garde's necessary cookie and database, and its anonymous measurement`;
    test(label, () => {
      const seen = items(report, state);
      assert.deepEqual(
        seen.filter((i) => i.leak),
        [],
        'no leak',
      );
      for (const i of seen) {
        if (!refused && isHit(i)) {
          assert.equal(i.note, ANONYMOUS_MEASUREMENT, `${state}: ${i.name} on ${i.page}`);
          continue;
        }
        assert.ok(
          i.verdict.declared && i.verdict.category === 'necessary',
          `${state}: ${i.kind} ${i.name} on ${i.page} is not necessary`,
        );
        if (i.kind === 'cookie') assert.equal(i.name, 'garde_consent');
      }
      // garde's own receipt key (`garde.receipt.<id>`) may still be there when the audit looks: it
      // holds the decision's receipt until the collector has it (a GPC refusal is one), and is
      // necessary like the receipt (checked above). Any other key would be gated code's.
      assert.deepEqual(
        seen
          .filter((i) => i.kind === 'localStorage' || i.kind === 'sessionStorage')
          .filter((i) => !i.name.startsWith('garde.receipt.'))
          .map((i) => `${i.kind} ${i.name}`),
        [],
        'no storage write by gated code',
      );
      assert.ok(
        !seen.some(
          (i) =>
            i.kind === 'request' &&
            !isHit(i) &&
            i.verdict.declared &&
            i.verdict.category !== 'necessary',
        ),
        'no request to a gated source',
      );
    });
  }

  test('fresh: not even garde stores anything before a decision', () => {
    assert.deepEqual(
      items(report, 'fresh').filter((i) => i.kind === 'cookie'),
      [],
    );
  });

  test('fresh: garde’s own pageview is listed as analytics, anonymous measurement, no leak', () => {
    for (const page of report.pages.filter((p) => p.garde)) {
      const fresh = page.states.find((s) => s.state === 'fresh')!.items;
      const hit = fresh.find(isHit);
      assert.ok(hit, `${page.url}: the pre-consent hit is listed`);
      assert.deepEqual(hit.verdict, {
        declared: true,
        category: 'analytics',
        by: 'garde analytics',
      });
      assert.equal(hit.note, ANONYMOUS_MEASUREMENT);
      assert.ok(!hit.leak);
    }
  });

  test('accepted: garde’s hit is analytics, not necessary, and no leak', () => {
    for (const page of report.pages.filter((p) => p.garde)) {
      const hit = page.states.find((s) => s.state === 'accepted')!.items.find(isHit);
      assert.ok(hit, `${page.url}: the hit after consent is listed`);
      assert.deepEqual(hit.verdict, {
        declared: true,
        category: 'analytics',
        by: 'garde analytics',
      });
      assert.ok(!hit.leak && hit.note === undefined);
    }
  });

  test('accepted: the gated analytics and the video do run, and are declared', () => {
    for (const page of report.pages.filter((p) => p.garde)) {
      const seen = page.states.find((s) => s.state === 'accepted')!.items;
      const declared = (category: string) =>
        seen.filter((i) => i.verdict.declared && i.verdict.category === category);
      assert.ok(
        seen.some((i) => i.kind === 'cookie' && /^_pk_id\./.test(i.name)),
        `${page.url}: Matomo-like _pk_id.* cookie`,
      );
      assert.ok(
        declared('analytics').some((i) => i.kind === 'request' && !/\.js$/.test(i.name)),
        `${page.url}: the analytics pixel request`,
      );
      assert.ok(
        declared('marketing').some((i) => i.kind === 'cookie'),
        `${page.url}: the video frame's cookie`,
      );
      assert.ok(seen.every((i) => !i.leak));
    }
  });
});

describe('the demo with --strict, the Belgian DPA’s reading', () => {
  let site: Served;
  let report: AuditReport;
  before(async () => {
    site = await serveDemo();
    report = await runAudit(
      {
        url: `${site.origin}/fr/`,
        pages: 1,
        langs: ['fr'],
        states: ['fresh', 'accepted'],
        timeout: TIMEOUT,
        strict: true,
      },
      browser,
    );
  });
  after(() => site?.close());

  test('garde’s anonymous hit before consent is a leak, and the only one', () => {
    assert.equal(report.strict, true);
    const leaks = items(report, 'fresh').filter((i) => i.leak);
    assert.equal(leaks.length, 1, JSON.stringify(leaks));
    assert.ok(isHit(leaks[0]!));
    assert.equal(leaks[0]!.note, ANONYMOUS_MEASUREMENT);
    assert.equal(report.leaks, 1);
    assert.deepEqual(
      items(report, 'accepted').filter((i) => i.leak),
      [],
      'after consent the hit is allowed',
    );
  });
});

describe('the demo under a strict Content-Security-Policy', () => {
  let site: Served;
  let report: AuditReport;
  before(async () => {
    site = await serveDemo({ csp: true, probe: true });
    report = await runAudit(
      {
        url: `${site.origin}/`,
        pages: 1,
        langs: ['fr', 'en'],
        states: ['fresh', 'refused', 'accepted'],
        timeout: TIMEOUT,
      },
      browser,
    );
  });
  after(() => site?.close());

  test('the policy is really sent with a nonce on every script', async () => {
    const res = await fetch(`${site.origin}/en/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'nonce-[^']+' 'strict-dynamic'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  test('a violation would be caught: an inline style attribute on a probe page', async () => {
    const probe = await runAudit(
      {
        url: `${site.origin}/csp-probe.html`,
        pages: 1,
        langs: [],
        states: ['fresh'],
        timeout: TIMEOUT,
      },
      browser,
    );
    assert.ok(
      probe.pages[0]!.states[0]!.problems.some((p) => /^CSP violation: style-src/.test(p)),
      JSON.stringify(probe.pages[0]!.states[0]!.problems),
    );
  });

  test('no violation, no page error, the banner works and accepted code runs', () => {
    const problems = report.pages.flatMap((p) =>
      p.states.flatMap((s) => s.problems.map((m) => `${p.url} ${s.state}: ${m}`)),
    );
    assert.deepEqual(problems, []);
    for (const p of report.pages.filter((x) => x.garde)) {
      const accepted = p.states.find((s) => s.state === 'accepted')!.items;
      assert.ok(
        accepted.some((i) => /^_pk_id\./.test(i.name)),
        `${p.url}: gated analytics ran under the CSP`,
      );
    }
  });

  test('no leak under the CSP either', () => {
    assert.equal(report.leaks, 0);
  });
});

describe('the demo with cookies and IndexedDB blocked', () => {
  let site: Served;
  before(async () => {
    site = await serveDemo();
  });
  after(() => site?.close());

  const blockStorage = async (page: Page): Promise<void> => {
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setDocumentCookieDisabled', { disabled: true });
    // As a string: a function would be serialised by tsx with helpers the page lacks.
    await page.evaluateOnNewDocument(
      `IDBFactory.prototype.open = () => { throw new DOMException('IndexedDB is blocked', 'SecurityError'); };`,
    );
  };

  for (const action of ['reject', 'accept'] as const) {
    test(`the banner still works (${action}), with no uncaught error`, async () => {
      const s = await openSession(browser, blockStorage);
      try {
        await visit(s.page, `${site.origin}/en/`, TIMEOUT);
        assert.equal(
          await s.page.evaluate(() => document.cookie),
          '',
          'cookies are really blocked',
        );
        assert.equal(await clickBanner(s.page, action, TIMEOUT), null);
        const method = await s.page.evaluate(
          () =>
            (window as unknown as { garde: { consent: { method: string } | null } }).garde.consent
              ?.method,
        );
        assert.equal(
          method,
          action === 'accept' ? 'accept-all' : 'reject-all',
          'the decision is held in memory',
        );
        assert.ok(await bannerGone(s.page, 5000), 'the banner is gone');
        assert.equal(
          await s.page.evaluate(() => indexedDB.databases().then((d) => d.length)),
          0,
          'no database could be created',
        );
        assert.deepEqual(s.takeErrors(), []);
      } finally {
        await s.close();
      }
    });
  }
});
