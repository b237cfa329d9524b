#!/usr/bin/env node
// The collector is TypeScript run through tsx, so there is no build step between a git pull and a restart.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

registerTsx();
// garde/wire and garde/minimise from their TypeScript source (the root package's "garde-source"
// export condition), like the tests and the typecheck: no build needed for them either.
register(
  'data:text/javascript,export const resolve = (specifier, context, next) => ' +
    'next(specifier, { ...context, conditions: [...context.conditions, "garde-source"] });',
);
await import('../src/cli.ts');
