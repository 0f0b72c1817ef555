/** The parts of a scenario an MSEL refers to: teams, capabilities, objectives, moves, start date and time zone. */
import { isRecord, type MoveT, type TeamT } from '../../engine/index.ts';
import type { CapabilityT, ObjectiveDefT } from '../msel/cells.ts';

/** What the injects refer to: the scenario they go into (teams, capabilities, moves, start date and zone). */
export interface MselContext {
  teams?: readonly TeamT[];
  capabilities?: readonly CapabilityT[];
  objectives?: readonly ObjectiveDefT[];
  moves?: readonly MoveT[];
  /** T+0 as an ISO date-time with offset, for MSELs whose times are date-times or clock times. */
  startDate?: string;
  /** IANA time zone the exercise's wall clock runs in (meta.timeZone). */
  timeZone?: string;
}

/** The parts of a scenario object an MSEL refers to (leniently: the scenario need not be valid yet). */
export function mselContext(scenario: unknown): MselContext {
  if (!isRecord(scenario)) return {};
  const list = <T>(v: unknown) => (Array.isArray(v) ? (v.filter(isRecord) as T[]) : undefined);
  const meta = isRecord(scenario.meta) ? scenario.meta : {};
  const ctx: MselContext = {};
  const teams = list<TeamT>(scenario.teams);
  if (teams) ctx.teams = teams;
  ctx.capabilities = list<CapabilityT>(scenario.capabilities) ?? [];
  ctx.objectives = list<ObjectiveDefT>(scenario.objectives) ?? [];
  ctx.moves = list<MoveT>(scenario.moves) ?? [];
  if (typeof meta.startDate === 'string') ctx.startDate = meta.startDate;
  if (typeof meta.timeZone === 'string') ctx.timeZone = meta.timeZone;
  return ctx;
}
