// Page URLs and what reducePath keeps of them; run in Node (path.node.test.ts), in Chromium
// (path.test.ts) and through the collector's ingress on SQLite and PostgreSQL
// (collector/test/path-ingress.test.ts), which also checks that no `personal` part is stored or
// logged anywhere.
import type { PathRules } from '../../src/minimise/path.js';

export interface PathCase {
  url: string;
  allowlist?: string[];
  rules?: PathRules;
  expected: string;
  /**
   * What must be found nowhere afterwards: not in the path, no table, no log line (6 characters
   * at least, or with context, so that a hash in a table cannot hold it by chance).
   */
  personal?: string[];
  note?: string;
}

/** The query allowlist and site rules the collector of the ingress test runs with. */
export const INGRESS_ALLOWLIST = ['utm_source', 'utm_medium', 'lang'];
export const INGRESS_RULES: PathRules = { redact: ['/*/patient/*'] };

const UUID = '8d3f6a2e-5b1c-4f7a-9e2d-0c4b7a1f3e5d';

export const PATH_CASES: PathCase[] = [
  {
    url: 'https://www.inami.fgov.be/fr/themes/soins-de-sante',
    expected: '/fr/themes/soins-de-sante',
  },
  {
    url: 'https://www.inami.fgov.be/fr/recherche?q=lunettes&page=2#resultats',
    expected: '/fr/recherche',
    personal: ['lunettes', 'resultats'],
    note: 'query and fragment dropped',
  },
  {
    url: 'https://x.be/fr/dossier/123456/',
    expected: '/fr/dossier/:redacted/',
    personal: ['123456'],
    note: 'a file number of six digits',
  },
  {
    url: `https://x.be/nl/patient/${UUID}/`,
    expected: '/nl/patient/:redacted/',
    personal: [UUID, '8d3f6a2e', '0c4b7a1f3e5d'],
    note: 'a UUID',
  },
  {
    url: 'https://x.be/nl/dossier/8D3F6A2E-5B1C-4F7A-9E2D-0C4B7A1F3E5D',
    expected: '/nl/dossier/:redacted',
    personal: ['8D3F6A2E'],
    note: 'a UUID in upper case',
  },
  {
    url: 'https://x.be/de/akte/12345678',
    expected: '/de/akte/:redacted',
    personal: ['12345678'],
    note: 'eight digits',
  },
  {
    url: 'https://x.be/nl/aanvraag/2024',
    expected: '/nl/aanvraag/:redacted',
    personal: ['aanvraag/2024'],
    note: 'four digits: the smallest number redacted',
  },
  {
    url: 'https://x.be/fr/article-12-bis',
    expected: '/fr/article-12-bis',
    note: 'three digits or fewer: kept',
  },
  {
    url: 'https://x.be/en/t/AbC123xyz987TokenQ/',
    expected: '/en/t/:redacted/',
    personal: ['AbC123xyz987TokenQ'],
    note: 'a token (letters and digits)',
  },
  {
    url: 'https://x.be/s/deadbeefcafe1bad',
    expected: '/s/:redacted',
    personal: ['deadbeefcafe1bad'],
    note: 'hexadecimal, 16 characters, one digit',
  },
  {
    url: 'https://x.be/share/qRfTzYwXkLmNpVbH',
    expected: '/share/:redacted',
    personal: ['qRfTzYwXkLmNpVbH'],
    note: 'base64-like without a digit: changes of case',
  },
  {
    url: 'https://x.be/nl/arbeidsongeschiktheidsuitkering',
    expected: '/nl/arbeidsongeschiktheidsuitkering',
    note: 'a long compound word: kept',
  },
  {
    url: 'https://x.be/de/Krankenversicherung/leistungen-fuer-versicherte',
    expected: '/de/Krankenversicherung/leistungen-fuer-versicherte',
    note: 'a capital at the start and a long slug: kept',
  },
  {
    url: 'https://x.be/fr/contact?email=jean.dupont%40example.be',
    expected: '/fr/contact',
    personal: ['jean.dupont', 'example.be'],
    note: 'a parameter not allow-listed: dropped whole',
  },
  {
    url: 'https://x.be/fr/formulaire?nir=85073112345&lang=fr',
    allowlist: ['lang'],
    expected: '/fr/formulaire?lang=fr',
    personal: ['85073112345'],
    note: 'a national register number in a parameter',
  },
  {
    url: 'https://x.be/?utm_source=newsletter&utm_medium=email&email=jan%40x.be',
    allowlist: ['utm_source', 'utm_medium'],
    expected: '/?utm_source=newsletter&utm_medium=email',
    personal: ['jan%40x.be', 'jan@x.be'],
  },
  {
    url: 'https://x.be/a?b=1&utm_source=hiver&b=2',
    allowlist: ['utm_source'],
    expected: '/a?utm_source=hiver',
  },
  {
    url: 'https://x.be/a?utm_source=jan%40x.be',
    allowlist: ['utm_source'],
    expected: '/a',
    personal: ['jan%40x.be', 'jan@x.be'],
    note: 'allow-listed but personal-looking value',
  },
  {
    url: 'https://x.be/a?utm_source=AbC123xyz987TokenQ',
    allowlist: ['utm_source'],
    expected: '/a',
    personal: ['AbC123xyz987TokenQ'],
    note: 'allow-listed but a token',
  },
  { url: 'https://x.be/a?utm_source=', allowlist: ['utm_source'], expected: '/a?utm_source=' },
  {
    url: 'https://x.be/dossier/85073112345/documents',
    expected: '/dossier/:redacted/documents',
    personal: ['85073112345'],
    note: 'national register number in the path',
  },
  {
    url: 'https://x.be/dossier/85.07.31-123.45',
    expected: '/dossier/:redacted',
    personal: ['85.07.31-123.45'],
    note: 'with separators',
  },
  {
    url: 'https://x.be/users/jan.peeters%40example.be/',
    expected: '/users/:redacted/',
    personal: ['jan.peeters', 'example.be'],
    note: 'encoded e-mail in the path',
  },
  {
    url: 'https://x.be/news/2024-11-28-nouveautes',
    expected: '/news/:redacted',
    personal: ['2024-11-28'],
    note: 'a date holds 4 digits or more: redacted too',
  },
  {
    url: 'https://x.be/fr/patient/jean-dupont/documents',
    rules: INGRESS_RULES,
    expected: '/fr/patient/:redacted/documents',
    personal: ['jean-dupont'],
    note: 'the site declares /*/patient/* personal',
  },
  {
    url: 'https://x.be/nl/patient/',
    rules: INGRESS_RULES,
    expected: '/nl/patient/',
    note: 'a declared pattern needs its segment: nothing to redact',
  },
  {
    url: 'https://x.be/fr/themes/pensions',
    rules: { keep: ['/*/themes', '/'] },
    expected: '/fr/themes/pensions',
    note: 'allow-list mode: a path below a declared one is kept',
  },
  {
    url: 'https://x.be/fr/mon-compte/jean-dupont?x=1',
    rules: { keep: ['/*/themes', '/'] },
    expected: '/fr',
    personal: ['jean-dupont', 'mon-compte'],
    note: 'allow-list mode: any other path is cut to its first segment',
  },
  {
    url: 'https://x.be/',
    rules: { keep: ['/*/themes', '/'] },
    expected: '/',
    note: 'allow-list mode: the home page declared as /',
  },
  {
    url: 'https://x.be/%E9t%C3%A9/%ZZ',
    expected: '/%E9t%C3%A9/%ZZ',
    note: 'odd escapes kept as sent',
  },
  { url: '/relative/path?x=1', expected: '/relative/path' },
  { url: 'https://x.be', expected: '/' },
];
