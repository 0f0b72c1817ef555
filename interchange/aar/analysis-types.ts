/**
 * The evaluation part of the after-action results: the capability analysis (capabilities and critical
 * tasks with their ratings and evidence), each team's ratings, the discussion answers, the findings
 * (strengths and areas for improvement) and the improvement plan that follows them.
 */
import type { Rating } from '../../engine/index.ts';

export interface TaskAnalysis {
  id: string;
  name: string;
  rating: Rating | null;
  ratings: { t: number; by: string; rating: Rating; note?: string }[];
  /** Injects that evaluate this task, with what the teams did. */
  evidence: { injects: number; deliveries: number; answered: number; expectationsMet: number; expectationsMissed: number; meanGrade: number | null };
}

export interface CapabilityAnalysis {
  id: string;
  name: string;
  objectives: string[];
  rating: Rating | null;
  /** Where the capability rating comes from: its own ratings, the consolidation of its tasks', or none. */
  ratingSource: 'evaluators' | 'tasks' | null;
  ratings: { t: number; by: string; rating: Rating; note?: string }[];
  tasks: TaskAnalysis[];
}

/** A blue team's ratings: one row per capability or critical task rated, with every rating given in order. */
export interface TeamRatingResult {
  team: string;
  rows: {
    capability: string;
    task?: string;
    name: string;
    /** The consolidated rating (ratings.ts) of this team on this item. */
    rating: Rating | null;
    history: { t: number; by: string; rating: Rating; previous: string | null; note?: string }[];
  }[];
}

/** A discussion question of a move with the teams' answers and the white cell's grades. */
export interface DiscussionResult {
  move: string;
  moveTitle: string;
  question: string;
  text: string;
  answers: { team: string; t: number; text: string; grade: number | null; comment?: string }[];
}

export interface Finding {
  id: string;
  kind: 'strength' | 'improvement';
  title: string;
  /** The observation with its figures. */
  text: string;
  /** The rule that produced it (see findings.ts), so readers can see why. */
  rule: string;
  /** Which outcome of the rule (e.g. `sharing.notApplied`): the corrective action follows it. */
  key: string;
  capability: string | null;
  task: string | null;
  team: string | null;
  priority?: 'high' | 'medium' | 'low';
}

export interface ImprovementItem {
  id: string;
  finding: string;
  capability: string | null;
  task: string | null;
  issue: string;
  correctiveAction: string;
  /** HSEEP capability element the corrective action addresses. */
  element: 'Planning' | 'Organization' | 'Equipment' | 'Training' | 'Exercise';
  /** Team id, or 'coalition' / 'exercise-control'. */
  owner: string;
  ownerName: string;
  priority: 'high' | 'medium' | 'low';
  startDate: string;
  dueDate: string;
  status: 'open';
}
