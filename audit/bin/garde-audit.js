#!/usr/bin/env node
// The CLI is TypeScript run through tsx (a dependency of this package), so the source that
// the tests exercise is exactly what site owners run: no separate build step to forget.
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
