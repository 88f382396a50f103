#!/usr/bin/env node
// Runs the CLI straight from its TypeScript sources (through tsx), so `npx shoebox` works
// right after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
