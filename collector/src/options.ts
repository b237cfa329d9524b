// Command-line flags and environment variables → one validated Options object.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/**
 * Which proxies to believe about the client address: a hop count (the address that many hops back in
 * X-Forwarded-For) or a list of proxy addresses and CIDR ranges. False: the TCP peer is the client.
 */
export type TrustProxy = false | number | string[];

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
  /** Days the pre-consent day counters and the daily totals are kept. */
  retentionTotalsDays: number;
  /** Requests per minute per client (IPv4 address or IPv6 /64); 0 disables the limit. */
  rateLimit: number;
  /** New snapshots one client may add to the archive per UTC day. */
  snapshotQuota: number;
  /** Proxies whose X-Forwarded-For is believed. */
  trustProxy: TrustProxy;
  /** Milliseconds a client has to send a whole request (headers and body), and the idle limit of a socket. */
  requestTimeoutMs: number;
  /** SQLite `synchronous`: NORMAL survives a process kill, FULL also a power cut. */
  sqliteSync: 'normal' | 'full';
  logLevel: string;
  /** Query parameters kept in the path of a hit (`--query-allowlist`); all others are dropped. */
  queryAllowlist: string[];
  /**
   * The site's own path rules (`--path-redact`, `--path-keep`), as the page's `paths` config:
   * applied at ingress to every hit and receipt (docs/analytics.md, "Paths").
   */
  paths: { redact: string[]; keep: string[] };
  /** The Ed25519 key file that signs checkpoints; null: next to a SQLite file, else a key kept in memory. */
  logKey: string | null;
  /** The directory of checkpoint files; null: next to a SQLite file, else none. */
  checkpointDir: string | null;
  /** URLs each new checkpoint is POSTed to (text/plain). */
  witnesses: string[];
  /** The log's name in its checkpoints (their first line). */
  logOrigin: string;
  /** `verify --checkpoint FILE`: an earlier checkpoint the log must extend. */
  checkpoint: string | null;
}

/** A bad flag or value: the CLI prints it with the help and exits with code 2. */
export class OptionsError extends Error {}

/** Shortest admin token accepted: 32 characters is 24 random bytes in base64. */
export const MIN_TOKEN_LENGTH = 32;

export const HELP = `garde-collector: receives garde consent receipts and analytics hits.

Usage: garde-collector [options]
       garde-collector verify [--db FILE | --database-url URL] [--log-key FILE] [--checkpoint FILE]
       garde-collector verify-proof EXPORT.json [--log-key FILE]

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
  --retention-totals-days N     keep the day counters and daily totals N days (default 762)
  --rate-limit N                requests per minute per client IPv4 address or IPv6 /64
                                (default 1000; 0: off)
  --snapshot-quota N            new snapshots one client may add per day (default 20)
  --trust-proxy HOPS|LIST       behind a reverse proxy: the number of proxy hops, or the
                                proxies' addresses/CIDRs (comma-separated), whose
                                X-Forwarded-For is believed (GARDE_TRUST_PROXY)
  --request-timeout SECONDS     time a client has to send a whole request (default 10)
  --sqlite-sync normal|full     SQLite durability (default normal; see docs/collector.md)
  --log-level LEVEL             pino level (LOG_LEVEL, default info)
  --query-allowlist a,b         query parameters kept in a hit's path (default none)
  --path-redact PATTERNS        personal path segments to redact in hits and receipts, e.g.
                                /*/patient/* (comma-separated, repeatable; as the page's
                                paths.redact)
  --path-keep PATTERNS          allow-list mode: only paths matching these (and below them)
                                are kept, any other is cut to its first segment (as the
                                page's paths.keep)
  --log-key FILE                Ed25519 key that signs the log's checkpoints (GARDE_LOG_KEY;
                                default: garde-log.key next to the SQLite file, made if
                                missing); verify needs it, or its public half (FILE.pub)
  --checkpoint-dir DIR          append-only directory of checkpoint files
                                (GARDE_CHECKPOINT_DIR; default: checkpoints/ next to the
                                SQLite file)
  --witness URL                 POST each checkpoint to URL (repeatable; GARDE_WITNESSES)
  --log-origin NAME             the log's name in its checkpoints (default garde-collector)
  --checkpoint FILE             verify: prove that the log extends this earlier checkpoint
  --help                        this text

GARDE_ADMIN_TOKEN (at least ${MIN_TOKEN_LENGTH} characters, no spaces) opens the reading endpoints
(/api/*, the admin page) to "Authorization: Bearer <token>"; without it they answer 503.
`;

