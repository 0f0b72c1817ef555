/**
 * What blue sensors see. True detections are drawn per sensor covering an attacked node; false
 * positives come from each sensor's rate. An alert carries observable facts only (node, sensor,
 * times, technique as the sensor reports it, some indicator values); whether it is true or false is
 * white-only truth, kept in `alertTruth` and the `alert.truth` event.
 */
import type { IndicatorKindT, SensorKindT } from '../scenario/schema/index.ts';
import type { CNode, CSensor, CStep } from '../compile/types.ts';
import { type Ctx, toTeam, WHITE } from './ctx.ts';
import { enqueue } from './queue.ts';
import { indicatorValue } from './indicators.ts';
import type { AlertSource, AlertTruth, AttemptRt, PendingAlert, Severity, TeamRt } from './state.ts';
import { onDependency } from './conditions.ts';
import { halvings } from './mathx.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';
import { touchAttempt } from './changes.ts';

/** Indicator kinds each source can observe. */
const SEES: Record<AlertSource, ReadonlySet<IndicatorKindT> | 'all'> = {
  edr: new Set(['sha256', 'md5', 'filename', 'registry-key', 'mutex', 'ipv4', 'domain']),
  av: new Set(['sha256', 'md5', 'filename']),
  ids: new Set(['ipv4', 'domain', 'url', 'user-agent']),
  ndr: new Set(['ipv4', 'domain', 'url', 'user-agent']),
  siem: 'all',
  honeypot: new Set(['ipv4', 'user-agent', 'url']),
  dlp: new Set(['email', 'domain', 'url', 'filename']),
  hunt: 'all',
  forensics: 'all',
  block: 'all',
};
/** Network sensors report the parent technique only. */
const COARSE = new Set<AlertSource>(['ids', 'ndr', 'av', 'honeypot']);
const FP_TECHNIQUES = ['T1059.001', 'T1071.001', 'T1110', 'T1078', 'T1105', 'T1046', 'T1566.001', 'T1204.002', 'T1053.005', 'T1021.001', 'T1047', 'T1003'];
const FP_KINDS: Record<SensorKindT, IndicatorKindT[]> = {
  edr: ['sha256', 'filename', 'registry-key'],
  av: ['sha256', 'md5'],
  ids: ['ipv4', 'domain'],
  ndr: ['ipv4', 'url'],
  siem: ['ipv4', 'domain', 'sha256'],
  honeypot: ['ipv4', 'user-agent'],
  dlp: ['email', 'domain'],
};

/** The technique id a source reports for a step's technique. */
export function reportedTechnique(source: AlertSource, technique: string): string {
  const dot = technique.indexOf('.');
  return COARSE.has(source) && dot > 0 ? technique.slice(0, dot) : technique;
}

/** Indicator values of a step visible to a source. */
export function visibleIndicators(ctx: Ctx, step: CStep, source: AlertSource): string[] {
  const sees = SEES[source];
  const out: string[] = [];
  for (const i of step.indicators) {
    const kind = ctx.state.scenario.indicators[i]?.kind;
    if (kind && (sees === 'all' || sees.has(kind))) out.push(ctx.state.indicators[i] as string);
  }
  return out;
}

const severityOf = (crit: number): Severity => (crit >= 5 ? 'critical' : crit >= 4 ? 'high' : crit >= 2 ? 'medium' : 'low');

/** alertTeams per compiled node (the scenario is immutable): one array per node, not one per alert. */
const ALERT_TEAMS = new WeakMap<CNode, readonly string[]>();
/** Teams that receive alerts about a node: the owner and the teams its segment is shared with. */
function alertTeams(ctx: Ctx, c: CNode): readonly string[] {
  let teams = ALERT_TEAMS.get(c);
  if (teams === undefined) {
    const seg = ctx.state.scenario.segments[c.segment];
    teams = seg && seg.sharedWith.length > 0 ? [c.owner, ...seg.sharedWith] : [c.owner];
    ALERT_TEAMS.set(c, teams);
  }
  return teams;
}

/**
 * Draws detection for one attempt on a node: one detection draw and one delay draw per covering sensor
 * the step has odds for (always both, so other factors never shift the stream). Hunting raises odds x1.5.
 */
export function drawDetections(ctx: Ctx, step: CStep, c: CNode, attemptIdx: number, hunting: boolean): void {
  const d = ctx.draws;
  for (const sensor of c.sensors) {
    const base = step.detection[sensor.kind];
    if (base === undefined) continue;
    const u = d.next('detection');
    const delay = Math.floor(d.next('detection') * step.detectionDelay);
    const p = Math.min(1, base * sensor.quality * (hunting ? 1.5 : 1));
    if (u >= p) continue;
    const alert: PendingAlert = {
      observedAt: ctx.state.clock,
      node: c.id,
      source: sensor.kind,
      technique: reportedTechnique(sensor.kind, step.technique),
      indicators: visibleIndicators(ctx, step, sensor.kind),
      severity: severityOf(c.criticality),
      fp: false,
      step: step.idx,
      attempt: attemptIdx,
    };
    for (const t of alertTeams(ctx, c)) {
      if (delay === 0) deliverAlert(ctx, t, alert);
      else enqueue(ctx.state, { alert, k: 'alert', n: ctx.state.n++, t: ctx.state.clock + delay, team: t });
    }
  }
}

