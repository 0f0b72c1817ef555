/**
 * No import cycle anywhere in the product: every file stands above all that it imports, so each can be
 * read (and loaded) after what it depends on. Type-only and `import()` arrows count too: a cycle of
 * types is still two files that cannot be understood one without the other.
 */
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, PRODUCT, type Import } from './import-graph.ts';

describe("the product's import graph", () => {
  const graph = importGraph(PRODUCT);

  it('reads every product folder', () => {
    for (const dir of PRODUCT)
      expect(
        [...graph.keys()].some((f) => f.startsWith(`${dir}/`)),
        dir,
      ).toBe(true);
    expect(graph.size).toBeGreaterThan(250);
  });

  it('has no cycle', () => {
    expect(cycles(graph).map((c) => c.join(' -> '))).toEqual([]);
  });

  it('finds a cycle when there is one (the walk works)', () => {
    const arrow = (file: string): Import => ({ spec: file, file, typeOnly: false, dynamic: false, line: 1 });
    const loop = new Map<string, Import[]>([
      ['a.ts', [arrow('b.ts')]],
      ['b.ts', [arrow('c.ts'), arrow('d.ts')]],
      ['c.ts', [arrow('a.ts')]],
      ['d.ts', []],
      ['e.ts', [arrow('e.ts')]],
    ]);
    expect(cycles(loop)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['e.ts']]);
    expect(
      cycles(
        new Map([
          ['a.ts', [arrow('b.ts')]],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });
});
