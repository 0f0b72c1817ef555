/**
 * The improvement plan (HSEEP IP): one corrective action per area for improvement, owned by the team
 * the observation is about (or the coalition, for exercise-wide ones), due 30, 60 or 90 days after the
 * exercise ended for high, medium and low priority. The dates are calendar dates from the scenario's
 * start date plus the exercise's simulated end; the status starts open.
 */
import { isoDate } from '../lib/timestamps.ts';
import type { Finding, ImprovementItem } from './types.ts';
import { own } from '../../engine/index.ts';

const DUE_DAYS = { high: 30, medium: 60, low: 90 } as const;
const DAY = 86_400_000;

/** Corrective action per rule (and, for ratings, per capability area). */
function correctiveAction(f: Finding): string {
  switch (f.rule) {
    case 'detection':
      return 'Extend sensor coverage (EDR and network sensors) to the hosts and segments attacked, write or tune detection rules for the techniques not detected, and rehearse triage of the resulting alerts.';
    case 'containment':
      return 'Define isolation and restore playbooks with pre-authorised triggers, rehearse them on the critical nodes, and track every open compromise to closure.';
    case 'deadlines':
      return 'Staff a message desk that acknowledges every inject on receipt and tracks expected actions against their deadlines; rehearse it in a tabletop session.';
    case 'services':
      return 'Review the continuity plans of the services below target: offline backups with tested restore times, fallback arrangements, and isolation decisions that weigh service impact.';
    case 'sharing':
      return f.title.includes('not applied')
        ? 'Set up a procedure to triage and apply partner indicators (blocking at mail, proxy, DNS and EDR) within one hour of receipt.'
        : 'Share indicators from confirmed detections with coalition partners under the right TLP within one hour, using a pre-agreed report template.';
    case 'time-to-protect':
      return 'Agree a coalition-wide indicator exchange (automated where possible) so that an indicator detected anywhere is blocked by every member within the response target.';
    case 'rating':
      return `Review the evaluators' observations on this task, update the plans and procedures behind it, and train and re-exercise it.`;
    default:
      return 'Analyse the root cause and define a corrective action.';
  }
}

const ELEMENT: Record<string, ImprovementItem['element']> = {
  detection: 'Equipment', containment: 'Planning', deadlines: 'Organization', services: 'Planning', sharing: 'Organization',
  'time-to-protect': 'Planning', rating: 'Training',
};

/** Improvement plan rows for the areas for improvement of an exercise that ended at `endEpochMs`. */
export function improvementPlan(improvements: readonly Finding[], endEpochMs: number, teamNames: Record<string, string>): ImprovementItem[] {
  const start = isoDate(endEpochMs);
  return improvements.map((f, i): ImprovementItem => {
    const priority = f.priority ?? 'medium';
    const owner = f.team ?? 'coalition';
    return {
      id: `IP-${String(i + 1).padStart(2, '0')}`,
      finding: f.id,
      capability: f.capability,
      task: f.task,
      issue: f.text,
      correctiveAction: correctiveAction(f),
      element: own(ELEMENT, f.rule) ?? 'Planning',
      owner,
      ownerName: f.team ? (own(teamNames, f.team) ?? f.team) : 'Coalition (all blue teams)',
      priority,
      startDate: start,
      dueDate: isoDate(endEpochMs + DUE_DAYS[priority] * DAY),
      status: 'open',
    };
  });
}
