#!/usr/bin/env node
// The `ramparts` command line. Loads the TypeScript sources through tsx so that `npx ramparts ...`
// works from a checkout right after `npm install`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const args = process.argv.slice(2);
// A local sweep runs its seeds on worker threads of this process. With V8's parallel garbage
// collection every worker's collector also wants the other cores, so two workers got 1.58x the speed
// of one on two cores; with --single-threaded-gc 1.76x, in less CPU time (BENCHMARKS.md, Engine).
// V8 takes that flag only at start-up, so the command runs itself again with it.
if (args[0] === 'sweep' && !args.includes('--redis') && !process.execArgv.includes('--single-threaded-gc')) {
  const child = spawnSync(process.execPath, [...process.execArgv, '--single-threaded-gc', fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(args);
