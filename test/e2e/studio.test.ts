/**
 * The scenario studio in real Chromium: a planner signs in (#/login) and writes a small scenario from
 * an empty file with the help of completion,
 * fixes a located error, sees the map and the campaign graph update, runs a 50-seed balance in web
 * workers, edits an inject in the MSEL table (the YAML keeps its comment), and saves a new version
 * with the session (its CSRF token), the validator as the gate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClient, launchBrowser, openPage, screenshot, startE2EServer, type E2EServer } from './harness.ts';
import { HANG_MS } from '../timeouts.ts';

const WAIT = { timeout: HANG_MS };
const PLANNER = { username: 'pat', password: 'planner password 1' };

/** What the author types after completion gave "meta:" (one step's target is wrong on purpose). */
const REST = `id: studio-demo
  title: Studio demo
  version: "1.0"
  description: A small scenario written in the studio.
  startDate: 2026-12-01T08:00:00+03:00
  duration: 4h
  seed: 7
  modes: [realtime, tabletop]
teams:
  - id: white
    role: white
    name: White cell
  - id: red
    role: red
    name: Red cell
  - id: kw
    role: blue
    name: Kuwait CERT
network:
  segments:
    - id: kw-dmz
      owner: kw
      zone: dmz
      sensors: [ids]
  nodes:
    - id: kw-web
      segment: kw-dmz
      kind: server
      criticality: 3
      services: [{ id: web, port: 443, availability: 0.99 }]
      vulnerabilities: [{ id: CVE-2021-26855, cvss: 9.8, technique: T1190, patchTime: 1h }]
    - id: kw-db
      segment: kw-dmz
      kind: database
      criticality: 4
campaigns:
  - id: demo
    name: Demo campaign
    objectives:
      - id: obj-db
        name: Reach the database
    steps:
      - id: s1
        name: Exploit the web server
        technique: T1190
        target: { nodes: [kw-web] }
        timing: { at: 30m }
        success: { base: 0.8 }
        detection: { ids: 0.7 }
        effects: [compromise]
      - id: s2
        name: Move to the database
        technique: T1021.002
        requires: [s1]
        target: { node: kw-db }
        timing: { after: 20m }
        success: { base: 0.6 }
        effects: [compromise]
        objective: obj-db
injects:
  # The hosting provider calls first.
  - id: i1
    title: Web server slow
    at: 45m
    to: [kw]
    channel: email
    from: { name: Hosting provider }
    content: The web server answers slowly since 08:30.
scoring:
  weights: { availability: 30, detection: 30, response: 20, reporting: 10, cooperation: 10 }
`;

async function editorText(page: Page): Promise<string> {
  return page.locator('[data-testid=studio-editor] .cm-content').evaluate((el) => [...el.querySelectorAll('.cm-line')].map((l) => l.textContent).join('\n'));
}

