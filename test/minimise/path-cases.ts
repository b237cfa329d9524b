// Page URLs and what reducePath keeps of them with an allowlist; run in Node and Chromium.
export const PATH_CASES: { url: string; allowlist?: string[]; expected: string; note?: string }[] =
  [
    {
      url: 'https://www.inami.fgov.be/fr/themes/soins-de-sante',
      expected: '/fr/themes/soins-de-sante',
    },
    {
      url: 'https://www.inami.fgov.be/fr/recherche?q=lunettes&page=2#resultats',
      expected: '/fr/recherche',
      note: 'query and fragment dropped',
    },
    {
      url: 'https://x.be/?utm_source=newsletter&utm_medium=email&email=jan%40x.be',
      allowlist: ['utm_source', 'utm_medium'],
      expected: '/?utm_source=newsletter&utm_medium=email',
    },
    {
      url: 'https://x.be/a?b=1&utm_campaign=hiver&b=2',
      allowlist: ['utm_campaign'],
      expected: '/a?utm_campaign=hiver',
    },
    {
      url: 'https://x.be/a?utm_source=jan%40x.be',
      allowlist: ['utm_source'],
      expected: '/a',
      note: 'allowlisted but personal-looking value',
    },
    { url: 'https://x.be/a?utm_source=', allowlist: ['utm_source'], expected: '/a?utm_source=' },
    {
      url: 'https://x.be/dossier/85073112345/documents',
      expected: '/dossier/:redacted/documents',
      note: 'national register number in the path',
    },
    {
      url: 'https://x.be/dossier/85.07.31-123.45',
      expected: '/dossier/:redacted',
      note: 'with separators',
    },
    {
      url: 'https://x.be/users/jan.peeters%40example.be/',
      expected: '/users/:redacted/',
      note: 'encoded e-mail in the path',
    },
    {
      url: 'https://x.be/news/2024-11-28-nouveautes',
      expected: '/news/2024-11-28-nouveautes',
      note: 'a date is 8 digits: kept',
    },
    {
      url: 'https://x.be/%E9t%C3%A9/%ZZ',
      expected: '/%E9t%C3%A9/%ZZ',
      note: 'odd escapes kept as sent',
    },
    { url: '/relative/path?x=1', expected: '/relative/path' },
    { url: 'https://x.be', expected: '/' },
  ];
