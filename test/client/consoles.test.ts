/** Pure parts of the consoles, checked against real engine views. */
import { describe, expect, it } from 'vitest';
import { layoutCampaign } from '../../client/features/red/graph.ts';
import { addFrame, frameAt, FRAME_LIMIT, recordingSource, type Frame } from '../../client/features/timeline/source.ts';
import { markTimes, swimlanes } from '../../client/features/timeline/lanes.ts';
import { aarFromLog, aarMarkdown, logFromFile } from '../../interchange/index.ts';
import { compileScenario, type RampartsLog, runHeadless, type ScenarioT, serialiseLog } from '../../engine/index.ts';
import { latestRating } from '../../client/features/evaluator/ratings.ts';
import { blueLook, whiteLook } from '../../client/map/model.ts';
import { panelActions, progress, targetsFor } from '../../client/features/actions/targets.ts';
import { parseIndicators } from '../../client/features/intel/IntelPanel.tsx';
import { advance, HOUR, startExercise, views } from './engine-views.ts';

/** The AAR/IP as Markdown from a log's text, as the server's aar-md export writes it. */
function aarFromLogText(text: string, lang: string): { ok: true; markdown: string } | { ok: false; message: string } {
  const opened = logFromFile(text);
  if (!opened.ok) return opened;
  const r = aarFromLog(opened.log, { lang });
  return r.ok ? { ok: true, markdown: aarMarkdown(r.results) } : r;
}

describe('campaign graph layout', () => {
  it('puts each step one column after its latest precondition', () => {
    const layout = layoutCampaign([{ id: 'a' }, { id: 'b', requires: ['a'] }, { id: 'c', requires: ['a'] }, { id: 'd', requires: ['b'], requiresAny: ['c'] }, { id: 'e' }]);
    expect(layout.by).toBe('preconditions');
    expect(layout.at.get('a')).toEqual({ col: 0, row: 0 });
    expect(layout.at.get('e')).toEqual({ col: 0, row: 1 });
    expect(layout.at.get('b')?.col).toBe(1);
    expect(layout.at.get('c')).toEqual({ col: 1, row: 1 });
    expect(layout.at.get('d')?.col).toBe(2);
    expect(layout.edges).toContainEqual({ from: 'c', to: 'd', any: true });
    expect(layout.columns).toBe(3);
    expect(layout.rows).toBe(2);
  });
  it('survives a cycle and falls back to tactic columns without preconditions', () => {
    const cyc = layoutCampaign([
      { id: 'a', requires: ['b'] },
      { id: 'b', requires: ['a'] },
    ]);
    expect(cyc.at.size).toBe(2);
    const byTactic = layoutCampaign([
      { id: 'x', tactic: 'impact' },
      { id: 'y', tactic: 'initial-access' },
      { id: 'z', tactic: 'execution' },
    ]);
    expect(byTactic.by).toBe('tactic');
    expect([byTactic.at.get('y')?.col, byTactic.at.get('z')?.col, byTactic.at.get('x')?.col]).toEqual([0, 1, 2]);
  });
  it('draws the real campaign with every step placed', () => {
    const red = views.red(startExercise());
    for (const c of red.campaigns) expect(layoutCampaign(c.steps).at.size).toBe(c.steps.length);
  });
});

