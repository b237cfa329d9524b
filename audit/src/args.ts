// Command-line arguments of garde-audit, read with node:util's parseArgs (strict: an unknown option
// or a missing value is an error), then checked and turned into the audit's options.
import { parseArgs as parseArgv } from 'node:util';
import { NO_CONSENT_STATES, type AuditOptions, type AuditState } from './types.js';

export const USAGE = `Usage: garde-audit <url> [--pages N] [--lang fr,nl,de,en] [--json] [--timeout ms] [--states list] [--strict]
       garde-audit config FILE   (checks a garde config without a browser; see --help there)

Crawls the site in Chromium and reports, per page and consent state (fresh, refused, accepted,
withdrawn), the cookies, storage keys, IndexedDB databases and third-party or gated requests seen,
and whether the page's garde config declares them. Anything not declared necessary that appears
without consent is a leak, except garde's own anonymous measurement before a decision (listed as
such); after a refusal any analytics request is a leak.

  --pages N     pages per language (with --lang), or in all (default 5)
  --lang list   languages to cover, e.g. fr,nl,de,en (default: whatever the crawl finds)
  --json        print the report as JSON on stdout
  --timeout ms  per navigation and wait (default 15000)
  --states list any of fresh,refused,accepted,withdrawn,gpc,tampered,policy-change
                (default fresh,refused,accepted,withdrawn)
  --strict      the Belgian DPA's reading: any analytics request before consent is a leak,
                garde's anonymous measurement included
  --help, -h    this text

Exit code: 0 clean, 1 leak (or a page error / CSP violation), 2 usage error.
Chromium: $CHROME_PATH, else a system Chromium/Chrome, else the one in @sparticuz/chromium.`;

const ALL_STATES: AuditState[] = [
  'fresh',
  'refused',
  'accepted',
  'withdrawn',
  ...[...NO_CONSENT_STATES].filter((s) => !['fresh', 'refused', 'withdrawn'].includes(s)),
];

const OPTIONS = {
  pages: { type: 'string' },
  lang: { type: 'string' },
  json: { type: 'boolean' },
  timeout: { type: 'string' },
  states: { type: 'string' },
  strict: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CliOptions extends AuditOptions {
  json: boolean;
}

const list = (value: string): string[] =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** node:util's messages, shortened to name the option and what is wrong with it. */
function usageError(error: unknown): Error {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new Error(`unknown option ${option}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return new Error(
      /does not take/.test(message ?? '')
        ? `${option} takes no value`
        : `${option} needs a value (write ${option}=VALUE for one that starts with -)`,
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Parses argv (without node and the script); throws an Error with a message for the user. */
export function parseArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgv({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(error);
  }
  const { values, positionals } = parsed;
  if (values.help) throw new Error('help');
  const opts: CliOptions = {
    url: '',
    pages: 5,
    langs: [],
    states: ['fresh', 'refused', 'accepted', 'withdrawn'],
    timeout: 15000,
    json: values.json ?? false,
    strict: values.strict ?? false,
  };
  if (values.pages !== undefined) {
    const pages = Number(values.pages);
    if (!Number.isInteger(pages) || pages < 1)
      throw new Error('--pages must be a whole number of at least 1');
    opts.pages = pages;
  }
  if (values.lang !== undefined) {
    opts.langs = list(values.lang.toLowerCase());
    if (!opts.langs.length) throw new Error('--lang needs at least one language');
  }
  if (values.timeout !== undefined) {
    const timeout = Number(values.timeout);
    if (!Number.isFinite(timeout) || timeout < 100)
      throw new Error('--timeout must be a number of milliseconds (at least 100)');
    opts.timeout = timeout;
  }
  if (values.states !== undefined) {
    const states = list(values.states) as AuditState[];
    const bad = states.filter((state) => !ALL_STATES.includes(state));
    if (bad.length || !states.length)
      throw new Error(`unknown state(s): ${bad.join(', ')} (known: ${ALL_STATES.join(', ')})`);
    opts.states = states;
  }
  if (positionals.length > 1)
    throw new Error(`one URL only (got ${positionals[0]} and ${positionals[1]})`);
  opts.url = positionals[0] ?? '';
  if (!opts.url) throw new Error('a URL is required');
  let url: URL;
  try {
    url = new URL(opts.url);
  } catch {
    throw new Error(`not a URL: ${opts.url}`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new Error(`only http and https URLs: ${opts.url}`);
  return opts;
}
