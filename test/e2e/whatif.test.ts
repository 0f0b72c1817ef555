/**
 * What if, in real Chromium: an evaluator opens the flagship's log on the replay page, branches it at
 * a moment, isolates a node, runs the branch 50 times in web workers, pins the finding, and the AAR
 * exported from the page contains it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureClient, launchBrowser, openPage, screenshot, startE2EServer, type E2EServer } from './harness.ts';
import { HANG_MS } from '../timeouts.ts';
import { main } from '../../cli/main.ts';

const WAIT = { timeout: HANG_MS };
const GULF = join(import.meta.dirname, '..', '..', 'scenarios', 'gulf-shield.yaml');

describe("what if in the evaluator's replay", () => {
  let env: E2EServer;
  let browser: Browser;
  let dir = '';
  let log = '';
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ramparts-whatif-e2e-'));
    log = join(dir, 'gulf.jsonl');
    const quiet = { out: () => undefined, err: () => undefined, isTTY: false };
    // The flagship played to T+14h: red reaches its objectives at T+12:30-13:30.
    expect(await main(['run', GULF, '--until', '14h', '--log', log], quiet)).toBe(0);
    await ensureClient();
    env = await startE2EServer();
    browser = await launchBrowser();
  }, HANG_MS);

  afterAll(async () => {
    await browser?.close();
    await env?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'branches at a moment, isolates a node, runs 50 runs, pins the finding, and the exported AAR holds it',
    async () => {
      const page = await openPage(browser, `${env.url}/#/replay`, errors);
      await page.setInputFiles('[data-testid=log-file]', { name: 'gulf.jsonl', mimeType: 'application/x-ndjson', buffer: readFileSync(log) });
      await page.waitForSelector('[data-testid=replay-loaded]', WAIT);
      await page.click('[data-testid=whatif-open]');
      await page.fill('[data-testid=whatif-at]', '40m');
      await page.selectOption('[data-testid=whatif-add-team]', 'xs');
      await page.selectOption('[data-testid=whatif-add-action]', 'isolate-host');
      await page.fill('[data-testid=whatif-add-node]', 'xs-dmz-web01');
      await page.fill('[data-testid=whatif-add-at]', '45m');
      await page.click('[data-testid=whatif-add-button]');
      await page.fill('[data-testid=whatif-runs]', '50');
      await page.click('[data-testid=whatif-run-sweep]');
      await page.waitForSelector('[data-testid=whatif-progress]', WAIT);
      const cell = page.locator('[data-testid=whatif-p-obj-rps-down]');
      await cell.waitFor(WAIT);
      expect(await cell.textContent()).toMatch(/^\d+% \(\d+%–\d+%\)$/);
      // The charts are drawn: two score lines per team, a bar per objective.
      expect(await page.locator('[data-testid=whatif-charts] path[data-line=branch]').count()).toBe(5);
      expect(await page.locator('[data-testid=whatif-charts] [data-objective]').count()).toBe(5);
      await screenshot(page, 'whatif-sweep', true);
      await page.selectOption('[data-testid=whatif-objective]', 'obj-rps-down');
      await page.fill('[data-testid=whatif-note]', 'Isolating the DMZ web server early');
      await page.click('[data-testid=whatif-pin]');
      await page.waitForSelector('[data-testid=whatif-findings]', WAIT);
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.click('[data-testid=whatif-export-aar]')]);
      const aar = readFileSync(await download.path(), 'utf8');
      expect(aar).toMatch(/### .*What if: branches of the exercise/);
      expect(aar).toMatch(
        /\*\*W1\.\*\* isolate-host xs-dmz-web01 \(xs\) at T\+00:45 prevents obj-rps-down in \d+% of 50 runs, 95% interval \d+%–\d+%\. _Evaluator note:_ Isolating the DMZ web server early/,
      );
      expect(aar).toContain('whatif-W1.jsonl');
      expect(errors).toEqual([]);
    },
    HANG_MS,
  );
});
