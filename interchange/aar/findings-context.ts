/**
 * What every findings rule shares: the draft shape of a finding, the figures the rules read, the texts
 * of one report (catalog, bidi isolates, duration and list formats) and the keyword search that ties an
 * area of performance to the scenario's capability and critical task.
 */
import type { ExerciseState } from '../../engine/index.ts';
import { bidi, type Bidi } from './bidi.ts';
import { human, listing } from './format.ts';
import { pickText } from './exercise.ts';
import { aarMessages, type AarMessages, isRtl } from './i18n/messages.ts';
import type { AarResults, Finding } from './types.ts';

/** A finding before it is numbered. */
export type Draft = Omit<Finding, 'id'>;
/** The figures the rules read, with the run's length and the report's language. */
export type Parts = Pick<AarResults, 'teams' | 'capabilities' | 'services' | 'timeToProtect' | 'techniques' | 'injects' | 'scoring'> & { ranMs: number; lang: string };
/** The texts of one report: its catalog, its isolates and its duration format. */
export interface Words {
  m: AarMessages;
  b: Bidi;
  dur(ms: number | null): string;
  list(items: readonly string[], max?: number): string;
}

export const words = (lang: string): Words => {
  const m = aarMessages(lang);
  return { m, b: bidi(isRtl(lang)), dur: (ms) => human(ms, m), list: (items, max = 6) => listing(items, max, m) };
};

/** Keywords that find the scenario's critical task for an area of performance (by task, then capability name). */
const AREAS: Record<string, RegExp> = {
  detection: /detect/i,
  containment: /contain/i,
  sharing: /shar|intel/i,
  applying: /apply|received/i,
  reporting: /situation report|sitrep|report/i,
  continuity: /continuity|running|restore|availab/i,
};

/** The scenario capability and task an area of performance belongs to, found by keywords; null when none fits. */
export function areaTask(state: ExerciseState, area: keyof typeof AREAS): { capability: string | null; task: string | null } {
  const re = AREAS[area] as RegExp;
  for (const c of state.scenario.capabilities) {
    for (const t of c.tasks) if (re.test(pickText(t.name)) || re.test(t.id)) return { capability: c.id, task: t.id };
  }
  for (const c of state.scenario.capabilities) if (re.test(pickText(c.name))) return { capability: c.id, task: null };
  return { capability: null, task: null };
}
