/**
 * Each audience's own numbering (server/authority/numbering.ts), folded over log entries: a blue
 * team's and the red cell's view numbers step at the entries that concern them only, the white cell
 * and evaluators count every entry, and the fold survives its snapshot form.
 */
import { describe, expect, it } from 'vitest';
import { concernOf, isStepFor, Numbering, type NumberedEntry } from '../../server/authority/numbering.ts';

const entry = (seq: number, type: string, actor: NumberedEntry['command']['actor'], audiences: string[][] = []): NumberedEntry => ({
  seq,
  command: { type, actor } as NumberedEntry['command'],
  events: audiences.map((audience) => ({ audience })),
});

const LOG: NumberedEntry[] = [
  entry(1, 'start', { role: 'white' }, [['all']]),
  entry(2, 'sitrep', { role: 'blue', team: 'kw' }, [['team:kw']]),
  entry(3, 'sitrep', { role: 'blue', team: 'om' }, [['team:om']]),
  entry(4, 'share-intel', { role: 'blue', team: 'om' }, [['team:om', 'team:kw']]),
  entry(5, 'advance', { role: 'system' }, []),
  // Ground truth only (white and evaluators): a step of nobody else.
  entry(6, 'advance-hidden', { role: 'system' }, [[]]),
  entry(7, 'hold-step', { role: 'red' }, [['red']]),
];

describe("each audience's numbering", () => {
  it('steps a team at its own commands, the events it may see and the clock, and no other entry', () => {
    const n = new Numbering();
    const seen: Record<string, number[]> = { 'team:kw': [], 'team:om': [], red: [], white: [] };
    for (const e of LOG) {
      n.record(e);
      for (const key of Object.keys(seen)) seen[key]!.push(n.viewNumber(key));
    }
    expect(seen['team:kw']).toEqual([1, 2, 2, 3, 4, 4, 4]);
    expect(seen['team:om']).toEqual([1, 1, 2, 3, 4, 4, 4]);
    expect(seen.red).toEqual([1, 1, 1, 1, 2, 2, 3]);
    expect(seen.white).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Events: each audience counts those it may see.
    expect(['team:kw', 'team:om', 'red', 'white', 'evaluator'].map((k) => n.eventCount(k))).toEqual([3, 3, 2, 6, 6]);
  });

  it('tells whether the last entry is a step of the audience (its view at its number is current)', () => {
    const n = new Numbering();
    for (const e of LOG.slice(0, 3)) n.record(e);
    expect([n.atStep('team:om'), n.atStep('team:kw'), n.atStep('white')]).toEqual([true, false, true]);
    n.record(LOG[3]!);
    expect(n.atStep('team:kw')).toBe(true);
  });

  it('reads the steps of an entry: clock commands and events for all concern everyone', () => {
    expect(isStepFor(concernOf(entry(1, 'pause', { role: 'white' })), 'team:xx')).toBe(true);
    expect(isStepFor(concernOf(entry(1, 'grade', { role: 'white' }, [['team:kw']])), 'team:om')).toBe(false);
    expect(isStepFor(concernOf(entry(1, 'grade', { role: 'white' }, [['team:kw']])), 'evaluator')).toBe(true);
    // Team ids are data: a team named like an Object member is just a team.
    expect(isStepFor(concernOf(entry(1, 'sitrep', { role: 'blue', team: 'constructor' })), 'team:constructor')).toBe(true);
    expect(isStepFor(concernOf(entry(1, 'sitrep', { role: 'blue', team: 'kw' })), 'team:constructor')).toBe(false);
  });

  it('comes back from its snapshot form numbering exactly as the fold it was saved from', () => {
    const whole = new Numbering();
    const half = new Numbering();
    for (const e of LOG.slice(0, 4)) {
      whole.record(e);
      half.record(e);
    }
    const restored = Numbering.from(JSON.parse(JSON.stringify(half.toData())));
    for (const e of LOG.slice(4)) {
      whole.record(e);
      restored.record(e);
    }
    expect(restored.toData()).toEqual(whole.toData());
  });

  it("steps the presentation at the clock, events for all and every team's answer to a question, and survives its snapshot form", () => {
    const answer = (seq: number, team: string): NumberedEntry => ({
      seq,
      command: { type: 'answer-question', actor: { role: 'blue', team } } as NumberedEntry['command'],
      events: [{ type: 'question.answered', audience: [`team:${team}`] }],
    });
    const log = [...LOG, answer(8, 'kw'), answer(9, 'om'), entry(10, 'sitrep', { role: 'blue', team: 'kw' }, [['team:kw']])];
    const n = new Numbering();
    const seen: number[] = [];
    for (const e of log) {
      n.record(e);
      seen.push(n.viewNumber('presentation'));
    }
    expect(seen).toEqual([1, 1, 1, 1, 2, 2, 2, 3, 4, 4]);
    // It sees the events for all only (the start's); a team's answer event is not its own.
    expect(n.eventCount('presentation')).toBe(1);
    expect(n.atStep('presentation')).toBe(false);
    const restored = Numbering.from(JSON.parse(JSON.stringify(n.toData())));
    expect([restored.viewNumber('presentation'), restored.atStep('presentation')]).toEqual([4, false]);
    restored.record(answer(11, 'xx'));
    expect([restored.viewNumber('presentation'), restored.atStep('presentation')]).toEqual([5, true]);
  });
});
