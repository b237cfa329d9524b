// Command-line flags and environment variables → one validated Options object.
import { resolve } from 'node:path';

/** Everything the collector can be told at start. */
export interface Options {
  port: number;
  host: string;
  /** SQLite file, used when `databaseUrl` is null. */
  db: string;
  /** `postgres://…` from DATABASE_URL or --database-url; null for SQLite. */
  databaseUrl: string | null;
  /** Site origins allowed to post receipts and hits from a browser (CORS). Empty: same origin only. */
  origins: string[];
  /** Bearer token of the reading endpoints; null keeps them closed. */
  adminToken: string | null;
  /** Folders served at the root (the demo). */
  staticDirs: string[];
  /** Days a visitor's records are kept after their last decision. */
  retentionRecordsDays: number;
  /** Days raw analytics hits are kept before being rolled into daily aggregates. */
  retentionHitsDays: number;
  /** Requests per minute per client IP; 0 disables the limit. */
  rateLimit: number;
  /** Trust X-Forwarded-For from a reverse proxy for the client IP. */
  trustProxy: boolean;
  /** SQLite `synchronous`: NORMAL survives a process kill, FULL also a power cut. */
  sqliteSync: 'normal' | 'full';
  logLevel: string;
  /** Query parameters kept in the path of a hit (`--query-allowlist`); all others are dropped. */
  queryAllowlist: string[];
}

/** A bad flag or value: the CLI prints it with the help and exits with code 2. */
export class OptionsError extends Error {}

export const HELP = `garde-collector: receives garde consent receipts and analytics hits.

Usage: garde-collector [options]

  --port N                      port to listen on (PORT, default 8787)
  --host HOST                   interface to bind (HOST, default 127.0.0.1)
  --db FILE                     SQLite file (GARDE_DB, default ./data/garde.sqlite)
  --database-url URL            PostgreSQL instead of SQLite (DATABASE_URL=postgres://…)
  --origin URL                  site origin allowed to send receipts and hits (repeatable;
                                GARDE_ORIGINS, comma-separated). None: same origin only.
  --static DIR                  serve a folder at / (repeatable; first match wins)
  --retention-records-days N    keep consent records N days after the visitor's last
                                decision (default 1826, five years)
  --retention-hits-days N       keep raw hits N days, then only daily totals (default 762)
  --rate-limit N                requests per minute per client IP (default 1000; 0: off)
  --trust-proxy                 take the client IP from X-Forwarded-For (behind a proxy)
  --sqlite-sync normal|full     SQLite durability (default normal; see docs/collector.md)
  --log-level LEVEL             pino level (LOG_LEVEL, default info)
  --query-allowlist a,b         query parameters kept in a hit's path (default none)
  --help                        this text

GARDE_ADMIN_TOKEN opens the reading endpoints (/api/*, the admin page) to
"Authorization: Bearer <token>"; without it they answer 503.
`;

type Env = Record<string, string | undefined>;

const VALUE_FLAGS = new Set([
  'port',
  'host',
  'db',
  'database-url',
  'origin',
  'static',
  'retention-records-days',
  'retention-hits-days',
  'rate-limit',
  'sqlite-sync',
  'log-level',
  'query-allowlist',
]);
const BOOLEAN_FLAGS = new Set(['trust-proxy', 'help']);

/** Parses argv (without node and the script) and env; throws OptionsError on anything unclear. */
export function parseOptions(argv: string[], env: Env = process.env): Options & { help: boolean } {
  const values = new Map<string, string[]>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg);
    if (!match) throw new OptionsError(`unexpected argument "${arg}"`);
    const name = match[1]!;
    if (BOOLEAN_FLAGS.has(name)) {
      if (match[2] !== undefined) throw new OptionsError(`--${name} takes no value`);
      flags.add(name);
    } else if (VALUE_FLAGS.has(name)) {
      const value = match[2] ?? argv[++i];
      if (value === undefined || (match[2] === undefined && value.startsWith('--'))) {
        throw new OptionsError(`--${name} needs a value`);
      }
      values.set(name, [...(values.get(name) ?? []), value]);
    } else {
      throw new OptionsError(`unknown option --${name}`);
    }
  }
  const one = (name: string, fallback?: string): string | undefined => {
    const list = values.get(name);
    if (list && list.length > 1) throw new OptionsError(`--${name} given more than once`);
    return list?.[0] ?? fallback;
  };

  const databaseUrl = one('database-url', env.DATABASE_URL || undefined) ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new OptionsError(
      'DATABASE_URL / --database-url must start with postgres:// or postgresql://',
    );
  }
  const origins = [...(values.get('origin') ?? []), ...splitList(env.GARDE_ORIGINS)].map(
    parseOrigin,
  );
  const sync = one('sqlite-sync', 'normal')!.toLowerCase();
  if (sync !== 'normal' && sync !== 'full')
    throw new OptionsError('--sqlite-sync must be normal or full');
  const token = env.GARDE_ADMIN_TOKEN?.trim() || null;

  return {
    help: flags.has('help'),
    port: integer('port', one('port', env.PORT || '8787')!, 0, 65535),
    host: one('host', env.HOST || '127.0.0.1')!,
    db: resolve(one('db', env.GARDE_DB || './data/garde.sqlite')!),
    databaseUrl,
    origins: [...new Set(origins)],
    adminToken: token,
    staticDirs: (values.get('static') ?? []).map((dir) => resolve(dir)),
    retentionRecordsDays: integer(
      'retention-records-days',
      one('retention-records-days', '1826')!,
      1,
      36500,
    ),
    retentionHitsDays: integer('retention-hits-days', one('retention-hits-days', '762')!, 1, 36500),
    rateLimit: integer('rate-limit', one('rate-limit', '1000')!, 0, 10_000_000),
    trustProxy: flags.has('trust-proxy'),
    sqliteSync: sync,
    logLevel: one('log-level', env.LOG_LEVEL || 'info')!,
    queryAllowlist: [...new Set((values.get('query-allowlist') ?? []).flatMap(splitList))],
  };
}

function splitList(value: string | undefined): string[] {
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

function integer(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new OptionsError(
      `--${name} must be a whole number from ${min} to ${max}, got "${value}"`,
    );
  }
  return Number(value);
}

// An origin is scheme://host[:port] exactly as browsers send it in the Origin header.
function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OptionsError(`--origin "${value}" is not a URL such as https://www.example.be`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OptionsError(`--origin "${value}" must be http or https`);
  }
  return url.origin;
}
