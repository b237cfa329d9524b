// What the admin page's Chromium tests share: the page built from its source when stale, and axe-core
// run on the page as it is.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { rollup, type OutputOptions, type RollupOptions } from 'rollup';
import { ADMIN_DIST } from '../src/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Builds collector/admin/dist when it is missing or older than a source file. */
export async function ensureAdminBuild(): Promise<void> {
  const src = join(ROOT, 'collector/admin/src');
  const built = join(ADMIN_DIST, 'admin.js');
  const newest = Math.max(
    statSync(join(ROOT, 'collector/admin/index.html')).mtimeMs,
    ...readdirSync(src).map((f) => statSync(join(src, f)).mtimeMs),
  );
  if (
    existsSync(built) &&
    existsSync(join(ADMIN_DIST, 'index.html')) &&
    statSync(built).mtimeMs >= newest
  )
    return;
  const config = (await import(new URL('../admin/rollup.config.mjs', import.meta.url).href))
    .default as RollupOptions;
  const bundle = await rollup(config);
  await bundle.write(config.output as OutputOptions);
  await bundle.close();
}

interface AxeResult {
  passes: unknown[];
  violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }>;
}

/** Runs axe-core (WCAG 2.x A/AA and best practices) on the page; the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol, which the page's CSP does not govern.
  const source = readFileSync(
    createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    'utf8',
  );
  await page.evaluate(source);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<AxeResult> };
    };
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    // An axe that checked nothing would pass too: demand that it saw the page.
    if (result.passes.length < 10) return [`axe checked only ${result.passes.length} rules`];
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`,
    );
  });
}
