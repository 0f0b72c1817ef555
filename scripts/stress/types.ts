/** Scenario-format types the stress generator builds (re-exported so each module imports one place). */
export type {
  CampaignT,
  ConditionT,
  InjectT,
  MoveT,
  ScenarioT,
  NetworkT,
  NodeT,
  SegmentT,
  StepT,
} from '../../engine/index.ts';
import type { ScenarioT } from '../../engine/index.ts';
export type CapabilityT = NonNullable<ScenarioT['capabilities']>[number];
