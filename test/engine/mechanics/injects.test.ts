/** The MSEL: timed and condition-triggered injects per team, expected actions, ad-hoc injects. */
import { describe, expect, it } from 'vitest';
import { compileScenario, createExercise, project, step, type EngineEvent } from '../../../engine/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, started, WHITE } from '../fixtures.ts';

const deliveries = (events: EngineEvent[], inject: string) =>
  events.filter((e) => e.type === 'inject.delivered' && (e.data as { inject: string }).inject === inject).map((e) => [(e.data as { team: string }).team, e.t]);

describe('injects', () => {
  it('a timed inject reaches every recipient at its time, in every language given', () => {
    const s = createExercise(compileScenario(baseScenario()), { seed: 7 });
    expect(s.teams.sa!.inbox).toEqual([]);
    const events = must(s, { type: 'start', actor: WHITE });
    expect(deliveries(events, 'welcome')).toEqual([
      ['kw', 0],
      ['sa', 0],
      ['qa', 0],
    ]);
    expect(project(s, { role: 'blue', team: 'sa' }).inbox[0]).toMatchObject({ inject: 'welcome', status: 'delivered', content: { en: 'Welcome', ar: 'مرحبا' } });
  });

  it('stepSucceeded fires at the right moment: success time + delay, to its recipients only', () => {
    const s = started();
    const events = advance(s, 2 * HOUR);
    // exploit-web succeeds at 40m; the inject waits 15m.
    expect(deliveries(events, 'breach-news')).toEqual([['kw', 55 * MIN]]);
  });

  it('notAcknowledged fires per team at the deadline, and not for a team that acknowledged in time', () => {
    const s = started();
    advance(s, 10 * MIN);
    must(s, { type: 'ack-inject', inject: 'welcome', actor: blue('kw') });
    const events = advance(s, HOUR);
    expect(deliveries(events, 'chase')).toEqual([
      ['sa', 20 * MIN],
      ['qa', 20 * MIN],
    ]);
  });

  it('stepDetected and nodeState conditions', () => {
    const sc = baseScenario();
    sc.injects!.push(
      { id: 'detected', title: 'You saw it', when: { stepDetected: 'exploit-web' }, to: ['kw', 'sa'], channel: 'ticket', from: { name: 'SOC' }, content: 'x' },
      { id: 'persisted', title: 'Persistence', when: { nodeState: { node: 'kw-web', state: 'persistent' } }, to: ['qa'], channel: 'email', from: { name: 'W' }, content: 'y' },
    );
    const s = started(sc);
    const events = advance(s, 2 * HOUR);
    const firstKwAlert = s.teams.kw!.alerts[0]!.t;
    expect(deliveries(events, 'detected')).toEqual([['kw', firstKwAlert]]);
    expect(deliveries(events, 'persisted')).toEqual([['qa', 65 * MIN]]);
  });

  it('scoreBelow is checked at score samples; `at` is the earliest delivery of a condition inject', () => {
    const sc = baseScenario();
    sc.injects!.push(
      { id: 'low', title: 'Low', at: '1h', when: { scoreBelow: 101 }, to: ['qa'], channel: 'email', from: { name: 'W' }, content: 'z' },
      { id: 'never', title: 'Never', when: { scoreBelow: 0 }, to: ['qa'], channel: 'email', from: { name: 'W' }, content: 'z' },
    );
    const s = started(sc);
    const events = advance(s, 8 * HOUR);
    expect(deliveries(events, 'low')).toEqual([['qa', HOUR]]);
    expect(deliveries(events, 'never')).toEqual([]);
  });

  it('expected actions are met before their deadline or missed after it', () => {
    const s = started();
    advance(s, 5 * MIN);
    must(s, { type: 'ack-inject', inject: 'welcome', actor: blue('kw') });
    const events = advance(s, HOUR);
    const exp = events.filter((e) => e.type === 'inject.expectation').map((e) => [(e.data as { team: string }).team, (e.data as { met: boolean }).met, e.t]);
    expect(exp).toEqual([
      ['sa', false, 30 * MIN],
      ['qa', false, 30 * MIN],
    ]);
    expect(s.injects.welcome!.teams.kw!.expects[0]).toMatchObject({ met: true, at: 5 * MIN });
    expect(s.teams.sa!.score.missed).toBe(1);
  });

  it('a sitrep meets the sitrep expectation of a delivered inject', () => {
    const s = started();
    advance(s, HOUR);
    must(s, { type: 'sitrep', text: 'Web server compromised, isolating', severity: 'high', actor: blue('kw') });
    expect(s.injects['breach-news']!.teams.kw!.expects[0]).toMatchObject({ action: 'sitrep', met: true, at: HOUR });
  });

  it('ack, answer, adjudication walk the per-team lifecycle; undelivered injects do not exist for the team', () => {
    const s = started();
    expect(step(s, { type: 'ack-inject', inject: 'breach-news', actor: blue('kw') })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: 'no inject "breach-news" in your inbox' });
    advance(s, MIN);
    must(s, { type: 'answer-inject', inject: 'welcome', text: 'Ready', actor: blue('kw') });
    expect(step(s, { type: 'answer-inject', inject: 'welcome', text: 'Again', actor: blue('kw') })).toMatchObject({ ok: false, code: 'WRONG_PHASE' });
    expect(project(s, { role: 'white' }).adjudication).toMatchObject([{ kind: 'answer', inject: 'welcome', team: 'kw', t: MIN, text: 'Ready' }]);
    must(s, { type: 'adjudicate', item: { kind: 'answer', inject: 'welcome', team: 'kw' }, grade: 80, actor: WHITE });
    expect(s.injects.welcome!.teams.kw).toMatchObject({ s: 'evaluated', grade: 80, ackAt: MIN });
    expect(project(s, { role: 'white' }).adjudication).toEqual([]);
  });

  it('an ad-hoc inject is delivered at once with its expectations', () => {
    const s = started();
    advance(s, 30 * MIN);
    const events = must(s, {
      type: 'adhoc-inject',
      actor: WHITE,
      inject: { title: 'Minister calls', to: ['sa'], channel: 'phone', from: { name: 'Minister' }, content: 'Status?', evaluation: { expects: [{ action: 'sitrep', within: '10m' }] } },
    });
    expect(deliveries(events, 'adhoc-1')).toEqual([['sa', 30 * MIN]]);
    advance(s, 41 * MIN);
    expect(s.injects['adhoc-1']!.teams.sa!.expects[0]).toMatchObject({ due: 40 * MIN, met: false });
  });

  it('jump-to-next-inject jumps the clock to the next scheduled delivery', () => {
    const sc = baseScenario();
    sc.injects!.push({ id: 'later', title: 'Later', at: '3h', to: ['qa'], channel: 'email', from: { name: 'W' }, content: 'l' });
    const s = started(sc);
    must(s, { type: 'jump-to-next-inject', actor: WHITE });
    // A condition inject scheduled on the way stops the jump: breach-news (55m). The chase (not
    // acknowledged within 20m) waits for play: jumped time is nobody's (moves.test.ts).
    expect(s.clock).toBe(55 * MIN);
    expect(s.injects.chase!.teams.kw!.deliveredAt).toBeNull();
    advance(s, 75 * MIN);
    expect(s.injects.chase!.teams.kw!.deliveredAt).toBe(75 * MIN);
    must(s, { type: 'jump-to-next-inject', actor: WHITE });
    expect(s.clock).toBe(3 * HOUR);
    expect(step(s, { type: 'jump-to-next-inject', actor: WHITE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});
