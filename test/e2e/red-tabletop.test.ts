/**
 * A tabletop exercise from an uploaded scenario with a manual red campaign, in real Chromium: the
 * lobby validates and creates it from the file, the controller moves the clock by hand, and the red
 * cell launches and holds steps from its campaign graph.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClient, launchBrowser, openPage, ROOT, screenshot, startE2EServer, type E2EServer } from './harness.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';

const WAIT = { timeout: HANG_MS };
const MINIMAL = readFileSync(join(ROOT, 'test/fixtures/scenarios/minimal.yaml'), 'utf8');
/**
 * The minimal scenario with its campaign in manual mode (nothing happens until red launches it) and
 * a first step that cannot fail, so that the second becomes ready.
 */
const MANUAL = MINIMAL.replace('    name: Ransomware crew\n', '    name: Ransomware crew\n    mode: manual\n').replace(
  'success: { base: 0.8, blocked: 0 }',
  'success: { base: 1, hunting: 1, blocked: 1 }',
);

describe('tabletop exercise with a manual red campaign', () => {
  let env: E2EServer;
  let browser: Browser;
  const errors: string[] = [];
  let control: Page;
  let red: Page;

  beforeAll(async () => {
    expect(MANUAL).toContain('mode: manual');
    expect(MANUAL).toContain('success: { base: 1, hunting: 1, blocked: 1 }');
    await ensureClient();
    env = await startE2EServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await env?.dispose();
  });

  const step = (id: string) => red.locator(`tr[data-step=${id}] [data-status]`);

  it('refuses a broken upload with located diagnostics, then creates the exercise from a good one', async () => {
    const lobby = await openPage(browser, `${env.url}/#/`, errors);
    await lobby.waitForSelector('[data-testid=create]', WAIT);
    await lobby.fill('[data-testid=operator-token]', TEST_OPERATOR_TOKEN);
    await lobby.setInputFiles('input[type=file]', { name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(MANUAL.replace('kind: workstation', 'kind: toaster')) });
    await lobby.check('input[name=mode][value=tabletop]');
    await lobby.click('[data-testid=create]');
    await lobby.waitForSelector('.diagnostics li', WAIT);
    expect(await lobby.textContent('.diagnostics')).toMatch(/\d+:\d+ network\.nodes\[0\]\.kind .*toaster/);
    await lobby.setInputFiles('input[type=file]', { name: 'manual.yaml', mimeType: 'application/yaml', buffer: Buffer.from(MANUAL) });
    await lobby.click('[data-testid=create]');
    await lobby.waitForSelector('.seat-table', WAIT);
    const url = async (seat: string) => lobby.$eval(`tr[data-seat="${seat}"] input`, (i) => (i as HTMLInputElement).value);
    control = await openPage(browser, await url('controller'), errors);
    red = await openPage(browser, await url('red'), errors);
    await control.waitForSelector('[data-console=control]', WAIT);
    await red.waitForSelector('[data-console=red]', WAIT);
  });

  it('the controller moves the tabletop clock by hand', async () => {
    await control.click('[data-testid=start]');
    await control.waitForSelector('.phase-running', WAIT);
    expect(await control.textContent('[data-testid=clock]')).toBe('T+00:00:00');
    await control.fill('[aria-label="Advance by"]', '45m');
    await control.click('button:has-text("Advance")');
    await control.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent === 'T+00:45:00', null, WAIT);
  });

  it('the red cell launches a ready step and holds the next', async () => {
    await red.waitForSelector('.campaign-graph [data-step=phish]', WAIT);
    await expect.poll(() => step('phish').getAttribute('data-status'), WAIT).toBe('ready');
    await red.locator('tr[data-step=phish] button:has-text("Launch")').click();
    await expect.poll(() => step('phish').getAttribute('data-status'), WAIT).not.toBe('ready');
    expect(['running', 'succeeded', 'failed']).toContain(await step('phish').getAttribute('data-status'));
    await control.fill('[aria-label="Advance by"]', '30m');
    await control.click('button:has-text("Advance")');
    await control.waitForFunction(() => document.querySelector('[data-testid=clock]')?.textContent === 'T+01:15:00', null, WAIT);
    await expect.poll(() => step('phish').getAttribute('data-status'), WAIT).toBe('succeeded');
    await expect.poll(() => step('zerologon').getAttribute('data-status'), WAIT).toBe('ready');
    await red.locator('tr[data-step=zerologon] button:has-text("Hold")').click();
    await expect.poll(() => step('zerologon').getAttribute('data-status'), WAIT).toBe('held');
    // A held step can still be launched.
    expect(await red.locator('tr[data-step=zerologon] button:has-text("Launch")').isEnabled()).toBe(true);
    // The graph shows the statuses too.
    expect(await red.getAttribute('.campaign-graph [data-step=phish]', 'data-status')).toBe(await step('phish').getAttribute('data-status'));
    await screenshot(red, 'red-cell-console', true);
  });

  it('the red console: a disabled Launch looks disabled, a graph step shows its details, its successes are green, Abort asks first', async () => {
    // phish succeeded: its Launch is disabled and carries no primary fill, unlike an enabled one.
    const look = (sel: string) => red.$eval(sel, (b) => getComputedStyle(b).backgroundColor);
    expect(await red.isDisabled('tr[data-step=phish] [data-testid=red-launch]')).toBe(true);
    expect(await look('tr[data-step=phish] [data-testid=red-launch]')).not.toBe(await look('tr[data-step=zerologon] [data-testid=red-launch]'));
    await red.click('.campaign-graph [data-step=phish]');
    await red.waitForSelector('[data-testid=step-details][data-step=phish]', WAIT);
    expect(await red.textContent('[data-testid=step-details]')).toContain('T1566');
    // Succeeded is green on red's own console (the defenders' consoles keep it red).
    expect(await red.getAttribute('.campaign-graph [data-step=phish] rect', 'stroke')).toBe('#4cc38a');
    await red.click('tr[data-step=zerologon] [data-testid=red-abort]');
    await red.waitForSelector('tr[data-step=zerologon] [data-testid=red-abort-confirm]', WAIT);
    expect(await step('zerologon').getAttribute('data-status')).toBe('held');
    await red.click('tr[data-step=zerologon] [data-testid=red-abort-cancel]');
    expect(await step('zerologon').getAttribute('data-status')).toBe('held');
    await red.click('tr[data-step=zerologon] [data-testid=red-abort]');
    await red.click('tr[data-step=zerologon] [data-testid=red-abort-confirm]');
    await expect.poll(() => step('zerologon').getAttribute('data-status'), WAIT).toBe('aborted');
  });

  it('raised no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
