/**
 * Scenario studio benchmark (issue 17), in headless Chromium through playwright-core against the
 * real server and the built client:
 * - validation latency per keystroke: a character typed into a comment of scenarios/gulf-shield.yaml
 *   and of scenarios/stress.yaml, then the next once the diagnostics of this text are in; the page
 *   measures from the editor's change to the engine validator's diagnostics back from the worker
 *   (the lint delay of 25 ms included). Median and p95 over KEYSTROKES (target 200 ms on gulf-shield);
 * - a balance of gulf-shield, 200 seeds, in 1 and in 2 web workers (the studio's button: the sweep
 *   pool and the engine's aggregate), wall time from the click to the figures.
 * The machine's load average is in each note: the machine is shared.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ROOT, ensureClient, launchBrowser, startE2EServer } from '../test/e2e/harness.ts';
import type { BenchResult } from './types.ts';

export const name = 'studio';

const KEYSTROKES = 40;
const WAIT = { timeout: 900_000 };
const load = () => `load ${loadavg()[0]?.toFixed(1)}`;

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

async function open(page: Page, file: string): Promise<void> {
  await page.goto(page.url().replace(/#.*$/, '#/studio'));
  await page.setInputFiles('[data-testid=studio-file]', { name: file, mimeType: 'application/yaml', buffer: readFileSync(join(ROOT, 'scenarios', file)) });
  await page.waitForSelector('[data-testid=studio-status][data-errors]', WAIT);
}

/** Latencies (ms) of KEYSTROKES characters typed at the end of the file's first comment line. */
async function keystrokes(page: Page, file: string): Promise<number[]> {
  await open(page, file);
  const text = readFileSync(join(ROOT, 'scenarios', file), 'utf8');
  const line = text.split('\n').findIndex((l) => l.startsWith('#'));
  await page.click('[data-testid=studio-editor] .cm-content');
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  const out: number[] = [];
  for (let k = 0; k < KEYSTROKES; k++) {
    const before = Number(await page.getAttribute('[data-testid=studio-latency]', 'data-checks'));
    await page.keyboard.type(k % 2 === 0 ? 'x' : 'y');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=studio-latency]')?.getAttribute('data-checks')) > n, before, WAIT);
    out.push(Number(await page.getAttribute('[data-testid=studio-latency]', 'data-ms')));
  }
  return out.sort((a, b) => a - b);
}

async function balance(page: Page, workers: number, runs: number): Promise<number> {
  await open(page, 'gulf-shield.yaml');
  await page.click('[role=tab] >> text=Dry run and balance');
  await page.fill('[data-testid=studio-runs]', String(runs));
  await page.fill('[data-testid=studio-workers]', String(workers));
  await page.evaluate(() => {
    delete document.body.dataset.studioBalanceMs;
  });
  await page.click('[data-testid=studio-balance-run]');
  await page.waitForFunction(() => document.body.dataset.studioBalanceMs !== undefined, null, WAIT);
  return Number(await page.evaluate(() => document.body.dataset.studioBalanceMs));
}

export async function run(): Promise<BenchResult[]> {
  await ensureClient();
  const env = await startE2EServer();
  const browser = await launchBrowser();
  const results: BenchResult[] = [];
  try {
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(`${env.url}/#/studio`);
    for (const [file, target] of [
      ['gulf-shield.yaml', 200],
      ['stress.yaml', undefined],
    ] as const) {
      const ms = await keystrokes(page, file);
      const note = `${KEYSTROKES} keystrokes, ${load()}`;
      results.push({ name: `keystroke to diagnostics, ${file}, median`, value: quantile(ms, 0.5), unit: 'ms', ...(target ? { target } : {}), note });
      results.push({ name: `keystroke to diagnostics, ${file}, p95`, value: quantile(ms, 0.95), unit: 'ms', ...(target ? { target } : {}), note });
    }
    const one = await balance(page, 1, 200);
    results.push({ name: 'balance gulf-shield.yaml, 200 seeds, 1 worker', value: one / 1000, unit: 's', note: load() });
    const two = await balance(page, 2, 200);
    results.push({ name: 'balance gulf-shield.yaml, 200 seeds, 2 workers', value: two / 1000, unit: 's', note: `${(one / two).toFixed(2)}x of 1 worker, ${load()}` });
  } finally {
    await browser.close();
    await env.dispose();
  }
  return results;
}
