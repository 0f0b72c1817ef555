/** The studio's panes model: item spans from the text, cursor -> item and item -> cursor, the MSEL timeline layout. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../engine/index.ts';
import { findItem, itemAt, studioModel } from '../../client/features/studio/model.ts';
import { layoutTimeline } from '../../client/features/studio/MselTimeline.tsx';
import { itemSpans } from '../../client/features/studio/spans.ts';

const GULF = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'gulf-shield.yaml'), 'utf8');
const modelOf = (text: string) => {
  const parsed = parseScenarioText(text, 'draft.yaml');
  if (!parsed.ok) throw new Error('does not parse');
  return studioModel(text, parsed.value);
};

describe('item spans', () => {
  it("spans each sequence item with its path, a sequence at its parent key's column included, block scalars skipped", () => {
    const text = [
      'injects:',
      '- id: a',
      '  content: |',
      '    - not an item',
      '    - nor this',
      '- id: b',
      'campaigns:',
      '  - id: c',
      '    steps:',
      '      - { id: s1 }',
      '      - id: s2',
      '        requires: [s1]',
    ].join('\n');
    const spans = itemSpans(text).map((s) => ({ path: s.path.join('.'), text: text.slice(s.from, s.to) }));
    expect(spans).toEqual([
      { path: 'injects.0', text: '- id: a\n  content: |\n    - not an item\n    - nor this' },
      { path: 'injects.1', text: '- id: b' },
      { path: 'campaigns.0', text: expect.stringMatching(/^- id: c\n {4}steps:[\s\S]*requires: \[s1\]$/) },
      { path: 'campaigns.0.steps.0', text: '- { id: s1 }' },
      { path: 'campaigns.0.steps.1', text: '- id: s2\n        requires: [s1]' },
    ]);
  });
});

describe('cursor and items on gulf-shield', () => {
  const model = modelOf(GULF);

  it('reads the map, the campaigns with their preconditions and the injects', () => {
    expect(model.nodes).toHaveLength(180);
    expect(model.campaigns.map((c) => c.steps.length)).toEqual([57, 3]);
    expect(model.injects).toHaveLength(55);
    const steps = model.campaigns.flatMap((c) => c.steps);
    expect(steps.some((s) => s.requires.length > 0)).toBe(true);
    expect(model.ids.get('team')).toContain('xs');
  });

  it('maps a cursor inside a node, a step and an inject to that item, and each item back to its "- id:" line', () => {
    for (const [kind, id] of [
      ['node', 'xs-dmz-vpn01'],
      ['inject', 'i02-startex-ack'],
      ['step', model.campaigns[0]?.steps[5]?.id ?? ''],
    ] as const) {
      const item = findItem(model.items, kind, id);
      expect(item).not.toBeNull();
      if (!item) continue;
      expect(GULF.slice(item.from).startsWith(`- id: ${id}`) || GULF.slice(item.from).startsWith(`- { id: ${id}`)).toBe(true);
      expect(GULF.split('\n')[item.line - 1]).toContain(id);
      // Anywhere inside the item, the innermost item is this one.
      for (const offset of [item.from, Math.floor((item.from + item.to) / 2), item.to]) expect(itemAt(model.items, offset)).toMatchObject({ kind, id });
    }
    // A step's line is the step, not its campaign; a comment line between sections is no item.
    expect(itemAt(model.items, GULF.indexOf('# The MSEL.'))).toBeNull();
  });

  it('lays the MSEL out per blue team, marks never closer than their gap in a row', () => {
    const layout = layoutTimeline(model, model.durationMs);
    expect(layout.lanes.map((l) => l.team)).toEqual(['xs', 'xr', 'xn', 'xm', 'xz']);
    const first = layout.marks.filter((m) => m.inject === 'i01-startex');
    expect(first.map((m) => m.team)).toEqual(['xs', 'xr', 'xn', 'xm', 'xz']);
    const byRow = new Map<string, number[]>();
    for (const m of layout.marks) byRow.set(`${m.lane}/${m.row}`, [...(byRow.get(`${m.lane}/${m.row}`) ?? []), m.x]);
    for (const xs of byRow.values()) {
      const sorted = [...xs].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThanOrEqual(0.0199);
    }
  });
});
