/**
 * Per-team figures: the engine's metrics (score, timeline, attempts, detection) completed with what
 * the log shows of response (compromise episodes and their containment), injects, situation reports,
 * intelligence, critical services and actions.
 */
import type { CNode, ExerciseState, TeamMetrics } from '../../engine/index.ts';
import { mean, median, pickText, round2, teamColor, teamLabels } from './exercise.ts';
import type { Timeline } from './timeline.ts';
import type { InjectResult, IntelResult, ServiceResult, TeamResult } from './types.ts';
import { own } from '../../engine/index.ts';

const roundOrNull = (x: number | null): number | null => (x === null ? null : Math.round(x));

export function teamResults(
  state: ExerciseState,
  tl: Timeline,
  m: readonly TeamMetrics[],
  injects: readonly InjectResult[],
  intel: readonly IntelResult[],
  services: readonly ServiceResult[],
  lang: string,
): TeamResult[] {
  const labels = teamLabels(state, lang);
  return state.scenario.blue.map((b): TeamResult => {
    const tm = m.find((x) => x.team === b.id) as TeamMetrics;
    const t = own(state.teams, b.id);
    const ttd = state.attempts.filter((a) => a.team === b.id && a.reason !== 'unreachable' && a.detectedAt !== null).map((a) => (a.detectedAt as number) - a.t);

    const intervals = b.nodes.flatMap((ni) => tl.bad.get((state.scenario.nodes[ni] as CNode).id) ?? []);
    const closed = intervals.filter((iv) => iv.to !== null).map((iv) => (iv.to as number) - iv.from);

    const rows = injects.flatMap((i) => i.teams.filter((x) => x.team === b.id));
    const acks = rows.map((r) => r.timeToAck).filter((x): x is number => x !== null);
    const answers = rows.map((r) => r.timeToAnswer).filter((x): x is number => x !== null);
    const grades = rows.map((r) => r.grade).filter((x): x is number => x !== null);

    const sitreps = Object.values(state.sitreps).filter((s) => s.team === b.id);
    const sitrepGrades = sitreps.map((s) => s.grade).filter((x): x is number => x !== null);

    const received = intel.filter((r) => r.to.includes(b.id));
    const appliedDelays = received.flatMap((r) => r.appliedBy.filter((x) => x.team === b.id).map((x) => x.delay));
    const sent = intel.filter((r) => r.from === b.id);

    const svc = services.filter((s) => s.team === b.id);
    const actions = Object.values(state.actions).filter((a) => a.team === b.id);
    const team = state.scenario.teams[state.scenario.teamIndex.get(b.id) as number];

    return {
      id: b.id,
      name: team ? pickText(team.name, lang) : b.id,
      label: labels.get(b.id) ?? b.id,
      color: teamColor(state, b.id),
      score: tm.score,
      timeline: tm.timeline,
      detection: {
        attempts: tm.attempts,
        successful: tm.successfulAttempts,
        detected: tm.detectedAttempts,
        rate: tm.attempts > 0 ? round2(tm.detectedAttempts / tm.attempts) : null,
        meanTimeToDetect: roundOrNull(tm.meanTimeToDetect),
        medianTimeToDetect: roundOrNull(median(ttd)),
        alerts: tm.alerts,
        falsePositives: tm.falsePositives,
      },
      response: { episodes: intervals.length, contained: closed.length, meanTimeToContain: roundOrNull(mean(closed)), open: intervals.length - closed.length },
      injects: {
        delivered: rows.length,
        acknowledged: acks.length,
        answered: answers.length,
        meanTimeToAck: roundOrNull(mean(acks)),
        meanTimeToAnswer: roundOrNull(mean(answers)),
        expectationsMet: rows.reduce((n, r) => n + r.expectations.filter((e) => e.met === true).length, 0),
        expectationsMissed: rows.reduce((n, r) => n + r.expectations.filter((e) => e.met === false).length, 0),
        meanGrade: grades.length > 0 ? round2(mean(grades) as number) : null,
      },
      sitreps: { filed: sitreps.length, graded: sitrepGrades.length, meanGrade: sitrepGrades.length > 0 ? round2(mean(sitrepGrades) as number) : null },
      intel: {
        shared: t?.sent.length ?? sent.length,
        received: received.length,
        applied: appliedDelays.length,
        appliedByPartners: sent.reduce((n, r) => n + r.appliedBy.filter((x) => x.team !== b.id).length, 0),
        meanTimeToApply: roundOrNull(mean(appliedDelays)),
      },
      services: {
        critical: svc.length,
        belowTarget: svc.filter((s) => !s.metTarget).length,
        meanAvailability: svc.length > 0 ? round2((mean(svc.map((s) => s.availability)) as number) * 10_000) / 10_000 : null,
      },
      actions: {
        requested: actions.length,
        completed: actions.filter((a) => a.s === 'done').length,
        failed: actions.filter((a) => a.s === 'failed').length,
        cancelled: actions.filter((a) => a.s === 'cancelled').length,
      },
    };
  });
}
