// The notice's version: an edition of <garde-notice>'s wording, in every snapshot, so that a
// receipt names the notice in force. A wording change that keeps the edition fails here.
import { expect } from '@open-wc/testing';
import { validateConfig } from '../../src/core/config.js';
import { noticeTranslations } from '../../src/i18n/notice/index.js';
import { NOTICE_VERSION } from '../../src/i18n/notice-version.js';
import { buildSnapshot } from '../../src/i18n/snapshot.js';
import { canonicalJson, sha256Hex } from '../../src/wire/snapshot.js';

/**
 * Each edition and the SHA-256 of its wording (the four languages, canonical JSON). Changing the
 * wording: bump NOTICE_VERSION and add its hash here, keeping the old ones.
 */
const EDITIONS: Record<string, string> = {
  '1': 'd24786db76aea8298d98360305eee4602e88fcc9a105be262a92ba001a6f4092',
  // The persistent id's purpose and lifetime moved to the dialog's strings (one list for both).
  '2': '620c1e83824b2a1feac5779a7082e40f26d3f63c469aff532017f8edb164d773',
  // The rights paragraph: note the consent id before withdrawing, since the browser forgets it then.
  '3': '980b85bc159e2ec5baa7839293ad4615f785d2bad3a3df3478e53053d0fdeef6',
};

describe('the notice version', () => {
  it('names the wording: each edition has one hash, the current one matches', async () => {
    const hash = await sha256Hex(canonicalJson(noticeTranslations));
    expect(hash, `the notice's wording changed: bump NOTICE_VERSION and add ${hash}`).to.equal(
      EDITIONS[NOTICE_VERSION],
    );
  });

  it('is in every snapshot, so every receipt names it', () => {
    const config = validateConfig({ policy: { url: '/', version: '2020-12-07' } });
    for (const lang of ['fr', 'nl', 'de', 'en'] as const)
      expect(buildSnapshot({ config, lang })).to.include({ notice: NOTICE_VERSION });
  });
});
