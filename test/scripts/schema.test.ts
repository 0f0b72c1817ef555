/**
 * The committed JSON Schema is a fresh generation of the zod definition, compiles as draft-07, and
 * agrees with the validator on the fixtures (editors see the same rules as `ramparts validate`).
 * The schema describes the current format (2); the minimal fixture is written in format 1, which the
 * validator reads as the format 2 scenario it means (engine/scenario/upgrade.ts), so it is checked
 * in that form.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { upgradeScenario } from '../../engine/index.ts';
import { generate, SCHEMA_PATH } from '../../scripts/generate-schema.ts';
import { staleFiles } from '../../scripts/generate.ts';

const ROOT = new URL('../../', import.meta.url);
const committed = readFileSync(new URL(SCHEMA_PATH, ROOT), 'utf8');

/** A scenario file as the validator reads it: format 1 upgraded to the current format. */
const read = (url: URL): unknown => upgradeScenario(parse(readFileSync(url, 'utf8'))).value;
const MINIMAL = new URL('test/fixtures/scenarios/minimal.yaml', ROOT);

function compile() {
  const ajv = new Ajv({ strict: true, allErrors: true, strictTypes: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(committed) as object);
}

describe('scenario JSON Schema', () => {
  it('committed file equals a fresh generation', async () => {
    const [file] = await generate();
    expect(file?.path).toBe(SCHEMA_PATH);
    expect(committed).toBe(file?.content);
    expect(await staleFiles(['schema'])).toEqual([]);
  });

  it('compiles as draft-07 and documents its fields', () => {
    const schema = JSON.parse(committed) as { $schema: string; title: string; properties: Record<string, { description?: string }> };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.title).toBe('Ramparts scenario');
    expect(schema.properties.ramparts?.description).toBe('Scenario format version.');
    expect(committed.match(/"description"/g)?.length).toBeGreaterThan(100);
    expect(() => compile()).not.toThrow();
    // Patterns must work as editor (ECMAScript, unicode) regular expressions.
    for (const m of committed.matchAll(/"pattern": (".*")/g)) expect(() => new RegExp(JSON.parse(m[1] ?? '""') as string, 'u')).not.toThrow();
  });

  it('accepts the minimal fixture (format 1, as the validator reads it) and the bundled scenarios', () => {
    const validate = compile();
    const files = [MINIMAL];
    const dir = new URL('scenarios/', ROOT);
    if (existsSync(dir)) for (const f of readdirSync(dir).filter((x) => /\.ya?ml$/.test(x))) files.push(new URL(f, dir));
    // The format 1 file as written is not format 2: the schema refuses it, where the upgrade would not.
    expect(validate(parse(readFileSync(MINIMAL, 'utf8')))).toBe(false);
    for (const url of files) {
      const ok = validate(read(url));
      expect(ok, `${url.pathname}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('rejects what the schema part of the validator rejects', () => {
    const validate = compile();
    const base = read(MINIMAL) as Record<string, unknown>;
    // Each case below is the accepted fixture with one mistake, so a refusal is the mistake's.
    expect(validate(base), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const cases: [string, (s: any) => void][] = [
      [
        'unknown key',
        (s) => {
          s.meta.colour = 'red';
        },
      ],
      [
        'wrong enum',
        (s) => {
          s.network.segments[0].zone = 'corprate';
        },
      ],
      [
        'bad duration',
        (s) => {
          s.meta.duration = '8 hours';
        },
      ],
      [
        'probability above 1',
        (s) => {
          s.campaigns[0].steps[0].success.base = 1.5;
        },
      ],
      [
        'two conditions side by side',
        (s) => {
          s.injects[1].when = { stepDetected: 'zerologon', stepSucceeded: 'phish' };
        },
      ],
      [
        'format version',
        (s) => {
          s.ramparts = 3;
        },
      ],
    ];
    for (const [name, edit] of cases) {
      const s = structuredClone(base);
      edit(s);
      expect(validate(s), name).toBe(false);
    }
  });
});
