/**
 * `ramparts worker --redis URL [--queue NAME]`: takes sweep runs from the Redis queue that
 * `ramparts sweep --redis URL` fills, until SIGINT or SIGTERM (the run in progress finishes first).
 */
import { parseCommandArgs, positionals, stringOpt } from '../args.ts';
import { type CliCommand, UsageError } from '../io.ts';

const HELP = `Usage: ramparts worker --redis URL [--queue NAME]

Processes the runs of distributed sweeps ('ramparts sweep SCENARIO --runs N --redis URL'): one run
at a time per process, so start one worker per core, on as many machines as share the Redis.

Options:
  --redis URL     the Redis server holding the queue (redis://host:6379)
  --queue NAME    the queue (default ramparts-sweep; the sweep must name the same one)

Prints "Ramparts worker ready" when it takes runs, and "ran seed S" after each run.`;

export const command: CliCommand = {
  summary: 'process the runs of distributed sweeps from Redis',
  help: HELP,
  async run(args, io) {
    const p = parseCommandArgs(args, { redis: { type: 'string' }, queue: { type: 'string' } });
    positionals(p, []);
    const redis = stringOpt(p, 'redis');
    if (redis === undefined) throw new UsageError('give --redis URL');
    const { startSweepWorker, DEFAULT_QUEUE } = await import('../sweep/queue.ts');
    const worker = await startSweepWorker(redis, stringOpt(p, 'queue') ?? DEFAULT_QUEUE, (seed) => io.out(`ran seed ${seed}`));
    io.out('Ramparts worker ready');
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void worker.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    io.err(`ramparts worker: stopped after ${worker.processed} runs`);
    return 0;
  },
};
