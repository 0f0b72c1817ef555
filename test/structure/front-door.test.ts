/**
 * The engine's front door. Code outside engine/ reaches the engine through three entries only:
 * engine/index.ts (everything), engine/types.ts (its types, for `import type`) and engine/constants.ts
 * (its zod-free constants, for the browser). What is inside engine/ can then move without touching
 * its users, and what the web client loads stays small.
 *
 * Who is held to it: every product folder (interchange, protocol, server, client, cli, native, bin)
 * and the benchmarks, scripts and tests, except test/engine/: the engine's own white-box tests, which
 * test its internals where they are. interchange/ has one entry too, interchange/index.ts, under the
 * same rule (its own tests, test/interchange/, excepted).
 */
import { describe, expect, it } from 'vitest';
import { importGraph, loadedWith, PRODUCT, sourceFiles } from './import-graph.ts';

const ENTRIES = new Set(['engine/index.ts', 'engine/types.ts', 'engine/constants.ts']);
const HELD = [...PRODUCT.filter((d) => d !== 'engine'), 'bench', 'scripts', 'test'];
const EXEMPT = 'test/engine/';

describe("the engine's front door", () => {
  const graph = importGraph(HELD);
  const files = [...graph.keys()].filter((f) => !f.startsWith(EXEMPT));

  it('reads the code held to it', () => {
    for (const dir of ['interchange', 'protocol', 'server', 'client', 'cli']) expect(files.some((f) => f.startsWith(`${dir}/`))).toBe(true);
    expect(files).toContain('client/features/blue/BlueConsole.tsx');
  });

  it('is the only way in: no file outside engine/ imports an engine internal', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const i of graph.get(f) ?? []) {
        if (i.file?.startsWith('engine/') && !ENTRIES.has(i.file)) found.push(`${f}:${i.line}: ${i.spec}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('hands out types only from engine/types.ts (import type, erased when compiled)', () => {
    const found: string[] = [];
    for (const f of files) {
      for (const i of graph.get(f) ?? []) if (i.file === 'engine/types.ts' && !i.typeOnly) found.push(`${f}:${i.line}`);
    }
    expect(found).toEqual([]);
  });

  it('keeps engine/constants.ts free of every package (no zod, no yaml)', () => {
    const loaded = [...loadedWith('engine/constants.ts')];
    expect(loaded.filter((x) => !x.endsWith('.ts'))).toEqual([]);
    expect(loaded).toContain('engine/scenario/vocabulary.ts');
  });

  it('lets the web client start and open each console without a schema library: they load no zod', () => {
    // The engine (and zod with it) is loaded only by import(), where a page replays a log.
    const starts = ['client/main.tsx', ...sourceFiles('client/features').filter((f) => /Console\.tsx$/.test(f))];
    expect(starts.length).toBeGreaterThanOrEqual(5);
    const found = starts.filter((f) => loadedWith(f).has('zod'));
    expect(found).toEqual([]);
  });

  it('catches a reach inside (the scan works)', () => {
    // A test file of the engine's own suite imports internals: the scan sees them there.
    const own = importGraph(['test/engine']);
    const inside = [...own.values()].flat().filter((i) => i.file?.startsWith('engine/') && !ENTRIES.has(i.file));
    expect(inside.length).toBeGreaterThan(0);
  });
});

describe("interchange's front door", () => {
  it('is the only way in: no file outside interchange/ (and its own tests) imports an interchange internal', () => {
    const graph = importGraph([...PRODUCT.filter((d) => d !== 'interchange'), 'bench', 'scripts', 'test']);
    const found: string[] = [];
    for (const [f, imports] of graph) {
      if (f.startsWith('test/interchange/')) continue;
      for (const i of imports) if (i.file?.startsWith('interchange/') && i.file !== 'interchange/index.ts') found.push(`${f}:${i.line}: ${i.spec}`);
    }
    expect(found).toEqual([]);
    expect([...graph.values()].flat().some((i) => i.file === 'interchange/index.ts')).toBe(true);
  });
});