type Env = Record<string, string | undefined>;

const VALUE_FLAGS = [
  'port',
  'host',
  'db',
  'database-url',
  'origin',
  'static',
  'retention-records-days',
  'retention-hits-days',
  'retention-totals-days',
  'rate-limit',
  'snapshot-quota',
  'trust-proxy',
  'request-timeout',
  'sqlite-sync',
  'log-level',
  'query-allowlist',
  'path-redact',
  'path-keep',
  'log-key',
  'checkpoint-dir',
  'witness',
  'log-origin',
  'checkpoint',
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

const PARSE_CONFIG = {
  // Every value flag collects its repeats, so a flag given twice is an error rather than silently the last.
  options: {
    ...Object.fromEntries(
      VALUE_FLAGS.map((name) => [name, { type: 'string' as const, multiple: true }]),
    ),
    help: { type: 'boolean' as const },
  },
  strict: true,
  allowPositionals: false,
};

/** node:util parseArgs, its errors turned into OptionsError with the option's name. */
function parseFlags(argv: string[]): {
  values: Partial<Record<ValueFlag, string[]>>;
  help: boolean;
} {
  let parsed;
  try {
    parsed = parseArgs({ ...PARSE_CONFIG, args: argv });
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw error;
    throw new OptionsError(flagError(code, (error as Error).message));
  }
  const values = parsed.values as Partial<Record<ValueFlag, string[]>> & { help?: boolean };
  for (const name of VALUE_FLAGS) {
    for (const value of values[name] ?? []) {
      // parseArgs takes `--port --host` as port "--host"; an option name is never a value here.
      if (value.startsWith('--')) throw new OptionsError(`--${name} needs a value`);
    }
  }
  return { values, help: values.help === true };
}

function flagError(code: string, message: string): string {
  const name = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${name}`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return `unexpected argument "${/'([^']*)'/.exec(message)?.[1] ?? ''}"`;
  }
  if (/does not take an argument/.test(message)) return `${name} takes no value`;
  if (/argument missing|ambiguous/.test(message)) return `${name} needs a value`;
  return message;
}

/** Parses argv (without node and the script) and env; throws OptionsError on anything unclear. */
export function parseOptions(argv: string[], env: Env = process.env): Options & { help: boolean } {
  const { values, help } = parseFlags(argv);
  const one = (name: ValueFlag, fallback?: string): string | undefined => {
    const list = values[name];
    if (list && list.length > 1) throw new OptionsError(`--${name} given more than once`);
    return list?.[0] ?? fallback;
  };

  const databaseUrl = one('database-url', env.DATABASE_URL || undefined) ?? null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new OptionsError(
      'DATABASE_URL / --database-url must start with postgres:// or postgresql://',
    );
  }
  const origins = [...(values.origin ?? []), ...splitList(env.GARDE_ORIGINS)].map(parseOrigin);
  const sync = one('sqlite-sync', 'normal')!.toLowerCase();
  if (sync !== 'normal' && sync !== 'full')
    throw new OptionsError('--sqlite-sync must be normal or full');

  return {
    help,
    port: integer('port', one('port', env.PORT || '8787')!, 0, 65535),
    host: one('host', env.HOST || '127.0.0.1')!,
    db: resolve(one('db', env.GARDE_DB || './data/garde.sqlite')!),
    databaseUrl,
    origins: [...new Set(origins)],
    adminToken: parseToken(env.GARDE_ADMIN_TOKEN),
    staticDirs: (values.static ?? []).map((dir) => resolve(dir)),
    retentionRecordsDays: integer(
      'retention-records-days',
      one('retention-records-days', '1826')!,
      1,
      36500,
    ),
    retentionHitsDays: integer('retention-hits-days', one('retention-hits-days', '762')!, 1, 36500),
    retentionTotalsDays: integer(
      'retention-totals-days',
      one('retention-totals-days', '762')!,
      1,
      36500,
    ),
    rateLimit: integer('rate-limit', one('rate-limit', '1000')!, 0, 10_000_000),
    snapshotQuota: integer('snapshot-quota', one('snapshot-quota', '20')!, 1, 1_000_000),
    trustProxy: parseTrustProxy(one('trust-proxy', env.GARDE_TRUST_PROXY || undefined)),
    requestTimeoutMs: integer('request-timeout', one('request-timeout', '10')!, 1, 600) * 1000,
    sqliteSync: sync,
    logLevel: one('log-level', env.LOG_LEVEL || 'info')!,
    queryAllowlist: [...new Set((values['query-allowlist'] ?? []).flatMap(splitList))],
    paths: { redact: pathPatterns(values['path-redact']), keep: pathPatterns(values['path-keep']) },
    logKey: optionalPath(one('log-key', env.GARDE_LOG_KEY || undefined)),
    checkpointDir: optionalPath(one('checkpoint-dir', env.GARDE_CHECKPOINT_DIR || undefined)),
    witnesses: [...(values.witness ?? []), ...splitList(env.GARDE_WITNESSES)].map(parseWitness),
    logOrigin: one('log-origin', env.GARDE_LOG_ORIGIN || 'garde-collector')!,
    checkpoint: optionalPath(one('checkpoint')),
  };
}

const optionalPath = (value: string | undefined) => (value ? resolve(value) : null);

function parseWitness(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OptionsError(`--witness "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OptionsError(`--witness "${value}" must be http or https`);
  }
  return url.toString();
}

