#!/usr/bin/env node
// The collector is TypeScript run through tsx, so there is no build step between a git pull and a restart.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
