/**
 * The red campaign: step scheduling from timing and preconditions, target selection, outcomes
 * (reachability, success odds shaped by blue posture), effects on node truth, detection draws, retries.
 * The red cell's launch / hold / abort of manual steps are in red-cell.ts.
 */
import type { CNode, CStep } from '../compile/types.ts';
import { redStepNext, SEVERITY, type RedStepStatus } from '../machines/index.ts';
import { type Ctx, RED, WHITE } from './ctx.ts';
import { enqueue } from './queue.ts';
import type { NodeRt, StepRt, TeamRt } from './state.ts';
import { changeNode } from './nodes.ts';
import { deliverAlert, drawDetections } from './detection.ts';
import { onDependency } from './conditions.ts';
import { hasOwnKey, own, ownOrSet, setOwn } from '../lib/own.ts';
import { touchAttempt, touchNode, touchStep } from './changes.ts';

const FINAL_BAD = new Set<RedStepStatus>(['failed', 'aborted']);

/** 'ok' when every precondition has succeeded, 'never' when that can no longer happen, else 'wait'. */
export function preconditions(ctx: Ctx, c: CStep): 'ok' | 'wait' | 'never' {
  const steps = ctx.state.steps;
  const all = c.sameAs === null ? c.requires : [...c.requires, c.sameAs];
  let verdict: 'ok' | 'wait' = 'ok';
  for (const r of all) {
    const st = (steps[r] as StepRt).s;
    if (FINAL_BAD.has(st)) return 'never';
    if (st !== 'succeeded') verdict = 'wait';
  }
  if (c.requiresAny.length > 0) {
    let any = false;
    let open = false;
    for (const r of c.requiresAny) {
      const st = (steps[r] as StepRt).s;
      if (st === 'succeeded') any = true;
      else if (!FINAL_BAD.has(st)) open = true;
    }
    if (!any) return open ? 'wait' : 'never';
  }
  return verdict;
}

export function setStatus(st: StepRt, event: string): boolean {
  const next = redStepNext(st.s, event);
  if (!next) return false;
  st.s = next;
  return true;
}

/** Schedules a pending step whose preconditions hold; aborts one whose preconditions never will. */
export function considerStep(ctx: Ctx, si: number): void {
  const s = ctx.state;
  const st = s.steps[si] as StepRt;
  const c = s.scenario.steps[si] as CStep;
  if (st.s !== 'pending' || st.due !== null) return;
  const pre = preconditions(ctx, c);
  if (pre === 'wait') return;
  if (pre === 'never') {
    abortStep(ctx, si, 'its preconditions can no longer be met', 'engine');
    return;
  }
  touchStep(s, si);
  const jitter = c.jitter > 0 ? Math.floor(ctx.draws.next('red') * c.jitter) : 0;
  st.due = Math.max(c.at, s.clock + (c.requires.length + c.requiresAny.length > 0 || c.sameAs !== null ? c.after : Math.max(0, c.after - s.clock))) + jitter;
  enqueue(s, { k: 'step', n: s.n++, step: si, t: st.due });
}

export function abortStep(ctx: Ctx, si: number, reason: string, actor: string): void {
  const st = ctx.state.steps[si] as StepRt;
  if (!setStatus(st, 'ABORT')) return;
  touchStep(ctx.state, si);
  st.reason = reason;
  st.endedAt = ctx.state.clock;
  ctx.emit('red.step.aborted', actor, { step: (ctx.state.scenario.steps[si] as CStep).id, reason }, RED);
  for (const d of (ctx.state.scenario.steps[si] as CStep).dependents) considerStep(ctx, d);
}

/** A step's time came: scripted steps run, manual ones wait for the red cell. */
export function stepDue(ctx: Ctx, si: number, t: number): void {
  const st = ctx.state.steps[si] as StepRt;
  if (st.s !== 'pending' || st.due !== t) return;
  touchStep(ctx.state, si);
  const c = ctx.state.scenario.steps[si] as CStep;
  if (c.manual) {
    setStatus(st, 'READY');
    ctx.emit('red.step.ready', 'engine', { step: c.id }, RED);
  } else {
    run(ctx, si, 'RUN', 'engine');
  }
}

