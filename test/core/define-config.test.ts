// defineConfig() as a site writes its config in TypeScript: `npm run typecheck` checks the
// expected-error lines below (a typo and a wrong value must be type errors), and the browser
// runs the config it returns.
import { expect } from '@open-wc/testing';
import { defineConfig } from '../../src/core/define-config.js';
import type { GardeConfigInput } from '../../src/core/types.js';
import { reset, start } from './helpers.js';

const config = defineConfig({
  policy: { url: { fr: '/fr/vie-privee', nl: '/nl/privacy' }, version: '2026-01' },
  categories: { analytics: { label: { fr: 'Mesure d’audience', nl: 'Statistieken' } } },
  services: { matomo: { category: 'analytics', cookies: ['_pk_id.*'] } },
  integrations: { matomo: true },
});

// @ts-expect-error: a misspelt field.
defineConfig({ policy: { url: '/p', version: '1' }, categorys: {} });
// @ts-expect-error: a value garde does not take.
defineConfig({ policy: { url: '/p', version: '1' }, gpc: 'sometimes' });
// @ts-expect-error: the policy is required.
defineConfig({ categories: {} });
// The same with `satisfies`, for a config kept as a plain object.
export const plain = {
  policy: { url: '/p', version: '1' },
  // @ts-expect-error: a misspelt field.
  cookies: {},
} satisfies GardeConfigInput;

describe('defineConfig', () => {
  beforeEach(reset);
  after(reset);

  it('returns the config unchanged, and init() runs it', () => {
    const g = start(config);
    expect(g.config.policy.version).to.equal('2026-01');
    expect(g.config.integrations.matomo).to.be.true;
    g.acceptAll();
    expect(g.allowed('matomo')).to.be.true;
  });
});
