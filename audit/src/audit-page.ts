// Audits one page in every requested consent state, each state in its own fresh visitor
// (browser context) or following the previous one as a visitor would: refuse after the first
// view; accept, then withdraw.
import type { Browser, Cookie, Page } from 'puppeteer-core';
import { LANGS } from 'garde/wire';
import { Declarations, readDeclarations } from './declared.js';
import { clickBanner, bannerButton, readDecision, withdraw } from './drive.js';
import { assessLeak } from './leak.js';
import { dedupe, snapshot } from './observe.js';
import {
  openSession,
  reload,
  settle,
  visit,
  type Session,
  type SessionSetup,
} from './page-session.js';
import {
  type AuditState,
  type JudgedItem,
  type PageReport,
  type SeenItem,
  type StateReport,
} from './types.js';

export interface PageAuditOptions {
  states: AuditState[];
  timeout: number;
  /** `--strict`: garde's anonymous measurement before consent is a leak too. */
  strict?: boolean;
  /** Applied to every visitor of this page (the test suite blocks storage with it). */
  setup?: SessionSetup;
  /** Called after the first view: return false to skip the other states (a page in an unwanted language). */
  keep?: (lang: string) => boolean;
}

export interface PageAuditResult {
  report: PageReport;
  /** Same-origin links found on the page, language switcher links first. */
  links: string[];
  skipped: boolean;
}

/** A /fr/-like path segment naming one of garde's languages. */
const LANG_SEGMENT = new RegExp(`/(${LANGS.join('|')})(?:[/_.-]|$)`, 'i');

/** The page's language: the primary subtag of <html lang>, else a /fr/-like URL segment. */
export function pageLang(htmlLang: string, url: string): string {
  const primary = htmlLang.trim().toLowerCase().split('-')[0];
  return primary || (LANG_SEGMENT.exec(new URL(url).pathname)?.[1]?.toLowerCase() ?? '');
}

/** Runs in the page: same-origin links, those with hreflang/lang (the language switcher) first. */
export function readLinks(): string[] {
  const first: string[] = [];
  const rest: string[] = [];
  for (const a of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
    let u: URL;
    try {
      u = new URL(a.getAttribute('href')!, document.baseURI);
    } catch {
      continue;
    }
    if (
      u.origin !== location.origin ||
      /\.(pdf|zip|png|jpe?g|gif|svg|webp|mp4|docx?|xlsx?)$/i.test(u.pathname)
    )
      continue;
    u.hash = '';
    (a.hreflang || a.lang ? first : rest).push(u.href);
  }
  return [...new Set([...first, ...rest])];
}

/**
 * The requests worth reporting: third-party ones; garde's own receipts and analytics hits (so that a
 * site owner sees the anonymous pre-consent hit, if the config sends one); first-party ones for (or
 * started by) gated code; first-party beacons (sendBeacon, or an image whose src a script set: a tracking pixel); and,
 * after the first view, first-party ones the first view did not make. A site's own documents,
 * scripts, styles and API calls are left out.
 */
function reportable(
  requests: SeenItem[],
  decl: Declarations,
  origin: string,
  baseline: Set<string> | undefined,
  pixels: Map<string, string>,
): SeenItem[] {
  return requests.filter((r) => {
    const u = new URL(r.name);
    if (
      u.origin !== origin ||
      decl.isEndpoint(r.name) ||
      decl.isGatedFirstParty(r.name, r.initiators ?? [])
    )
      return true;
    if (r.type === 'ping' || (r.type === 'image' && pixels.has(r.name))) return true;
    return baseline !== undefined && !baseline.has(r.name) && u.pathname !== '/favicon.ico';
  });
}

/** Takes what a visitor's page holds now and what it requested since the last state. */
async function observe(
  state: AuditState,
  s: Session,
  page: { decl: Declarations; origin: string; strict: boolean },
  problems: string[],
  baseline?: Set<string>,
): Promise<{ report: StateReport; requested: SeenItem[] }> {
  const { decl, origin, strict } = page;
  const snap = await snapshot(s.context, s.page);
  const decision = await s.page.evaluate(readDecision).catch(() => undefined);
  const requested = s.recorder.take().map((r) => {
    const script = snap.imageInitiators.get(r.name);
    return script ? { ...r, initiators: [...(r.initiators ?? []), script] } : r;
  });
  const seen = dedupe([
    ...snap.items,
    ...reportable(requested, decl, origin, baseline, snap.imageInitiators),
  ]);
  const items: JudgedItem[] = seen.map((item) => {
    const verdict = decl.judge(item);
    const analyticsHit = item.kind === 'request' && decl.isAnalyticsHit(item.name);
    const { frameUrl: _f, initiators: _i, ...shown } = item;
    return { ...shown, verdict, ...assessLeak({ state, verdict, analyticsHit, strict }) };
  });
  const cspProblems = snap.cspViolations.map((v) => `CSP violation: ${v}`);
  return {
    report: {
      state,
      ...(decision === undefined ? {} : { decision }),
      items,
      problems: [...problems, ...s.takeErrors(), ...cspProblems],
    },
    requested,
  };
}

/** Turns a consent cookie into one a visitor could have edited by hand: same start, broken end. */
function tamper(value: string): string {
  return value.slice(0, Math.ceil(value.length / 2)) + 'x%7B%22analytics%22%3Atrue%7D';
}

