/** Which catalog actions the action panel offers and what each is aimed at. */
import type { ActionKindT, ActionTargetT, ActionView, CatalogEntry } from '../../../engine/types.ts';
import { ACTION_TARGETS } from '../../../engine/constants.ts';

/** Kinds with their own panel (intelligence, assistance, situation reports, inbox). */
const OWN_PANEL: ReadonlySet<ActionKindT> = new Set(['share-intel', 'request-assistance', 'grant-assistance', 'sitrep', 'respond-inject']);

export function panelActions(catalog: readonly CatalogEntry[]): CatalogEntry[] {
  return catalog.filter((c) => !OWN_PANEL.has(c.kind));
}

export function targetKind(kind: ActionKindT): 'node' | 'segment' | 'indicator' | 'team' | 'inject' | 'none' {
  return ACTION_TARGETS[kind];
}

/** The commands' targets for a choice: one action per selected node, or a single one otherwise. */
export function targetsFor(kind: ActionKindT, choice: { nodes: readonly string[]; segment: string; indicator: string }): ActionTargetT[] {
  switch (targetKind(kind)) {
    case 'node':
      return choice.nodes.map((node) => ({ node }));
    case 'segment':
      return choice.segment ? [{ segment: choice.segment }] : [];
    case 'indicator':
      return choice.indicator.trim() ? [{ indicator: choice.indicator.trim() }] : [];
    default:
      return [];
  }
}

/** Progress from 0 to 1 of an action at time `t`. */
export function progress(action: ActionView, t: number): number {
  if (action.status === 'done' || action.status === 'failed') return 1;
  if (action.status === 'cancelled') return 0;
  const span = action.due - action.requestedAt;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (t - action.requestedAt) / span));
}

export function describeTarget(target: ActionTargetT): string {
  return target.node ?? target.segment ?? target.indicator ?? target.team ?? target.inject ?? '';
}
