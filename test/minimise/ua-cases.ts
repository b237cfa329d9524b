// Real user-agent strings (and client-hint values) with the reduced result expected from
// reduceUserAgent; `minor` is what minorVersion reads after consent (null: none in the string).
// Run by ua.node.test.ts in Node and by ua.test.ts in Chromium.
import type { ReducedUa, UaHints } from '../../src/minimise/ua.js';

export interface UaCase {
  ua: string;
  hints?: UaHints;
  expected: ReducedUa;
  minor?: number | null;
  note?: string;
}

const r = (browser: string, major: number, os: string, mobile = false): ReducedUa => ({
  browser,
  major,
  os,
  mobile,
});

const WIN_CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const LINUX_CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

export const UA_CASES: UaCase[] = [
  // Chrome's reduced UA (fixed "10; K", "10_15_7", ".0.0.0")
  { ua: WIN_CHROME, expected: r('Chrome', 131, 'Windows'), minor: 0 },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    expected: r('Chrome', 131, 'macOS'),
  },
  {
    ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    expected: r('Chrome', 131, 'Linux'),
  },
  { ua: ANDROID_CHROME, expected: r('Chrome', 131, 'Android', true) },
  {
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    expected: r('Chrome', 131, 'Android'),
    note: 'Android tablet: no "Mobile"',
  },
  {
    ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    expected: r('Chrome', 131, 'ChromeOS'),
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/99.0.4844.51 Safari/537.36',
    expected: r('Chrome', 99, 'Windows'),
    minor: 0,
    note: 'pre-reduction UA',
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 YaBrowser/24.6.0.0 Safari/537.36',
    expected: r('Chrome', 124, 'Windows'),
    note: 'other Chromium browsers count as Chrome',
  },
  // Edge
  { ua: `${WIN_CHROME} Edg/131.0.0.0`, expected: r('Edge', 131, 'Windows') },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80',
    expected: r('Edge', 130, 'macOS'),
    minor: 0,
  },
  { ua: `${ANDROID_CHROME} EdgA/131.0.0.0`, expected: r('Edge', 131, 'Android', true) },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 EdgiOS/131.2903.68 Mobile/15E148 Safari/605.1.15',
    expected: r('Edge', 131, 'iOS', true),
    minor: 2903,
  },
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582',
    expected: r('Edge', 18, 'Windows'),
    minor: 19582,
    note: 'EdgeHTML',
  },
  // Firefox
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
    expected: r('Firefox', 133, 'Windows'),
    minor: 0,
  },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
    expected: r('Firefox', 133, 'macOS'),
  },
  {
    ua: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
    expected: r('Firefox', 128, 'Linux'),
  },
  {
    ua: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
    expected: r('Firefox', 132, 'Linux'),
  },
  {
    ua: 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
    expected: r('Firefox', 133, 'Android', true),
  },
  {
    ua: 'Mozilla/5.0 (Android 13; Tablet; rv:133.0) Gecko/133.0 Firefox/133.0',
    expected: r('Firefox', 133, 'Android'),
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
    expected: r('Firefox', 133, 'iOS', true),
  },
  // Safari
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
    expected: r('Safari', 18, 'macOS'),
    minor: 1,
    note: 'also iPadOS 13+ Safari (desktop-class UA)',
  },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
    expected: r('Safari', 17, 'macOS'),
    minor: 6,
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    expected: r('Safari', 18, 'iOS', true),
    minor: 1,
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    expected: r('Safari', 17, 'iOS', true),
  },
  {
    ua: 'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
    expected: r('Safari', 12, 'iPadOS'),
    note: 'iPad UA before iPadOS 13',
  },
  {
    ua: 'Mozilla/5.0 (iPod touch; CPU iPhone OS 12_5_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Mobile/15E148 Safari/604.1',
    expected: r('Safari', 12, 'iOS', true),
  },
  // Chrome on iOS
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    expected: r('Chrome', 131, 'iOS', true),
    minor: 0,
  },
  {
    ua: 'Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
    expected: r('Chrome', 131, 'iPadOS'),
  },
  // Samsung Internet
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    expected: r('Samsung Internet', 26, 'Android', true),
    minor: 0,
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Safari/537.36',
    expected: r('Samsung Internet', 25, 'Android'),
  },
  // Android WebView and in-app browsers
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/128.0.6613.127 Mobile Safari/537.36',
    expected: r('Android WebView', 128, 'Android', true),
    minor: 0,
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 13; SM-A536B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.107 Mobile Safari/537.36 [FB_IAB/FB4A;FBAV/489.0.0.37.108;]',
    expected: r('Android WebView', 130, 'Android', true),
    note: 'Facebook in-app',
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
    expected: r('Other', 0, 'iOS', true),
    minor: null,
    note: 'iOS WKWebView in an app',
  },
  // Opera
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
    expected: r('Opera', 115, 'Windows'),
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36 OPR/85.1.4490.81757',
    expected: r('Opera', 85, 'Android', true),
    minor: 1,
  },
  {
    ua: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1 OPT/5.0.0',
    expected: r('Opera', 5, 'iOS', true),
  },
  // Bots, tools and automated browsers
  {
    ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    expected: r('Bot', 0, 'Other'),
    minor: null,
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    expected: r('Bot', 0, 'Android', true),
  },
  {
    ua: 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    expected: r('Bot', 0, 'Other'),
  },
  {
    ua: 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
    expected: r('Bot', 0, 'Other'),
  },
  {
    ua: 'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
    expected: r('Bot', 0, 'Other'),
  },
  {
    ua: 'DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)',
    expected: r('Bot', 0, 'Other'),
  },
  {
    ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
    expected: r('Bot', 0, 'macOS'),
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse',
    expected: r('Bot', 0, 'Android', true),
  },
  {
    ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    expected: r('Bot', 0, 'Linux'),
  },
  { ua: 'curl/8.5.0', expected: r('Bot', 0, 'Other') },
  { ua: 'Wget/1.21.3', expected: r('Bot', 0, 'Other') },
  { ua: 'python-requests/2.31.0', expected: r('Bot', 0, 'Other') },
  // Unknown
  {
    ua: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
    expected: r('Other', 0, 'Windows'),
    note: 'Internet Explorer 11',
  },
  { ua: '', expected: r('Other', 0, 'Other'), minor: null },

  // Client hints (navigator.userAgentData low-entropy values) with the matching UA string
  {
    ua: WIN_CHROME,
    hints: {
      brands: [
        { brand: 'Google Chrome', version: '131' },
        { brand: 'Chromium', version: '131' },
        { brand: 'Not_A Brand', version: '24' },
      ],
      mobile: false,
      platform: 'Windows',
    },
    expected: r('Chrome', 131, 'Windows'),
  },
  {
    ua: WIN_CHROME,
    hints: {
      brands: [
        { brand: 'Chromium', version: '131' },
        { brand: 'Not)A;Brand', version: '99' },
        { brand: 'Google Chrome', version: '131' },
      ],
      mobile: false,
      platform: 'Windows',
    },
    expected: r('Chrome', 131, 'Windows'),
    note: 'Chromium listed first',
  },
  {
    ua: `${WIN_CHROME} Edg/131.0.0.0`,
    hints: {
      brands: [
        { brand: 'Not A;Brand', version: '8' },
        { brand: 'Chromium', version: '131' },
        { brand: 'Microsoft Edge', version: '131' },
      ],
      mobile: false,
      platform: 'Windows',
    },
    expected: r('Edge', 131, 'Windows'),
  },
  {
    ua: `${WIN_CHROME} OPR/115.0.0.0`,
    hints: {
      brands: [
        { brand: 'Opera', version: '115' },
        { brand: 'Chromium', version: '130' },
        { brand: 'Not?A_Brand', version: '99' },
      ],
      mobile: false,
      platform: 'Windows',
    },
    expected: r('Opera', 115, 'Windows'),
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
    hints: {
      brands: [
        { brand: 'Samsung Internet', version: '26.0' },
        { brand: 'Chromium', version: '122' },
        { brand: 'Not(A:Brand', version: '24' },
      ],
      mobile: true,
      platform: 'Android',
    },
    expected: r('Samsung Internet', 26, 'Android', true),
  },
  {
    ua: 'Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A.240805.005; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/128.0.6613.127 Mobile Safari/537.36',
    hints: {
      brands: [
        { brand: 'Android WebView', version: '128' },
        { brand: 'Chromium', version: '128' },
        { brand: 'Not;A=Brand', version: '24' },
      ],
      mobile: true,
      platform: 'Android',
    },
    expected: r('Android WebView', 128, 'Android', true),
  },
  {
    ua: WIN_CHROME,
    hints: {
      brands: [
        { brand: 'Brave', version: '131' },
        { brand: 'Chromium', version: '131' },
        { brand: 'Not_A Brand', version: '24' },
      ],
      mobile: false,
      platform: 'Windows',
    },
    expected: r('Chrome', 131, 'Windows'),
    note: 'unknown brand: Chromium counts as Chrome',
  },
  {
    ua: LINUX_CHROME,
    hints: {
      brands: [
        { brand: 'Not/A)Brand', version: '8' },
        { brand: 'Chromium', version: '126' },
      ],
      mobile: false,
      platform: 'Linux',
    },
    expected: r('Chrome', 126, 'Linux'),
  },
  {
    ua: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
    hints: {
      brands: [
        { brand: 'Google Chrome', version: '131' },
        { brand: 'Chromium', version: '131' },
      ],
      mobile: false,
      platform: 'Chrome OS',
    },
    expected: r('Chrome', 131, 'ChromeOS'),
  },
  {
    ua: ANDROID_CHROME,
    hints: {
      brands: [
        { brand: 'Google Chrome', version: '131' },
        { brand: 'Chromium', version: '131' },
      ],
      mobile: true,
      platform: '',
    },
    expected: r('Chrome', 131, 'Android', true),
    note: 'empty platform: OS from the UA string',
  },
  {
    ua: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
    hints: {
      brands: [
        { brand: 'HeadlessChrome', version: '131' },
        { brand: 'Chromium', version: '131' },
        { brand: 'Not_A Brand', version: '24' },
      ],
      mobile: false,
      platform: 'Linux',
    },
    expected: r('Bot', 0, 'Linux'),
  },
];
