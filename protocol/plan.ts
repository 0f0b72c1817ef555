/**
 * The improvement plan across exercises (`/api/library/plan`): every after-action report's
 * corrective actions in one tracker that outlives the exercises, updated by controllers and
 * evaluators. Items come from this server's exercises (collected from their AAR) or from a
 * partner's exercise package (imported, marked with the package's TLP).
 */
import { z } from 'zod';

export const PLAN_STATUSES = ['open', 'in-progress', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_TLP = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

/** One corrective action. `id` is `<origin key>/<AAR item id>`, so collecting twice adds nothing. */
export interface PlanItem {
  id: string;
  origin: {
    kind: 'exercise' | 'package';
    /** This server's exercise id, or the package's checksum. */
    key: string;
    scenarioId: string;
    title: string;
    /** A partner's package: its TLP marking, which the lesson keeps. */
    tlp?: (typeof PLAN_TLP)[number];
  };
  /** The AAR's improvement plan row this came from (IP-01, ...). */
  aarItem: string;
  capability: string | null;
  issue: string;
  correctiveAction: string;
  owner: string;
  priority: 'high' | 'medium' | 'low';
  /** ISO calendar date (YYYY-MM-DD). */
  dueDate: string;
  status: PlanStatus;
  note: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PlanResponse {
  ok: true;
  items: PlanItem[];
}

/** PATCH /api/library/plan/:itemId (controller or evaluator): what may change. */
export const PlanUpdateRequest = z.strictObject({
  owner: z.string().min(1).max(200).optional(),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a due date is YYYY-MM-DD')
    .optional(),
  status: z.enum(PLAN_STATUSES).optional(),
  capability: z.string().max(200).nullable().optional(),
  note: z.string().max(4000).optional(),
});
export type PlanUpdateRequest = z.infer<typeof PlanUpdateRequest>;

/** POST /api/library/plan/import: a partner's exercise package as text. */
export const PlanImportRequest = z.strictObject({ text: z.string().min(1) });

/** The result of collecting or importing: how many items were new. */
export interface PlanAddResponse {
  ok: true;
  added: number;
  items: PlanItem[];
}
