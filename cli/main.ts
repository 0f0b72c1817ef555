/**
 * `ramparts` command dispatcher. Each command lives in `commands/<name>.ts` and is loaded only when
 * used, so `ramparts validate` does not pay for the server's dependencies.
 */
import { type CliCommand, type CliIO, processIO, UsageError } from './io.ts';

const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  validate: () => import('./commands/validate.ts'),
  serve: () => import('./commands/serve.ts'),
  import: () => import('./commands/import.ts'),
  run: () => import('./commands/run.ts'),
  replay: () => import('./commands/replay.ts'),
  sweep: () => import('./commands/sweep.ts'),
  whatif: () => import('./commands/whatif.ts'),
  worker: () => import('./commands/worker.ts'),
  export: () => import('./commands/export.ts'),
  users: () => import('./commands/users.ts'),
};

const USAGE = `ramparts: joint cyber defense exercise engine

Usage: ramparts COMMAND [OPTIONS]

Commands:
  validate FILE...     check scenario files; every error as FILE:LINE:COL: path: message
  run SCENARIO         run a scenario headless to the end and print a summary
  replay LOG           rebuild the state from a log at any moment
  export LOG           after-action outputs (navigator, stix, aar-md, aar-html, msel-csv, json, package)
  import FILE          build scenario parts from MSEL CSV, CALDERA or Attack Flow files
  sweep SCENARIO       Monte Carlo runs over seeds, with distributions of outcomes
  whatif LOG           branch an exercise at a moment, change what was done, compare
  worker               process distributed sweep runs from Redis (sweep --redis)
  serve                the exercise server and web client
  users ACTION         operator accounts: add, list, disable, enable, reset

Run 'ramparts COMMAND --help' for a command's options.`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`ramparts: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  const { command } = await load();
  if (args.includes('--help') || args.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`ramparts ${name}: ${error.message}\nRun 'ramparts ${name} --help' for usage.`);
      return 2;
    }
    throw error;
  }
}
