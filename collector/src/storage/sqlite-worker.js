// Worker threads do not inherit the loaders of the main thread: register tsx and the "garde-source"
// condition (garde/wire from its TypeScript source) as bin/garde-collector.js does, then run the
// TypeScript. Without the condition a fresh clone, never built, could not open its database.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
register(
  'data:text/javascript,export const resolve = (specifier, context, next) => ' +
    'next(specifier, { ...context, conditions: [...new Set([...context.conditions, "garde-source"])] });',
);
await import('./sqlite-worker.ts');
