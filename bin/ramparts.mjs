#!/usr/bin/env node
// The `ramparts` command line. Loads the TypeScript sources through tsx so that `npx ramparts ...`
// works from a checkout right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
