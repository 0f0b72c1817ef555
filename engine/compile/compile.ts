/**
 * compileScenario: turns a validated scenario into the engine's lookup-friendly form (durations in ms,
 * defaults filled in, the standard action catalog merged, references resolved to indexes, static target
 * candidates and condition dependencies precomputed). Pure; the result is never mutated afterwards.
 */
import type { ActionKindT, InjectEvaluationT, ScenarioT, SensorT } from '../scenario/schema/index.ts';
import { ACTION_KINDS } from '../scenario/schema/index.ts';
import { durationMs } from '../time/duration.ts';
import { sha256Hex } from '../lib/hash.ts';
import { scenarioText } from './scenario-text.ts';
import { STANDARD_ACTIONS, DEFAULT_LASTS } from './catalog.ts';
import { CompileError, compileCondition, depsOf, timersOf } from './conditions.ts';
import { compileMoves } from './moves.ts';
import { indexOf, ms } from './lookup.ts';
import { compileSteps } from './steps.ts';
import type { CAction, CBlueTeam, CEvaluation, CInject, CNode, CSegment, CSensor, CompiledScenario, Mode } from './types.ts';

/** An inject's evaluation with deadlines in ms (every field optional in the format). */
function compileEvaluation(e: InjectEvaluationT | undefined): CEvaluation {
  const { expects, ...criteria } = e ?? {};
  return { ...criteria, expects: (expects ?? []).map((x) => ({ action: x.action, within: durationMs(x.within), description: x.description })) };
}

/** What a host may plug into compiling. */
export interface CompileOptions {
  /**
   * SHA-256 (lower-case hex of the UTF-8 bytes) for the scenario's hash: the engine's pure-JS one by
   * default; a Node host passes node:crypto's (native/hash.ts), the same digest, which saves the
   * command line about 40 ms of a cold `ramparts run` on the 1 MB canonical text of stress.yaml.
   */
  sha256?: (text: string) => string;
}

/**
 * Compiles a scenario that passed schema validation. Throws `CompileError` (with the path of the
 * offending field) on an unresolvable reference: run the validator first for a full located report.
 */
