/**
 * schema/scenario.schema.json: the JSON Schema (draft-07) of the scenario format, generated from
 * the zod definition so that editors (yaml-language-server, VS Code) complete and check scenario
 * files as the author types. Never edit the JSON by hand: run `npm run gen`.
 */
import { z } from 'zod';
import { Scenario } from '../engine/index.ts';
import type { GeneratedFile } from './generator.ts';

export const name = 'schema';

export const SCHEMA_PATH = 'schema/scenario.schema.json';

/** The JSON Schema object, with readable names for the recursive parts. */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { target: 'draft-07', io: 'input', unrepresentable: 'throw' }) as Record<string, unknown>;
  // zod names the one recursive definition (inject conditions) __schema0; give it its real name.
  const text = JSON.stringify(schema).replaceAll('"__schema0"', '"Condition"').replaceAll('#/definitions/__schema0"', '#/definitions/Condition"');
  const { $schema, ...rest } = JSON.parse(text) as Record<string, unknown>;
  // The zod refinement "exactly one condition" has no JSON Schema form of its own; this is it.
  const condition = (rest.definitions as Record<string, Record<string, unknown>> | undefined)?.Condition;
  if (condition) Object.assign(condition, { minProperties: 1, maxProperties: 1 });
  return {
    $schema,
    $comment: 'Generated from engine/scenario/schema by scripts/generate-schema.ts (npm run gen); do not edit.',
    ...rest,
  };
}

export async function generate(): Promise<GeneratedFile[]> {
  return [{ path: SCHEMA_PATH, content: `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n` }];
}
