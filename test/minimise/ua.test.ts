// The user-agent table in Chromium (the drop-in's runtime); ua.node.test.ts runs it in Node.
import { expect } from '@open-wc/testing';
import { reduceUserAgent, minorVersion } from '../../src/minimise/ua.js';
import { UA_CASES } from './ua-cases.js';

describe('reduceUserAgent', () => {
  for (const c of UA_CASES) {
    it(`${c.expected.browser} ${c.expected.major} on ${c.expected.os}${c.hints ? ' (client hints)' : ''}: ${c.note ?? c.ua}`, () => {
      expect(reduceUserAgent(c.hints ?? c.ua, c.ua)).to.deep.equal(c.expected);
      if (!c.hints) expect(reduceUserAgent(c.ua)).to.deep.equal(c.expected);
      if (c.minor !== undefined) expect(minorVersion(c.ua) ?? null).to.equal(c.minor);
    });
  }

  it('reads this browser from its low-entropy client hints, never more', () => {
    const data = (
      navigator as {
        userAgentData?: {
          brands: { brand: string; version: string }[];
          mobile: boolean;
          platform: string;
        };
      }
    ).userAgentData!;
    const reduced = reduceUserAgent(data, navigator.userAgent);
    // The test browser is headless Chromium, which calls itself HeadlessChrome: a bot.
    expect(reduced).to.deep.equal({ browser: 'Bot', major: 0, os: 'Linux', mobile: false });
    const hintsOnly = reduceUserAgent({
      brands: data.brands,
      mobile: data.mobile,
      platform: data.platform,
    });
    expect(hintsOnly.browser).to.equal('Chrome');
    expect(hintsOnly.major).to.equal(
      parseInt(data.brands.find((b) => b.brand === 'Chromium')!.version),
    );
  });
});
