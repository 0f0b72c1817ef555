/** The studio's completion and hover documentation from the scenario JSON Schema (pure parts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completeAt, hoverAt } from '../../client/features/studio/complete.ts';
import type { JsonSchema } from '../../client/features/studio/schema-walk.ts';
import { contextAt } from '../../client/features/studio/yaml-context.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'scenario.schema.json'), 'utf8')) as JsonSchema;
const GULF = readFileSync(join(ROOT, 'scenarios', 'gulf-shield.yaml'), 'utf8');

/** Text with `|` marking the cursor. */
function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.replace('|', ''), offset };
}
const labels = (marked: string, ids?: Map<string, string[]>) => {
  const { text, offset } = at(marked);
  return completeAt(schema, text, offset, ids)?.options.map((o) => o.label) ?? [];
};

describe('cursor context from indentation', () => {
  it("finds the mapping of a half-typed key under sequences, including a sequence at its parent key's column", () => {
    expect(contextAt(...(Object.values(at('campaigns:\n  - id: c1\n    steps:\n      - id: s1\n        tec|')) as [string, number]))).toMatchObject({
      kind: 'key',
      path: ['campaigns', 0, 'steps', 0],
      word: 'tec',
    });
    expect(contextAt(...(Object.values(at('injects:\n- id: i1\n  chan|')) as [string, number]))).toMatchObject({ kind: 'key', path: ['injects', 0] });
    expect(contextAt(...(Object.values(at('meta:\n  id: x\n\n  # a comment\n  tlp: AM|')) as [string, number]))).toMatchObject({ kind: 'value', path: ['meta', 'tlp'], word: 'AM' });
  });

  it('has no context inside a flow mapping', () => {
    const { text, offset } = at('meta: { id: x, ti|');
    expect(contextAt(text, offset)).toBeNull();
  });
});

describe('completion', () => {
  it('offers the top-level keys on an empty file, required ones marked, and what is present left out', () => {
    expect(labels('|')).toEqual(expect.arrayContaining(['ramparts', 'meta', 'teams', 'network', 'campaigns', 'injects']));
    const { text, offset } = at('ramparts: 2\nme|');
    const meta = completeAt(schema, text, offset)?.options.find((o) => o.label === 'meta');
    expect(meta).toMatchObject({ apply: 'meta:\n  ', detail: 'object, required' });
    expect(labels('ramparts: 2\n|')).not.toContain('ramparts');
  });

  it("offers a step's keys, enum values, and the ids the document declares for references", () => {
    expect(labels('campaigns:\n  - id: c1\n    steps:\n      - id: s1\n        |')).toEqual(expect.arrayContaining(['technique', 'requires', 'target']));
    expect(labels('injects:\n  - id: i1\n    channel: |')).toEqual(['email', 'phone', 'news', 'intel-feed', 'ticket', 'chat', 'radio', 'social-media', 'briefing']);
    expect(labels('injects:\n  - id: i1\n    channel: ne|')).toEqual(['news']);
    const ids = new Map([['step', ['recon', 'phish']]]);
    expect(labels('campaigns:\n  - id: c1\n    steps:\n      - id: s2\n        requires:\n          - |', ids)).toEqual(['recon', 'phish']);
  });

  it('completes inside gulf-shield at a node of the network', () => {
    const offset = GULF.indexOf('\n', GULF.indexOf('  nodes:')) + 1;
    const text = `${GULF.slice(0, offset)}    - id: new-node\n      crit\n${GULF.slice(offset)}`;
    const cursor = offset + '    - id: new-node\n      crit'.length;
    expect(completeAt(schema, text, cursor)?.options.map((o) => o.label)).toEqual(['criticality']);
  });
});

describe('hover', () => {
  it('documents the key under the cursor from the schema', () => {
    const { text, offset } = at('injects:\n  - id: i1\n    cha|nnel: news');
    const h = hoverAt(schema, text, offset);
    expect(h?.path).toBe('injects[].channel');
    expect(h?.text).toContain('one of: email, phone');
    const m = at('meta:\n  dura|tion: 8h');
    expect(hoverAt(schema, m.text, m.offset)?.text).toMatch(/duration|T\+0|time/i);
  });
});

describe("the studio's texts", () => {
  it('has every English text in Arabic too, and nothing else', async () => {
    const { STUDIO_CATALOGS } = await import('../../client/features/studio/i18n/texts.ts');
    expect(Object.keys(STUDIO_CATALOGS.ar ?? {}).sort()).toEqual(Object.keys(STUDIO_CATALOGS.en ?? {}).sort());
  });
});
