/**
 * Interchange with other exercise tools, beside the engine and built on its public entry: imports
 * (MSEL CSV, CALDERA adversaries, Attack Flow 2.0 bundles) and their placement into a scenario, the
 * after-action review (AAR/IP as Markdown, HTML and JSON), exports (ATT&CK Navigator layers, STIX 2.1
 * bundles, the MSEL as CSV) and exercise packages. Pure and browser-safe: text and objects in, text,
 * scenario parts and located diagnostics out; no clock, no randomness, no I/O (the purity test covers it).
 */
export { type Diagnostic, type ImportResult, formatDiagnostic, hasErrors } from './lib/diagnostics.ts';
export { importMsel, importMselCsv, importMselRows, mselContext, type MselContext, type MselImportOptions, type MselImportResult } from './import/msel-csv.ts';
export { decodeText, type DecodedText } from './msel/encoding.ts';
export { readWorkbook } from './msel/xlsx.ts';
export { SYNONYMS, MSEL_FIELDS, MSEL_AUDIENCE, type MselField } from './msel/synonyms.ts';
export type { DateOrder } from './msel/time.ts';
export { importCaldera, type CalderaOptions, type TextFile } from './import/caldera.ts';
export { importAttackFlow, type AttackFlowOptions } from './import/attack-flow.ts';
export { placeCampaign, placeInjects, findBlueTeam, type PlaceCampaignOptions } from './import/place.ts';
export { resolveTechnique, type TechniqueMatch } from './import/techniques.ts';
export * from './aar/index.ts';
export * from './export/index.ts';
export * from './package/index.ts';
export * from './products/index.ts';
export * from './whatif/index.ts';
