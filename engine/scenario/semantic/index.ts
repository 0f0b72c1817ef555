/** The meaning checks of a scenario that already matches the schema. */
import type { PathSegment } from '../../lib/diagnostic.ts';
import type { Finding } from '../finding.ts';
import { Ctx } from './context.ts';
import { buildTables } from './ids.ts';
import { checkNetwork, checkTeams } from './network.ts';
import { checkCampaigns } from './red.ts';
import { checkActions, checkEvaluation, checkInjects, checkMoves, checkPosture } from './white.ts';
import { checkManual } from './manual.ts';
import type { ScenarioT } from './types.ts';

/**
 * Every meaning problem of a schema-valid scenario: duplicate ids, dangling references, loops in
 * preconditions, ATT&CK ids, times past the end, and warnings for things that can never happen.
 * `lineOf` (optional) lets messages say "first defined on line 12".
 */
export function semanticFindings(s: ScenarioT, lineOf: (path: readonly PathSegment[]) => number | undefined = () => undefined): Finding[] {
  const ctx = new Ctx(s, lineOf);
  ctx.tables = buildTables(ctx);
  checkTeams(ctx);
  checkNetwork(ctx);
  checkCampaigns(ctx);
  checkPosture(ctx);
  checkActions(ctx);
  checkInjects(ctx);
  checkMoves(ctx);
  checkManual(ctx);
  checkEvaluation(ctx);
  return ctx.findings;
}
