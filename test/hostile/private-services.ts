/**
 * Private PostgreSQL and Redis servers for the fault tests that restart them under a running
 * Ramparts server: each on its own free port over a temporary directory, so stopping one never
 * touches the shared services on 5432/6379 that other tests use at the same time.
 *
 * PostgreSQL comes from the Debian binaries (`initdb`, `pg_ctl`; PG_BIN or the newest
 * /usr/lib/postgresql/N/bin, else `pg_config --bindir`); as root they run as the `postgres` user
 * (initdb refuses root). Redis is `redis-server` without persistence, so a restart loses its stream.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function pgBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no PostgreSQL server binaries (initdb, pg_ctl): install postgresql or set PG_BIN');
  }
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary (as `postgres` when this process is root); throws with its output on failure. */
function runPg(bin: string, args: readonly string[]): void {
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, [...args]];
  const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout || String(result.error)}`);
}

export interface PrivatePostgres {
  port: number;
  /** Connection URL of the `postgres` database. */
  url: string;
  /** pg_ctl stop: `fast` (sessions rolled back and closed) or `immediate` (processes killed, crash recovery on start). */
  stop(mode: 'fast' | 'immediate'): void;
  /** pg_ctl start, waiting until it accepts connections. */
  start(): void;
  /** Stops it (if running) and removes its directory. */
  dispose(): void;
}

const cleanups = new Set<() => void>();
// A test worker that dies without its afterAll still stops what it started.
process.once('exit', () => {
  for (const cleanup of cleanups) cleanup();
});

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'ramparts-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  runPg(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  let running = false;
  const pg: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      runPg(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'postgres.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`, 'start']);
      running = true;
    },
    stop(mode) {
      runPg(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    dispose() {
      cleanups.delete(cleanup);
      if (running) {
        try {
          pg.stop('immediate');
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const cleanup = () => pg.dispose();
  cleanups.add(cleanup);
  pg.start();
  return pg;
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** SIGKILL of the server process (no goodbye to its clients). */
  kill(): Promise<void>;
  /** SHUTDOWN NOSAVE, as an operator would. */
  shutdown(): Promise<void>;
  /** Starts it again on the same port (empty: nothing was saved). */
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** Sends one inline command and resolves with the first reply line (or rejects on a refused connection). */
function redisCommand(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.split('\r\n')[0]!);
      }
    });
    socket.on('close', () => resolve(reply));
    socket.on('connect', () => socket.write(`${command}\r\n`));
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'ramparts-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const redis: PrivateRedis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const started = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      child = started;
      exited = new Promise((done) => started.once('exit', () => done()));
      for (let i = 0; i < 200; i++) {
        if (started.exitCode !== null) throw new Error(`redis-server exited (${started.exitCode}) on port ${port}`);
        if ((await redisCommand(port, 'PING').catch(() => '')) === '+PONG') return;
        await sleep(25);
      }
      throw new Error(`redis-server on port ${port} did not answer PING`);
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited;
      child = undefined;
    },
    async shutdown() {
      await redisCommand(port, 'SHUTDOWN NOSAVE').catch(() => '');
      await exited;
      child = undefined;
    },
    async dispose() {
      cleanups.delete(cleanup);
      await redis.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const cleanup = () => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  cleanups.add(cleanup);
  await redis.start();
  return redis;
}