// A short or spaced token is a configuration mistake (a placeholder, a pasted line): refuse to start.
function parseToken(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (/\s/.test(value)) {
    throw new OptionsError('GARDE_ADMIN_TOKEN must not contain spaces or line breaks');
  }
  if (value.length < MIN_TOKEN_LENGTH) {
    throw new OptionsError(
      `GARDE_ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters ` +
        `(got ${value.length}); make one with: openssl rand -base64 24`,
    );
  }
  return value;
}

/** `2` (hops) or `10.0.0.1,192.168.0.0/16,::1` (proxies): fastify's trustProxy in either form. */
function parseTrustProxy(value: string | undefined): TrustProxy {
  if (value === undefined) return false;
  if (/^\d+$/.test(value)) return integer('trust-proxy', value, 1, 32);
  const list = splitList(value);
  for (const entry of list) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const max = family === 6 ? 128 : 32;
    const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (!family || !validBits || extra !== undefined) {
      throw new OptionsError(
        `--trust-proxy takes a hop count or proxy addresses/CIDRs such as 10.0.0.1,10.1.0.0/16; got "${entry}"`,
      );
    }
  }
  if (!list.length) throw new OptionsError('--trust-proxy needs a value');
  return list;
}

/** `--path-redact` / `--path-keep`: comma-separated patterns, each starting with `/`. */
function pathPatterns(values: string[] | undefined): string[] {
  const patterns = [...new Set((values ?? []).flatMap(splitList))];
  for (const pattern of patterns)
    if (!pattern.startsWith('/'))
      throw new OptionsError(`path patterns start with /, such as /*/patient/*; got "${pattern}"`);
  return patterns;
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
