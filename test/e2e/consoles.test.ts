/**
 * The consoles end to end, in real Chromium against the real server: the controller creates and
 * starts an exercise from the lobby; a blue team receives an inject and answers it, the controller
 * grades the answer; the blue team isolates a node and its map shows it; it shares intelligence
 * that a partner applies; the interface switches to Arabic, right to left; the evaluator scrubs
 * the timeline and the map changes; after the end, every export downloaded from the evaluator's
 * console is byte for byte the command line's for the same log. Screenshots of each console land in
 * test-artifacts/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClient, launchBrowser, openPage, screenshot, scrubTo, setSpeed, startE2EServer, type E2EServer } from './harness.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';
import { downloadEveryExport, expectSameAsCommandLine } from './exports-check.ts';

const WAIT = { timeout: HANG_MS };

describe('consoles end to end', () => {
  let env: E2EServer;
  let browser: Browser;
  const errors: string[] = [];
  const links = new Map<string, string>();
  let lobby: Page;
  let control: Page;
  let xs: Page;
  let xr: Page;
  let evaluator: Page;

  beforeAll(async () => {
    await ensureClient();
    env = await startE2EServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await env?.dispose();
  });

  const speed = (factor: number) => setSpeed(control, factor);

  it('the controller creates an exercise in the lobby and gets the seat links', async () => {
    lobby = await openPage(browser, `${env.url}/#/`, errors);
    await lobby.waitForSelector('[data-scenario=gulf-shield-2026]', WAIT);
    await lobby.click('[data-scenario=gulf-shield-2026]');
    await screenshot(lobby, 'lobby');
    await lobby.fill('[data-testid=operator-token]', TEST_OPERATOR_TOKEN);
    await lobby.click('[data-testid=create]');
    await lobby.waitForSelector('.seat-table', WAIT);
    for (const row of await lobby.$$eval('.seat-table tbody tr', (rows) => rows.map((r) => ({ seat: (r as HTMLElement).dataset.seat ?? '', url: r.querySelector('input')?.value ?? '' })))) {
      links.set(row.seat, row.url);
    }
    expect([...links.keys()]).toEqual(expect.arrayContaining(['controller', 'red', 'evaluator', 'blue:xs', 'blue:xr']));
    for (const url of links.values()) expect(url).toMatch(new RegExp(`^${env.url}/#/join/[A-Za-z0-9_-]+/[A-Za-z0-9_-]{43}$`));
    await screenshot(lobby, 'lobby-seat-links');
  });

  it('the evaluator watches from the start; the controller starts the exercise', async () => {
    evaluator = await openPage(browser, links.get('evaluator') as string, errors);
    await evaluator.waitForSelector('[data-console=evaluator]', WAIT);
    control = await openPage(browser, links.get('controller') as string, errors);
    await control.waitForSelector('[data-console=control]', WAIT);
    await control.click('[data-testid=start]');
    await control.waitForSelector('.phase-running', WAIT);
    await control.waitForSelector('[data-testid=pause]', WAIT);
    // The MSEL board shows the STARTEX inject delivered to every team.
    await control.waitForSelector('tr[data-inject=i01-startex] td[data-team=xs][data-status=delivered]', WAIT);
    await screenshot(control, 'controller-console');
  });

  it('a blue team receives the inject, acknowledges and answers it; the controller grades the answer', async () => {
    xs = await openPage(browser, links.get('blue:xs') as string, errors);
    await xs.waitForSelector('[data-console=blue]', WAIT);
    // Sahiliya's team speaks Arabic: its seat opens in Arabic, right to left, whatever the browser speaks.
    await xs.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl', null, WAIT);
    await xs.selectOption('[data-testid=lang]', 'en');
    await xs.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
    await xs.waitForSelector('.inbox-item[data-inject=i01-startex]', WAIT);
    await xs.click('.inbox-item[data-inject=i01-startex]');
    await xs.click('[data-testid=ack]');
    await xs.waitForSelector('.inbox-item[data-inject=i01-startex] [data-status=acknowledged]', WAIT);
    await xs.fill('[data-testid=answer-text]', 'SahCERT crisis cell activated; duty officer reachable on the coalition bridge.');
    await xs.click('[data-testid=answer-submit]');
    await xs.waitForSelector('.inbox-item[data-inject=i01-startex] [data-status=answered]', WAIT);
    expect(await xs.textContent('.inject .answer')).toContain('crisis cell activated');

    await control.click('[data-tab=adjudicate]');
    const item = control.locator('[data-item="answer:i01-startex:xs"]');
    await item.waitFor(WAIT);
    await item.locator('[data-testid=grade]').click();
    await item.waitFor({ state: 'detached', ...WAIT });
    await xs.waitForSelector('.inbox-item[data-inject=i01-startex] [data-status=evaluated]', WAIT);
    expect(await xs.textContent('.inject .answer')).toMatch(/Grade 70\/100/);
    await screenshot(xs, 'blue-console-en');
  });

  it('the controller sends an ad-hoc inject that reaches the chosen team only', async () => {
    await control.click('[data-tab=adhoc]');
    await control.fill('[data-testid=adhoc-title]', 'Ministry asks for a status call');
    await control.uncheck('.adhoc input[type=checkbox] >> nth=0'); // not all blue teams
    await control.check('[data-adhoc-team=xs]');
    await control.fill('[data-testid=adhoc-from]', "Minister's office");
    await control.fill('[data-testid=adhoc-content]', "Call the minister's office **within the hour**.");
    await control.click('[data-testid=adhoc-send]');
    await control.waitForSelector('.adhoc .ok', WAIT);
    const item = xs.locator('.inbox-item', { hasText: 'Ministry asks for a status call' });
    await item.waitFor(WAIT);
    await item.click();
    expect(await xs.textContent('.inject .md')).toContain('within the hour');
    expect(await xs.locator('.inject .md strong').textContent()).toBe('within the hour');
    const xrView = await openPage(browser, links.get('blue:xr') as string, errors);
    await xrView.waitForSelector('[data-console=blue] .inbox-item', WAIT);
    expect(await xrView.locator('.inbox-item', { hasText: 'Ministry asks for a status call' }).count()).toBe(0);
    await xrView.context().close();
  });

  it('the blue team isolates a node and its map shows it', async () => {
    await xs.click('button:has-text("Show node list")');
    await xs.fill('.node-list input[type=search]', 'xs-dmz-web01');
    await xs.check('tr[data-node=xs-dmz-web01] input[type=checkbox]');
    await xs.click('[data-tab=actions]');
    await xs.selectOption('[data-testid=action-select]', 'isolate-host');
    expect(await xs.textContent('.action-form .chips')).toContain('xs-dmz-web01');
    await xs.click('[data-testid=action-submit]');
    await xs.waitForSelector('.action-row[data-target=xs-dmz-web01]', WAIT);
    expect(await xs.getAttribute('[data-testid=map-summary]', 'data-isolated')).toBe('0');
    await speed(600); // ten simulated minutes of isolation pass in a second
    await xs.waitForSelector('.action-row[data-target=xs-dmz-web01][data-status=done]', WAIT);
    await control.click('[data-testid=pause]');
    await control.waitForSelector('.phase-paused', WAIT);
    await xs.waitForSelector('[data-testid=map-summary][data-isolated="1"]', WAIT);
    await xs.waitForSelector('tr[data-node=xs-dmz-web01] .s-isolated', WAIT);
    // The ground truth shows it too.
    await control.waitForSelector('[data-testid=map-summary][data-isolated="1"]', WAIT);
    await screenshot(xs, 'blue-map-isolated-node');
  });

  it('the blue team shares intelligence that a partner applies', async () => {
    xr = await openPage(browser, links.get('blue:xr') as string, errors);
    await xr.waitForSelector('[data-console=blue]', WAIT);
    await control.click('[data-testid=resume]');
    await control.waitForSelector('.phase-running', WAIT);
    await xs.click('[data-tab=intel]');
    await xs.fill('[data-testid=intel-title]', 'Wiper dropper infrastructure');
    await xs.fill('[data-testid=intel-indicators]', '203.0.113.66\nupdate-energy-portal.example');
    await xs.check('[data-partner=xr]');
    await xs.click('[data-testid=intel-share]');
    await xs.waitForSelector('.intel .ok, .intel [role=alert]', WAIT);
    expect(await xs.locator('.intel-form [role=alert]').count(), await xs.locator('.intel-form').innerText()).toBe(0); // no refusal
    await speed(600);
    await xr.click('[data-tab=intel]');
    const report = xr.locator('.report', { hasText: 'Wiper dropper infrastructure' });
    await report.waitFor(WAIT);
    expect(await report.textContent()).toContain('203.0.113.66');
    await report.locator('[data-testid=apply-intel]').click();
    await report.locator('.ok').waitFor(WAIT); // "Applied at T+..."
    // The sender sees who applied it.
    await xs.locator('.report', { hasText: 'Wiper dropper infrastructure' }).locator('.chip').waitFor(WAIT);
    await control.click('[data-testid=pause]');
    await control.waitForSelector('.phase-paused', WAIT);
    await screenshot(xr, 'blue-partner-applied-intel');
  });

  it('a situation report is filed and graded; a partner grants requested assistance', async () => {
    await control.click('[data-testid=resume]');
    await control.waitForSelector('.phase-running', WAIT);
    await xs.click('[data-tab=sitrep]');
    await xs.selectOption('.sitreps select', 'high');
    await xs.fill('.sitreps textarea', 'Perimeter web portal isolated; investigating the SSL VPN.');
    await xs.click('.sitreps button[type=submit]');
    await xs.waitForSelector('.sitrep-list li', WAIT);
    await control.click('[data-tab=adjudicate]');
    const item = control.locator('.adjudication li', { hasText: 'Perimeter web portal isolated' });
    await item.waitFor(WAIT);
    await item.locator('input[type=range]').fill('85');
    await item.locator('[data-testid=grade]').click();
    await expect.poll(() => xs.locator('.sitrep-list li').first().textContent(), WAIT).toContain('Grade 85/100');

    await xs.click('[data-tab=assist]');
    await xs.selectOption('.assist-panel select', 'xr');
    await xs.fill('.assist-panel textarea', 'Need forensic support on the VPN gateway.');
    await xs.click('.assist-panel button[type=submit]');
    await xr.click('[data-tab=assist]');
    const request = xr.locator('.assist', { hasText: 'Need forensic support' });
    await request.waitFor(WAIT);
    await request.locator('button:has-text("Grant")').click();
    await expect.poll(() => xs.locator('.assist', { hasText: 'Need forensic support' }).getAttribute('data-status'), WAIT).toBe('granted');
    await control.click('[data-testid=pause]');
    await control.waitForSelector('.phase-paused', WAIT);
  });

  it('a blue seat switches to Arabic: right to left, scenario texts in Arabic', async () => {
    await xs.click('[data-tab=inbox]');
    await xs.selectOption('[data-testid=lang]', 'ar');
    await xs.waitForFunction(() => document.documentElement.dir === 'rtl' && document.documentElement.lang === 'ar', null, WAIT);
    expect(await xs.textContent('.inbox-item[data-inject=i01-startex] .inbox-title')).toContain('بدء التمرين');
    expect(await xs.textContent('[data-tab=inbox]')).toContain('البريد الوارد');
    // Mirrored layout: the map panel sits on the right, the workspace on the left.
    const map = await xs.locator('.map-panel').boundingBox();
    const side = await xs.locator('.side').boundingBox();
    expect(map && side && map.x > side.x).toBe(true);
    await screenshot(xs, 'blue-console-ar-rtl');
    await xs.selectOption('[data-testid=lang]', 'en');
  });

  it('the evaluator scrubs the timeline and the map changes', async () => {
    await evaluator.click('[data-tab=timeline]');
    await evaluator.waitForSelector('[data-testid=scrubber]', WAIT);
    const summary = evaluator.locator('.timeline [data-testid=map-summary]');
    // At the end of the recording the isolated node shows; at the start it does not.
    await evaluator.focus('[data-testid=scrubber]');
    await evaluator.keyboard.press('End');
    await expect.poll(() => summary.getAttribute('data-isolated'), WAIT).toBe('1');
    const endTime = await evaluator.textContent('[data-testid=scrub-time]');
    await screenshot(evaluator, 'evaluator-replay-end');
    await evaluator.keyboard.press('Home');
    await expect.poll(() => summary.getAttribute('data-isolated'), WAIT).toBe('0');
    expect(await evaluator.textContent('[data-testid=scrub-time]')).toBe('T+00:00:00');
    expect(endTime).not.toBe('T+00:00:00');
    await screenshot(evaluator, 'evaluator-replay-start');
  });

  it('the evaluator rates a capability and exports the after-action report with it', async () => {
    await evaluator.click('[data-tab=ratings]');
    // Ratings are per team now; this one is of the exercise as a whole, on the first capability.
    await evaluator.selectOption('[data-testid=rating-team]', '');
    const capability = evaluator.locator('section.rate-capability').first();
    const form = capability.locator(':scope > form.rate-form');
    await form.locator('input[type=radio][value=M]').check();
    await form.locator('input[placeholder=Note]').fill('Sharing took too long');
    await form.locator('button:has-text("Save")').click();
    await capability.locator(':scope > h3 .rating.r-M[title="Sharing took too long"]').waitFor(WAIT);
    await evaluator.click('[data-testid=exports-menu]');
    const [download] = await Promise.all([evaluator.waitForEvent('download'), evaluator.click('[data-testid=export-aar-md]')]);
    const path = await download.path();
    const report = readFileSync(path, 'utf8');
    expect(download.suggestedFilename()).toBe('aar-gulf-shield-2026.md');
    // The AAR/IP of the exercise's log (interchange's writer, as `ramparts export --format aar-md`), with the rating just given.
    expect(report).toMatch(/^# Gulf Shield 2026\b.*: After-Action Report \/ Improvement Plan$/m);
    expect(report).toMatch(/Evaluator ratings of the capability: [^\n]*: M \(Sharing took too long\)/);
  });

  it("after the end, the evaluator replays the whole exercise from the server's log with the engine", async () => {
    await control.click('[data-testid=end]');
    await control.click('[data-testid=end-confirm]');
    await control.waitForSelector('.phase-ended', WAIT);
    await evaluator.click('[data-tab=timeline]');
    await evaluator.click('[data-testid=source-server]');
    await evaluator.waitForSelector('[data-testid=replay-loaded]', WAIT);
    const summary = evaluator.locator('.timeline [data-testid=map-summary]');
    await evaluator.focus('[data-testid=scrubber]');
    await evaluator.keyboard.press('End');
    await expect.poll(() => summary.getAttribute('data-isolated'), WAIT).toBe('1');
    await evaluator.keyboard.press('Home');
    await expect.poll(() => summary.getAttribute('data-isolated'), WAIT).toBe('0');
    // The replayed map turns at the very second the live isolation completed.
    await xs.click('[data-tab=actions]');
    const ended = await xs.locator('.action-row[data-target=xs-dmz-web01] .muted time').nth(1).getAttribute('data-t');
    const done = Number(ended);
    expect(done).toBeGreaterThan(0);
    await scrubTo(evaluator, done - 1000);
    await expect.poll(() => summary.getAttribute('data-isolated'), WAIT).toBe('0');
    await scrubTo(evaluator, done);
    await expect.poll(() => summary.getAttribute('data-isolated'), WAIT).toBe('1');
    await screenshot(evaluator, 'evaluator-replay-server-log', true);
  });

  it('after the end, the evaluator downloads every export, each byte for byte what ramparts export writes from the same log', async () => {
    const got = await downloadEveryExport(evaluator);
    await screenshot(evaluator, 'evaluator-exports');
    await expectSameAsCommandLine(got);
    expect(got.get('aar-md')!.name).toBe('aar-gulf-shield-2026.md');
    expect(got.get('package')!.name).toMatch(/^gulf-shield-2026-seed\d+\.TLP-[A-Z+-]+\.ramparts-package\.json$/);
  });

  it('a log file replays offline on the replay page', async () => {
    const link = links.get('evaluator') as string;
    const [, exerciseId, token] = /#\/join\/([^/]+)\/([^/]+)$/.exec(link) ?? [];
    const res = await fetch(`${env.url}/api/exercises/${exerciseId}/log`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const page = await openPage(browser, `${env.url}/#/replay`, errors);
    await page.setInputFiles('[data-testid=log-file]', { name: 'exercise.log.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(text) });
    await page.waitForSelector('[data-testid=replay-loaded]', WAIT);
    expect(await page.textContent('[data-testid=replay-loaded]')).toContain('Gulf Shield 2026');
    await page.focus('[data-testid=scrubber]');
    await page.keyboard.press('End');
    await expect.poll(() => page.locator('[data-testid=map-summary]').getAttribute('data-isolated'), WAIT).toBe('1');
    // A damaged file is refused with the line at fault.
    await page.setInputFiles('[data-testid=log-file]', { name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(`${text.split('\n')[0]}\nnot json\n`) });
    await page.waitForSelector('.log-replay [role=alert]', WAIT);
    expect(await page.textContent('.log-replay [role=alert]')).toMatch(/line 2/);
  });

  it('raised no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
