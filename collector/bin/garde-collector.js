#!/usr/bin/env node
// The collector is TypeScript run through tsx (src/loaders.js), so there is no build step between a git pull
// and a restart.
import '../src/loaders.js';

await import('../src/cli.ts');
