/** HSEEP ratings: P, S, M, U, and the latest one given for a capability or task. */
import type { EvaluatorView } from '../../../engine/views/types.ts';

export const RATINGS = ['P', 'S', 'M', 'U'] as const;
export type Rating = (typeof RATINGS)[number];

/** The latest rating of a capability (task undefined) or one of its tasks. */
export function latestRating(ratings: EvaluatorView['ratings'], capability: string, task?: string): EvaluatorView['ratings'][number] | undefined {
  let found: EvaluatorView['ratings'][number] | undefined;
  for (const r of ratings) if (r.capability === capability && r.task === task && (!found || r.t >= found.t)) found = r;
  return found;
}