/** Nodes the step acts on now: static candidates, then sameAs and state, then the pick. */
function selectTargets(ctx: Ctx, c: CStep): number[] {
  const s = ctx.state;
  let pool = c.candidates;
  if (c.sameAs !== null) {
    const hits = new Set((s.steps[c.sameAs] as StepRt).hits);
    pool = pool.filter((i) => hits.has(i));
  }
  if (c.state !== null) {
    const min = SEVERITY[c.state];
    pool = pool.filter((i) => SEVERITY[(s.nodes[i] as NodeRt).integrity] >= min);
  }
  if (c.pick === 'all' || c.pick >= pool.length) return [...pool];
  const copy = [...pool];
  for (let i = 0; i < c.pick; i++) {
    const j = i + ctx.draws.int('red', copy.length - i);
    const x = copy[i] as number;
    copy[i] = copy[j] as number;
    copy[j] = x;
  }
  return copy.slice(0, c.pick).sort((a, b) => a - b);
}

export function run(ctx: Ctx, si: number, event: 'RUN' | 'LAUNCH', actor: string): void {
  const s = ctx.state;
  const st = s.steps[si] as StepRt;
  const c = s.scenario.steps[si] as CStep;
  touchStep(s, si);
  setStatus(st, event);
  st.run++;
  st.due = null;
  st.startedAt = s.clock;
  st.targets = selectTargets(ctx, c);
  ctx.emit('red.step.started', actor, { step: c.id, run: st.run, targets: st.targets.map((i) => (s.scenario.nodes[i] as CNode).id) }, RED);
  enqueue(s, { k: 'finish', n: s.n++, run: st.run, step: si, t: s.clock + c.duration });
}

/** Success probability on one target and the posture that shaped it. */
function odds(ctx: Ctx, c: CStep, ni: number): { p: number; reason: string | null; blocked: string | null; hunting: boolean } {
  const s = ctx.state;
  const node = s.scenario.nodes[ni] as CNode;
  const n = s.nodes[ni] as NodeRt;
  const t = own(s.teams, node.owner) as TeamRt;
  let p = c.success.base;
  let reason: string | null = null;
  if (c.exploits !== null) {
    if (!node.vulns.some((v) => v.id === c.exploits)) return { p: 0, reason: 'not vulnerable', blocked: null, hunting: false };
    if (hasOwnKey(n.patched, c.exploits)) {
      p *= c.success.patched;
      reason = 'patched';
    }
  }
  const segId = (s.scenario.segments[node.segment] as { id: string }).id;
  const until = own(t.hunting, segId);
  const hunting = until !== undefined && until > s.clock;
  if (hunting) {
    p *= c.success.hunting;
    reason ??= 'hunting';
  }
  if (c.exploits === null && t.credsStolenAt !== null && t.credsResetAt !== null && t.credsResetAt > t.credsStolenAt) {
    p *= c.success.credentialsReset;
    reason ??= 'credentials reset';
  }
  let blocked: string | null = null;
  for (const i of c.indicators) {
    const v = s.indicators[i] as string;
    if (hasOwnKey(t.blocked, v)) {
      blocked = v;
      p *= c.success.blocked;
      reason = 'indicator blocked';
      break;
    }
  }
  return { p, reason, blocked, hunting };
}

const EFFECT_EVENT: Record<string, string | null> = {
  compromise: 'COMPROMISE',
  persist: 'PERSIST',
  'steal-credentials': 'COMPROMISE',
  exfiltrate: 'EXFILTRATE',
  encrypt: 'ENCRYPT',
  wipe: 'WIPE',
  'disrupt-service': 'COMPROMISE',
  deface: 'COMPROMISE',
};

function applyEffects(ctx: Ctx, c: CStep, ni: number): void {
  const s = ctx.state;
  const node = s.scenario.nodes[ni] as CNode;
  const cause = `red:${c.id}`;
  touchNode(s, ni);
  touchStep(s, c.idx);
  for (const e of c.effects) {
    const ev = EFFECT_EVENT[e] ?? null;
    // The machine refuses a transition that is not strictly more severe: then only the side effect applies.
    if (ev !== null) changeNode(ctx, ni, ev, cause);
    if (e === 'steal-credentials') {
      (s.nodes[ni] as NodeRt).creds = true;
      (own(s.teams, node.owner) as TeamRt).credsStolenAt = s.clock;
    } else if (e === 'disrupt-service') {
      const ids = c.service !== null ? [c.service] : node.services.map((v) => v.id);
      changeNode(ctx, ni, null, cause, (n) => {
        for (const id of ids) if (!n.down.includes(id)) n.down.push(id);
      });
    } else if (e === 'deface') {
      changeNode(ctx, ni, null, cause, (n) => {
        n.defaced = true;
      });
    }
  }
  const n = s.nodes[ni] as NodeRt;
  if (!n.hits.includes(c.idx)) n.hits.push(c.idx);
  const st = s.steps[c.idx] as StepRt;
  if (!st.hits.includes(ni)) st.hits.push(ni);
}

