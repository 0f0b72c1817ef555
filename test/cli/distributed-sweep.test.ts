/**
 * Distributed sweeps against the real Redis: two `ramparts worker` processes share a fresh queue;
 * `ramparts sweep --redis` gives exactly the JSON report of a local sweep, and every run was done
 * once, by one of the workers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { GULF, ROOT, ramparts } from './ramparts.ts';

const REDIS = process.env.RAMPARTS_TEST_REDIS ?? 'redis://127.0.0.1:6379';
const queue = `ramparts-test-${randomBytes(6).toString('hex')}`;
const workers: { child: ChildProcess; seeds: number[] }[] = [];

function startWorker(): Promise<{ child: ChildProcess; seeds: number[] }> {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/ramparts.mjs'), 'worker', '--redis', REDIS, '--queue', queue], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker = { child, seeds: [] as number[] };
  workers.push(worker);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'Ramparts worker ready') done(worker);
      const ran = /^ran seed (\d+)$/.exec(line);
      if (ran) worker.seeds.push(Number(ran[1]));
    });
    child.once('exit', (code) => fail(new Error(`the worker exited (${code}) before it was ready:\n${stderr}`)));
  });
}

afterAll(async () => {
  for (const { child } of workers) {
    const gone = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await gone;
  }
});

describe('ramparts sweep --redis', () => {
  it('spreads the runs over two worker processes and reports exactly what a local sweep reports', async () => {
    await Promise.all([startWorker(), startWorker()]);
    const local = await ramparts('sweep', GULF, '--runs', '8', '--seed', '40', '--workers', '1', '--json');
    const distributed = await ramparts('sweep', GULF, '--runs', '8', '--seed', '40', '--json', '--redis', REDIS, '--queue', queue);
    expect(local.code, local.err).toBe(0);
    expect(distributed.code, distributed.err).toBe(0);
    expect(JSON.parse(distributed.out)).toEqual(JSON.parse(local.out));
    const ran = workers.flatMap((w) => w.seeds).sort((a, b) => a - b);
    expect(ran).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
    // Each worker takes one run at a time and a run lasts far longer than a queue fetch: both work.
    for (const worker of workers) expect(worker.seeds.length).toBeGreaterThan(0);
  });

  it('refuses --queue without --redis, and a worker without --redis', async () => {
    expect((await ramparts('sweep', GULF, '--runs', '2', '--queue', 'x')).code).toBe(2);
    const worker = await ramparts('worker');
    expect(worker.code).toBe(2);
    expect(worker.err).toMatch(/--redis/);
  });
});
