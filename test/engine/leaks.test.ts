/**
 * No leaks: walks every field of every blue projection taken during full runs, and every event a blue
 * seat may see, looking for what a blue team must not learn: ground truth, the red plan, other teams'
 * private data, false-positive flags, random stream state, indicator values it never observed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { eventsFor, INTEGRITY, project, type EngineEvent, type ExerciseState, type RampartsLog } from '../../engine/index.ts';
import { Scenario, type ScenarioT } from '../../engine/scenario/schema/index.ts';
import { durationMs } from '../../engine/time/duration.ts';
import { baseScenario, blue, HOUR, MIN, WHITE } from './fixtures.ts';
import { busyScript, runScript, type Scripted } from './script.ts';
import { setNodeFalsePositiveRate, stressScenario } from './stress-fixture.ts';

const FORBIDDEN_KEYS = [
  'integrity',
  'network',
  'falsePositive',
  'fp',
  'truth',
  'compromisedBy',
  'credentialsStolen',
  'creds',
  'hits',
  'attempts',
  'attempt',
  'detectedAt',
  'p',
  'rng',
  's0',
  's1',
  's2',
  'alertTruth',
  'exploits',
  'requires',
  'requiresAny',
  'candidates',
  'step',
  'steps',
  'campaign',
  'when',
  'objective',
  'objectives',
  'ioc',
  'expects',
  'evaluation',
  'rubric',
  'criteria',
];
const KEY_RE = new RegExp(`"(${FORBIDDEN_KEYS.join('|')})":`);

const texts = (x: unknown): string[] => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? Object.values(x).flatMap(texts) : []);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Secrets {
  tokens: Set<string>;
  label: Map<string, string>;
  re?: RegExp;
}

/** What team `team` must not see, given the final state and the commands it sent. */
function secretsFor(state: ExerciseState, team: string, log: RampartsLog, known: Set<string>): Secrets {
  const sc = state.scenario;
  const out: Secrets = { tokens: new Set(), label: new Map() };
  const add = (why: string, ...xs: string[]) => {
    for (const x of xs)
      if (x.length >= 3) {
        out.tokens.add(x);
        out.label.set(x, why);
      }
  };
  const bt = sc.blue[sc.blueIndex.get(team) as number]!;
  // Partners that granted this team assistance show it their segments while the grant runs (actions.test.ts checks the window).
  const granters = new Set(
    Object.values(state.assists)
      .filter((r) => r.to === team && r.grantedAt !== null)
      .map((r) => r.from),
  );
  const visibleSegments = new Set([...bt.owns, ...bt.sharedIn].map((g) => sc.segments[g]!.id));
  for (const g of sc.segments) if (granters.has(g.owner)) visibleSegments.add(g.id);
  const actedOn = new Set(
    log.records.flatMap((r) => (r.command.type === 'action' && r.command.actor.role === 'blue' && r.command.actor.team === team ? [r.command.target.node ?? '', r.command.target.segment ?? ''] : [])),
  );
  for (const st of sc.steps) add('red step', st.id, ...texts(st.name), ...texts(st.description));
  // How evaluators judge the responses: expected actions' descriptions, expected answers, rubrics.
  for (const i of sc.injects) add('evaluation criteria', ...texts(i.evaluation.expects.map((e) => e.description)), ...texts(i.evaluation.answer), ...texts(i.evaluation.rubric));
  for (const c of sc.capabilities) for (const t of c.tasks) add('evaluation criteria', ...texts(t.answer), ...texts(t.rubric));
  for (const c of sc.campaigns) add('campaign', c.id, ...texts(c.name), ...(c.actor ? [c.actor] : []), ...c.objectives.flatMap((o) => [o.id, ...texts(o.name)]));
  for (const g of sc.segments) if (!visibleSegments.has(g.id) && !actedOn.has(g.id)) add('other team segment', g.id);
  for (const n of sc.nodes) {
    if (!visibleSegments.has(sc.segments[n.segment]!.id) && !actedOn.has(n.id)) add('other team node', n.id, ...(n.ip ? [n.ip] : []));
  }
  for (const v of INTEGRITY) out.label.set(v, 'truth state');
  for (const r of Object.values(state.reports)) if (r.from !== team && !r.to.includes(team)) add('report', r.id, r.title, r.text);
  for (const r of Object.values(state.sitreps)) if (r.team !== team) add('sitrep', r.id, r.text, ...(r.comment ? [r.comment] : []));
  for (const r of Object.values(state.assists)) if (r.from !== team && r.to !== team) add('assistance', r.id, r.text);
  for (const a of Object.values(state.actions)) if (a.team !== team && a.onBehalfOf !== team) add('action', a.id);
  for (const rt of Object.values(state.injects)) {
    const mine = rt.teams[team];
    if (!mine || mine.deliveredAt === null) add('inject', rt.id, ...(rt.adhoc ? texts(rt.adhoc.title) : texts(sc.injects[rt.idx]!.title)));
    for (const [other, tr] of Object.entries(rt.teams)) if (other !== team && tr.answer) add('answer', tr.answer);
  }
  for (const [other, t] of Object.entries(state.teams)) if (other !== team) for (const a of t.alerts) add('alert id', a.id);
  for (const m of sc.moves) {
    for (const x of m.situations) if (!x.to.includes(team)) add('situation for other teams', ...texts(x.text));
    for (const q of m.questions) if (q.to !== null && !q.to.includes(team)) add('question for other teams', ...texts(q.text));
    for (const q of m.questions) add('evaluator criteria of a question', ...texts(q.evaluation.answer), ...texts(q.evaluation.rubric));
  }
  for (const a of state.answers) if (a.team !== team) add('answer to a question', a.text, ...(a.comment ? [a.comment] : []));
  for (const v of state.indicators) if (!known.has(v)) add('unobserved indicator', v);
  // Ids are unique per kind only: a red step may share its id with a segment the team sees.
  for (const g of visibleSegments) out.tokens.delete(g);
  for (const g of sc.segments) if (visibleSegments.has(g.id)) for (const ni of g.nodes) out.tokens.delete(sc.nodes[ni]!.id);
  return out;
}