export function compileScenario(s: ScenarioT, options: CompileOptions = {}): CompiledScenario {
  // hashValue(s, sha256): the same text, written faster (scenario-text.ts).
  const hash = (options.sha256 ?? sha256Hex)(scenarioText(s));
  const teams = s.teams.map((t) => ({ ...t }));
  const teamIndex = indexOf(teams);
  const blueIds = teams.filter((t) => t.role === 'blue').map((t) => t.id);
  const isBlue = new Set(blueIds);
  const needBlue = (id: string, path: string): void => {
    if (!isBlue.has(id)) throw new CompileError(`${path}: "${id}" is not a blue team`);
  };

  const sensors: CSensor[] = [];
  const mkSensor = (x: SensorT, node: number | null, segment: number): CSensor => {
    const o = typeof x === 'string' ? { kind: x } : x;
    const sensor: CSensor = { idx: sensors.length, kind: o.kind, quality: o.quality ?? 1, fpPerHour: o.falsePositivesPerHour ?? 0, node, segment };
    sensors.push(sensor);
    return sensor;
  };

  const segmentIndex = indexOf(s.network.segments);
  const segments: CSegment[] = s.network.segments.map((g, i) => {
    needBlue(g.owner, `network.segments[${i}].owner`);
    (g.sharedWith ?? []).forEach((t, j) => needBlue(t, `network.segments[${i}].sharedWith[${j}]`));
    return {
      id: g.id,
      name: g.name,
      owner: g.owner,
      zone: g.zone,
      sharedWith: [...(g.sharedWith ?? [])],
      sensors: (g.sensors ?? []).map((x) => mkSensor(x, null, i)),
      cidr: g.cidr,
      nodes: [],
    };
  });

  const nodeIndex = indexOf(s.network.nodes);
  const nodes: CNode[] = s.network.nodes.map((n, i) => {
    const seg = segmentIndex.get(n.segment);
    if (seg === undefined) throw new CompileError(`network.nodes[${i}].segment: unknown segment "${n.segment}"`);
    const segment = segments[seg] as CSegment;
    segment.nodes.push(i);
    const own = (n.sensors ?? []).map((x) => mkSensor(x, i, seg));
    return {
      id: n.id,
      name: n.name,
      segment: seg,
      owner: segment.owner,
      kind: n.kind,
      os: n.os,
      criticality: n.criticality,
      ip: n.ip,
      tags: [...(n.tags ?? [])],
      services: (n.services ?? []).map((v) => ({ id: v.id, name: v.name, port: v.port, availability: v.availability ?? 0.95, critical: v.critical ?? false })),
      vulns: (n.vulnerabilities ?? []).map((v) => ({
        id: v.id,
        cvss: v.cvss,
        technique: v.technique,
        patched: v.patched ?? false,
        patchTime: v.patchTime === undefined ? null : durationMs(v.patchTime),
      })),
      sensors: [...own, ...segment.sensors],
      backup: n.backup ? { restoreTime: durationMs(n.backup.restoreTime), offline: n.backup.offline ?? false, age: n.backup.age === undefined ? null : durationMs(n.backup.age) } : null,
    };
  });

  const blue: CBlueTeam[] = blueIds.map((id) => {
    const owns = segments.flatMap((g, i) => (g.owner === id ? [i] : []));
    const sharedIn = segments.flatMap((g, i) => (g.owner !== id && g.sharedWith.includes(id) ? [i] : []));
    const own = owns.flatMap((g) => (segments[g] as CSegment).nodes);
    let weight = 0;
    let target = 0;
    for (const ni of own) {
      const n = nodes[ni] as CNode;
      for (const v of n.services) {
        weight += n.criticality;
        target += n.criticality * v.availability;
      }
    }
    return { id, owns, sharedIn, nodes: own, serviceWeight: weight, availabilityTarget: weight > 0 ? target / weight : 1 };
  });

  const { indicators, indicatorIndex, steps, stepIndex } = compileSteps(s, nodes, segments, nodeIndex, segmentIndex);

  const actions = new Map<string, CAction>();
  const actionByKind = {} as Record<ActionKindT, string>;
  for (const a of s.actions ?? []) {
    actions.set(a.id, {
      id: a.id,
      kind: a.kind,
      name: a.name,
      description: a.description,
      duration: durationMs(a.duration),
      success: a.success ?? 1,
      lasts: ms(a.lasts, DEFAULT_LASTS),
      standard: false,
    });
    if (actionByKind[a.kind] === undefined) actionByKind[a.kind] = a.id;
  }
  for (const kind of ACTION_KINDS) {
    if (actionByKind[kind] !== undefined) continue;
    const std = STANDARD_ACTIONS[kind];
    const id = actions.has(kind) ? `standard-${kind}` : kind;
    actions.set(id, { id, kind, name: std.name, duration: std.duration, success: std.success, lasts: std.lasts, standard: true });
    actionByKind[kind] = id;
  }

  const moves = compileMoves(s.moves ?? [], needBlue);
  const moveStart = new Map(moves.map((m) => [m.id, m.start]));
  const injectDeps = new Map<string, number[]>();
  const injects: CInject[] = (s.injects ?? []).map((x, idx) => {
    const path = `injects[${idx}]`;
    const to = x.to === 'all-blue' ? [...blueIds] : [...x.to];
    to.forEach((t, j) => needBlue(t, `${path}.to[${j}]`));
    const when = x.when ? compileCondition(x.when, stepIndex, nodeIndex, `${path}.when`) : null;
    if (when) for (const d of depsOf(when)) injectDeps.set(d, [...(injectDeps.get(d) ?? []), idx]);
    const at = x.at !== undefined ? durationMs(x.at) : x.move !== undefined && !when ? (moveStart.get(x.move) ?? null) : null;
    return {
      id: x.id,
      idx,
      title: x.title,
      at: at ?? (when ? null : 0),
      when,
      timers: when ? timersOf(when) : [],
      delay: ms(x.delay, 0),
      to,
      channel: x.channel,
      from: { ...x.from },
      tlp: x.tlp,
      priority: x.priority,
      type: x.type ?? 'inject',
      content: x.content,
      questions: [...(x.questions ?? [])],
      asks: [...(x.asks ?? [])],
      move: x.move,
      evaluation: compileEvaluation(x.evaluation),
    };
  });

  const posture = new Map<string, { patched: string[]; blocked: string[]; hunting: string[] }>();
  for (const p of s.posture ?? []) {
    needBlue(p.team, 'posture.team');
    const cur = posture.get(p.team) ?? { patched: [], blocked: [], hunting: [] };
    posture.set(p.team, cur);
    cur.patched.push(...(p.patched ?? []));
    cur.blocked.push(...(p.blocked ?? []));
    cur.hunting.push(...(p.hunting ?? []));
  }

  const sc = s.scoring;
  return {
    hash,
    source: s,
    meta: {
      id: s.meta.id,
      title: s.meta.title,
      version: s.meta.version,
      description: s.meta.description,
      startDate: s.meta.startDate,
      duration: durationMs(s.meta.duration),
      seed: s.meta.seed,
      modes: [...s.meta.modes] as Mode[],
      languages: [...(s.meta.languages ?? ['en'])],
      speed: s.meta.speed ?? 1,
      tlp: s.meta.tlp,
    },
    teams,
    teamIndex,
    blue,
    blueIndex: indexOf(blue),
    segments,
    segmentIndex,
    nodes,
    nodeIndex,
    sensors,
    links: (s.network.links ?? []).map((l) => ({ ...l })),
    campaigns: s.campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      actor: c.actor,
      description: c.description,
      mode: c.mode ?? 'scripted',
      objectives: (c.objectives ?? []).map((o) => ({ ...o })),
      steps: c.steps.map((st) => stepIndex.get(st.id) as number),
    })),
    indicators,
    indicatorIndex,
    steps,
    stepIndex,
    actions,
    actionByKind,
    posture,
    injects,
    injectIndex: indexOf(injects),
    injectDeps,
    moves,
    capabilities: (s.capabilities ?? []).map((c) => ({ id: c.id, name: c.name, tasks: c.tasks.map((t) => ({ ...t })) })),
    objectives: (s.objectives ?? []).map((o) => ({ id: o.id, text: o.text, capabilities: [...(o.capabilities ?? [])] })),
    scoring: {
      weights: { ...sc.weights },
      penalties: { disruption: sc.penalties?.disruption ?? 0, lateReport: sc.penalties?.lateReport ?? 0 },
      detectionHalfLife: ms(sc.detectionHalfLife, 30 * 60_000),
      responseTarget: ms(sc.responseTarget, 60 * 60_000),
      sampleEvery: Math.max(1_000, ms(sc.sampleEvery, 5 * 60_000)),
      blueScores: sc.blueScores ?? 'withheld',
    },
  };
}

export { CompileError };
