// `garde-audit config FILE`: checks a garde config the way the page would (validateConfig, from
// the installed garde), without a browser, so that a site's CI fails on a broken config before it
// ships. FILE is the config as JSON, an HTML page holding it in #garde-config, or a module whose
// default export is the config (.js, .mjs, .ts: the bin runs through tsx).
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkConfig, type ConfigCheck } from 'garde/config';

export const CONFIG_USAGE = `Usage: garde-audit config FILE

Checks a garde config without a browser: FILE is JSON, an HTML page with
<script type="application/json" id="garde-config">, or a JS/TS module whose default export is the
config. Prints each error and warning. Exit code: 0 no error, 1 an error, 2 FILE unreadable.`;

const CONFIG_SCRIPT = /<script\b[^>]*\bid=["']?garde-config["']?[^>]*>([\s\S]*?)<\/script>/i;

/** Reads the config FILE holds; throws an Error that says why it cannot. */
export async function readConfigFile(file: string): Promise<unknown> {
  const path = resolve(file);
  const extension = extname(path).toLowerCase();
  if (/^\.[cm]?[jt]s$/.test(extension))
    return ((await import(pathToFileURL(path).href)) as { default?: unknown }).default;
  const text = await readFile(path, 'utf8');
  const json = /^\.html?$/.test(extension) ? CONFIG_SCRIPT.exec(text)?.[1] : text;
  if (json === undefined) throw new Error(`${file}: no <script id="garde-config">`);
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new Error(`${file}: not JSON (${(error as Error).message})`);
  }
}

/** The check's report: one line per message, then a verdict. */
export function formatConfigCheck(file: string, { errors, warnings }: ConfigCheck): string {
  const lines = [
    ...errors.map((message) => `error: ${message}`),
    ...warnings.map((message) => `warning: ${message}`),
  ];
  lines.push(
    errors.length
      ? `${file}: ${errors.length} error(s), ${warnings.length} warning(s)`
      : `${file}: valid (${warnings.length} warning(s))`,
  );
  return lines.join('\n');
}

/** Runs the subcommand; returns the exit code. */
export async function runConfigCheck(
  args: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    (args[0] === '--help' || args[0] === '-h' ? out : err)(CONFIG_USAGE + '\n');
    return args[0] === '--help' || args[0] === '-h' ? 0 : 2;
  }
  const file = args[0]!;
  let input: unknown;
  try {
    input = await readConfigFile(file);
  } catch (error) {
    err(`garde-audit config: ${(error as Error).message}\n`);
    return 2;
  }
  const check = checkConfig(input);
  out(formatConfigCheck(file, check) + '\n');
  return check.errors.length ? 1 : 0;
}
