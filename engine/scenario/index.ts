/**
 * The scenario module: the format (zod schema and types), and the validator that turns YAML or
 * JSON text into a checked scenario or located diagnostics.
 */
export * from './schema/index.ts';
export { validateScenarioText, validateScenarioObject, MAX_ERRORS, type ValidationResult } from './validate.ts';
export { formatDiagnostic, formatPath, compareDiagnostics, type Diagnostic, type DiagnosticSeverity, type PathSegment, type Finding } from './diagnostic.ts';
export { parseScenarioText, type ParseResult, type ParsedScenario, type ScenarioFormat } from './parse.ts';
export { MAX_SCENARIO_BYTES } from './decode.ts';
export { MAX_DEPTH } from './depth.ts';
export { semanticFindings } from './semantic/index.ts';