/** Indicator values a team has learnt so far: its alerts, reports sent to or by it, what it blocks, its injects' text. */
function knownBy(state: ExerciseState, team: string): Set<string> {
  const t = state.teams[team]!;
  const out = new Set<string>(Object.keys(t.blocked));
  const inbox = JSON.stringify(project(state, { role: 'blue', team }).inbox);
  for (const v of state.indicators) if (inbox.includes(JSON.stringify(v).slice(1, -1))) out.add(v);
  for (const a of t.alerts) for (const v of a.indicators) out.add(v);
  for (const id of [...t.sent, ...t.received]) for (const v of state.reports[id]!.indicators) out.add(v);
  return out;
}

function check(json: string, secrets: Secrets, where: string): string[] {
  const found: string[] = [];
  const key = KEY_RE.exec(json);
  if (key) found.push(`${where}: forbidden field "${key[1]}"`);
  for (const v of INTEGRITY) if (json.includes(`"${v}"`)) found.push(`${where}: truth state "${v}" as a value`);
  if (secrets.tokens.size === 0) return found;
  // One alternation per team instead of one search per token: the flagship scenario has thousands.
  secrets.re ??= new RegExp(`(?<![A-Za-z0-9._-])(${[...secrets.tokens].map((t) => escapeRe(JSON.stringify(t).slice(1, -1))).join('|')})(?![A-Za-z0-9._-])`, 'g');
  for (const m of json.matchAll(secrets.re)) {
    const tok = [...secrets.tokens].find((t) => JSON.stringify(t).slice(1, -1) === m[1]) ?? (m[1] as string);
    found.push(`${where}: ${secrets.label.get(tok) ?? 'secret'} "${tok}"`);
  }
  return found;
}

/** Runs a scenario, projecting every blue view after every record; returns every leak found. */
function walk(scenario: ScenarioT, seed: number, script: Scripted[], until: number): { leaks: string[]; views: number; events: number; whiteHits: number } {
  const blueIds = scenario.teams.filter((t) => t.role === 'blue').map((t) => t.id);
  const pending: { team: string; json: string; known: Set<string>; at: number }[] = [];
  let whiteJson = '';
  const run = runScript(scenario, seed, script, until, {
    onRecord: (s) => {
      for (const team of blueIds) pending.push({ team, json: JSON.stringify(project(s, { role: 'blue', team })), known: knownBy(s, team), at: s.clock });
      whiteJson = JSON.stringify(project(s, { role: 'white' }));
    },
  });
  const leaks: string[] = [];
  const cache = new Map<string, Secrets>();
  const byKnown = new Map<string, Secrets>();
  for (const p of pending) {
    const key = `${p.team}|${[...p.known].sort().join(',')}`;
    let secrets = byKnown.get(key);
    if (!secrets) byKnown.set(key, (secrets = secretsFor(run.state, p.team, run.log, p.known)));
    leaks.push(...check(p.json, secrets, `blue view of ${p.team} at T+${p.at}`));
  }
  for (const team of blueIds) cache.set(team, secretsFor(run.state, team, run.log, knownBy(run.state, team)));
  let events = 0;
  for (const team of blueIds) {
    const secrets = cache.get(team)!;
    for (const e of eventsFor(run.events, { role: 'blue', team }) as EngineEvent[]) {
      events++;
      leaks.push(...check(JSON.stringify(e), secrets, `event ${e.seq} ${e.type} to ${team}`));
    }
  }
  // The same walk over the white view must find plenty: proof that it can see what it looks for.
  const whiteHits = check(whiteJson, cache.get(blueIds[0]!)!, 'white').length;
  return { leaks: [...new Set(leaks)].slice(0, 40), views: pending.length, events, whiteHits };
}