/** Delivers an alert to a team now: its inbox, indicator knowledge, detection credit, conditions. */
export function deliverAlert(ctx: Ctx, teamId: string, p: PendingAlert): void {
  const s = ctx.state;
  const t = own(s.teams, teamId) as TeamRt;
  const id = `${teamId}-A${++t.counters.alert}`;
  // Fields in sorted order, here and in the other records a state holds by the thousand: the state
  // hash then writes them with JSON.stringify (engine/lib/canonical.ts).
  const alert = { id, indicators: p.indicators, node: p.node, observedAt: p.observedAt, severity: p.severity, source: p.source, t: s.clock, technique: p.technique };
  t.alerts.push(alert);
  setOwn(t.nodeAlerts, p.node, (own(t.nodeAlerts, p.node) ?? 0) + 1);
  // Knowledge matters for TLP checks on re-sharing; random false-positive values are only recorded when
  // the team already knows them from a report (keeps the record small on noisy sensors).
  for (const v of p.indicators) if (!p.fp || hasOwnKey(t.ioc, v)) setOwn(t.ioc, v, 'own');
  const truth = { alert: id, attempt: p.attempt, fp: p.fp, step: p.step === null ? null : (s.scenario.steps[p.step] as CStep).id, team: teamId };
  (own(s.alertTruth, teamId) as AlertTruth[]).push(truth);
  ctx.emit('alert', 'engine', alert, toTeam(teamId));
  ctx.emit('alert.truth', 'engine', truth, WHITE);
  if (p.fp) return;
  for (const v of p.indicators) if (!hasOwnKey(s.coalition.firstSeen, v)) setOwn(s.coalition.firstSeen, v, s.clock);
  if (p.attempt !== null) {
    const a = s.attempts[p.attempt] as AttemptRt;
    if (a.team === teamId && a.detectedAt === null) {
      touchAttempt(s, p.attempt);
      a.detectedAt = s.clock;
      t.score.credit += halvings((s.clock - a.t) / s.scenario.scoring.detectionHalfLife);
    }
  }
  if (p.step !== null && !hasOwnKey(t.detected, String(p.step))) {
    t.detected[p.step] = s.clock;
    onDependency(ctx, `step.detected:${p.step}`, teamId);
  }
}

/** Schedules a sensor's next false positive (exponential gaps from the noise stream). */
export function scheduleFalsePositive(ctx: Ctx, sensor: CSensor): void {
  if (sensor.fpPerHour <= 0) return;
  const gap = Math.max(1, Math.round(ctx.draws.exp('noise', 3_600_000 / sensor.fpPerHour)));
  enqueue(ctx.state, { k: 'fp', n: ctx.state.n++, sensor: sensor.idx, t: ctx.state.clock + gap });
}

/** A sensor raises a false alert on a node it covers, with plausible technique and indicators. */
export function falsePositive(ctx: Ctx, sensorIdx: number): void {
  const s = ctx.state;
  const sensor = s.scenario.sensors[sensorIdx] as CSensor;
  const d = ctx.draws;
  let ni = sensor.node;
  if (ni === null) {
    const seg = s.scenario.segments[sensor.segment];
    ni = seg && seg.nodes.length > 0 ? (seg.nodes[d.int('noise', seg.nodes.length)] as number) : null;
  }
  if (ni !== null) {
    const c = s.scenario.nodes[ni] as CNode;
    const kinds = FP_KINDS[sensor.kind];
    const kind = kinds[d.int('noise', kinds.length)] as IndicatorKindT;
    // Bytes of d.int('noise', 256), the generator taken once for the value's dozens of draws.
    const noise = d.stream('noise');
    const value = indicatorValue(kind, () => Math.floor(noise() * 256));
    const technique = FP_TECHNIQUES[d.int('noise', FP_TECHNIQUES.length)] as string;
    const alert: PendingAlert = {
      observedAt: s.clock,
      node: c.id,
      source: sensor.kind,
      technique: reportedTechnique(sensor.kind, technique),
      indicators: [value],
      severity: d.next('noise') < 0.7 ? 'low' : 'medium',
      fp: true,
      step: null,
      attempt: null,
    };
    for (const t of alertTeams(ctx, c)) deliverAlert(ctx, t, alert);
  }
  scheduleFalsePositive(ctx, sensor);
}
