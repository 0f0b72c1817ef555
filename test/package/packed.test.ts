/**
 * The package as a user gets it: `npm pack` of the checkout, installed into an empty folder with its
 * production dependencies only (from the npm registry, through npm's cache), then `ramparts run` and
 * `ramparts serve` started from that folder. The run must give the golden state hash (the compiled
 * product computes what the sources compute) and the server must offer the bundled scenarios and
 * serve the web client, all found inside the installed package, not in the working directory.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClient } from '../e2e/harness.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Golden {
  scenarios: Record<string, { runs: { run: string; stateHash: string; events: number }[] }>;
}
const golden = JSON.parse(readFileSync(join(ROOT, 'test/engine/golden-hashes.json'), 'utf8')) as Golden;

let dir = '';
let installed = '';
let bin = '';

beforeAll(async () => {
  // lib/ was compiled from the current sources by the global setup; the client is built here when
  // stale, under the end-to-end tests' lock (a `prepare` run by npm pack would rebuild dist/ under them).
  await ensureClient();
  dir = mkdtempSync(join(tmpdir(), 'ramparts-packed-'));
  const { stdout } = await run(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  const files = new Set(packed!.files.map((f) => f.path));
  expect(files.has('bin/ramparts.mjs') && files.has('lib/cli.js') && files.has('lib/sweep-worker.js') && files.has('dist/index.html')).toBe(true);
  expect([...files].filter((f) => /^(engine|server|cli|client|test|bench)\//.test(f) && f.endsWith('.ts'))).toEqual([]);

  const app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'packed-ramparts-check', private: true }));
  await run(npm, ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(dir, packed!.filename)], { cwd: app, maxBuffer: 64 * 1024 * 1024 });
  installed = join(app, 'node_modules', 'ramparts');
  bin = join(installed, 'bin', 'ramparts.mjs');
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the packed tarball, installed into an empty folder', () => {
  it('has the production dependencies only', () => {
    const modules = join(installed, '..');
    for (const runtime of ['express', 'socket.io', 'pg', 'bullmq', 'd3']) expect(existsSync(join(modules, runtime)), runtime).toBe(true);
    // Build tools and what lib/ bundles are not installed.
    for (const dev of ['tsx', 'typescript', 'vite', 'vitest', 'esbuild', 'zod', 'xstate', 'react']) expect(existsSync(join(modules, dev)), dev).toBe(false);
  });

  it('ramparts run gives the golden state hash', async () => {
    const expected = golden.scenarios['gulf-shield.yaml']!.runs.find((r) => r.run === 'scenario seed')!;
    const { stdout } = await run(process.execPath, [bin, 'run', join(installed, 'scenarios', 'gulf-shield.yaml'), '--json'], { cwd: dir, maxBuffer: 64 * 1024 * 1024 });
    const out = JSON.parse(stdout) as { stateHash: string; events: number };
    expect({ stateHash: out.stateHash, events: out.events }).toEqual({ stateHash: expected.stateHash, events: expected.events });
  });

  it('ramparts serve offers the bundled scenarios and serves the client', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1', '--data', join(dir, 'data'), '--log-level', 'warn'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((found, failed) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const match = /^Ramparts listening on (http:\/\/\S+?)\/?$/.exec(line);
          if (match) found(match[1]!);
        });
        void exited.then((code) => failed(new Error(`ramparts serve exited with ${code} before listening:\n${stderr}`)));
      });
      const scenarios = (await (await fetch(`${url}/api/scenarios`)).json()) as { scenarios: { file?: string; id?: string }[] };
      expect(JSON.stringify(scenarios.scenarios)).toContain('gulf-shield');
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<script');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(stderr).toBe('');
  });
});
