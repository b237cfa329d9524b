// garde-audit <url>: the table (or JSON) on stdout, progress on stderr, and an exit code a CI can use.
import { parseArgs, USAGE, type CliOptions } from './args.js';
import { runAudit } from './audit.js';
import { runConfigCheck } from './config-check.js';
import { formatReport } from './report.js';

// `garde-audit config FILE`: the config check, no browser.
if (process.argv[2] === 'config') {
  process.exit(
    await runConfigCheck(
      process.argv.slice(3),
      (text) => process.stdout.write(text),
      (text) => process.stderr.write(text),
    ),
  );
}

let opts: CliOptions;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  const msg = e instanceof Error ? e.message : String(e);
  if (msg === 'help') {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  process.stderr.write(`garde-audit: ${msg}\n\n${USAGE}\n`);
  process.exit(2);
}

try {
  const report = await runAudit({ ...opts, progress: (line) => process.stderr.write(line + '\n') });
  process.stdout.write((opts.json ? JSON.stringify(report, null, 2) : formatReport(report)) + '\n');
  process.exitCode = report.leaks || report.problems ? 1 : 0;
} catch (e) {
  process.stderr.write(`garde-audit: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 2;
}