describe('blue projections leak nothing', () => {
  it('base scenario with every kind of command, several seeds', () => {
    for (const seed of [1, 2, 3]) {
      const r = walk(baseScenario(), seed, busyScript(), 8 * HOUR);
      expect(r.leaks).toEqual([]);
      expect(r.views).toBeGreaterThan(100);
      expect(r.events).toBeGreaterThan(100);
      expect(r.whiteHits).toBeGreaterThan(10);
    }
  });

  it("the situation manual: texts and questions for other teams, and other teams' answers", () => {
    const sc = baseScenario();
    sc.moves = [
      {
        id: 'm1',
        title: 'Move 1',
        start: '0',
        description: 'Everyone reads this.',
        situations: [{ to: ['kw'], text: 'SECRET-SITUATION-kw' }],
        questions: [
          { text: 'Who do you call?', evaluation: { answer: 'SECRET-EXPECTED-ANSWER', rubric: { en: 'SECRET-RUBRIC-en', ar: 'SECRET-RUBRIC-ar' } } },
          { id: 'sa-only', to: ['sa'], text: 'SECRET-QUESTION-sa' },
        ],
      },
      { id: 'm2', title: 'Move 2', start: '2h', questions: [{ text: 'Second', to: ['kw', 'qa'] }] },
    ];
    const script: Scripted[] = [
      { at: 5 * MIN, command: { type: 'answer-question', move: 'm1', question: 'q1', text: 'SECRET-ANSWER-Q-kw', actor: blue('kw') } },
      { at: 6 * MIN, command: { type: 'answer-question', move: 'm1', question: 'sa-only', text: 'SECRET-ANSWER-Q-sa', actor: blue('sa') } },
      { at: 7 * MIN, command: { type: 'adjudicate', item: { kind: 'question', move: 'm1', question: 'q1', team: 'kw' }, grade: 80, comment: 'SECRET-QGRADE-kw', actor: WHITE } },
      { at: 3 * HOUR, command: { type: 'answer-question', move: 'm2', question: 'q1', text: 'SECRET-ANSWER-Q2-qa', actor: blue('qa') } },
    ];
    const r = walk(sc, 1, script, 4 * HOUR);
    expect(r.leaks).toEqual([]);
    expect(r.whiteHits).toBeGreaterThan(2);
  });

  it('a generated coalition with shared segments and false positives', () => {
    setNodeFalsePositiveRate(0.5);
    try {
      const sc = stressScenario({ teams: 4, nodesPerTeam: 25, steps: 40, injects: 40, hours: 12 });
      const hourly: Scripted[] = Array.from({ length: 11 }, (_, i) => ({ at: (i + 1) * HOUR, command: { type: 'speed', speed: 2, actor: { role: 'white' } } }));
      const r = walk(sc, 4, hourly, 12 * HOUR);
      expect(r.leaks).toEqual([]);
      expect(r.events).toBeGreaterThan(500);
    } finally {
      setNodeFalsePositiveRate(0.05);
    }
  });

  it('the bundled flagship scenario, projected every hour', () => {
    const file = join(import.meta.dirname, '..', '..', 'scenarios', 'gulf-shield.yaml');
    const sc = Scenario.parse(parse(readFileSync(file, 'utf8')));
    const hours = Math.floor(durationMs(sc.meta.duration) / HOUR);
    const hourly: Scripted[] = Array.from({ length: hours }, (_, i) => ({ at: (i + 1) * HOUR, command: { type: 'speed', speed: 1, actor: { role: 'white' } } }));
    const r = walk(sc, sc.meta.seed, hourly, durationMs(sc.meta.duration));
    expect(r.leaks).toEqual([]);
    expect(r.events).toBeGreaterThan(100);
  });
});