describe('timeline frames', () => {
  const state = startExercise();
  const frames: Frame[] = [];
  let list: Frame[] = frames;
  for (let h = 0; h <= 6; h++) {
    if (h > 0) advance(state, h * HOUR);
    list = addFrame(list, { t: state.clock, seq: h, view: views.evaluator(state) });
  }

  it('finds the frame at or before a time', () => {
    expect(list).toHaveLength(7);
    expect(frameAt(list, 2.5 * HOUR)?.t).toBe(2 * HOUR);
    expect(frameAt(list, 3 * HOUR)?.t).toBe(3 * HOUR);
    expect(frameAt(list, -1)?.t).toBe(0);
    expect(frameAt(list, 99 * HOUR)?.t).toBe(6 * HOUR);
    expect(frameAt([], 0)).toBeNull();
  });

  it('keeps one frame per instant and ignores repeats', () => {
    const last = list[list.length - 1] as Frame;
    expect(addFrame(list, last)).toBe(list);
    const replaced = addFrame(list, { ...last, seq: 99, view: { ...last.view } });
    expect(replaced).toHaveLength(list.length);
    expect(replaced[replaced.length - 1]?.seq).toBe(99);
  });

  it('thins old frames past the limit, keeping the recent ones', () => {
    let many: Frame[] = [];
    const view = list[0]?.view as Frame['view'];
    const limit = 100;
    for (let i = 0; i <= limit; i++) many = addFrame(many, { t: i, seq: i, view: { ...view } }, limit);
    expect(many.length).toBeLessThan(limit);
    expect(many.length).toBeGreaterThan(limit / 2);
    // The newer half is exact, the older half kept every other frame.
    expect(many.slice(-50).map((f) => f.t)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
    expect(many[1]?.t).toBe(2);
    expect(FRAME_LIMIT).toBeGreaterThan(10_000);
  });

  it('gives the map at a moment: views differ where the exercise changed', () => {
    const source = recordingSource(list, []);
    expect(source.end).toBe(6 * HOUR);
    expect(source.viewAt(0)).not.toEqual(source.viewAt(6 * HOUR));
    expect(source.viewAt(HOUR)?.clock.t).toBe(HOUR);
  });

  it('builds swimlanes of red attempts, detections and responses per blue team', () => {
    const final = list[list.length - 1]?.view as Frame['view'];
    const lanes = swimlanes(final, final.clock.t);
    expect(lanes.map((l) => l.team)).toEqual(final.blue.map((b) => b.team.id));
    const attempts = lanes.reduce((n, l) => n + l.red.length, 0);
    expect(attempts).toBe(final.attempts.length);
    const marks = markTimes(lanes);
    expect(marks).toEqual([...marks].sort((a, b) => a - b));
    expect(new Set(marks).size).toBe(marks.length);
  });
});

describe('node looks', () => {
  const state = startExercise();
  advance(state, 6 * HOUR);
  it('blue sees alerts and isolation, never the true state', () => {
    const blue = views.blue(state, 'xs');
    for (const n of blue.nodes) {
      const look = blueLook(n);
      expect(['ok', 'alerting', 'degraded', 'defaced']).toContain(look.status);
      expect(look.isolated).toBe(n.isolated);
    }
  });
  it('white sees integrity and network state', () => {
    const white = views.white(state);
    for (const n of white.nodes) expect(whiteLook(n)).toEqual({ status: n.integrity, isolated: n.network === 'isolated', alerts: n.alerts });
  });
});

describe('actions', () => {
  const state = startExercise();
  const blue = views.blue(state, 'xs');
  it('offers the node, segment and indicator actions of the catalog (the rest have their own panels)', () => {
    const kinds = panelActions(blue.catalog).map((c) => c.kind);
    expect(kinds).toContain('isolate');
    expect(kinds).not.toContain('share-intel');
    expect(kinds).not.toContain('sitrep');
  });
  it('makes one target per selected node, one per segment or indicator', () => {
    expect(targetsFor('isolate', { nodes: ['a', 'b'], segment: '', indicator: '' })).toEqual([{ node: 'a' }, { node: 'b' }]);
    expect(targetsFor('hunt', { nodes: ['a'], segment: 's', indicator: '' })).toEqual([{ segment: 's' }]);
    expect(targetsFor('block-indicator', { nodes: [], segment: '', indicator: '  1.2.3.4 ' })).toEqual([{ indicator: '1.2.3.4' }]);
    expect(targetsFor('hunt', { nodes: [], segment: '', indicator: '' })).toEqual([]);
  });
  it('measures progress from request to due', () => {
    const a = {
      id: 'x',
      action: 'i',
      kind: 'isolate' as const,
      target: { node: 'n' },
      report: null,
      status: 'inProgress' as const,
      requestedAt: 1000,
      due: 3000,
      endedAt: null,
      result: null,
      onBehalfOf: null,
      team: 'xs',
    };
    expect(progress(a, 2000)).toBe(0.5);
    expect(progress(a, 9000)).toBe(1);
    expect(progress({ ...a, status: 'done' }, 1000)).toBe(1);
  });
  it('reads indicators from free text', () => {
    expect(parseIndicators('1.2.3.4\nevil.example, 1.2.3.4 ;abc')).toEqual(['1.2.3.4', 'evil.example', 'abc']);
  });
});

describe('after-action report', () => {
  it("is the AAR/IP of the exercise's log, with scores, the evaluator's ratings, red steps and injects", () => {
    const compiled = compileScenario(startExercise().scenario.source as ScenarioT);
    const cap = compiled.capabilities[0];
    expect(cap).toBeDefined();
    if (!cap) return;
    const rate = { type: 'rate', capability: cap.id, rating: 'S', note: 'slow to share', actor: { role: 'evaluator' } } as const;
    const run = runHeadless(compiled, { seed: 7, until: 4 * HOUR, record: true, inputs: [{ at: 4 * HOUR, command: rate }] });
    expect(run.refused).toEqual([]);
    const state = run.state;
    expect(latestRating(views.evaluator(state).ratings, cap.id)?.rating).toBe('S');
    const text = serialiseLog(run.log as RampartsLog);
    const md = aarFromLogText(text, 'en');
    if (!md.ok) throw new Error(md.message);
    expect(md.markdown).toMatch(/^# Gulf Shield 2026\b.*: After-Action Report \/ Improvement Plan$/m);
    for (const b of (compiled.source as ScenarioT).teams.filter((x) => x.role === 'blue')) {
      expect(md.markdown).toContain(typeof b.name === 'string' ? b.name : (b.name.en as string));
    }
    expect(md.markdown).toContain('evaluator: S (slow to share)');
    expect(md.markdown).toContain(compiled.steps[0]?.technique as string);
    for (const i of compiled.injects.filter((x) => state.injects[x.id] && Object.values(state.injects[x.id]!.teams).some((t) => t.deliveredAt !== null))) {
      expect(md.markdown).toContain(i.id);
    }
    const ar = aarFromLogText(text, 'ar');
    expect(ar.ok && ar.markdown).toContain('درع الخليج');
    expect(aarFromLogText('not a log', 'en')).toMatchObject({ ok: false });
  });
});
