// Referrers and what referrerDomain keeps of them for a page on `pageHost`; run in Node and Chromium.
export const REFERRER_CASES: {
  url: string;
  pageHost: string;
  expected: string | null;
  note?: string;
}[] = [
  {
    url: 'https://www.google.com/search?q=remboursement+lunettes',
    pageHost: 'www.inami.fgov.be',
    expected: 'www.google.com',
  },
  { url: 'https://www.google.be/', pageHost: 'www.inami.fgov.be', expected: 'www.google.be' },
  {
    url: 'https://www.bing.com/search?q=riziv',
    pageHost: 'www.riziv.fgov.be',
    expected: 'www.bing.com',
  },
  {
    url: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.inami.fgov.be',
    pageHost: 'www.inami.fgov.be',
    expected: 'l.facebook.com',
  },
  {
    url: 'http://example.org:8080/a/b?c=d#e',
    pageHost: 'www.inami.fgov.be',
    expected: 'example.org',
    note: 'port, path, query and fragment go',
  },
  {
    url: 'https://WWW.Socialsecurity.BE/citizen/fr',
    pageHost: 'www.inami.fgov.be',
    expected: 'www.socialsecurity.be',
    note: 'lower-cased',
  },
  {
    url: 'https://www.socialsecurity.fgov.be/',
    pageHost: 'www.inami.fgov.be',
    expected: 'www.socialsecurity.fgov.be',
    note: 'another federal site',
  },
  // same site: nothing
  {
    url: 'https://www.inami.fgov.be/fr/professionnels',
    pageHost: 'www.inami.fgov.be',
    expected: null,
    note: 'same host',
  },
  {
    url: 'https://webappsa.inami.fgov.be/x',
    pageHost: 'www.inami.fgov.be',
    expected: null,
    note: 'sibling under the parent domain',
  },
  {
    url: 'https://inami.fgov.be/',
    pageHost: 'www.inami.fgov.be',
    expected: null,
    note: 'the parent domain itself',
  },
  {
    url: 'https://a.b.inami.fgov.be/',
    pageHost: 'www.inami.fgov.be',
    expected: null,
    note: 'deeper sibling',
  },
  {
    url: 'https://www.inami.fgov.be/',
    pageHost: 'WWW.INAMI.FGOV.BE',
    expected: null,
    note: 'page host case',
  },
  {
    url: 'https://www.example.be/',
    pageHost: 'example.be',
    expected: 'www.example.be',
    note: 'parent "be" is a TLD: www.* counts apart',
  },
  {
    url: 'https://evilinami.fgov.be/',
    pageHost: 'www.inami.fgov.be',
    expected: 'evilinami.fgov.be',
    note: 'suffix match on labels, not characters',
  },
  { url: 'https://shop.example.co.uk/', pageHost: 'www.example.co.uk', expected: null },
  {
    url: 'https://other.co.uk/',
    pageHost: 'example.co.uk',
    expected: null,
    note: 'without the Public Suffix List co.uk passes for a shared parent: left out, erring towards less',
  },
  { url: 'http://localhost:8000/', pageHost: 'localhost', expected: null },
  {
    url: 'http://192.168.1.3/',
    pageHost: '10.168.1.3',
    expected: '192.168.1.3',
    note: 'IP addresses have no parent domain',
  },
  // not a web referrer: nothing
  { url: '', pageHost: 'www.inami.fgov.be', expected: null },
  { url: 'not a url', pageHost: 'www.inami.fgov.be', expected: null },
  { url: 'android-app://com.google.android.gm/', pageHost: 'www.inami.fgov.be', expected: null },
  { url: 'file:///home/jan/page.html', pageHost: 'www.inami.fgov.be', expected: null },
];
