// What the admin page marks as disguising a text: found in forged texts, never in the genuine banner's
// texts of the four languages (a warning on every genuine snapshot would teach people to ignore it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { countDisguises } from '../../admin/src/disguise.js';

describe('countDisguises', () => {
  it('finds bidirectional controls, invisible characters and words mixing scripts', () => {
    assert.deepEqual(countDisguises('Tout \u202erefuser\u202c'), { hidden: 2, mixed: 0 });
    assert.deepEqual(countDisguises('Cookies sur ce\u200b site\u00ad'), { hidden: 2, mixed: 0 });
    // Cyrillic а and е, Greek ο, each in an otherwise Latin word.
    assert.deepEqual(countDisguises('Tout \u0430ccepter, r\u0435fuser, c\u03bfokies'), {
      hidden: 0,
      mixed: 3,
    });
    assert.deepEqual(countDisguises({ texts: { a: 'x\u2066y', b: ['\u0410BC'] } }), {
      hidden: 1,
      mixed: 1,
    });
  });

  it('finds nothing in the genuine texts of the demo in French, Dutch, German and English', async () => {
    (globalThis as { __GARDE_VERSION__?: string }).__GARDE_VERSION__ = '0.1.0';
    const page = globalThis as { document?: unknown };
    page.document ??= { documentElement: { lang: 'fr' } };
    const { buildSnapshot } = await import('../../../src/i18n/snapshot.js');
    const { validateConfig } = await import('../../../src/core/config.js');
    for (const lang of ['fr', 'nl', 'de', 'en'] as const) {
      const html = readFileSync(
        new URL(`../../../demo/${lang}/index.html`, import.meta.url),
        'utf8',
      );
      const json = /<script type="application\/json" id="garde-config">([\s\S]*?)<\/script>/.exec(
        html,
      )![1]!;
      const snapshot = buildSnapshot({ config: validateConfig(JSON.parse(json)), lang });
      assert.deepEqual(countDisguises(snapshot), { hidden: 0, mixed: 0 }, lang);
      // Plain words of the other scripts are not mixed either.
      assert.deepEqual(countDisguises('Файлы cookie на этом сайте, Ελληνικά'), {
        hidden: 0,
        mixed: 0,
      });
    }
  });
});
