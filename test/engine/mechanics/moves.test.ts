/**
 * The clock and the moves as one model: a move is current from its start until the next one's, however
 * the clock got there; jumps (moves, jump, jump-to-next-inject) are not play, so deadlines, response
 * times and the needless-isolation penalty do not run in jumped time (engine/sim/play.ts).
 */
import { describe, expect, it } from 'vitest';
import { project, stateHash, step, type ScenarioT } from '../../../engine/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, started, WHITE } from '../fixtures.ts';

function withMoves(): ScenarioT {
  const sc = baseScenario();
  sc.moves = [
    { id: 'm1', title: 'Move 1', start: '0' },
    { id: 'm2', title: 'Move 2', start: '2h', questions: ['Who do you call?'] },
    { id: 'm3', title: 'Move 3', start: '4h' },
  ];
  return sc;
}

const moveEvents = (events: { type: string; data: unknown }[]) => events.filter((e) => e.type === 'exercise.move').map((e) => (e.data as { move: string }).move);

describe('moves in the timeline', () => {
  it('the first move is current as soon as the exercise starts, and Next move goes to the second', () => {
    const s = started(withMoves(), 7, 'tabletop');
    expect(s.move).toBe('m1');
    expect(project(s, { role: 'white' }).clock.move?.id).toBe('m1');
    expect(moveEvents(must(s, { type: 'move', actor: WHITE }))).toEqual(['m2']);
    expect(s.clock).toBe(2 * HOUR);
    expect(s.move).toBe('m2');
  });

  it('Next move works from anywhere inside the current move, again and again', () => {
    const s = started(withMoves(), 7, 'tabletop');
    must(s, { type: 'advance', to: 15 * MIN, actor: WHITE });
    must(s, { type: 'move', actor: WHITE });
    expect([s.clock, s.move]).toEqual([2 * HOUR, 'm2']);
    must(s, { type: 'advance', to: 2 * HOUR + 50 * MIN, actor: WHITE });
    must(s, { type: 'move', actor: WHITE });
    expect([s.clock, s.move]).toEqual([4 * HOUR, 'm3']);
    const before = stateHash(s);
    expect(step(s, { type: 'move', actor: WHITE })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: expect.stringMatching(/last move/) });
    expect(stateHash(s)).toBe(before);
  });

  it("an advance past a move's start makes it current at its start", () => {
    const s = started(withMoves(), 7, 'tabletop');
    const events = must(s, { type: 'advance', to: 3 * HOUR, actor: WHITE });
    const entered = events.find((e) => e.type === 'exercise.move');
    expect(entered).toMatchObject({ t: 2 * HOUR, data: { move: 'm2' }, audience: ['all'] });
    expect(s.move).toBe('m2');
  });

  it('jumps to any later move, passing through the ones between; refuses a move that began, changing nothing', () => {
    const s = started(withMoves(), 7, 'tabletop');
    expect(moveEvents(must(s, { type: 'move', move: 'm3', actor: WHITE }))).toEqual(['m2', 'm3']);
    expect([s.clock, s.move]).toEqual([4 * HOUR, 'm3']);
    const before = stateHash(s);
    expect(step(s, { type: 'move', move: 'm1', actor: WHITE })).toMatchObject({ ok: false, code: 'TIME_BACKWARDS', message: expect.stringMatching(/began at T\+00:00:00.*does not go back/) });
    expect(step(s, { type: 'move', move: 'm3', actor: WHITE })).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(step(s, { type: 'move', move: 'nope', actor: WHITE })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(stateHash(s)).toBe(before);
  });

  it('moves follow the clock in real time too, and jump goes to any later time', () => {
    const s = started(withMoves(), 7, 'realtime');
    must(s, { type: 'jump', to: 2 * HOUR + 5 * MIN, actor: WHITE });
    expect([s.clock, s.move]).toEqual([2 * HOUR + 5 * MIN, 'm2']);
    expect(step(s, { type: 'jump', to: HOUR, actor: WHITE })).toMatchObject({ ok: false, code: 'TIME_BACKWARDS' });
    expect(step(s, { type: 'jump', to: HOUR, actor: blue('kw') })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('deadlines are counted in play, not in jumped time', () => {
  it('a jump pushes an open deadline back by the time jumped: nobody fails for lack of a chance to act', () => {
    const s = started(withMoves(), 7, 'tabletop');
    advance(s, 10 * MIN);
    must(s, { type: 'move', actor: WHITE });
    // welcome: acknowledge within 30m of T+0; 10 minutes were played, 20 remain after the jump.
    const x = s.injects.welcome!.teams.kw!;
    expect(x.expects[0]).toMatchObject({ met: null, due: 2 * HOUR + 20 * MIN });
    expect(s.teams.kw!.score.missed).toBe(0);
    expect(project(s, { role: 'white' }).msel.find((r) => r.inject === 'welcome')!.teams.kw!.expects[0]!.due).toBe(2 * HOUR + 20 * MIN);
    must(s, { type: 'ack-inject', inject: 'welcome', actor: blue('kw') });
    expect(x.expects[0]!.met).toBe(true);
    advance(s, 2 * HOUR + 21 * MIN);
    expect(s.injects.welcome!.teams.sa!.expects[0]!.met).toBe(false);
    expect(s.teams.sa!.score.missed).toBe(1);
  });

  it("a deadline set during a jump runs from the jump's end", () => {
    const sc = withMoves();
    sc.injects!.push({ id: 'mid', title: 'Mid', at: '1h', to: ['qa'], channel: 'email', from: { name: 'W' }, content: 'm', evaluation: { expects: [{ action: 'sitrep', within: '30m' }] } });
    const s = started(sc, 7, 'tabletop');
    must(s, { type: 'move', actor: WHITE });
    expect(s.injects.mid!.teams.qa).toMatchObject({ deliveredAt: HOUR, expects: [{ due: 2 * HOUR + 30 * MIN, met: null }] });
  });

  it('a condition "not acknowledged within" waits for play: a jump does not fire it', () => {
    const s = started(withMoves(), 7, 'tabletop');
    must(s, { type: 'move', actor: WHITE });
    expect(s.injects.chase!.teams.qa!.deliveredAt).toBeNull();
    must(s, { type: 'ack-inject', inject: 'welcome', actor: blue('kw') });
    advance(s, 2 * HOUR + 20 * MIN);
    expect(s.injects.chase!.teams.qa!.deliveredAt).toBe(2 * HOUR + 20 * MIN);
    expect(s.injects.chase!.teams.kw!.deliveredAt).toBeNull();
  });

  it('a jump to the next inject that stops early ends the jumped time where it stopped', () => {
    const sc = baseScenario();
    sc.injects!.push({ id: 'later', title: 'Later', at: '3h', to: ['qa'], channel: 'email', from: { name: 'W' }, content: 'l' });
    const s = started(sc);
    must(s, { type: 'jump-to-next-inject', actor: WHITE });
    // breach-news comes true on the way (exploit-web succeeds at 40m, delay 15m) and stops the jump.
    expect(s.clock).toBe(55 * MIN);
    expect(s.skips).toEqual([{ from: 0, to: 55 * MIN }]);
    expect(s.injects.welcome!.teams.kw!.expects[0]).toMatchObject({ due: 55 * MIN + 30 * MIN, met: null });
    expect(s.injects['breach-news']!.teams.kw!.expects[0]).toMatchObject({ due: 55 * MIN + HOUR, met: null });
  });

  it('response time and needless isolation count play only', () => {
    const s = started(withMoves(), 7, 'tabletop');
    must(s, { type: 'action', action: 'isolate', target: { node: 'qa-ws' }, actor: blue('qa') });
    advance(s, 10 * MIN);
    // kw-web is compromised at 40m, inside the jump: at the jump's end no play has passed for it.
    must(s, { type: 'move', actor: WHITE });
    expect(s.teams.kw!.score.open['kw-web']).toBe(40 * MIN);
    const kw = s.teams.kw!.score.current;
    expect(kw.response).toBe(100);
    // qa isolated a clean workstation 5 minutes into play: 5 minutes of needless isolation, not 1h55m.
    const qa = s.teams.qa!.score.current;
    expect(qa.penalties).toBeCloseTo(2 * 1 * (5 / 60), 2);
  });
});
