/**
 * The seek index folded on demand (openSeekIndex: the evaluator's timeline folds it in slices), and
 * verification against the recorded events kept as text (parseLog with events: 'text').
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, createReplayer, openSeekIndex, parseLog, serialiseLog, stateHash } from '../../engine/index.ts';
import { baseScenario, HOUR } from './fixtures.ts';
import { busyScript, runScript } from './script.ts';

const recorded = () => runScript(baseScenario(), 4, busyScript(), 8 * HOUR, { hashes: true });

describe('seek index folded on demand', () => {
  it('seeks behind and past its frontier equal the live state, and completes to the same replayer', () => {
    const run = recorded();
    const index = openSeekIndex(run.log, { snapshotEvery: 30 });
    expect(index.applied).toBe(0);
    index.extend(50);
    expect(index.done).toBe(false);
    const frontier = index.clock;
    const last = new Map<number, string>();
    for (const h of run.hashes) last.set(h.clock, h.hash);
    const moments = [...last.keys()];
    // behind the frontier first, then one past it (folds on to it), then the rest
    const behind = moments.filter((t) => t <= frontier);
    expect(behind.length).toBeGreaterThan(1);
    for (const t of behind) expect(stateHash(index.seek(t)), `T+${t}`).toBe(last.get(t));
    const past = moments.find((t) => t > frontier + HOUR) as number;
    expect(stateHash(index.seek(past))).toBe(last.get(past));
    expect(index.clock).toBeGreaterThan(past);
    for (const t of moments) expect(stateHash(index.seek(t)), `T+${t}`).toBe(last.get(t));
    const done = index.complete();
    if (!done.ok) throw new Error(done.message);
    expect(index.done).toBe(true);
    expect(stateHash(done.replayer.final())).toBe(stateHash(run.state));
    expect(canonicalJson(done.replayer.events)).toBe(canonicalJson(run.events));
  });

  it('folded in slices, it reaches the same end as one fold', () => {
    const run = recorded();
    const index = openSeekIndex(run.log, { snapshotEvery: 30 });
    let slices = 0;
    while (!index.done) {
      const before = index.applied;
      expect(index.extend(40)).toBe(true);
      expect(index.applied).toBeGreaterThan(before);
      slices++;
    }
    expect(slices).toBeGreaterThan(3);
    expect(stateHash(index.frontier())).toBe(stateHash(run.state));
    expect(index.events.length).toBe(run.events.length);
  });
});

describe('verification against the recorded events as text', () => {
  const tamper = (text: string): string => {
    const lines = text.split('\n');
    const i = lines.findIndex((l, k) => k > 2 && l.includes('"events":[{'));
    lines[i] = (lines[i] as string).replace('"events":[{', '"events":[{"extra":1,');
    return lines.join('\n');
  };

  it('passes the log as written and names the record whose events were altered', () => {
    const run = recorded();
    const text = serialiseLog(run.log);
    const parsed = parseLog(text, { events: 'text' });
    if (!parsed.ok) throw new Error('log did not parse');
    expect(parsed.log.records.every((r) => r.events === undefined)).toBe(true);
    expect(parsed.log.eventsText?.filter((x) => x !== undefined).length).toBe(parsed.log.records.length);
    const r = createReplayer(parsed.log, { verify: true });
    if (!r.ok) throw new Error(r.message);
    expect(stateHash(r.replayer.final())).toBe(stateHash(run.state));
    // the texts are never written back: the log writes as one parsed without its events
    expect(serialiseLog(parsed.log)).toBe(serialiseLog({ header: run.log.header, records: run.log.records.map(({ t, command }) => ({ t, command })) }));

    const bad = parseLog(tamper(text), { events: 'text' });
    if (!bad.ok) throw new Error('tampered log did not parse');
    const line = tamper(text)
      .split('\n')
      .findIndex((l) => l.includes('"extra":1'));
    expect(createReplayer(bad.log, { verify: true })).toMatchObject({ ok: false, record: line - 1, message: expect.stringMatching(/differ/) });
    const lazy = openSeekIndex(bad.log, { verify: true });
    expect(lazy.extend()).toBe(false);
    expect(lazy.failure).toMatchObject({ record: line - 1 });
  });

  it('compares structurally when the recorded events were written with another key order', () => {
    const run = recorded();
    const reordered = serialiseLog(run.log)
      .trimEnd()
      .split('\n')
      .map((l, i) => {
        if (i === 0) return l;
        const r = JSON.parse(l) as { events?: Record<string, unknown>[] };
        const events = (r.events ?? []).map((e) => Object.fromEntries(Object.entries(e).reverse()));
        return JSON.stringify({ ...r, events });
      })
      .join('\n');
    const parsed = parseLog(reordered, { events: 'text' });
    if (!parsed.ok) throw new Error('log did not parse');
    const r = createReplayer(parsed.log, { verify: true });
    expect(r.ok).toBe(true);
  });
});
