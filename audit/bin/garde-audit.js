#!/usr/bin/env node
// The CLI is TypeScript run through tsx (a dependency of this package), so the source that
// the tests exercise is exactly what site owners run: no separate build step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
