/** The latest HSEEP rating (P, S, M, U) given for a capability or task. */
import type { EvaluatorView } from '../../../engine/types.ts';

/** The latest rating of a capability (task undefined) or one of its tasks. */
export function latestRating(ratings: EvaluatorView['ratings'], capability: string, task?: string): EvaluatorView['ratings'][number] | undefined {
  let found: EvaluatorView['ratings'][number] | undefined;
  for (const r of ratings) if (r.capability === capability && r.task === task && (!found || r.t >= found.t)) found = r;
  return found;
}