/** Serves the page with its config's policy version bumped, as after a policy change. */
async function bumpPolicyVersion(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    if (req.isInterceptResolutionHandled()) return;
    if (!req.isNavigationRequest() || req.frame() !== page.mainFrame()) {
      void req.continue();
      return;
    }
    void (async () => {
      const res = await fetch(req.url(), { headers: { accept: 'text/html' } });
      const html = await res.text();
      const body = html.replace(
        /(<script[^>]*id=["']?garde-config["']?[^>]*>)([\s\S]*?)(<\/script>)/i,
        (_m, open: string, json: string, close: string) => {
          try {
            const cfg = JSON.parse(json) as { policy?: { version?: string } };
            if (cfg.policy) cfg.policy.version = `${cfg.policy.version ?? ''}-next`;
            return open + JSON.stringify(cfg).replace(/</g, '\\u003c') + close;
          } catch {
            return open + json + close;
          }
        },
      );
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        if (!/^(content-length|content-encoding|transfer-encoding)$/i.test(k)) headers[k] = v;
      });
      await req.respond({ status: res.status, headers, body });
    })().catch(() => req.abort().catch(() => undefined));
  });
}

/** Announces Global Privacy Control like a browser that has it switched on. */
async function enableGpc(page: Page): Promise<void> {
  await page.setExtraHTTPHeaders({ 'Sec-GPC': '1' });
  await page.evaluateOnNewDocument(announceGpc);
}

/** Runs in the page before its scripts: `navigator.globalPrivacyControl === true`. */
export function announceGpc(): void {
  Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
    value: true,
    configurable: true,
  });
}

/** Audits one page. */
export async function auditPage(
  browser: Browser,
  url: string,
  opts: PageAuditOptions,
): Promise<PageAuditResult> {
  const { states, timeout, setup } = opts;
  const origin = new URL(url).origin;
  const want = (s: AuditState): boolean => states.includes(s);
  const reports: StateReport[] = [];

  // Visitor 1: first view, then refusal.
  const first = await openSession(browser, setup);
  let decl: Declarations;
  let links: string[];
  let lang: string;
  let baseline: Set<string>;
  let judging: { decl: Declarations; origin: string; strict: boolean };
  try {
    const status = await visit(first.page, url, timeout);
    decl = new Declarations(await first.page.evaluate(readDeclarations), url).forPage(url);
    links = await first.page.evaluate(readLinks);
    lang = pageLang(decl.lang, first.page.url());
    judging = { decl, origin, strict: opts.strict ?? false };
    if (opts.keep && !opts.keep(lang))
      return {
        report: { url, lang, garde: decl.config !== null, states: [] },
        links,
        skipped: true,
      };
    const problems: string[] = status >= 400 ? [`HTTP ${status}`] : [];
    if (decl.config && !(await bannerButton(first.page, 'reject', Math.min(timeout, 5000))))
      problems.push('no visible <garde-banner> with a "reject" button');
    const fresh = await observe('fresh', first, judging, problems);
    baseline = new Set(fresh.requested.map((r) => r.name));
    if (want('fresh')) reports.push(fresh.report);
    if (want('refused') && decl.config) {
      const p = await clickBanner(first.page, 'reject', timeout);
      await settle(first.page, timeout);
      await reload(first.page, timeout);
      reports.push((await observe('refused', first, judging, p ? [p] : [], baseline)).report);
    }
  } finally {
    await first.close();
  }

  // Visitor 2: acceptance, then withdrawal. Its consent cookie seeds the tampered and policy-change visitors.
  let consentCookie: Cookie | undefined;
  if (
    decl.config &&
    (want('accepted') || want('withdrawn') || want('tampered') || want('policy-change'))
  ) {
    const s = await openSession(browser, setup);
    try {
      await visit(s.page, url, timeout);
      s.recorder.take();
      const p = await clickBanner(s.page, 'accept', timeout);
      await settle(s.page, timeout);
      await reload(s.page, timeout);
      const accepted = await observe('accepted', s, judging, p ? [p] : [], baseline);
      if (want('accepted')) reports.push(accepted.report);
      consentCookie = (await s.context.cookies()).find((c) => c.name === decl.cookieName);
      if (want('withdrawn')) {
        const w = await withdraw(s.page);
        await settle(s.page, timeout);
        await reload(s.page, timeout);
        reports.push((await observe('withdrawn', s, judging, w ? [w] : [], baseline)).report);
      }
    } finally {
      await s.close();
    }
  }

  // Visitors who arrive in a particular situation; each only looks.
  const arrivals: Array<[AuditState, SessionSetup | undefined, string | null]> = [];
  if (want('gpc')) arrivals.push(['gpc', (page) => enableGpc(page), null]);
  if (want('tampered') && consentCookie)
    arrivals.push(['tampered', undefined, tamper(consentCookie.value)]);
  if (want('policy-change') && consentCookie)
    arrivals.push(['policy-change', (page) => bumpPolicyVersion(page), consentCookie.value]);
  for (const [state, extra, cookieValue] of arrivals) {
    const s = await openSession(browser, async (page, context) => {
      await setup?.(page, context);
      await extra?.(page, context);
      if (cookieValue !== null && consentCookie) {
        await context.setCookie({
          name: consentCookie.name,
          value: cookieValue,
          domain: consentCookie.domain,
          path: consentCookie.path,
        });
      }
    });
    try {
      await visit(s.page, url, timeout);
      const problems: string[] = [];
      if (state !== 'gpc' && !(await bannerButton(s.page, 'reject', Math.min(timeout, 5000))))
        problems.push(`${state}: the banner did not ask again`);
      reports.push((await observe(state, s, judging, problems, baseline)).report);
    } finally {
      await s.close();
    }
  }
  return {
    report: { url, lang, garde: decl.config !== null, states: reports },
    links,
    skipped: false,
  };
}
