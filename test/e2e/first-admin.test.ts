/**
 * The first run of an operator (issue 17), in real Chromium against a real `ramparts serve`: the
 * server prints a one-time link, the first administrator is created from it, creates an exercise
 * without any token, signs out, is refused with a wrong password and signs in again (in Arabic);
 * the link does not work a second time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServe, type ChildServer } from '../server/child-server.ts';
import { HANG_MS } from '../timeouts.ts';
import { ensureClient, launchBrowser, openPage, screenshot } from './harness.ts';

const WAIT = { timeout: HANG_MS };
const PASSWORD = 'a first administrator passphrase';

describe('the first administrator, from the link ramparts serve prints', () => {
  let dir: string;
  let serve: ChildServer;
  let browser: Browser;
  const lines: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureClient();
    dir = await mkdtemp(join(tmpdir(), 'ramparts-e2e-admin-'));
    serve = await spawnServe(['--data', dir, '--log-level', 'warn'], { lines });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await serve?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is created from the link, works, signs out, and signs in again; the link works once', async () => {
    const printed = lines.join('\n');
    expect(printed).toContain('No operator account yet. Create the first administrator at (this link works once):');
    const link = /(http:\/\/\S+\/#\/setup\/[A-Za-z0-9_-]{43})/.exec(printed)?.[1];
    expect(link, printed).toBeDefined();
    const page = await openPage(browser, link!, errors);
    await page.waitForSelector('[data-testid=setup-form]', WAIT);
    await page.fill('[data-testid=setup-username]', 'admin');
    await page.fill('[data-testid=setup-password]', PASSWORD);
    await page.fill('[data-testid=setup-again]', PASSWORD);
    await page.click('[data-testid=setup-submit]');
    await page.waitForSelector('[data-testid=operator-bar]', WAIT);
    expect(await page.textContent('[data-testid=operator-bar]')).toMatch(/Signed in as admin \(administrator\)/);
    expect(page.url()).not.toContain('setup');

    // Signed in: no operator token asked for; the exercise is created with the session.
    await page.waitForSelector('[data-testid=create]:not([disabled])', WAIT);
    expect(await page.$('[data-testid=operator-token]')).toBeNull();
    await page.click('[data-testid=create]');
    await page.waitForSelector('.seat-table', WAIT);
    await screenshot(page, 'first-admin-created');

    await page.click('[data-testid=sign-out]');
    await page.waitForSelector('[data-testid=sign-in-link]', WAIT);
    await page.click('[data-testid=sign-in-link]');
    await page.fill('[data-testid=login-username]', 'admin');
    await page.fill('[data-testid=login-password]', 'not the password');
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[role=alert]', WAIT);
    expect(await page.textContent('[role=alert]')).toBe('The user name or the password is wrong.');
    // The same page in Arabic, right to left.
    await page.selectOption('[data-testid=lang]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl', undefined, WAIT);
    expect(await page.textContent('h1')).toBe('دخول المشغّلين');
    expect(await page.textContent('[data-testid=login-submit]')).toBe('تسجيل الدخول');
    await page.fill('[data-testid=login-password]', PASSWORD);
    await page.click('[data-testid=login-submit]');
    await page.waitForSelector('[data-testid=operator-bar]', WAIT);
    expect(await page.textContent('[data-testid=operator-bar]')).toMatch(/مسجَّل الدخول باسم admin \(مسؤول\)/);
    await screenshot(page, 'first-admin-signed-in-ar');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'ramparts_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const second = await openPage(browser, link!, errors);
    await second.waitForSelector('[data-testid=setup-form]', WAIT);
    await second.fill('[data-testid=setup-username]', 'intruder');
    await second.fill('[data-testid=setup-password]', PASSWORD);
    await second.fill('[data-testid=setup-again]', PASSWORD);
    await second.click('[data-testid=setup-submit]');
    await second.waitForSelector('[role=alert]', WAIT);
    expect(await second.textContent('[role=alert]')).toMatch(/This link has been used already/);
    expect(errors).toEqual([]);
  });
});
