// `garde-collector`: parse the options, open the storage, listen, and close cleanly on SIGINT/SIGTERM.
// `garde-collector verify`: check the log of stored records and exit 0 (intact), 1 (broken) or 2 (cannot).
// `garde-collector verify-proof EXPORT.json`: check an export's inclusion proofs without the database.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LogSetupError } from './log/setup.js';
import { HELP, OptionsError, parseOptions } from './options.js';
import { ADMIN_DIST, buildServer } from './server.js';
import { describeStorage } from './storage/open.js';
import { runVerify, VerifyError } from './verify.js';
import { runVerifyProof } from './verify-proof.js';

const args = process.argv.slice(2);
const verify = args[0] === 'verify';
const verifyProof = args[0] === 'verify-proof';
let options;
try {
  options = parseOptions(verify ? args.slice(1) : verifyProof ? args.slice(2) : args);
} catch (error) {
  if (!(error instanceof OptionsError)) throw error;
  process.stderr.write(`garde-collector: ${error.message}\n\n${HELP}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
if (verify) {
  try {
    process.exit(
      await runVerify(
        options,
        (line) => process.stdout.write(line),
        (line) => process.stderr.write(line),
      ),
    );
  } catch (error) {
    const what = error instanceof VerifyError ? '' : `${describeStorage(options)}: `;
    process.stderr.write(`garde-collector: cannot verify ${what}${(error as Error).message}\n`);
    process.exit(2);
  }
}
if (verifyProof) {
  try {
    process.exit(await runVerifyProof(args[1], options, (line) => process.stdout.write(line)));
  } catch (error) {
    process.stderr.write(
      `garde-collector: cannot verify the proofs: ${(error as Error).message}\n`,
    );
    process.exit(2);
  }
}

let app;
try {
  app = await buildServer(options);
} catch (error) {
  const what = error instanceof LogSetupError ? '' : `cannot open ${describeStorage(options)}: `;
  process.stderr.write(`garde-collector: ${what}${(error as Error).message}\n`);
  process.exit(1);
}
// A clone that was never built, or a package packed without its prepack: say why /admin/ is a 404.
if (!existsSync(join(ADMIN_DIST, 'index.html'))) {
  app.log.warn(
    { adminDist: ADMIN_DIST },
    'the admin page is not built: /admin/ answers 404 (in a clone, run `npm run build`)',
  );
}
if (!options.adminToken) {
  app.log.warn(
    'GARDE_ADMIN_TOKEN is not set: the reading endpoints (/api/*) are closed and answer 503',
  );
}
try {
  const address = await app.listen({ port: options.port, host: options.host });
  app.log.info(
    { storage: describeStorage(options), origins: options.origins },
    `garde-collector listening on ${address}`,
  );
} catch (error) {
  process.stderr.write(
    `garde-collector: cannot listen on ${options.host}:${options.port}: ${(error as Error).message}\n`,
  );
  process.exit(1);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
