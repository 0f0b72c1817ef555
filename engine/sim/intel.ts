/**
 * Intelligence sharing under TLP 2.0. A report goes to the partners named; its TLP is recorded and
 * governs passing its indicators on: a team may re-share an indicator it learnt only from a report
 * marked AMBER, AMBER+STRICT or RED with no other team (those levels keep information inside the
 * recipient organisation or the named recipients), and one learnt under GREEN not as CLEAR. Indicators
 * the team observed itself (its own alerts) are always its own to share. The check (tlp.ts) compares
 * canonical forms and reads the report's free text. Applying a report blocks its
 * indicators for the applying team, which protects it from red steps that use them.
 */
import { TLP_RANK } from '../scenario/schema/index.ts';
import type { IntelReportT } from './commands.ts';
import { type Ctx, team } from './ctx.ts';
import type { ReportRt, TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { meetExpectations } from './injects.ts';
import { startAction } from './actions.ts';
import type { CAction } from '../compile/types.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';
import { reshareRefusal } from './tlp.ts';
import { touchReport } from './changes.ts';

export function shareIntel(ctx: Ctx, from: string, report: IntelReportT, partners: string[]): Refusal | void {
  const s = ctx.state;
  const to = [...new Set(partners)];
  for (const p of to) {
    if (p === from) return refuse('BAD_COMMAND', 'list partner teams, not your own team');
    if (!hasOwnKey(s.teams, p)) return refuse('NOT_FOUND', `"${p}" is not a blue team of this exercise`);
  }
  const t = own(s.teams, from) as TeamRt;
  const refused = reshareRefusal(t, report);
  if (refused) return refused;
  const id = `${from}-R${++t.counters.report}`;
  const r: ReportRt = {
    id,
    from,
    to,
    t: s.clock,
    title: report.title,
    text: report.text,
    indicators: [...report.indicators],
    tlp: report.tlp,
    appliedBy: {},
    ...(report.technique === undefined ? {} : { technique: report.technique }),
  };
  touchReport(s, id);
  setOwn(s.reports, id, r);
  t.sent.push(id);
  t.score.shared++;
  for (const p of to) {
    const pt = own(s.teams, p) as TeamRt;
    pt.received.push(id);
    for (const v of r.indicators) {
      const cur = own(pt.ioc, v);
      if (cur === undefined || (cur !== 'own' && TLP_RANK[r.tlp] < TLP_RANK[cur])) setOwn(pt.ioc, v, r.tlp);
    }
  }
  ctx.emit('intel.shared', `blue:${from}`, { ...r, appliedBy: undefined }, [team(from), ...to.map(team)]);
  meetExpectations(ctx, from, 'share-intel');
}

/** Applies a report sent to (or by) the team: a blue action of the block-indicator kind. */
export function applyIntel(ctx: Ctx, teamId: string, reportId: string): Refusal | void {
  const s = ctx.state;
  const r = own(s.reports, reportId);
  if (!r || (r.from !== teamId && !r.to.includes(teamId))) return refuse('NOT_FOUND', `no intelligence report "${reportId}" shared with you`);
  if (hasOwnKey(r.appliedBy, teamId)) return refuse('CONFLICT', `report "${reportId}" is already applied`);
  const busy = Object.values(s.actions).some((a) => a.team === teamId && a.report === reportId && a.s === 'inProgress');
  if (busy) return refuse('CONFLICT', `report "${reportId}" is being applied`);
  const def = s.scenario.actions.get(s.scenario.actionByKind['block-indicator']) as CAction;
  startAction(ctx, teamId, def, 'apply-intel', {}, def.duration, teamId, reportId);
}
