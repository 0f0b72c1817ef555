/**
 * A facilitated tabletop run start to finish in real Chromium (issue 14): the controller creates
 * scenarios/ransomware-tabletop.yaml in the lobby and starts it, then goes through all four moves with
 * Advance and Next move mixed; two ministries read their move's situation and answer a discussion
 * question, the Ministry of Health in Arabic (its team's language) and the Ministry of Communications
 * in English, while the room's presentation screen follows the moves and tallies who answered (never
 * what); the evaluator rates each team on a critical task; scores stay withheld from the teams
 * until the controller releases them; after the end, the after-action report exported from the
 * evaluator's console holds each team's rating and both answers. Screenshots land in test-artifacts/
 * (docs/img/facilitator-*.png are copies).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ensureClient, launchBrowser, openPage, screenshot, startE2EServer, type E2EServer } from './harness.ts';
import { HANG_MS } from '../timeouts.ts';
import { TEST_OPERATOR_TOKEN } from '../server/operator-token.ts';

const WAIT = { timeout: HANG_MS };
/** Pages 1024 wide: their screenshots go into docs/CLIENT.md as they are. */
const VIEWPORT = { width: 1024, height: 720 };
const MOH_ANSWER = 'نبدأ بعزل خادم الوصول عن بعد، ويأذن بذلك وكيل الوزارة المناوب.';
const MCDG_ANSWER = 'We cut the trust to the health domain first; the permanent secretary authorises it.';

