/**
 * Injects per team: delivery, acknowledgement and answer times, the white cell's grade and each
 * expected action (met, missed, or still open at the end). Ad-hoc injects are included; injects never
 * delivered to anyone are left out.
 */
import type { CInject, ExerciseState } from '../../engine/index.ts';
import { pickText } from './exercise.ts';
import type { InjectResult, InjectTeamResult } from './types.ts';
import { own } from '../../engine/index.ts';

const since = (at: number | null, from: number | null): number | null => (at !== null && from !== null ? Math.max(0, at - from) : null);

/** Injects in delivery order (then id), each with one row per recipient team it reached. */
export function injectResults(state: ExerciseState, lang: string): InjectResult[] {
  const blueOrder = state.scenario.blue.map((b) => b.id);
  const out: (InjectResult & { first: number })[] = [];
  for (const rt of Object.values(state.injects)) {
    const teams: InjectTeamResult[] = [];
    for (const team of blueOrder) {
      const tr = own(rt.teams, team);
      if (!tr || tr.deliveredAt === null) continue;
      teams.push({
        team,
        status: tr.s,
        deliveredAt: tr.deliveredAt,
        ackAt: tr.ackAt,
        answeredAt: tr.answeredAt,
        timeToAck: since(tr.ackAt, tr.deliveredAt),
        timeToAnswer: since(tr.answeredAt, tr.deliveredAt),
        grade: tr.grade,
        expectations: tr.expects.map((e) => ({ action: e.action, due: e.due, met: e.met, at: e.at })),
      });
    }
    if (teams.length === 0) continue;
    const c = rt.adhoc ? null : (state.scenario.injects[rt.idx] as CInject);
    out.push({
      id: rt.id,
      title: pickText(rt.adhoc ? rt.adhoc.title : c?.title, lang),
      channel: rt.adhoc ? rt.adhoc.channel : (c?.channel ?? ''),
      adhoc: rt.adhoc !== null,
      ...(c?.evaluation.capability !== undefined ? { capability: c.evaluation.capability, ...(c.evaluation.task === undefined ? {} : { task: c.evaluation.task }) } : {}),
      teams,
      first: Math.min(...teams.map((t) => t.deliveredAt as number)),
    });
  }
  out.sort((a, b) => a.first - b.first || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.map(({ first: _first, ...r }) => r);
}
