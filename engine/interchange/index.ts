/**
 * Interchange with other exercise tools: imports (MSEL CSV, CALDERA adversaries, Attack Flow 2.0
 * bundles), their placement into a scenario, and the MSEL CSV export. Pure: text and objects in,
 * scenario parts and located diagnostics out.
 */
export { type Diagnostic, type ImportResult, type Severity, formatDiagnostic, hasErrors } from './import/diagnostics.ts';
export { importMselCsv, mselContext, type MselContext, type MselImportOptions } from './import/msel-csv.ts';
export { importCaldera, type CalderaOptions, type TextFile } from './import/caldera.ts';
export { importAttackFlow, type AttackFlowOptions } from './import/attack-flow.ts';
export { placeCampaign, placeInjects, findBlueTeam, type PlaceCampaignOptions } from './import/place.ts';
export { resolveTechnique, type TechniqueMatch } from './import/techniques.ts';
export { exportMselCsv } from './export/msel-csv.ts';
