/**
 * End-to-end harness: the real server in-process on port 0 with a temporary data directory and the
 * bundled scenarios, the built client (built here when dist/ is missing or older than its sources),
 * and Debian's Chromium driven by playwright-core. Screenshots go to test-artifacts/ (gitignored).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { defaultConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/ops/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export const CHROME_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Sources the bundle is made of: a change to any of them makes dist/ stale. */
const SOURCES = ['client', 'protocol', 'engine', 'interchange', 'vite.config.ts', 'package.json'];

export function clientIsStale(): boolean {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

const LOCK = join(ROOT, 'node_modules', '.ramparts-client-build.lock');

/**
 * Builds the client with Vite (the same configuration as `npm run build`) when dist/ is stale.
 * Test files run in parallel workers: a lock directory makes one build while the others wait.
 */
export async function ensureClient(): Promise<void> {
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A build that died more than two minutes ago left its lock behind.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (waited > 120_000 || (lock && Date.now() - lock.mtimeMs > 120_000)) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!clientIsStale()) return;
    const { build } = await import('vite');
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'client'), mode: 'production', logLevel: 'warn' });
    } finally {
      if (env === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = env;
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

export interface E2EServer {
  server: RunningServer;
  url: string;
  dispose(): Promise<void>;
}

export async function startE2EServer(): Promise<E2EServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ramparts-e2e-'));
  const server = await startServer(
    defaultConfig({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      scenariosDir: join(ROOT, 'scenarios'),
      distDir: DIST,
      logLevel: 'error',
      operatorToken: TEST_OPERATOR_TOKEN,
    }),
    { logger: silentLogger },
  );
  return {
    server,
    url: server.url,
    dispose: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROME_ARGS });
}

/** A page that fails the test on any uncaught page error (collected, checked by the caller). */
export async function openPage(browser: Browser, url: string, errors: string[], viewport = { width: 1600, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  // Waits are for elements and states; on a busy machine they come late, not never.
  page.setDefaultTimeout(HANG_MS);
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  page.on('console', (m) => {
    // A refused request (4xx) is logged by the browser; the page shows the refusal, which tests check.
    if (m.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(`${url}: console: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Moves the timeline scrubber to a simulated time, as dragging it would (React sees an input event). */
export async function scrubTo(page: Page, ms: number): Promise<void> {
  await page.$eval(
    '[data-testid=scrubber]',
    (el, value) => {
      const input = el as HTMLInputElement;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, String(value));
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    ms,
  );
}

/** Sets the exercise speed from the controller's console (the select fires a `speed` command). */
export async function setSpeed(control: Page, factor: number): Promise<void> {
  await control.selectOption('[data-testid=speed]', String(factor));
  await control.waitForFunction((f) => document.querySelector<HTMLSelectElement>('[data-testid=speed]')?.value === String(f), factor, { timeout: HANG_MS });
}
