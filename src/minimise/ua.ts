// Browser and OS families from the user agent: coarse enough to be anonymous (no build
// numbers, no device model). The collector derives them from each request's User-Agent header;
// of this file only `minorVersion` reaches the drop-in (the tables stay on the server).

/** `navigator.userAgentData` low-entropy values (never `getHighEntropyValues`). */
export interface UaHints {
  brands?: { brand: string; version: string }[];
  mobile?: boolean;
  platform?: string;
}

/** The reduced user agent: family, major version, OS family, mobile or not. */
export interface ReducedUa {
  /** Chrome, Edge, Firefox, Safari, Samsung Internet, Opera, Android WebView, Bot or Other. */
  browser: string;
  /** Major version; 0 when unknown (and for bots). */
  major: number;
  /** Windows, macOS, iOS, iPadOS, Android, Linux, ChromeOS or Other. */
  os: string;
  mobile: boolean;
}

// Crawlers, HTTP libraries and automated browsers (HeadlessChrome, Lighthouse): counted
// apart, never as visitors. Real browsers never say "http" or "bot" in their UA string.
const BOT = /bot|crawl|spider|slurp|curl|wget|python|java\/|http|headless|lighthouse/i;

// First match wins: the Chromium-based browsers that name themselves come before Chrome,
// Android WebView (`; wv)`) before Chrome, and Safari last (every WebKit UA says "Safari").
const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\/(\d+)(?:\.(\d+))?/, 'Edge'],
  [/(?:OPR|OPiOS|OPT)\/(\d+)(?:\.(\d+))?/, 'Opera'],
  [/SamsungBrowser\/(\d+)(?:\.(\d+))?/, 'Samsung Internet'],
  [/(?:Firefox|FxiOS)\/(\d+)(?:\.(\d+))?/, 'Firefox'],
  [/CriOS\/(\d+)(?:\.(\d+))?/, 'Chrome'],
  [/; wv\).*Chrome\/(\d+)(?:\.(\d+))?/, 'Android WebView'],
  [/Chrom(?:e|ium)\/(\d+)(?:\.(\d+))?/, 'Chrome'],
  [/Version\/(\d+)(?:\.(\d+))?.*Safari\//, 'Safari'],
];

const FAMILIES = ['Chrome', 'Edge', 'Opera', 'Samsung Internet', 'Android WebView'];

const OSES: [RegExp, string][] = [
  [/iPad/, 'iPadOS'],
  [/iPhone|iPod|iOS/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS|Chrome ?OS|Chromium OS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/** The first row of `table` whose pattern matches `text`: the match and the row's value. */
function firstMatch<T>(table: [RegExp, T][], text: string): [RegExpExecArray, T] | undefined {
  for (const [pattern, value] of table) {
    const match = pattern.exec(text);
    if (match) return [match, value];
  }
}

/** The browser family and major version read from a UA string: `[browser, major]`. */
export function uaVersion(ua: string): [string, number] {
  if (BOT.test(ua)) return ['Bot', 0];
  const found = firstMatch(BROWSERS, ua);
  return found ? [found[1], Number(found[0][1])] : ['Other', 0];
}

/**
 * The browser's minor version, sent only after consent with the `minor` extra. The browser's
 * own token comes last among these (`Chrome/… Edg/…`, `Version/… EdgiOS/…`), so the last
 * one wins. Kept apart from {@link uaVersion} because it is the only part of UA parsing that the
 * drop-in needs: browser, major and OS are derived by the collector from the request header.
 */
export function minorVersion(ua: string): number | undefined {
  const last = ua.match(/(?:Edg\w*|OPR|Version|Firefox|FxiOS|CriOS|Chrome)\/\d+\.\d+/g)?.pop();
  return last ? Number(last.split('.')[1]) : undefined;
}

/**
 * Reduces a user agent to `{ browser, major, os, mobile }`. Given client hints
 * (`navigator.userAgentData`), their brands and platform win, GREASE brands
 * ("Not A;Brand", "Not/A)Brand"…) ignored; the UA string (second argument) still
 * catches bots and fills what the hints lack. On iPadOS 13+ Safari presents itself as a
 * Mac, so those iPads count as macOS.
 */
export function reduceUserAgent(uaOrHints: string | UaHints, uaString = ''): ReducedUa {
  const ua = typeof uaOrHints === 'string' ? uaOrHints : uaString;
  const hints: UaHints = (typeof uaOrHints === 'string' ? undefined : uaOrHints) || {};
  let [browser, major] = uaVersion(ua);
  if (browser !== 'Bot') {
    // Client-hint brands: "Google Chrome", "Microsoft Edge", "Opera"…; "Chromium" only when
    // nothing more specific is listed; GREASE and unknown brands (Brave…) are skipped.
    let matched = false;
    for (const { brand, version } of hints.brands || []) {
      const family = brand === 'Chromium' ? 'Chrome' : brand.replace(/^(Google|Microsoft) /, '');
      if (FAMILIES.includes(family) && (!matched || brand !== 'Chromium')) {
        matched = true;
        browser = family;
        major = parseInt(version) || 0;
      }
    }
  }
  const os =
    (hints.platform && firstMatch(OSES, hints.platform)?.[1]) ||
    firstMatch(OSES, ua)?.[1] ||
    'Other';
  return {
    browser,
    major,
    os,
    mobile: hints.mobile ?? (!/iPad|Tablet/.test(ua) && /Mobi|iPhone|iPod/.test(ua)),
  };
}
