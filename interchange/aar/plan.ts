/**
 * The improvement plan (HSEEP IP): one corrective action per area for improvement, owned by the team
 * the observation is about (or the coalition, for exercise-wide ones), due 30, 60 or 90 days after the
 * exercise ended for high, medium and low priority. The dates are calendar dates from the scenario's
 * start date plus the exercise's simulated end; the status starts open.
 */
import { isoDate } from '../lib/timestamps.ts';
import { own } from '../../engine/index.ts';
import { aarMessages, type AarMessages } from './i18n/messages.ts';
import type { Finding, ImprovementItem } from './types.ts';

const DUE_DAYS = { high: 30, medium: 60, low: 90 } as const;
const DAY = 86_400_000;

/** Corrective action per rule (and, for sharing, per outcome). */
function correctiveAction(f: Finding, m: AarMessages): string {
  switch (f.rule) {
    case 'detection':
      return m['fix.detection'];
    case 'containment':
      return m['fix.containment'];
    case 'deadlines':
      return m['fix.deadlines'];
    case 'services':
      return m['fix.services'];
    case 'sharing':
      return f.key === 'sharing.notApplied' ? m['fix.apply'] : m['fix.share'];
    case 'time-to-protect':
      return m['fix.protect'];
    case 'rating':
      return m['fix.rating'];
    default:
      return m['fix.other'];
  }
}

const ELEMENT: Record<string, ImprovementItem['element']> = {
  detection: 'Equipment',
  containment: 'Planning',
  deadlines: 'Organization',
  services: 'Planning',
  sharing: 'Organization',
  'time-to-protect': 'Planning',
  rating: 'Training',
};

/** Improvement plan rows for the areas for improvement of an exercise that ended at `endEpochMs`. */
export function improvementPlan(improvements: readonly Finding[], endEpochMs: number, teamNames: ReadonlyMap<string, string>, lang = 'en'): ImprovementItem[] {
  const m = aarMessages(lang);
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
      correctiveAction: correctiveAction(f, m),
      element: own(ELEMENT, f.rule) ?? 'Planning',
      owner,
      ownerName: f.team ? (teamNames.get(f.team) ?? f.team) : m['owner.coalition'],
      priority,
      startDate: start,
      dueDate: isoDate(endEpochMs + DUE_DAYS[priority] * DAY),
      status: 'open',
    };
  });
}
