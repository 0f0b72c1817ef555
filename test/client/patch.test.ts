import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffViews } from '../../protocol/delta.ts';
import { applyViewPatch } from '../protocol/jsondiffpatch.ts';
import { patchShared } from '../../protocol/patch.ts';
import { advance, HOUR, startExercise, views } from './engine-views.ts';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}

// Views as the server has them: objects with id-keyed arrays, nested records, scalars, nulls.
const item = fc.record(
  {
    id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    n: fc.integer({ min: 0, max: 5 }),
    s: fc.option(fc.constantFrom('x', 'y', 'z'), { nil: null }),
    tags: fc.array(fc.constantFrom('p', 'q', 'r'), { maxLength: 3 }),
    deep: fc.option(fc.record({ k: fc.integer({ min: 0, max: 3 }) }), { nil: undefined }),
  },
  { requiredKeys: ['id', 'n', 's', 'tags'] },
);
const uniqueItems = fc.uniqueArray(item, { selector: (i) => i.id, maxLength: 6 });
const view = fc.record(
  {
    clock: fc.record({ t: fc.integer({ min: 0, max: 100 }), phase: fc.constantFrom('planned', 'running') }),
    nodes: uniqueItems,
    plain: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 5 }),
    map: fc.dictionary(fc.constantFrom('k1', 'k2', 'k3'), fc.integer()),
    maybe: fc.option(fc.string({ maxLength: 3 }), { nil: undefined }),
  },
  { requiredKeys: ['clock', 'nodes', 'plain', 'map'] },
);

describe('patchShared', () => {
  it("gives the same view as jsondiffpatch's own patch, without touching the input", () => {
    fc.assert(
      fc.property(view, view, (before, after) => {
        const patch = diffViews(before, after);
        const expected = applyViewPatch(before, patch);
        deepFreeze(before);
        const got = patchShared(before, patch);
        expect(got).toEqual(expected);
        expect(got).toEqual(JSON.parse(JSON.stringify(after)));
      }),
      { numRuns: 400 },
    );
  });

  it('shares every part of the view the patch does not touch', () => {
    const before = deepFreeze({
      clock: { t: 1 },
      nodes: [
        { id: 'a', state: 'clean', services: [{ id: 's', up: true }] },
        { id: 'b', state: 'clean', services: [] },
      ],
      segments: [{ id: 'seg', zone: 'dmz' }],
    });
    const after = { ...before, nodes: [before.nodes[0], { ...before.nodes[1], state: 'isolated' }] };
    const got = patchShared(before, diffViews(before, after));
    expect(got.nodes[1]?.state).toBe('isolated');
    expect(got.segments).toBe(before.segments);
    expect(got.clock).toBe(before.clock);
    expect(got.nodes[0]).toBe(before.nodes[0]);
    expect(got.nodes).not.toBe(before.nodes);
  });

  it('follows real engine views over an hour of exercise', () => {
    const state = startExercise();
    const v0 = views.white(state);
    advance(state, HOUR);
    const v1 = views.white(state);
    const patch = diffViews(v0, v1);
    expect(patch).toBeDefined();
    const got = patchShared(deepFreeze(structuredClone(v0)), patch);
    expect(got).toEqual(v1);
  });

  it('refuses text diffs, which the protocol never sends', () => {
    expect(() => patchShared({ a: 'x' }, { a: ['@@ -1 +1 @@', 0, 2] })).toThrow(/text diffs/);
  });
});
