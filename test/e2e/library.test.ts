/**
 * The operators' library in real Chromium (issue 17): a controller signs in, creates an exercise
 * from a scenario version, closes the browser; in a new browser (nothing kept: the tab's credential
 * went with it) signs in again, finds the exercise in the library and downloads its log, which is
 * the exercise's log as the server recorded it. Then the page in Arabic reads right to left.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';
import { HANG_MS } from '../timeouts.ts';
import { ensureClient, launchBrowser, screenshot, startE2EServer, type E2EServer } from './harness.ts';

const WAIT = { timeout: HANG_MS };

describe('the exercise library', () => {
  let env: E2EServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureClient();
    env = await startE2EServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await env?.dispose();
  });

  async function library(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(HANG_MS);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${env.url}/#/library`);
    await page.getByTestId('library-operator').fill(TEST_OPERATOR_TOKEN);
    await page.getByTestId('library-signin').locator('button[type=submit]').click();
    return { context, page };
  }

  it('creates an exercise from a version, finds it again after the browser closed, and downloads its log', async () => {
    const first = await library();
    await first.page.getByTestId('library-tab-scenarios').click();
    await first.page.locator('[data-scenario="silent-ward-ransomware-ttx"]').click();
    const version = first.page.getByTestId('library-versions').locator('tr[data-version="1"]');
    await version.waitFor(WAIT);
    expect(await version.textContent()).toContain('bundled with the server');
    await version.getByTestId('create-from-version').click();
    const links = first.page.locator('section[data-exercise]');
    await links.waitFor(WAIT);
    const exerciseId = (await links.getAttribute('data-exercise')) ?? '';
    expect(exerciseId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    await screenshot(first.page, 'library-created');
    await first.context.close();

    const again = await library();
    const row = again.page.locator(`tbody[data-exercise="${exerciseId}"]`);
    await row.waitFor(WAIT);
    expect(await row.getByTestId('exercise-status').textContent()).toBe('Planned');
    expect(await row.textContent()).toContain('version 1');
    await screenshot(again.page, 'library-exercises');
    await row.getByTestId('library-downloads').locator('summary').click();
    const [download] = await Promise.all([again.page.waitForEvent('download', WAIT), row.getByTestId('download-log').click()]);
    expect(download.suggestedFilename()).toBe(`${exerciseId}.log.jsonl`);
    const text = await readFile(await download.path(), 'utf8');
    const stored = await env.server.store.getExercise(exerciseId);
    const header = JSON.parse(text.split('\n')[0] ?? '{}') as { format?: string; seed?: number };
    expect(header.format).toBe('ramparts-log');
    expect(header.seed).toBe(stored?.seed);
    expect(stored?.scenario).toMatchObject({ id: 'silent-ward-ransomware-ttx', source: 'library', version: 1 });

    await again.page.evaluate(() => {
      localStorage.setItem('ramparts.prefs', JSON.stringify({ ...JSON.parse(localStorage.getItem('ramparts.prefs') ?? '{}'), lang: 'ar' }));
    });
    await again.page.reload();
    await again.page.locator(`tbody[data-exercise="${exerciseId}"]`).waitFor(WAIT);
    expect(await again.page.getByTestId('library-tab-plan').textContent()).toBe('خطة التحسين');
    expect(await again.page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(again.page, 'library-exercises-ar');
    await again.context.close();
    expect(errors).toEqual([]);
  });
});
