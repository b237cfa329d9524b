// Command-line arguments of garde-audit.
import { NO_CONSENT_STATES, type AuditOptions, type AuditState } from './types.js';

export const USAGE = `Usage: garde-audit <url> [--pages N] [--lang fr,nl,de,en] [--json] [--timeout ms] [--states list]

Crawls the site in Chromium and reports, per page and consent state (fresh, refused, accepted,
withdrawn), the cookies, storage keys, IndexedDB databases and third-party or gated requests seen,
and whether the page's garde config declares them. Anything not declared necessary that appears
without consent is a leak.

  --pages N     pages per language (with --lang), or in all (default 5)
  --lang list   languages to cover, e.g. fr,nl,de,en (default: whatever the crawl finds)
  --json        print the report as JSON on stdout
  --timeout ms  per navigation and wait (default 15000)
  --states list any of fresh,refused,accepted,withdrawn,gpc,tampered,policy-change
                (default fresh,refused,accepted,withdrawn)

Exit code: 0 clean, 1 leak (or a page error / CSP violation), 2 usage error.
Chromium: $CHROME_PATH, else a system Chromium/Chrome, else the one in @sparticuz/chromium.`;

const ALL_STATES: AuditState[] = [
  'fresh',
  'refused',
  'accepted',
  'withdrawn',
  ...[...NO_CONSENT_STATES].filter((s) => !['fresh', 'refused', 'withdrawn'].includes(s)),
];

export interface CliOptions extends AuditOptions {
  json: boolean;
}

/** Parses argv (without node and the script); throws an Error with a message for the user. */
export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = {
    url: '',
    pages: 5,
    langs: [],
    states: ['fresh', 'refused', 'accepted', 'withdrawn'],
    timeout: 15000,
    json: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    const take = (): string => inline ?? value(i++, flag);
    switch (flag) {
      case '--pages': {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 1)
          throw new Error('--pages must be a whole number of at least 1');
        opts.pages = n;
        break;
      }
      case '--lang':
        opts.langs = take()
          .split(',')
          .map((s) => s.trim().toLowerCase())
          .filter(Boolean);
        if (!opts.langs.length) throw new Error('--lang needs at least one language');
        break;
      case '--timeout': {
        const n = Number(take());
        if (!Number.isFinite(n) || n < 100)
          throw new Error('--timeout must be a number of milliseconds (at least 100)');
        opts.timeout = n;
        break;
      }
      case '--states': {
        const list = take()
          .split(',')
          .map((s) => s.trim()) as AuditState[];
        const bad = list.filter((s) => !ALL_STATES.includes(s));
        if (bad.length || !list.length)
          throw new Error(`unknown state(s): ${bad.join(', ')} (known: ${ALL_STATES.join(', ')})`);
        opts.states = list;
        break;
      }
      case '--json':
        opts.json = true;
        break;
      case '--help':
      case '-h':
        throw new Error('help');
      default:
        if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
        if (opts.url) throw new Error(`one URL only (got ${opts.url} and ${a})`);
        opts.url = a;
    }
  }
  if (!opts.url) throw new Error('a URL is required');
  let u: URL;
  try {
    u = new URL(opts.url);
  } catch {
    throw new Error(`not a URL: ${opts.url}`);
  }
  if (!/^https?:$/.test(u.protocol)) throw new Error(`only http and https URLs: ${opts.url}`);
  return opts;
}
