/**
 * A `ramparts serve` child process in scale-out mode (shared PostgreSQL schema and Redis), for
 * the two-process tests; its URL is read from the "listening on" line it prints.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { ChildServer } from './child-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const TEST_REDIS = process.env.RAMPARTS_TEST_REDIS ?? 'redis://127.0.0.1:6379';

export function startClusterChild(pgUrl: string, schema: string, scenariosDir: string, leaseMs = 1500): Promise<ChildServer> {
  const child = spawn(process.execPath, [resolve(ROOT, 'bin/ramparts.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1',
    '--scenarios', scenariosDir, '--log-level', 'warn', '--postgres', pgUrl, '--postgres-schema', schema,
    '--redis', TEST_REDIS, '--lease-ms', String(leaseMs)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Ramparts listening on (http:\/\/\S+?)\/?$/.exec(line);
      if (!match) return;
      resolvePromise({
        url: match[1]!,
        process: child,
        kill: async () => {
          child.kill('SIGKILL');
          await exited;
        },
        stop: async () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr}`)));
  });
}