/** A run's time is up: outcome per target, effects, detections, then the step's own outcome. */
export function finishStep(ctx: Ctx, si: number, runNo: number): void {
  const s = ctx.state;
  const st = s.steps[si] as StepRt;
  const c = s.scenario.steps[si] as CStep;
  if (st.s !== 'running' || st.run !== runNo) return;
  touchStep(s, si);
  const hits: string[] = [];
  // What red observes of a miss: unreachable, or the target resisted (never which blue posture did it).
  const misses: { node: string; reason: 'unreachable' | 'resisted' }[] = [];
  const detail: { node: string; ok: boolean; p: number; reason: string | null }[] = [];
  for (const ni of st.targets) {
    const node = s.scenario.nodes[ni] as CNode;
    const o = odds(ctx, c, ni);
    const u = ctx.draws.next('red');
    const reachable = (s.nodes[ni] as NodeRt).network === 'connected';
    const ok = reachable && u < o.p;
    const reason = !reachable ? 'unreachable' : ok ? null : (o.reason ?? 'failed');
    const ai = s.attempts.length;
    touchAttempt(s, ai);
    s.attempts.push({ detectedAt: null, node: ni, ok, p: o.p, reason, step: si, t: s.clock, team: node.owner }); // fields sorted: see deliverAlert
    if (ok) hits.push(node.id);
    else misses.push({ node: node.id, reason: reachable ? 'resisted' : 'unreachable' });
    detail.push({ node: node.id, ok, p: o.p, reason });
    if (!reachable) continue;
    const tr = own(s.teams, node.owner) as TeamRt;
    tr.score.attempts++;
    for (const i of c.indicators) {
      const v = s.indicators[i] as string;
      if (!hasOwnKey(s.coalition.firstSeen, v)) continue;
      const targeted = ownOrSet(s.coalition.targeted, v, () => ({}));
      if (!hasOwnKey(targeted, node.owner)) setOwn(targeted, node.owner, s.clock);
    }
    if (o.blocked !== null) {
      deliverAlert(ctx, node.owner, {
        observedAt: s.clock,
        node: node.id,
        source: 'block',
        technique: c.technique,
        indicators: [o.blocked],
        severity: 'medium',
        fp: false,
        step: si,
        attempt: ai,
      });
    }
    if (ok) applyEffects(ctx, c, ni);
    drawDetections(ctx, c, node, ai, o.hunting);
  }
  st.endedAt = s.clock;
  ctx.emit('red.outcome', 'engine', { step: c.id, run: st.run, attempts: detail }, WHITE);
  if (hits.length > 0) {
    setStatus(st, 'SUCCEED');
    st.reason = null;
    ctx.emit('red.step.succeeded', 'engine', { step: c.id, run: st.run, hits, misses }, RED);
    if (c.objective !== null && !hasOwnKey(s.objectives, c.objective)) {
      setOwn(s.objectives, c.objective, s.clock);
      ctx.emit('red.objective', 'engine', { objective: c.objective, step: c.id }, RED);
    }
    onDependency(ctx, `step.succeeded:${si}`, null);
  } else {
    setStatus(st, 'FAIL');
    st.reason = st.targets.length === 0 ? 'no target' : 'every target resisted';
    if (c.retry && st.run <= c.retry.times) {
      setStatus(st, 'RETRY');
      st.due = s.clock + c.retry.after;
      enqueue(s, { k: 'step', n: s.n++, step: si, t: st.due });
      ctx.emit('red.step.retrying', 'engine', { step: c.id, run: st.run, misses, at: st.due }, RED);
      return;
    }
    ctx.emit('red.step.failed', 'engine', { step: c.id, run: st.run, misses, reason: st.reason }, RED);
  }
  for (const d of c.dependents) considerStep(ctx, d);
}

/** Red cell: launch a ready or held step now. */
