// Worker threads do not inherit the loaders of the main thread: register tsx and the "garde-source"
// condition (garde/wire from its TypeScript source) as bin/garde-collector.js does, then run the
// TypeScript (as sqlite-worker.js does for the SQLite writer).
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register(
  'data:text/javascript,export const resolve = (specifier, context, next) => ' +
    'next(specifier, { ...context, conditions: [...new Set([...context.conditions, "garde-source"])] });',
);
await import('./postgres-sequencer-worker.ts');
