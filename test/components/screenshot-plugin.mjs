// A wtr plugin for the UI tests: `executeServerCommand('garde-screenshot', { name })` saves a PNG
// of the page under test-artifacts/ (gitignored), so the layout can be looked at after a run.
import { mkdir } from 'node:fs/promises';

export function screenshotPlugin() {
  return {
    name: 'garde-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command != 'garde-screenshot') return undefined;
      if (!/^[\w.-]+$/.test(payload?.name ?? '')) throw new Error('garde-screenshot: expected { name } of letters, digits, . _ -');
      await mkdir('test-artifacts', { recursive: true });
      await session.browser.getPage(session.id).screenshot({ path: `test-artifacts/${payload.name}.png` });
      return true;
    },
  };
}
