import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffViews } from '../../protocol/delta.ts';
import { applyViewPatch } from '../protocol/jsondiffpatch.ts';

// Views are JSON: objects, arrays of records with ids (nodes, alerts), arrays of scalars.
const record = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), state: fc.constantFrom('clean', 'compromised', 'isolated'), n: fc.integer() });
const view = fc.record({
  t: fc.nat(),
  phase: fc.constantFrom('planned', 'running', 'paused'),
  nodes: fc.uniqueArray(record, { selector: (r) => r.id, maxLength: 6 }),
  tags: fc.array(fc.string({ maxLength: 4 }), { maxLength: 5 }),
  scores: fc.dictionary(fc.constantFrom('kw', 'om', 'sa'), fc.double({ noNaN: true, noDefaultInfinity: true })),
  extra: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
});

describe('view deltas', () => {
  it('rebuild the new view from the old one, whatever the change (property)', () => {
    fc.assert(
      fc.property(view, view, (before, after) => {
        const a = JSON.parse(JSON.stringify(before)) as unknown;
        const b = JSON.parse(JSON.stringify(after)) as unknown;
        const patch = JSON.parse(JSON.stringify(diffViews(a, b) ?? null)) as ReturnType<typeof diffViews> | null;
        expect(applyViewPatch(a, patch ?? undefined)).toEqual(b);
      }),
      { numRuns: 500, seed: 20250301 },
    );
  });

  it('leaves the input view untouched', () => {
    const before = { nodes: [{ id: 'a', state: 'clean' }] };
    const copy = structuredClone(before);
    applyViewPatch(before, diffViews(before, { nodes: [{ id: 'a', state: 'compromised' }] }));
    expect(before).toEqual(copy);
  });

  it('is undefined for equal views and small for one change in a large one', () => {
    const nodes = Array.from({ length: 2000 }, (_, i) => ({ id: `n${i}`, state: 'clean', name: `Node number ${i}`, criticality: 3 }));
    const before = { t: 0, nodes };
    expect(diffViews(before, structuredClone(before))).toBeUndefined();
    const after = structuredClone(before);
    after.t = 60_000;
    after.nodes[1234]!.state = 'compromised';
    after.nodes.unshift({ id: 'new', state: 'clean', name: 'New node', criticality: 1 });
    const bytes = JSON.stringify(diffViews(before, after)).length;
    expect(bytes).toBeLessThan(300);
    expect(JSON.stringify(before).length).toBeGreaterThan(100_000);
  });

  it('carries no removed values (what the audience had is not repeated)', () => {
    const patch = diffViews({ secretOld: 'gone-value', x: 'old-value' }, { x: 'new-value' });
    const text = JSON.stringify(patch);
    expect(text).not.toContain('gone-value');
    expect(text).not.toContain('old-value');
    expect(text).toContain('new-value');
  });
});
