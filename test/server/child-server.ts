/**
 * A real `ramparts serve` in a child process (for tests that kill it with SIGKILL): started with
 * `--port 0`, its URL read from the "listening on" line it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_OPERATOR_TOKEN } from './operator-token.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ChildServer {
  url: string;
  process: ChildProcess;
  /** SIGKILL, and wait for the process to be gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful), and wait for the exit code. */
  stop(): Promise<number | null>;
}

export function startChildServer(dataDir: string, scenariosDir: string): Promise<ChildServer> {
  return spawnServe(['--data', dataDir, '--scenarios', scenariosDir, '--log-level', 'warn', '--snapshot-every', '40']);
}

/**
 * Spawns `ramparts serve --port 0 --host 127.0.0.1 ...args` and resolves once it is listening;
 * `nodeArgs` go to node before the script (e.g. `--expose-gc` for a memory probe), `env` adds variables,
 * `lines` (when given) receives every line the server prints on stdout.
 */
export function spawnServe(args: readonly string[], options: { nodeArgs?: readonly string[]; env?: Record<string, string>; lines?: string[] } = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), resolve(ROOT, 'bin/ramparts.mjs'), 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RAMPARTS_OPERATOR_TOKEN: TEST_OPERATOR_TOKEN, ...options.env },
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolvePromise, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      options.lines?.push(line);
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
