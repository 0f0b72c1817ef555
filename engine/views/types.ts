/**
 * What each seat sees. Views are plain JSON computed from the state by `project`; a blue view holds no
 * ground truth, no red plan and nothing private to another team. The shapes live by audience:
 * shared-types.ts (what more than one view is made of, and the red cell's), blue-types.ts (a blue
 * team's) and white-types.ts (the white cell's, the evaluators' and the projector's); this file is
 * where the engine and its readers find them all.
 */
import type { BlueView } from './blue-types.ts';
import type { RedView } from './shared-types.ts';
import type { EvaluatorView, PresentationView, WhiteView } from './white-types.ts';

export type { Alert, ScoreSample } from '../sim/state.ts';
export type { BlueScoreSample } from '../sim/disclosure.ts';
export type { CoalitionMetric } from '../scoring/metrics.ts';
export type * from './shared-types.ts';
export type * from './blue-types.ts';
export type * from './white-types.ts';

export type View = WhiteView | BlueView | RedView | EvaluatorView | PresentationView;

/** Blue views carry at most this many (most recent) alerts. */
export const ALERT_VIEW_LIMIT = 500;
