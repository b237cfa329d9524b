// Puts a page in a consent state the way a visitor does: through the buttons of <garde-banner>
// (inside its shadow root), and through window.garde for withdrawal, which the UI offers
// behind the preferences dialog.
import type { ElementHandle, Page } from 'puppeteer-core';

export type BannerAction = 'accept' | 'reject';

// The first-layer labels in the four languages (issue 3), for banners that name no part.
const LABELS: Record<BannerAction, string[]> = {
  accept: ['accept all', 'tout accepter', 'alles accepteren', 'alle akzeptieren'],
  reject: ['reject all', 'tout refuser', 'alles weigeren', 'alle ablehnen'],
};

/**
 * Runs in the page (serialised: everything it needs is inside). The visible button of
 * <garde-banner> for an action, found by a `part` or `data-action` naming the action, else by its
 * label; banners are looked for in every open shadow root, since one may sit inside another component.
 */
export function findVisibleBannerButton(action: string, labels: string[]): HTMLElement | null {
  const banners: Element[] = [];
  const stack: Array<Document | ShadowRoot> = [document];
  while (stack.length) {
    const root = stack.pop()!;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.localName === 'garde-banner') banners.push(el);
      if (el.shadowRoot) stack.push(el.shadowRoot);
    }
  }
  for (const banner of banners) {
    const buttons = Array.from(
      banner.shadowRoot?.querySelectorAll<HTMLElement>('button, [role="button"]') ?? [],
    );
    const named = buttons.find((b) =>
      `${b.getAttribute('part') ?? ''} ${b.getAttribute('data-action') ?? ''}`
        .toLowerCase()
        .split(/\s+/)
        .some((n) => n === action || n === `${action}-all` || n.endsWith(`-${action}`)),
    );
    const labelled = buttons.find((b) =>
      labels.includes((b.textContent ?? '').trim().toLowerCase().replace(/\s+/g, ' ')),
    );
    const hit = named ?? labelled;
    if (!hit) continue;
    const r = hit.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(hit).visibility !== 'hidden'
      ? hit
      : null;
  }
  return null;
}

/** The banner's button for an action once it is visible, or null after `timeout` ms. */
export async function bannerButton(
  page: Page,
  action: BannerAction,
  timeout: number,
): Promise<ElementHandle<HTMLElement> | null> {
  try {
    const handle = await page.waitForFunction(
      findVisibleBannerButton,
      { timeout, polling: 50 },
      action,
      LABELS[action],
    );
    const el = handle.asElement();
    return el ? (el as ElementHandle<HTMLElement>) : null;
  } catch {
    return null;
  }
}

/** Whether the page's garde holds a decision. */
export const hasDecision = (): boolean =>
  (window as unknown as { garde?: { consent: unknown } }).garde?.consent != null;

/**
 * Clicks a banner button like a visitor and waits for the decision to be stored. Returns a problem
 * to report, or null. A page may reload itself on refusal (`reloadOnRefusal`): that counts as done.
 */
export async function clickBanner(
  page: Page,
  action: BannerAction,
  timeout: number,
): Promise<string | null> {
  const button = await bannerButton(page, action, timeout);
  if (!button) return `no visible "${action}" button in <garde-banner>`;
  await button.click();
  try {
    await page.waitForFunction(hasDecision, { timeout: Math.min(timeout, 5000), polling: 50 });
  } catch (e) {
    if (!/navigat|context was destroyed|detached/i.test(String(e)))
      return `no decision after clicking "${action}"`;
  }
  return null;
}

/** Withdraws consent through the API, as the preferences dialog does. */
export async function withdraw(page: Page): Promise<string | null> {
  const ok = await page.evaluate(callWithdraw);
  return ok ? null : 'window.garde is missing: cannot withdraw';
}

/** Runs in the page: `garde.withdraw()`, false when there is no garde. */
export function callWithdraw(): boolean {
  const g = (window as unknown as { garde?: { withdraw(): void } }).garde;
  if (!g) return false;
  g.withdraw();
  return true;
}

/** Waits until no banner button is visible any more (the visitor has decided); false after `timeout` ms. */
export async function bannerGone(page: Page, timeout: number): Promise<boolean> {
  try {
    // The finder is sent as source text and called in the page, negated.
    await page.waitForFunction(
      `!(${findVisibleBannerButton.toString()})('reject', ${JSON.stringify(LABELS.reject)})`,
      { timeout, polling: 50 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Runs in the page: the method of garde's current decision, null without one, undefined without garde. */
export function readDecision(): string | null | undefined {
  const g = (window as unknown as { garde?: { consent: { method: string } | null } }).garde;
  return g ? (g.consent?.method ?? null) : undefined;
}
