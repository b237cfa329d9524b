// The loaders the collector runs with: tsx for its TypeScript (no build step between a git pull and a
// restart), and the "garde-source" export condition, so that garde/wire and garde/minimise come from their
// TypeScript source too (the root package's "garde-source" export, as in the tests and the typecheck).
// Registered by bin/garde-collector.js, and by ts-thread.js in every worker thread: a thread does not
// inherit the loaders of the main thread, and without the condition a fresh clone, never built, could not
// open its database.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register(
  'data:text/javascript,export const resolve = (specifier, context, next) => ' +
    'next(specifier, { ...context, conditions: [...new Set([...context.conditions, "garde-source"])] });',
);
