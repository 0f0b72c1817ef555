/**
 * The scenario module: the format (vocabulary, zod schema and types), the text reader (YAML or JSON
 * with a source map) and the validator that turns text into a checked scenario or located diagnostics.
 */
export * from './schema/index.ts';
export { validateScenarioText, validateScenarioObject, MAX_ERRORS, type ValidationResult } from './validate.ts';
export {
  parseScenarioText,
  jsonSyntaxError,
  MAX_SCENARIO_BYTES,
  MAX_DEPTH,
  type ParseResult,
  type ParsedScenario,
  type ScenarioFormat,
  type Position,
  type SourceMap,
} from './text/index.ts';
export { semanticFindings } from './semantic/index.ts';
/** Format 1 read as the format 2 scenario it means (older files, logs and packages; the JSON Schema test). */
export { upgradeScenario } from './upgrade.ts';
