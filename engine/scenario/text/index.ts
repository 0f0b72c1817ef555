/**
 * Scenario text: YAML or JSON bytes in, a plain value out with a source map from paths back to lines
 * and columns, or syntax errors located in the text. Careful with hostile input: a size limit, no
 * aliases that multiply, a nesting limit, duplicate keys found, and iterative scanners so that deep
 * nesting cannot overflow the stack. What the value means is the schema's and the checks' business.
 */
export { parseScenarioText, type ParseResult, type ParsedScenario, type ScenarioFormat } from './parse.ts';
export { MAX_SCENARIO_BYTES } from './decode.ts';
export { MAX_DEPTH, measureValue } from './depth.ts';
export { jsonSyntaxError } from './json-scan.ts';
export type { Position, SourceMap } from './locate.ts';