describe('a facilitator runs the ransomware tabletop from the lobby to the after-action report', () => {
  let env: E2EServer;
  let browser: Browser;
  const errors: string[] = [];
  const links = new Map<string, string>();
  let control: Page;
  let moh: Page;
  let mcdg: Page;
  /** The projector's page in the room (the presentation seat's link). */
  let screen: Page;
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

  const open = async (seat: string, console: string): Promise<Page> => {
    const page = await openPage(browser, links.get(seat) as string, errors, VIEWPORT);
    await page.waitForSelector(`[data-console=${console}]`, WAIT);
    return page;
  };
  const toEnglish = async (page: Page) => {
    await page.selectOption('[data-testid=lang]', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
  };
  /** The controller's current move chip, once it names the move. */
  const inMove = (title: string) => control.waitForFunction((t) => document.querySelector('[data-testid=current-move]')?.textContent?.includes(t) === true, title, WAIT);
  const advance = async (by: string, to: string) => {
    await control.fill('[data-testid=advance-by]', by);
    await control.click('[data-testid=advance]');
    await control.waitForFunction((t) => document.querySelector('[data-testid=clock]')?.textContent === t, to, WAIT);
  };
  const nextMove = async (title: string) => {
    await control.click('[data-testid=next-move]');
    await inMove(title);
  };

  it('the controller creates the tabletop in the lobby and gets the seat links', async () => {
    const lobby = await openPage(browser, `${env.url}/#/`, errors, VIEWPORT);
    await lobby.waitForSelector('[data-scenario=silent-ward-ransomware-ttx]', WAIT);
    await lobby.click('[data-scenario=silent-ward-ransomware-ttx]');
    expect(await lobby.isChecked('input[name=mode][value=tabletop]')).toBe(true);
    await lobby.fill('[data-testid=operator-token]', TEST_OPERATOR_TOKEN);
    await lobby.click('[data-testid=create]');
    await lobby.waitForSelector('.seat-table', WAIT);
    for (const row of await lobby.$$eval('.seat-table tbody tr', (rows) => rows.map((r) => ({ seat: (r as HTMLElement).dataset.seat ?? '', url: r.querySelector('input')?.value ?? '' })))) {
      links.set(row.seat, row.url);
    }
    expect([...links.keys()]).toEqual(expect.arrayContaining(['controller', 'evaluator', 'presentation', 'blue:moh', 'blue:mcdg']));
    await screenshot(lobby, 'facilitator-1-lobby');
    await lobby.close();
  });

  it('the controller starts the exercise in move 1; Advance stays in the move, Next move opens move 2', async () => {
    control = await open('controller', 'control');
    await toEnglish(control);
    await control.click('[data-testid=start]');
    await control.waitForSelector('.phase-running', WAIT);
    await inMove('Move 1');
    await advance('15m', 'T+00:15:00');
    await inMove('Move 1');
    // Advancing inside a move, then the next move: the sequence once refused with TIME_BACKWARDS.
    await nextMove('Move 2');
    await screenshot(control, 'facilitator-2-controller');
    // The room's screen follows the controller: move 2, its questions, nobody has answered yet.
    screen = await open('presentation', 'presentation');
    await screen.waitForFunction(() => document.querySelector('[data-testid=present-move]')?.textContent?.includes('Move 2') === true, null, WAIT);
    expect(await screen.locator('.present-questions > li').first().locator('.tally li[data-answered=true]').count()).toBe(0);
  });

  it("each ministry reads move 2's situation in its language and answers a discussion question", async () => {
    moh = await open('blue:moh', 'blue');
    mcdg = await open('blue:mcdg', 'blue');
    // The team's language decides: the Ministry of Health reads Arabic, right to left; Communications English.
    await moh.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl', null, WAIT);
    await mcdg.waitForFunction(() => document.documentElement.lang === 'en', null, WAIT);
    const answer = async (page: Page, situation: string, question: string, text: string) => {
      await page.click('[data-tab=manual]');
      const move = page.locator('.manual-move[data-move=m2-response]');
      await move.waitFor(WAIT);
      expect(await move.textContent()).toContain(situation);
      const q = move.locator('.question').first();
      expect(await q.locator('.question-text').textContent()).toContain(question);
      await q.locator('[data-testid=question-text]').fill(text);
      await q.locator('[data-testid=question-submit]').click();
      await q.locator('[data-testid=question-answer]').waitFor(WAIT);
      expect(await q.locator('[data-testid=question-answer]').textContent()).toBe(text);
    };
    await answer(moh, 'شُفّرت أنظمة مستشفى الكرمة العام', 'ما أول ثلاثة إجراءات', MOH_ANSWER);
    await answer(mcdg, "Al-Karma General Hospital's systems were encrypted overnight", 'What are your first three actions', MCDG_ANSWER);
    await screenshot(moh, 'facilitator-3-situation-ar');
    // The screen's tally names both teams as answered, and shows neither answer.
    const tally = screen.locator('.present-questions > li').first().locator('.tally');
    await tally.locator('li[data-team=moh][data-answered=true]').waitFor(WAIT);
    await tally.locator('li[data-team=mcdg][data-answered=true]').waitFor(WAIT);
    const wall = (await screen.textContent('body')) ?? '';
    expect(wall).not.toContain(MOH_ANSWER);
    expect(wall).not.toContain(MCDG_ANSWER);
  });

  it('the controller goes on through moves 3 and 4 to the end of play, Advance and Next move mixed', async () => {
    await advance('1h', 'T+23:00:00');
    await inMove('Move 2');
    await nextMove('Move 3');
    await screen.waitForFunction(() => document.querySelector('[data-testid=present-move]')?.textContent?.includes('Move 3') === true, null, WAIT);
    await advance('2h', 'T+50:00:00');
    await inMove('Move 3');
    await nextMove('Move 4');
    expect(await control.isDisabled('[data-testid=next-move]')).toBe(true);
    // The hot wash's questions reach the teams as the move opens.
    await mcdg.locator('.manual-move[data-move=m4-hot-wash] .question').first().waitFor(WAIT);
  });

  it('the evaluator rates each team on a critical task', async () => {
    evaluator = await open('evaluator', 'evaluator');
    await toEnglish(evaluator);
    await evaluator.click('[data-tab=ratings]');
    const rate = async (team: string, task: string, rating: string, note: string) => {
      await evaluator.selectOption('[data-testid=rating-team]', team);
      const card = evaluator.locator(`.rate-task[data-task=${task}]`);
      await card.locator(`input[type=radio][value=${rating}]`).check();
      await card.locator('input[placeholder=Note]').fill(note);
      await card.locator('button[type=submit]').click();
      await card.locator(`[data-testid=current-rating].r-${rating}`).waitFor(WAIT);
    };
    await rate('moh', 'opco-declare', 'S', 'Declared late but cleanly');
    await rate('mcdg', 'cyber-contain', 'M', 'Trust cut after two hours');
    await screenshot(evaluator, 'facilitator-4-ratings');
  });

  it('scores stay withheld from a team until the controller releases them', async () => {
    await mcdg.click('[data-tab=score]');
    await mcdg.waitForSelector('[data-testid=score-withheld]', WAIT);
    expect(await mcdg.textContent('[data-testid=score-withheld]')).toContain('withheld until the white cell releases them');
    expect(await mcdg.textContent('[data-testid=head-score]')).toBe('withheld');
    expect(await mcdg.getAttribute('[data-testid=score]', 'data-withheld')).toBe('true');
    await moh.click('[data-tab=score]');
    await moh.waitForSelector('[data-testid=score-withheld]', WAIT);
    expect(await moh.textContent('[data-testid=head-score]')).toBe('محجوبة');
    await control.click('[data-testid=release-scores]');
    await mcdg.waitForSelector('[data-testid=score-withheld]', { ...WAIT, state: 'detached' });
    expect(await mcdg.textContent('[data-testid=score]')).toMatch(/^\d+\.\d$/);
    expect(await mcdg.textContent('[data-testid=head-score]')).toMatch(/^\d+\.\d$/);
    await moh.waitForSelector('[data-testid=score-withheld]', { ...WAIT, state: 'detached' });
    expect(await moh.textContent('[data-testid=head-score]')).toMatch(/^\d+\.\d$/);
    await screenshot(mcdg, 'facilitator-5-scores-released');
  });

  it("after the end, the AAR from the evaluator's Export menu shows each team's rating and both answers", async () => {
    await control.click('[data-testid=end]');
    await control.click('[data-testid=end-confirm]');
    await control.waitForSelector('.phase-ended', WAIT);
    await evaluator.click('[data-testid=exports-menu]');
    const [download] = await Promise.all([evaluator.waitForEvent('download'), evaluator.click('[data-testid=export-aar-md]')]);
    const report = readFileSync(await download.path(), 'utf8');
    const section = report.slice(report.indexOf('Evaluation by Team'));
    expect(report.indexOf('Evaluation by Team')).toBeGreaterThan(0);
    const health = section.slice(section.indexOf('Ministry of Health'));
    const comms = section.slice(section.indexOf('Ministry of Communications and Digital Government'));
    expect(health).toMatch(/Declare the incident and activate the crisis structure[^\n]*\bS\b[^\n]*Declared late but cleanly/);
    expect(comms).toMatch(/Contain the intrusion and protect trusted domains[^\n]*\bM\b[^\n]*Trust cut after two hours/);
    expect(section).toContain(MOH_ANSWER);
    expect(section).toContain(MCDG_ANSWER);
  });

  it('raised no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
