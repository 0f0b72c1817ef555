import { describe, expect, it } from 'vitest';
import { CELL, layoutNetwork, ZONE_ORDER, type Box, type MapLayout } from '../../client/map/layout.ts';
import { nodeAt, segmentAt } from '../../client/map/hit.ts';
import { blueModel, structureKey, whiteModel, type MapModel } from '../../client/map/model.ts';
import { startExercise, views } from './engine-views.ts';

const inside = (x: number, y: number, b: Box) => x >= b.x && x <= b.x + b.w && y >= b.y && y <= b.y + b.h;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** A synthetic network the size of the stress scenario: 20 teams x 5 segments x 20 nodes. */
function stressModel(): MapModel {
  const zones = ['dmz', 'corporate', 'ot', 'datacenter', 'management'] as const;
  const segments = [];
  const nodes = [];
  for (let t = 0; t < 20; t++) {
    for (let s = 0; s < 5; s++) {
      const id = `t${t}-s${s}`;
      segments.push({ id, zone: zones[s] as (typeof zones)[number], owner: `t${t}` });
      for (let n = 0; n < 20; n++) nodes.push({ id: `${id}-n${n}`, segment: id, kind: 'server' as const, criticality: 1 + (n % 5) });
    }
  }
  return { segments, nodes, teams: Array.from({ length: 20 }, (_, t) => ({ id: `t${t}`, name: `Team ${t}` })) };
}

function checkLayout(model: MapModel, layout: MapLayout) {
  expect(layout.nodeIds).toHaveLength(model.nodes.length);
  expect(new Set(layout.nodeIds).size).toBe(model.nodes.length);
  const boxes = new Map(layout.segments.map((b) => [b.id, b]));
  for (const node of model.nodes) {
    const i = layout.index.get(node.id);
    expect(i, node.id).toBeDefined();
    const box = boxes.get(node.segment);
    expect(box, node.segment).toBeDefined();
    expect(inside(layout.x[i as number] as number, layout.y[i as number] as number, box as Box), `${node.id} inside ${node.segment}`).toBe(true);
  }
  for (let a = 0; a < layout.segments.length; a++) {
    for (let b = a + 1; b < layout.segments.length; b++) expect(overlap(layout.segments[a] as Box, layout.segments[b] as Box)).toBe(false);
  }
  for (let a = 0; a < layout.groups.length; a++) {
    const g = layout.groups[a] as MapLayout['groups'][number];
    for (const id of g.segments) {
      const box = boxes.get(id) as Box;
      expect(inside(box.x, box.y, g) && inside(box.x + box.w, box.y + box.h, g), `${id} inside group ${g.team}`).toBe(true);
    }
    for (let b = a + 1; b < layout.groups.length; b++) expect(overlap(g, layout.groups[b] as Box)).toBe(false);
    expect(g.x >= 0 && g.y >= 0 && g.x + g.w <= layout.width + 1e-9 && g.y + g.h <= layout.height + 1e-9).toBe(true);
  }
  // Nodes never share a cell.
  const cells = new Set(layout.nodeIds.map((_, i) => `${layout.x[i]},${layout.y[i]}`));
  expect(cells.size).toBe(layout.nodeIds.length);
}

describe('map layout', () => {
  const state = startExercise();
  const white = views.white(state);

  it('places every node of a real scenario in its segment box, boxes in their team group, nothing overlapping', () => {
    const model = whiteModel(white);
    checkLayout(model, layoutNetwork(model));
    checkLayout(model, layoutNetwork(model, { rtl: true }));
  });

  it('handles 2,000 nodes and groups segments by team', () => {
    const model = stressModel();
    const layout = layoutNetwork(model);
    checkLayout(model, layout);
    expect(layout.groups.map((g) => g.team)).toEqual(model.teams.map((t) => t.id));
    // The map stays roughly square rather than one long strip.
    expect(layout.width / layout.height).toBeGreaterThan(0.5);
    expect(layout.width / layout.height).toBeLessThan(3);
  });

  it("puts the blue team's own network first and orders segments by zone", () => {
    const blue = views.blue(state, 'xs');
    const model = blueModel(blue);
    const layout = layoutNetwork(model);
    checkLayout(model, layout);
    expect(layout.groups[0]?.team).toBe('xs');
    for (const g of layout.groups) {
      const ranks = g.segments.map((id) => ZONE_ORDER.indexOf(model.segments.find((s) => s.id === id)?.zone ?? 'shared'));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it('is deterministic, depends on structure only, and mirrors for right-to-left', () => {
    const model = whiteModel(white);
    const a = layoutNetwork(model);
    const b = layoutNetwork({ ...model, nodes: model.nodes.map((n) => ({ ...n })) });
    expect(Array.from(b.x)).toEqual(Array.from(a.x));
    expect(structureKey(model)).toBe(structureKey({ ...model, nodes: model.nodes.map((n) => ({ ...n })) }));
    const r = layoutNetwork(model, { rtl: true });
    expect(r.width).toBe(a.width);
    // The first team's group sits at the left in LTR and at the right in RTL.
    expect(a.groups[0]?.x).toBe(0);
    expect((r.groups[0]?.x ?? 0) + (r.groups[0]?.w ?? 0)).toBeCloseTo(r.width);
  });

  it('gives unknown segments a box of their own instead of dropping their nodes', () => {
    const model: MapModel = { segments: [], nodes: [{ id: 'n1', segment: 'ghost', kind: 'server', criticality: 3 }], teams: [] };
    const layout = layoutNetwork(model);
    expect(layout.nodeIds).toEqual(['n1']);
  });
});

describe('hit testing', () => {
  const model = stressModel();
  const layout = layoutNetwork(model);
  it('finds each node at its centre and near it', () => {
    for (let i = 0; i < layout.nodeIds.length; i += 37) {
      const x = layout.x[i] as number;
      const y = layout.y[i] as number;
      expect(nodeAt(layout, x, y)).toBe(layout.nodeIds[i]);
      expect(nodeAt(layout, x + CELL * 0.3, y - CELL * 0.3)).toBe(layout.nodeIds[i]);
    }
  });
  it('finds nothing in the gaps and outside, and segments by their box', () => {
    expect(nodeAt(layout, -5, -5)).toBeNull();
    const box = layout.segments[0] as Box & { id: string };
    expect(nodeAt(layout, box.x + 2, box.y + 2)).toBeNull(); // the label strip
    expect(segmentAt(layout, box.x + 2, box.y + 2)).toBe(box.id);
    expect(segmentAt(layout, layout.width + 50, 0)).toBeNull();
  });
});
