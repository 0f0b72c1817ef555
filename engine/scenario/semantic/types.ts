/** The scenario types the meaning checks use, derived from the zod definition. */
import type { z } from 'zod';
import type { Capability, ObjectiveDef } from '../schema/index.ts';

export type {
  ScenarioT,
  TeamT,
  NodeT,
  SegmentT,
  StepT,
  CampaignT,
  IndicatorT,
  TargetSelectorT,
  InjectT,
  ConditionT,
  ActionDefT,
  MoveT,
} from '../schema/index.ts';
export type CapabilityT = z.infer<typeof Capability>;
export type ObjectiveDefT = z.infer<typeof ObjectiveDef>;
