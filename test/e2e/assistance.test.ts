/**
 * A granted assistance used from the helper's console, in real Chromium: Kuwait asks Oman for help,
 * Oman grants it, Oman's map and action form now offer Kuwait's nodes and Oman isolates one; when
 * the grant runs out, Kuwait's nodes leave Oman's console (the engine refuses them again:
 * test/engine/mechanics/actions.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClient, launchBrowser, openPage, ROOT, screenshot, startE2EServer, type E2EServer } from './harness.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';
import type { CreateExerciseResponse } from '../../protocol/index.ts';

const WAIT = { timeout: HANG_MS };
/** The minimal scenario with assistance in its catalog: a grant lasts one hour. */
const SCENARIO = readFileSync(join(ROOT, 'test/fixtures/scenarios/minimal.yaml'), 'utf8').replace(
  'actions:\n',
  'actions:\n  - { id: ask-help, kind: request-assistance, duration: "0" }\n  - { id: grant-help, kind: grant-assistance, duration: "0", lasts: 1h }\n',
);

describe("a granted assistance, used from the helper's console", () => {
  let env: E2EServer;
  let browser: Browser;
  const errors: string[] = [];
  let control: Page;
  let kw: Page;
  let om: Page;

  beforeAll(async () => {
    expect(SCENARIO).toContain('kind: grant-assistance');
    await ensureClient();
    env = await startE2EServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await env?.dispose();
  });

  const advance = async (by: string, to: string) => {
    await control.fill('[data-testid=advance-by]', by);
    await control.click('[data-testid=advance]');
    await control.waitForFunction((t) => document.querySelector('[data-testid=clock]')?.textContent === t, to, WAIT);
  };
  const omHas = (node: string) => om.locator(`.node-list tr[data-node=${node}]`).count();

  it('creates and starts a tabletop exercise; both teams open their consoles', async () => {
    const res = await fetch(`${env.url}/api/exercises`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TEST_OPERATOR_TOKEN}` },
      body: JSON.stringify({ scenario: { text: SCENARIO, name: 'assist.yaml' }, mode: 'tabletop' }),
    });
    const created = (await res.json()) as CreateExerciseResponse;
    expect(created, JSON.stringify(created)).toMatchObject({ ok: true });
    const link = (seat: string) => `${env.url}${created.seats.find((s) => s.seat === seat)?.link ?? ''}`;
    control = await openPage(browser, link('controller'), errors);
    await control.waitForSelector('[data-console=control]', WAIT);
    await control.click('[data-testid=start]');
    await control.waitForSelector('.phase-running', WAIT);
    kw = await openPage(browser, link('blue:kw'), errors);
    om = await openPage(browser, link('blue:om'), errors);
    await kw.waitForSelector('[data-console=blue]', WAIT);
    await om.waitForSelector('[data-console=blue]', WAIT);
    await om.click('[data-testid=map-list-toggle]');
    await om.waitForSelector('.node-list tr[data-node=pay-switch]', WAIT);
    expect(await omHas('kw-ws1')).toBe(0);
  });

  it("Kuwait asks Oman for help and Oman grants it: Kuwait's nodes appear on Oman's map and list", async () => {
    await kw.click('[data-tab=assist]');
    await kw.selectOption('[data-testid=assist-to]', 'om');
    await kw.fill('[data-testid=assist-text]', 'Please contain our infected workstation.');
    await kw.click('[data-testid=assist-send]');
    await om.click('[data-tab=assist]');
    await om.click('[data-testid=assist-grant]');
    await om.waitForSelector('.node-list tr[data-node=kw-ws1]', WAIT);
    expect(await om.getAttribute('[data-testid=map-summary]', 'data-nodes')).toBe('3');
  });

  it("Oman isolates Kuwait's workstation from its own console", async () => {
    await om.check('.node-list tr[data-node=kw-ws1] input[type=checkbox]');
    await om.click('[data-tab=actions]');
    await om.selectOption('[data-testid=action-select]', 'isolate');
    await om.waitForSelector('[data-testid=may-act-for][data-team=kw]', WAIT);
    expect(await om.textContent('.action-form .chips')).toContain('kw-ws1');
    await om.click('[data-testid=action-submit]');
    await om.waitForSelector('.action-row[data-target=kw-ws1]', WAIT);
    await advance('10m', 'T+00:10:00');
    await om.waitForSelector('.action-row[data-target=kw-ws1][data-status=done]', WAIT);
    await om.waitForFunction(() => document.querySelector('[data-testid=map-summary]')?.getAttribute('data-isolated') === '1', null, WAIT);
    // Kuwait sees its node isolated on its behalf.
    await kw.waitForFunction(() => document.querySelector('[data-testid=map-summary]')?.getAttribute('data-isolated') === '1', null, WAIT);
    await screenshot(om, 'assistance-helper');
  });

  it("when the grant runs out, Kuwait's nodes leave Oman's console", async () => {
    await om.check('.node-list tr[data-node=kw-dc] input[type=checkbox]');
    await advance('1h', 'T+01:10:00');
    await om.waitForSelector('.node-list tr[data-node=kw-ws1]', { state: 'detached', ...WAIT });
    expect(await omHas('kw-dc')).toBe(0);
    expect(await om.getAttribute('[data-testid=map-summary]', 'data-nodes')).toBe('1');
    expect(await om.locator('[data-testid=may-act-for]').count()).toBe(0);
    // The node picked before the end left the selection with it: nothing to send.
    expect(await om.locator('.action-form .chips').count()).toBe(0);
    expect(await om.isDisabled('[data-testid=action-submit]')).toBe(true);
  });

  it('raised no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
