/** Alert badges of a zoomed-out map: one per segment with alerting nodes, with their count. */
import { describe, expect, it } from 'vitest';
import { layoutNetwork } from '../../client/map/layout.ts';
import { segmentBadges } from '../../client/map/badges.ts';
import type { MapModel } from '../../client/map/model.ts';

/** 2,000 nodes: 20 teams x 5 segments x 20 nodes. */
function model(): MapModel {
  const zones = ['dmz', 'corporate', 'ot', 'datacenter', 'management'] as const;
  const segments = [];
  const nodes = [];
  for (let t = 0; t < 20; t++) {
    for (let s = 0; s < 5; s++) {
      const id = `t${t}-s${s}`;
      segments.push({ id, zone: zones[s] as (typeof zones)[number], owner: `t${t}` });
      for (let n = 0; n < 20; n++) nodes.push({ id: `${id}-n${n}`, segment: id, kind: 'server' as const, criticality: 3 });
    }
  }
  return { segments, nodes, teams: Array.from({ length: 20 }, (_, t) => ({ id: `t${t}`, name: `Team ${t}` })) };
}

describe('segment alert badges', () => {
  it("counts every alerting node once, in its own segment, at that segment's top end corner", () => {
    const layout = layoutNetwork(model());
    // 228 alerting nodes, as seen on the flagship's 2,036-node map: every eighth node, the first 228.
    const alerting = layout.nodeIds
      .map((_, i) => i)
      .filter((i) => i % 8 === 0)
      .slice(0, 228);
    const badges = segmentBadges(layout, alerting, false);
    expect(badges.reduce((n, b) => n + b.count, 0)).toBe(228);
    for (const b of badges) {
      const box = layout.segments.find((s) => s.id === b.segment);
      expect(box).toBeDefined();
      expect(b).toMatchObject({ x: (box?.x ?? 0) + (box?.w ?? 0), y: box?.y });
      expect(b.count).toBe(alerting.filter((i) => (layout.nodeIds[i] as string).startsWith(`${b.segment}-`)).length);
    }
    const rtl = layoutNetwork(model(), { rtl: true });
    const first = segmentBadges(rtl, [0], true)[0];
    expect(first?.x).toBe(rtl.segments.find((s) => s.id === first?.segment)?.x);
  });

  it('draws nothing when no node alerts', () => {
    expect(segmentBadges(layoutNetwork(model()), [], false)).toEqual([]);
  });
});