describe('the scenario studio', () => {
  let env: E2EServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    await ensureClient();
    env = await startE2EServer();
    const accounts = env.server.accounts;
    expect(await accounts.store.createUser(await accounts.newUser(PLANNER.username, ['planner'], PLANNER.password))).toBe('created');
    browser = await launchBrowser();
  }, HANG_MS);

  afterAll(async () => {
    await browser?.close();
    await env?.dispose();
  });

  it(
    'writes a scenario with completion, fixes a located error, balances 50 seeds, edits the MSEL in the table and saves',
    async () => {
      const page = await openPage(browser, `${env.url}/#/login`, errors);
      await page.fill('[data-testid=login-username]', PLANNER.username);
      await page.fill('[data-testid=login-password]', PLANNER.password);
      await page.click('[data-testid=login-submit]');
      await page.click('[data-testid=studio-link]');
      await page.click('[data-testid=studio-new]');
      await page.click('[data-testid=studio-editor] .cm-content');

      // Completion from the schema: "ram" offers ramparts, "me" offers meta (a map: the next line indented).
      await page.keyboard.type('ram');
      await page.locator('.cm-tooltip-autocomplete li', { hasText: 'ramparts' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      await page.keyboard.type('2');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Enter');
      await page.keyboard.type('me');
      await page.locator('.cm-tooltip-autocomplete li', { hasText: 'meta' }).first().waitFor(WAIT);
      await page.keyboard.press('Enter');
      expect(await editorText(page)).toBe('ramparts: 2\nmeta:\n  ');
      await page.keyboard.insertText(REST);

      // The validator's located error: campaigns[0].steps[1].target.node, listed and underlined.
      const problem = page.locator('[data-testid=studio-problems] li', { hasText: 'unknown field "node"' });
      await problem.waitFor(WAIT);
      expect(await page.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
      await problem.locator('button').click();
      await page.waitForSelector('[data-testid=studio-cursor][data-kind=step][data-id=s2]', WAIT);
      // The cursor stands on "node": replace "node: kw-db" with "nodes: [kw-db]".
      for (let i = 0; i < 'node: kw-db'.length; i++) await page.keyboard.press('Delete');
      await page.keyboard.insertText('nodes: [kw-db]');
      await page.waitForSelector('[data-testid=studio-status][data-errors="0"]', WAIT);

      // The panes follow the text: two nodes on the map, two steps and their precondition in the graph.
      await page.waitForSelector('[data-testid=studio-map][data-nodes="2"]', WAIT);
      await page.waitForSelector('[data-testid=studio-graph][data-steps="2"][data-edges="1"]', WAIT);
      await page.click('[data-testid=studio-graph] [data-step=s1]');
      await page.waitForSelector('[data-testid=studio-cursor][data-id=s1]', WAIT);
      await page.click('[data-testid=studio-timeline] circle[data-inject=i1]');
      await page.waitForSelector('[data-testid=studio-cursor][data-kind=inject][data-id=i1]', WAIT);
      await screenshot(page, 'studio-panes');

      // A 50-seed balance across web workers.
      await page.click('[role=tab] >> text=Dry run and balance');
      await page.fill('[data-testid=studio-runs]', '50');
      await page.fill('[data-testid=studio-workers]', '2');
      await page.click('[data-testid=studio-balance-run]');
      await page.waitForSelector('[data-testid=studio-progress]', WAIT);
      await page.waitForSelector('[data-testid=studio-balance-result][data-runs="50"]', WAIT);
      expect(await page.textContent('[data-testid=studio-p-obj-db]')).toMatch(/^\d+% \(\d+%–\d+%\)$/);
      expect(await page.locator('[data-testid=studio-balance-result] tr[data-team=kw]').count()).toBe(1);

      // The MSEL table: the channel of i1 becomes news; the YAML changes there and keeps its comment.
      await page.click('[role=tab] >> text=MSEL table');
      await page.fill('[data-cell="i1/channel"]', 'news');
      await page.press('[data-cell="i1/channel"]', 'Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid=studio-editor]')?.shadowRoot?.textContent?.includes('channel: news'), null, WAIT);
      const text = await editorText(page);
      expect(text).toContain('  # The hosting provider calls first.\n  - id: i1');
      expect(text).toContain('    channel: news\n    from: { name: Hosting provider }');
      await page.waitForSelector('[data-testid=studio-status][data-errors="0"]', WAIT);

      // Save as a new version, the validator as the gate.
      await page.click('[role=tab] >> text=Save');
      await page.locator('[data-testid=studio-save] p', { hasText: 'Signed in as pat (planner)' }).waitFor(WAIT);
      expect(await page.locator('[data-testid=studio-token]').count()).toBe(0);
      await page.click('[data-testid=studio-save-button]');
      // s17-library's library stores it: version 1 of studio-demo.
      await page.waitForSelector('[data-testid=studio-save-outcome][data-ok=true][data-version="1"]', WAIT);
      await screenshot(page, 'studio-saved');

      // The next balance is compared with the saved version's figures.
      await page.click('[role=tab] >> text=Dry run and balance');
      await page.fill('[data-testid=studio-runs]', '10');
      await page.click('[data-testid=studio-balance-run]');
      await page.waitForSelector('[data-testid=studio-balance-result][data-runs="10"]', WAIT);
      expect(await page.textContent('[data-testid=studio-balance-result]')).toContain('Compared with saved version 1 (50 runs).');
      expect(errors).toEqual([]);
    },
    HANG_MS,
  );
});
