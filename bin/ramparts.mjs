#!/usr/bin/env node
// The `ramparts` command line: runs the compiled JavaScript in lib/ (scripts/build-node.mjs), which
// `npm install` builds in a checkout (the `prepare` script) and the published package carries.
// Kept to plain JavaScript with no imports on the way to --help, so that a start costs little more
// than Node's own.
const args = process.argv.slice(2);
// A local sweep runs its seeds on worker threads of this process. With V8's parallel garbage
// collection every worker's collector also wants the other cores, so two workers got 1.58x the speed
// of one on two cores; with --single-threaded-gc 1.76x, in less CPU time (BENCHMARKS.md, Engine).
// V8 takes that flag only at start-up, so the command runs itself again with it. A run keeps its
// growing state alive while it makes garbage fast: a young generation that starts at 16 MB semi-spaces
// (not 1 MB, grown run after run) and may grow to 64 MB copies less of it; the sweep took 8 % less CPU
// (issue 16, 30 runs of stress.yaml, 4.84 against 5.30 CPU s, the two alternated).
if (args[0] === 'sweep' && !args.includes('--redis') && !process.execArgv.includes('--single-threaded-gc')) {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const gc = ['--single-threaded-gc', '--min-semi-space-size=16', '--max-semi-space-size=64'];
  const child = spawnSync(process.execPath, [...process.execArgv, ...gc, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  process.exit(child.status ?? 1);
}

let cli;
try {
  cli = await import('../lib/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('lib/cli.js')) throw error;
  console.error('ramparts: the command line is not built (lib/cli.js is missing): run "npm run build" in the checkout.');
  process.exit(2);
}
process.exitCode = await cli.main(args);
