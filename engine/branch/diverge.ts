/**
 * Where two histories part: the first event (by position after the fork) that differs between the
 * played run and a branch, compared as canonical JSON sees them. Both lists start at the fork.
 */
import { canonicalJson } from '../lib/canonical.ts';
import type { EngineEvent } from '../sim/events.ts';

export interface Divergence {
  /** Event sequence number where they part (the first seq after T if the first events already differ). */
  seq: number;
  /** Simulated time of the earlier of the two differing events. */
  t: number;
  played: EngineEvent | null;
  branch: EngineEvent | null;
}

/** The first difference, or null when the branch's events equal the played ones. */
export function firstDivergence(played: readonly EngineEvent[], branch: readonly EngineEvent[]): Divergence | null {
  const n = Math.max(played.length, branch.length);
  for (let i = 0; i < n; i++) {
    const a = played[i] ?? null;
    const b = branch[i] ?? null;
    if (a && b && canonicalJson(a) === canonicalJson(b)) continue;
    const t = Math.min(a?.t ?? Number.MAX_SAFE_INTEGER, b?.t ?? Number.MAX_SAFE_INTEGER);
    return { seq: (a ?? b)?.seq ?? 0, t, played: a, branch: b };
  }
  return null;
}
