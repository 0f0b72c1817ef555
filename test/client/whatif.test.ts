/** The what-if panel's pure parts: the draft's edits, the played list, and the charts' layouts. */
import { describe, expect, it } from 'vitest';
import type { EngineEvent, RampartsLog, ScoreSample } from '../../engine/types.ts';
import { draftEdits, playedAfter } from '../../client/features/whatif/model.ts';
import { linePath, probabilityRows, scoreLines, swimlaneDiff, type Box } from '../../client/features/whatif/layout.ts';

const box: Box = { width: 200, height: 100, left: 0, right: 0, top: 0, bottom: 0 };
const sample = (t: number, composite: number): ScoreSample => ({ t, composite, availability: 0, detection: 0, response: 0, reporting: 0, cooperation: 0, penalties: 0 });
const ev = (seq: number, t: number, type: string, actor: string, data: unknown): EngineEvent => ({ seq, t, type, actor, data, audience: [] });

describe('the what-if draft', () => {
  it('becomes drops, moves (not of a dropped record) and added actions, in that order', () => {
    const edits = draftEdits({
      at: 100,
      drops: new Set([9, 4]),
      moves: new Map([
        [4, 500],
        [7, 600],
      ]),
      adds: [{ team: 'xs', action: 'isolate-host', node: 'n1', at: 200 }],
    });
    expect(edits).toEqual([
      { op: 'drop', record: 4 },
      { op: 'drop', record: 9 },
      { op: 'move', record: 7, to: 600 },
      { op: 'add', at: 200, command: { type: 'action', action: 'isolate-host', target: { node: 'n1' }, actor: { role: 'blue', team: 'xs' } } },
    ]);
  });

  it('lists the played commands after T that a seat sent, numbered as the engine numbers records', () => {
    const log = {
      header: {},
      records: [
        { t: 0, command: { type: 'start', actor: { role: 'white' } } },
        { t: 0, command: { type: 'advance', to: 50, actor: { role: 'system' } } },
        { t: 50, command: { type: 'action', action: 'isolate-host', target: { node: 'n1' }, actor: { role: 'blue', team: 'xs' } } },
        { t: 50, command: { type: 'advance', to: 90, actor: { role: 'system' } } },
      ],
    } as unknown as RampartsLog;
    expect(playedAfter(log, 10)).toEqual([{ record: 3, t: 50, who: 'xs', what: 'isolate-host n1' }]);
    expect(playedAfter(log, 50)).toEqual([]);
  });
});

describe("the what-if charts' layouts", () => {
  it('draws the played line over the whole exercise and the branch from the fork on', () => {
    const l = scoreLines([sample(0, 100), sample(50, 50), sample(100, 0)], [sample(0, 100), sample(50, 80), sample(100, 60)], 50, 100, box);
    expect(l.played).toBe(
      linePath([
        [0, 0],
        [100, 50],
        [200, 100],
      ]),
    );
    expect(l.branch).toBe('M100,20L200,40');
    expect(l.forkX).toBe(100);
  });

  it("sizes each objective's bar and interval by its probability, and a single run as 0 or 1", () => {
    const rows = probabilityRows(
      [
        { id: 'a', played: 10, achieved: 3, probability: 0.25, ci95: [0.1, 0.5] },
        { id: 'b', played: null, branch: 20 },
      ],
      box,
      20,
    );
    expect(rows).toEqual([
      { id: 'a', y: 0, barWidth: 50, lo: 20, hi: 100, playedReached: true, label: '25%' },
      { id: 'b', y: 20, barWidth: 200, lo: 200, hi: 200, playedReached: false, label: '100%' },
    ]);
  });

  it('marks strong what happened in one history only, per team', () => {
    const owner = (n: string) => (n.startsWith('xs') ? 'xs' : 'xr');
    const played = [ev(1, 10, 'node.state', 'engine', { node: 'xs-1', integrity: 'compromised' }), ev(2, 20, 'node.state', 'engine', { node: 'xr-1', integrity: 'encrypted' })];
    const branch = [ev(1, 10, 'node.state', 'engine', { node: 'xs-1', integrity: 'compromised' }), ev(2, 12, 'action.requested', 'blue:xs', { action: 'isolate-host', target: { node: 'xs-1' } })];
    const lanes = swimlaneDiff(played, branch, ['xs', 'xr'], owner, 0, 100, box);
    expect(lanes).toEqual([
      {
        team: 'xs',
        played: [{ x: 20, kind: 'compromise', only: false }],
        branch: [
          { x: 20, kind: 'compromise', only: false },
          { x: 24, kind: 'response', only: true },
        ],
      },
      { team: 'xr', played: [{ x: 40, kind: 'compromise', only: true }], branch: [] },
    ]);
  });
});
