/** The red campaign: ATT&CK-tagged steps with targets, preconditions, timing, odds, effects and indicators. */
import { z } from 'zod';
import { Duration, Id, LocalText, Probability, TechniqueId } from './common.ts';
import { EFFECTS, INDICATOR_KINDS, NODE_KINDS, NODE_STATES, SENSOR_KINDS, ZONES } from '../vocabulary.ts';

export const Indicator = z.strictObject({
  id: Id,
  kind: z.enum(INDICATOR_KINDS),
  value: z.string().min(1).max(2048).optional().meta({ description: 'Fixed value; when absent a value is generated deterministically from the seed.' }),
  description: LocalText.optional(),
});

export const TargetSelector = z
  .strictObject({
    nodes: z.array(Id).optional().meta({ description: 'Explicit node ids.' }),
    team: Id.optional().meta({ description: 'Nodes of this blue team.' }),
    segment: Id.optional(),
    zone: z.enum(ZONES).optional(),
    kind: z.array(z.enum(NODE_KINDS)).optional(),
    tags: z.array(Id).optional().meta({ description: 'Nodes carrying all of these tags.' }),
    minCriticality: z.int().min(1).max(5).optional(),
    sameAs: Id.optional().meta({ description: 'The nodes a previous step succeeded on (lateral continuation).' }),
    state: z.enum(NODE_STATES).optional().meta({ description: 'Only nodes whose true state is at least this when the step starts.' }),
    pick: z
      .union([z.literal('all'), z.int().min(1)])
      .optional()
      .meta({ description: '"all" (default) or how many matching nodes to pick with the red RNG.' }),
  })
  .meta({ description: 'Which nodes a step acts on. All given criteria must match.' });

export const Timing = z.strictObject({
  at: Duration.optional().meta({ description: 'Earliest start, from T+0.' }),
  after: Duration.optional().meta({ description: 'Delay after the last precondition step has finished.' }),
  jitter: Duration.optional().meta({ description: 'A random extra delay from 0 to this, drawn from the red RNG.' }),
  duration: Duration.optional().meta({ description: 'How long the step runs before its outcome (default 5m).' }),
});

export const SuccessModel = z.strictObject({
  base: Probability.meta({ description: 'Probability of success on a reachable target with no blue posture against it.' }),
  patched: Probability.optional().meta({ description: 'Multiplier when the exploited vulnerability is patched (default 0).' }),
  hunting: Probability.optional().meta({ description: 'Multiplier when the target team is hunting in that segment (default 0.5).' }),
  credentialsReset: Probability.optional().meta({ description: 'Multiplier when the target team reset credentials after they were stolen (default 0.2).' }),
  blocked: Probability.optional().meta({ description: 'Multiplier when the target team blocks an indicator this step uses (default 0).' }),
});

export const Step = z.strictObject({
  id: Id,
  name: LocalText,
  technique: TechniqueId,
  tactic: z
    .string()
    .regex(/^[a-z-]+$/)
    .optional()
    .meta({ description: 'ATT&CK tactic shortname (e.g. lateral-movement); a mismatch with the technique is a warning.' }),
  description: LocalText.optional(),
  target: TargetSelector,
  requires: z.array(Id).optional().meta({ description: 'Steps that must have succeeded first (all of them).' }),
  requiresAny: z.array(Id).optional().meta({ description: 'Steps of which at least one must have succeeded first.' }),
  timing: Timing.optional(),
  exploits: Id.optional().meta({ description: 'Vulnerability id the step exploits; a node without it unpatched resists.' }),
  success: SuccessModel,
  detection: z.partialRecord(z.enum(SENSOR_KINDS), Probability).optional().meta({ description: 'Probability that each sensor kind covering a target raises a true alert.' }),
  detectionDelay: Duration.optional().meta({ description: 'Alerts arrive up to this long after the step (default 2m).' }),
  effects: z.array(z.enum(EFFECTS)).min(1),
  service: Id.optional().meta({ description: 'The service disrupted by a disrupt-service effect (default: every service of the node).' }),
  indicators: z.array(Id).optional().meta({ description: 'Campaign indicators this step uses and leaves behind.' }),
  retry: z.strictObject({ times: z.int().min(1).max(10), after: Duration }).optional(),
  objective: Id.optional().meta({ description: 'The campaign objective this step achieves when it succeeds.' }),
  manual: z
    .boolean()
    .optional()
    .meta({
      description: 'The step waits for the red cell to launch it, and the red cell may hold or abort it (every step of a manual campaign does). ' + 'The red cell may act on manual steps only.',
    }),
});

export const Objective = z.strictObject({
  id: Id,
  name: LocalText,
  description: LocalText.optional(),
});

export const Campaign = z.strictObject({
  id: Id,
  name: LocalText,
  actor: z.string().min(1).max(120).optional().meta({ description: 'The threat actor emulated (e.g. a Shamoon-style wiper group).' }),
  description: LocalText.optional(),
  mode: z.enum(['scripted', 'manual']).optional().meta({ description: 'scripted (default) runs on its own (steps marked manual aside); manual waits for the red cell to launch each step.' }),
  objectives: z.array(Objective).optional(),
  indicators: z.array(Indicator).optional(),
  steps: z.array(Step).min(1),
});

export type StepT = z.infer<typeof Step>;
export type CampaignT = z.infer<typeof Campaign>;
export type TargetSelectorT = z.infer<typeof TargetSelector>;
export type IndicatorT = z.infer<typeof Indicator>;
