// A wtr plugin for the UI tests:
// - `executeServerCommand('garde-screenshot', { name })` saves a PNG of the page under
//   test-artifacts/ (gitignored), so the layout can be looked at after a run;
// - `executeServerCommand('garde-media', [{ name: 'forced-colors', value: 'active' }])` emulates
//   media features that @web/test-runner-commands' emulateMedia passes to Playwright only.
import { mkdir } from 'node:fs/promises';

export function screenshotPlugin() {
  const cdps = new WeakMap();
  return {
    name: 'garde-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command === 'garde-media') {
        // Through CDP: puppeteer's emulateMediaFeatures rejects forced-colors. The CDP session is
        // kept per test page, since detaching it would drop the emulation.
        const page = session.browser.getPage(session.id);
        if (!cdps.has(page)) cdps.set(page, await page.createCDPSession());
        await cdps.get(page).send('Emulation.setEmulatedMedia', { features: payload });
        return true;
      }
      if (command !== 'garde-screenshot') return undefined;
      if (!/^[\w.-]+$/.test(payload?.name ?? ''))
        throw new Error('garde-screenshot: expected { name } of letters, digits, . _ -');
      await mkdir('test-artifacts', { recursive: true });
      await session.browser
        .getPage(session.id)
        .screenshot({ path: `test-artifacts/${payload.name}.png` });
      return true;
    },
  };
}
