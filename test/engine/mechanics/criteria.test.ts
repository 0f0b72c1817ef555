/**
 * Criteria stay with evaluators (issue 13): an inject's recipients read its content, questions and
 * what they are asked; how the white cell and evaluators judge the response (expected actions and
 * their deadlines, the expected answer, the rubric, the capability and task) reaches no blue view and
 * no blue event, yet still drives the reporting score and shows on the white and evaluator side.
 * Format 1 files and ad-hoc inject commands recorded before format 2 are read the same way.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, eventsFor, project, validateScenarioText, type EngineEvent } from '../../../engine/index.ts';
import { advance, baseScenario, blue, HOUR, MIN, must, started, WHITE } from '../fixtures.ts';

const SECRETS = ['SECRET-EXPECTED', 'SECRET-ANSWER-KEY', 'SECRET-RUBRIC', 'ضابط مناوبة مسمّى', '"expects"', '"evaluation"', '"due"'];

describe('criteria stay with evaluators', () => {
  it('a blue team reads the content and what it is asked, never the evaluation, in its view or its events', () => {
    const s = started();
    const events: EngineEvent[] = [...advance(s, 10 * MIN)];
    events.push(...must(s, { type: 'ack-inject', inject: 'welcome', actor: blue('kw') }));
    events.push(...advance(s, 2 * HOUR));
    const inbox = project(s, { role: 'blue', team: 'kw' }).inbox.find((i) => i.inject === 'welcome');
    expect(inbox).toMatchObject({ content: { en: 'Welcome', ar: 'مرحبا' }, asks: [{ en: 'Acknowledge this message', ar: 'أقرّوا باستلام هذه الرسالة' }] });
    for (const team of ['kw', 'sa', 'qa']) {
      const seen = JSON.stringify([project(s, { role: 'blue', team }), eventsFor(events, { role: 'blue', team })]);
      for (const secret of SECRETS) expect(seen, `${team}: ${secret}`).not.toContain(secret);
    }
    // The expectations still count: met by kw, missed by the others, on the white side.
    expect(s.teams.kw!.score.met).toBe(1);
    expect(s.teams.sa!.score.missed).toBe(1);
    const row = project(s, { role: 'white' }).msel.find((r) => r.inject === 'welcome')!;
    expect(row.criteria).toEqual({ answer: { en: 'SECRET-ANSWER-KEY a named duty officer', ar: 'ضابط مناوبة مسمّى' }, rubric: 'SECRET-RUBRIC P if named within 30 minutes' });
    expect(row.teams.sa!.expects).toEqual([{ action: 'acknowledge', due: 30 * MIN, met: false, description: 'SECRET-EXPECTED-ack within half an hour' }]);
    expect(events.filter((e) => e.type === 'inject.expectation').every((e) => e.audience.length === 0)).toBe(true);
  });

  it("the white cell grades an answer with the inject's expected answer and rubric at hand; evaluators see task rubrics", () => {
    const sc = baseScenario();
    sc.capabilities = [{ id: 'coord', name: 'Coordination', tasks: [{ id: 'ack', name: 'Acknowledge', answer: 'Within 30 minutes', rubric: { en: 'P: named officer', ar: 'ممتاز: ضابط مسمّى' } }] }];
    sc.injects![0]!.evaluation = { ...sc.injects![0]!.evaluation, capability: 'coord', task: 'ack' };
    const s = started(sc);
    must(s, { type: 'answer-inject', inject: 'welcome', text: 'Duty officer: Maj. Salem', actor: blue('sa') });
    expect(project(s, { role: 'white' }).adjudication[0]).toMatchObject({
      kind: 'answer',
      team: 'sa',
      criteria: { capability: 'coord', task: 'ack', rubric: 'SECRET-RUBRIC P if named within 30 minutes' },
    });
    expect(project(s, { role: 'evaluator' }).capabilities[0]!.tasks[0]).toEqual({
      id: 'ack',
      name: 'Acknowledge',
      answer: 'Within 30 minutes',
      rubric: { en: 'P: named officer', ar: 'ممتاز: ضابط مسمّى' },
    });
  });

  it('an ad-hoc inject keeps its evaluation from its recipients; one recorded before format 2 reads the same', () => {
    for (const inject of [
      {
        title: 'Minister calls',
        to: ['sa'],
        channel: 'phone',
        from: { name: 'Minister' },
        content: 'Status?',
        asks: ['Call back'],
        evaluation: { expects: [{ action: 'sitrep', within: '10m', description: 'SECRET-EXPECTED sitrep' }] },
      },
      {
        title: 'Minister calls',
        to: ['sa'],
        channel: 'phone',
        from: { name: 'Minister' },
        content: 'Status?',
        asks: ['Call back'],
        expects: [{ action: 'sitrep', within: '10m', description: 'SECRET-EXPECTED sitrep' }],
      },
    ]) {
      const s = started();
      advance(s, 30 * MIN);
      const events = must(s, { type: 'adhoc-inject', actor: WHITE, inject } as never);
      advance(s, 41 * MIN);
      expect(s.injects['adhoc-1']!.teams.sa!.expects[0]).toMatchObject({ due: 40 * MIN, met: false });
      expect(project(s, { role: 'blue', team: 'sa' }).inbox.at(-1)).toMatchObject({ asks: ['Call back'] });
      expect(JSON.stringify([project(s, { role: 'blue', team: 'sa' }), eventsFor(events, { role: 'blue', team: 'sa' })])).not.toContain('SECRET-EXPECTED');
    }
  });
});

describe('format 1 scenarios', () => {
  const V1 = `ramparts: 1
meta: { id: old, title: Old, version: '1.0', description: d, startDate: '2026-01-01T00:00:00Z', duration: 8h, seed: 1, modes: [headless] }
teams: [{ id: w, role: white, name: W }, { id: b, role: blue, name: B }]
network:
  segments: [{ id: g, owner: b, zone: corporate }]
  nodes: [{ id: n, segment: g, kind: server, criticality: 3 }]
campaigns: [{ id: c, name: C, steps: [{ id: s1, name: S, technique: T1190, target: { nodes: [n] }, success: { base: 1 }, effects: [compromise] }] }]
capabilities: [{ id: cap, name: Cap, tasks: [{ id: t1, name: T }] }]
injects:
  - id: i1
    title: Hello
    at: 1h
    to: all-blue
    channel: email
    from: { name: W }
    content: Read me
    expects:
      - { action: acknowledge, within: 30m, description: ack it }
    evaluates: { capability: cap, task: t1 }
scoring: { weights: { availability: 1, detection: 1, response: 1, reporting: 1, cooperation: 1 } }
`;

  it('is read as the format 2 scenario it means', () => {
    const r = validateScenarioText(V1, 'old.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.ramparts).toBe(2);
    expect(r.scenario.injects![0]).toMatchObject({ evaluation: { capability: 'cap', task: 't1', expects: [{ action: 'acknowledge', within: '30m', description: 'ack it' }] } });
    expect(r.scenario.injects![0]).not.toHaveProperty('expects');
    expect(compileScenario(r.scenario).injects[0]!.evaluation.expects[0]!.within).toBe(30 * MIN);
  });

  it('reports problems where they are in the file as written', () => {
    const r = validateScenarioText(V1.replace('task: t1 }', 'task: t9 }').replace('within: 30m', 'within: soon'), 'old.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.path])).toEqual([[18, 'injects[0].expects[0].within']]);
    const meaning = validateScenarioText(V1.replace('task: t1 }', 'task: t9 }'), 'old.yaml');
    expect(!meaning.ok && meaning.errors.map((e) => [e.line, e.path, e.message])).toEqual([[19, 'injects[0].evaluates.task', 'capability "cap" has no task "t9" (tasks: t1)']]);
  });

  it('in a format 2 file, the old fields are refused with where they went', () => {
    const r = validateScenarioText(V1.replace('ramparts: 1', 'ramparts: 2'), 'new.yaml');
    expect(!r.ok && r.errors.map((e) => e.message)).toEqual([
      'unknown field "expects": format 2 keeps it in evaluation.expects, which the players never see (a file marked "ramparts: 1" is still read as before)',
      'unknown field "evaluates": format 2 keeps it in evaluation (capability, task), which the players never see (a file marked "ramparts: 1" is still read as before)',
    ]);
  });
});
