/**
 * Shared inputs of the export tests: the scripted flagship run (built once per test file), its log as
 * parsed back from text (as a file on disk would be), and the replayed exercise record with results.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parseLog, type RampartsLog } from '../../../engine/index.ts';
import { aarFromLog, type AarResults, type ExerciseRecord } from '../../../interchange/index.ts';
import { refdata } from '../helpers.ts';
import { flagshipRun, type FlagshipRun } from './flagship.ts';

export interface Flagship {
  run: FlagshipRun;
  log: RampartsLog;
  exercise: ExerciseRecord;
  results: AarResults;
}

let cached: Flagship | undefined;

/** The flagship run, its log parsed back from text, and the after-action results of its replay. */
export function flagship(): Flagship {
  if (cached) return cached;
  const run = flagshipRun();
  if (run.refused.length > 0) throw new Error(`the scripted run had refused commands: ${run.refused.map((r) => r.message).join('; ')}`);
  const parsed = parseLog(run.text);
  if (!parsed.ok) throw new Error(`the run's log does not parse: ${JSON.stringify(parsed.errors)}`);
  const a = aarFromLog(parsed.log);
  if (!a.ok) throw new Error(a.message);
  cached = { run, log: parsed.log, exercise: a.exercise, results: a.results };
  return cached;
}

/** The official STIX 2.1 JSON schemas, every file added by its $id (draft 2020-12). */
export function stixValidator(): { ajv: Ajv2020; schemaFor(type: string): string } {
  const root = join(refdata, 'stix2-schemas/schemas');
  // The OASIS schemas use patterns such as \- that are invalid under the u flag Ajv uses by default.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const ids = new Map<string, string>();
  for (const dir of readdirSync(root)) {
    for (const f of readdirSync(join(root, dir))) {
      const schema = JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as { $id: string };
      ajv.addSchema(schema);
      ids.set(`${dir}/${f.replace(/\.json$/, '')}`, schema.$id);
    }
  }
  const schemaFor = (type: string): string => {
    const id = ids.get(`sdos/${type}`) ?? ids.get(`sros/${type}`) ?? ids.get(`common/${type}`) ?? ids.get(`observables/${type}`);
    if (!id) throw new Error(`no official STIX schema for type "${type}"`);
    return id;
  };
  return { ajv, schemaFor };
}

export interface AttackData {
  techniques: { id: string; tactics: string[] }[];
  tactics: { shortname: string }[];
}

/** ATT&CK Enterprise v18.1 from refdata (independent of the engine's bundled copy). */
export function attackRefdata(): AttackData {
  return JSON.parse(readFileSync(join(refdata, 'attack-enterprise-techniques.json'), 'utf8')) as AttackData;
}
