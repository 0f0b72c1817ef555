/** What a completed blue action does to the world. */
import type { CAction, CNode, CSegment, CStep } from '../compile/types.ts';
import { SEVERITY } from '../machines/index.ts';
import { type Ctx, team } from './ctx.ts';
import { schedule } from './queue.ts';
import type { ActionRt, NodeRt, ReportRt, TeamRt } from './state.ts';
import { changeNode } from './nodes.ts';
import { deliverAlert, visibleIndicators } from './detection.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';
import { touchNode, touchReport } from './changes.ts';

export interface Outcome {
  failed: boolean;
  message: string;
}
const done = (message: string): Outcome => ({ failed: false, message });
const failed = (message: string): Outcome => ({ failed: true, message });

/** Chance that a hunt finds each compromised node of its segment. */
export const HUNT_FIND_P = 0.5;

export function actionEffect(ctx: Ctx, a: ActionRt, def: CAction): Outcome {
  const s = ctx.state;
  const ni = a.target.node === undefined ? undefined : s.scenario.nodeIndex.get(a.target.node);
  const cause = `blue:${a.team}`;
  switch (a.kind) {
    case 'isolate':
      return changeNode(ctx, ni as number, 'ISOLATE', cause) ? done('node isolated') : done('node was already isolated');
    case 'reconnect':
      return changeNode(ctx, ni as number, 'RECONNECT', cause) ? done('node reconnected') : done('node was already connected');
    case 'patch': {
      const c = s.scenario.nodes[ni as number] as CNode;
      const n = s.nodes[ni as number] as NodeRt;
      const ids = c.vulns.filter((v) => !hasOwnKey(n.patched, v.id)).map((v) => v.id);
      touchNode(s, ni as number);
      for (const id of ids) setOwn(n.patched, id, s.clock);
      return done(ids.length > 0 ? `patched ${ids.join(', ')}` : 'nothing left to patch');
    }
    case 'reset-credentials': {
      const c = s.scenario.nodes[ni as number] as CNode;
      touchNode(s, ni as number);
      (s.nodes[ni as number] as NodeRt).creds = false;
      (own(s.teams, c.owner) as TeamRt).credsResetAt = s.clock;
      return done('credentials reset');
    }
    case 'restore-backup': {
      const c = s.scenario.nodes[ni as number] as CNode;
      const n = s.nodes[ni as number] as NodeRt;
      // Ransomware and wipers take online backups with them; only an offline backup survives.
      if (c.backup && !c.backup.offline && SEVERITY[n.integrity] >= 4) {
        return failed('the online backup was unusable; only an offline backup survives a destructive attack');
      }
      changeNode(ctx, ni as number, 'RESTORE', cause, (x) => {
        x.down = [];
        x.defaced = false;
        x.hits = [];
      });
      return done('node restored from backup');
    }
    case 'block-indicator': {
      const t = own(s.teams, a.team) as TeamRt;
      const v = a.target.indicator as string;
      if (!hasOwnKey(t.blocked, v)) setOwn(t.blocked, v, s.clock);
      return done(`blocking ${v}`);
    }
    case 'hunt':
      return hunt(ctx, a, def);
    case 'collect-forensics':
      return forensics(ctx, a, ni as number);
    case 'apply-intel':
      return applyIntel(ctx, a);
    default:
      return done('done');
  }
}

function hunt(ctx: Ctx, a: ActionRt, def: CAction): Outcome {
  const s = ctx.state;
  const gi = s.scenario.segmentIndex.get(a.target.segment as string) as number;
  const seg = s.scenario.segments[gi] as CSegment;
  const owner = own(s.teams, seg.owner) as TeamRt;
  const until = s.clock + def.lasts;
  setOwn(owner.hunting, seg.id, Math.max(own(owner.hunting, seg.id) ?? 0, until));
  schedule(s, until, { k: 'hunt', team: seg.owner, segment: seg.id, until });
  let found = 0;
  for (const ni of seg.nodes) {
    const n = s.nodes[ni] as NodeRt;
    if (SEVERITY[n.integrity] === 0 || n.hits.length === 0) continue;
    if (ctx.draws.next('detection') >= HUNT_FIND_P) continue;
    found++;
    const step = s.scenario.steps[n.hits[n.hits.length - 1] as number] as CStep;
    const c = s.scenario.nodes[ni] as CNode;
    for (const t of new Set([a.team, seg.owner])) {
      deliverAlert(ctx, t, {
        observedAt: s.clock,
        node: c.id,
        source: 'hunt',
        technique: step.technique,
        indicators: visibleIndicators(ctx, step, 'hunt'),
        severity: 'high',
        fp: false,
        step: step.idx,
        attempt: lastAttempt(ctx, step.idx, ni),
      });
    }
  }
  return done(`hunting in ${seg.id} until T+${Math.round(until / 60_000)}m; ${found} finding(s)`);
}

function lastAttempt(ctx: Ctx, si: number, ni: number): number | null {
  const at = ctx.state.attempts;
  for (let i = at.length - 1; i >= 0; i--) {
    const x = at[i];
    if (x && x.step === si && x.node === ni && x.ok) return i;
  }
  return null;
}

function forensics(ctx: Ctx, a: ActionRt, ni: number): Outcome {
  const s = ctx.state;
  const c = s.scenario.nodes[ni] as CNode;
  const n = s.nodes[ni] as NodeRt;
  for (const si of n.hits) {
    const step = s.scenario.steps[si] as CStep;
    for (const t of new Set([a.team, c.owner])) {
      deliverAlert(ctx, t, {
        observedAt: s.clock,
        node: c.id,
        source: 'forensics',
        technique: step.technique,
        indicators: visibleIndicators(ctx, step, 'forensics'),
        severity: 'high',
        fp: false,
        step: si,
        attempt: lastAttempt(ctx, si, ni),
      });
    }
  }
  return done(`${n.hits.length} finding(s) on ${c.id}`);
}

function applyIntel(ctx: Ctx, a: ActionRt): Outcome {
  const s = ctx.state;
  const r = own(s.reports, a.report as string) as ReportRt;
  const t = own(s.teams, a.team) as TeamRt;
  for (const v of r.indicators) if (!hasOwnKey(t.blocked, v)) setOwn(t.blocked, v, s.clock);
  if (!hasOwnKey(r.appliedBy, a.team)) {
    touchReport(s, r.id);
    setOwn(r.appliedBy, a.team, s.clock);
    setOwn(t.applied, r.id, s.clock);
    if (r.from !== a.team) {
      t.score.appliedReceived++;
      (own(s.teams, r.from) as TeamRt).score.partnerApplied++;
    }
  }
  ctx.emit('intel.applied', `blue:${a.team}`, { report: r.id, team: a.team, indicators: r.indicators.length }, r.from === a.team ? [team(a.team)] : [team(a.team), team(r.from)]);
  return done(`blocking ${r.indicators.length} indicator(s) of ${r.id}`);
}
