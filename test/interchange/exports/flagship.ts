/**
 * A full scripted run of the flagship scenario (scenarios/gulf-shield.yaml) with blue teams of
 * different maturity, the white cell adjudicating and evaluators rating, recorded as a ramparts log
 * exactly as the server records one. The blue "analysts" are scripted: every 10 simulated minutes each
 * team acknowledges and answers injects, isolates nodes it gets true alerts about, shares the indicators
 * of its own detections, applies partners' reports and files situation reports, each according to its
 * profile. Deterministic: decisions read only the exercise state.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Command,
  compileScenario,
  createExercise,
  type EngineEvent,
  type ExerciseState,
  logHeader,
  type RampartsLog,
  type ScenarioT,
  serialiseLog,
  step,
  type TlpLevel,
  validateScenarioText,
} from '../../../engine/index.ts';
import { repoRoot } from '../helpers.ts';

const MIN = 60_000;
const WHITE = { role: 'white' } as const;
const SYSTEM = { role: 'system' } as const;
const blue = (team: string) => ({ role: 'blue', team }) as const;

type Profile = 'good' | 'average' | 'poor';
const PROFILES: Record<string, { profile: Profile; tlp: TlpLevel }> = {
  xs: { profile: 'good', tlp: 'GREEN' },
  xr: { profile: 'good', tlp: 'AMBER' },
  xn: { profile: 'poor', tlp: 'GREEN' },
  xm: { profile: 'average', tlp: 'CLEAR' },
  xz: { profile: 'average', tlp: 'AMBER+STRICT' },
};

export interface FlagshipRun {
  scenario: ScenarioT;
  log: RampartsLog;
  text: string;
  state: ExerciseState;
  events: EngineEvent[];
  refused: { command: Command; code: string; message: string }[];
}

export function flagshipScenario(): ScenarioT {
  const v = validateScenarioText(readFileSync(join(repoRoot, 'scenarios/gulf-shield.yaml')), 'gulf-shield.yaml');
  if (!v.ok) throw new Error(`gulf-shield.yaml is invalid: ${v.errors.map((e) => e.message).join('; ')}`);
  return v.scenario;
}

/** Runs the flagship scenario with the scripted teams to its end, then the evaluators rate. */
export function flagshipRun(opts: { until?: number } = {}): FlagshipRun {
  const scenario = flagshipScenario();
  const compiled = compileScenario(scenario);
  const seed = scenario.meta.seed;
  const state = createExercise(compiled, { seed, mode: 'headless' });
  const log: RampartsLog = { header: logHeader(scenario, seed, 'headless'), records: [] };
  const events: EngineEvent[] = [];
  const refused: FlagshipRun['refused'] = [];
  const apply = (command: Command): boolean => {
    const t = state.clock;
    const r = step(state, command);
    if (!r.ok) {
      refused.push({ command, code: r.code, message: r.message });
      return false;
    }
    events.push(...r.events);
    log.records.push({ t, command, events: r.events });
    return true;
  };
  const until = opts.until ?? compiled.meta.duration;
  const blueIds = compiled.blue.map((b) => b.id);
  const seenAlerts: Record<string, number> = Object.fromEntries(blueIds.map((b) => [b, 0]));
  const sharedValues: Record<string, Set<string>> = Object.fromEntries(blueIds.map((b) => [b, new Set<string>()]));
  let tick = 0;
  const ended = (): boolean => state.phase === 'ended';

  apply({ type: 'start', actor: WHITE });
  for (let t = 10 * MIN; t <= until && !ended(); t += 10 * MIN) {
    apply({ type: 'advance', to: Math.min(t, until), actor: SYSTEM });
    if (ended()) break;
    tick++;
    if (t === 5 * 60 * MIN) {
      apply({
        type: 'adhoc-inject',
        actor: WHITE,
        inject: {
          title: 'Minister asks for a call',
          to: 'all-blue',
          channel: 'phone',
          from: { name: 'Minister of Interior', role: 'Minister' },
          tlp: 'AMBER',
          content: 'Call me with a status update.',
          evaluation: { expects: [{ action: 'sitrep', within: '30m' }] },
        },
      });
    }
    if (t === 6 * 60 * MIN) shareRestricted();
    for (const team of blueIds) playTeam(team, tick);
    adjudicate();
  }
  if (!ended() && state.clock < until) apply({ type: 'advance', to: until, actor: SYSTEM });
  rate();
  return { scenario, log, text: serialiseLog(log), state, events, refused };

  function playTeam(team: string, n: number): void {
    const { profile, tlp } = PROFILES[team] ?? { profile: 'average', tlp: 'GREEN' };
    const tr = state.teams[team];
    if (!tr) return;
    // Injects: acknowledge and answer according to the profile.
    let k = 0;
    for (const id of tr.inbox) {
      const it = state.injects[id]?.teams[team];
      if (!it) continue;
      k++;
      const diligent = profile === 'good' || (profile === 'average' && k % 2 === 0) || (profile === 'poor' && k === 1);
      if (!diligent) continue;
      if (it.s === 'delivered') apply({ type: 'ack-inject', inject: id, actor: blue(team) });
      else if (it.s === 'acknowledged' && (profile === 'good' || k % 4 === 0)) {
        apply({ type: 'answer-inject', inject: id, text: `${team.toUpperCase()} response to ${id}: actions taken and status reported.`, actor: blue(team) });
      }
    }
    // New alerts: isolate own nodes with true alerts, share indicators of own detections.
    const alerts = tr.alerts.slice(seenAlerts[team]);
    const truth = (state.alertTruth[team] ?? []).slice(seenAlerts[team]);
    seenAlerts[team] = tr.alerts.length;
    const fresh: string[] = [];
    let technique: string | undefined;
    alerts.forEach((a, i) => {
      if (truth[i]?.fp !== false || a.source === 'block') return;
      const ni = state.scenario.nodeIndex.get(a.node);
      const owner = ni === undefined ? undefined : state.scenario.nodes[ni]?.owner;
      const rt = ni === undefined ? undefined : state.nodes[ni];
      // The scripted analyst confirms the compromise (reads the truth) before isolating: no needless isolation.
      const compromised = rt !== undefined && rt.integrity !== 'clean' && rt.integrity !== 'restored';
      const busy = Object.values(state.actions).some((x) => x.team === team && x.target.node === a.node && (x.s === 'inProgress' || x.s === 'requested'));
      if (profile !== 'poor' && owner === team && compromised && !busy && rt.network === 'connected' && (profile === 'good' || a.severity !== 'low')) {
        apply({ type: 'action', action: 'isolate-host', target: { node: a.node }, actor: blue(team) });
      }
      for (const v of a.indicators) {
        if (tr.ioc[v] === 'own' && !sharedValues[team]?.has(v) && !fresh.includes(v)) fresh.push(v);
      }
      technique ??= /^T\d{4}(\.\d{3})?$/.test(a.technique) ? a.technique : undefined;
    });
    if (fresh.length > 0 && profile !== 'poor') {
      const partners = blueIds.filter((b) => b !== team);
      const ok = apply({
        type: 'share-intel',
        partners,
        actor: blue(team),
        report: {
          title: `${team.toUpperCase()} detection report ${tr.sent.length + 1}`,
          text: `Indicators from confirmed alerts at ${state.clock / MIN} minutes.`,
          indicators: fresh,
          tlp,
          ...(technique ? { technique } : {}),
        },
      });
      if (ok) for (const v of fresh) sharedValues[team]?.add(v);
    }
    // Recovery: restore isolated compromised nodes from backup, reconnect restored ones.
    if (profile !== 'poor') {
      for (const ni of state.scenario.blue.find((b) => b.id === team)?.nodes ?? []) {
        const rt = state.nodes[ni];
        const c = state.scenario.nodes[ni];
        if (!rt || !c || rt.network !== 'isolated') continue;
        const busy = Object.values(state.actions).some((a) => a.team === team && a.target.node === c.id && (a.s === 'inProgress' || a.s === 'requested'));
        if (busy) continue;
        if (rt.integrity === 'restored') apply({ type: 'action', action: 'reconnect-host', target: { node: c.id }, actor: blue(team) });
        else if (c.backup) apply({ type: 'action', action: 'restore-from-backup', target: { node: c.id }, actor: blue(team) });
      }
    }
    // Partner intelligence.
    for (const [i, id] of tr.received.entries()) {
      if (tr.applied[id] !== undefined) continue;
      const busy = Object.values(state.actions).some((a) => a.team === team && a.report === id && a.s === 'inProgress');
      if (busy) continue;
      if (profile === 'good' || (profile === 'average' && i % 2 === 0)) apply({ type: 'apply-intel', report: id, actor: blue(team) });
    }
    // Situation reports.
    const every = profile === 'good' ? 12 : profile === 'average' ? 24 : 72;
    if (n % every === 0)
      apply({ type: 'sitrep', text: `${team.toUpperCase()} SITREP ${n / every}: ${tr.alerts.length} alerts, ${tr.actions.length} actions.`, severity: n > 60 ? 'high' : 'medium', actor: blue(team) });
  }

  /** Sahiliya tells only Rimalia, under TLP:RED, what it saw itself. */
  function shareRestricted(): void {
    const own = Object.entries(state.teams.xs?.ioc ?? {})
      .filter(([, how]) => how === 'own')
      .map(([v]) => v)
      .sort()
      .slice(0, 2);
    if (own.length === 0) return;
    apply({ type: 'share-intel', partners: ['xr'], actor: blue('xs'), report: { title: 'XS eyes only for XR', text: 'Do not share further.', indicators: own, technique: 'T1566.001', tlp: 'RED' } });
  }

  function adjudicate(): void {
    for (const rt of Object.values(state.injects)) {
      for (const [team, it] of Object.entries(rt.teams)) {
        if (it.s !== 'answered') continue;
        const grade = PROFILES[team]?.profile === 'good' ? 85 : 60;
        apply({ type: 'adjudicate', item: { kind: 'answer', inject: rt.id, team }, grade, actor: WHITE });
      }
    }
    for (const s of Object.values(state.sitreps)) {
      if (s.grade === null) apply({ type: 'adjudicate', item: { kind: 'sitrep', id: s.id }, grade: PROFILES[s.team]?.profile === 'good' ? 90 : 55, comment: 'Timely and complete.', actor: WHITE });
    }
  }

  function rate(): void {
    const ev = (name: string) => ({ role: 'evaluator', name }) as const;
    const plan: [string, string | undefined, 'P' | 'S' | 'M' | 'U', string][] = [
      ['cybersecurity', 'cyber-detect', 'S', 'Most intrusions detected; OT blind spots.'],
      ['cybersecurity', 'cyber-contain', 'M', 'Isolation late in two nations.'],
      ['cybersecurity', 'cyber-harden', 'S', 'Advisories acted on.'],
      ['cybersecurity', 'cyber-eradicate', 'U', 'Credentials never reset.'],
      ['intel-sharing', 'iis-share', 'P', 'Indicators shared within the hour.'],
      ['intel-sharing', 'iis-apply', 'S', 'Most partners applied them.'],
      ['op-coordination', 'opco-sitrep', 'S', 'Regular situation reports.'],
      ['public-info', 'pio-statement', 'M', 'Statements uncoordinated.'],
      ['infrastructure', 'infra-continuity', 'M', 'RPS fallback slow.'],
    ];
    for (const [capability, task, rating, note] of plan) apply({ type: 'rate', capability, ...(task ? { task } : {}), rating, note, actor: ev('Lead evaluator') });
    apply({ type: 'rate', capability: 'intel-sharing', rating: 'P', note: 'Exemplary coalition sharing.', actor: ev('Lead evaluator') });
    apply({ type: 'rate', capability: 'intel-sharing', rating: 'S', actor: ev('Second evaluator') });
    apply({ type: 'rate', capability: 'cybersecurity', task: 'cyber-contain', rating: 'U', actor: ev('Second evaluator') });
  }
}
