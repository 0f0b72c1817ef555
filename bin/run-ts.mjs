#!/usr/bin/env node
// Runs a TypeScript entry point from a checkout: tsx transpiles on load, so no build step is needed
// for the command line, the benchmarks or the generators. Worker threads get the same loader through
// `execArgv` (see cli/sweep).
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

register();
const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts.mjs FILE.ts [ARGS...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(entry), ...rest];
await import(pathToFileURL(resolve(entry)).href);
