/**
 * Parsing a log without decoding its recorded events (what `ramparts replay` does when it does not
 * verify): the records must come out exactly as a full parse gives them, and a line the shortcut
 * cannot vouch for must get the full parse and its errors.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, createReplayer, parseLog, serialiseLog, stateHash } from '../../engine/index.ts';
import { baseScenario, blue, HOUR } from './fixtures.ts';
import { busyScript, runScript } from './script.ts';
import { arrayEnd } from '../../engine/replay/log.ts';

const run = runScript(
  baseScenario(),
  4,
  [
    ...busyScript(),
    // A record whose own text holds what the shortcut looks for, inside a string.
    { at: 6 * HOUR, command: { type: 'sitrep', text: 'seen: ,"events":[1]} and "quotes" \\ backslash', severity: 'low', actor: blue('kw') } },
  ],
  8 * HOUR,
);
const text = serialiseLog(run.log);
const lines = text.trimEnd().split('\n');
const withoutEvents = (log: typeof run.log) => ({ ...log, records: log.records.map(({ t, command }) => ({ t, command })) });

describe('parseLog without events', () => {
  it('gives the records of a full parse, minus their events, and replays to the same state', () => {
    const fast = parseLog(text, { events: false });
    const full = parseLog(text);
    expect(fast.ok && full.ok).toBe(true);
    if (!fast.ok || !full.ok) return;
    expect(fast.log.records.every((r) => r.events === undefined)).toBe(true);
    expect(canonicalJson(fast.log)).toBe(canonicalJson(withoutEvents(full.log)));
    expect(fast.log.records.some((r) => r.command.type === 'sitrep' && r.command.text.includes(',"events":'))).toBe(true);
    const a = createReplayer(fast.log);
    const b = createReplayer(full.log, { verify: true });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(stateHash(a.replayer.final())).toBe(stateHash(b.replayer.final()));
  });

  it('reads Windows line ends like Unix ones', () => {
    const fast = parseLog(text.replaceAll('\n', '\r\n'), { events: false });
    expect(fast.ok).toBe(true);
    if (fast.ok) expect(fast.log.records.length).toBe(run.log.records.length);
  });

  it('falls back to the full parse, and its errors, when the events member is not the last one or not one array', () => {
    const i = 5;
    const line = lines[i] as string;
    const variants = [
      // a member after the events (a duplicate t, which JSON.parse would take as the value)
      line.replace(/\}$/, ',"t":[3]}'),
      // events that are not an array
      line.replace(/,"events":\[.*\]\}$/, ',"events":{"a":1}}'),
      // an unterminated array
      line.replace(/\]\}$/, '}'),
    ];
    for (const v of variants) {
      const broken = [...lines];
      broken[i] = v;
      const fast = parseLog(broken.join('\n'), { events: false });
      const full = parseLog(broken.join('\n'));
      expect(fast.ok, v.slice(-40)).toBe(false);
      if (!fast.ok && !full.ok) expect(fast.errors).toEqual(full.errors);
    }
  });

  it('a line whose command hides an events member inside the command is parsed in full', () => {
    const broken = [...lines];
    broken[3] = JSON.stringify({ t: run.log.records[2]?.t, command: { ...run.log.records[2]?.command, events: [] }, events: [] });
    const fast = parseLog(broken.join('\n'), { events: false });
    expect(fast).toMatchObject({ ok: false, errors: [{ line: 4, message: expect.stringMatching(/record\.command/) }] });
  });

  it('the same log without any recorded events parses the same way', () => {
    const bare = serialiseLog(withoutEvents(run.log));
    const fast = parseLog(bare, { events: false });
    expect(fast.ok).toBe(true);
    if (fast.ok) expect(canonicalJson(fast.log)).toBe(canonicalJson(withoutEvents(run.log)));
  });
});

describe('parseLog: the system advance checked by hand', () => {
  const advanceAt = lines.findIndex((l, i) => i > 0 && l.includes('"type":"advance"'));
  const record = JSON.parse(lines[advanceAt] as string) as { t: number; command: Record<string, unknown> };
  const withCommand = (command: unknown): string => {
    const broken = [...lines];
    broken[advanceAt] = JSON.stringify({ t: record.t, command });
    return broken.join('\n');
  };

  it('accepts exactly what the schema accepts', () => {
    expect(advanceAt).toBeGreaterThan(0);
    const ok = parseLog(withCommand(record.command), { events: false });
    expect(ok.ok).toBe(true);
    const variants: unknown[] = [
      { ...record.command, to: -1 },
      { ...record.command, to: 1.5 },
      { ...record.command, to: String(record.command.to) },
      { ...record.command, to: 365 * 86_400_000 + 1 },
      { ...record.command, extra: 1 },
      { ...record.command, actor: { role: 'system', team: 'kw' } },
      { ...record.command, actor: ['system'] },
      { type: 'advance', actor: { role: 'system' } },
    ];
    for (const v of variants) {
      const r = parseLog(withCommand(v), { events: false });
      expect(r.ok, JSON.stringify(v)).toBe(false);
      if (!r.ok) expect(r.errors[0]?.line).toBe(advanceAt + 1);
    }
  });
});

describe('arrayEnd, which steps over a record events unread', () => {
  /** The char-by-char scan it replaced: the reference for every input. */
  function reference(line: string, from: number): number {
    if (line.charCodeAt(from) !== 0x5b) return -1;
    let depth = 0;
    for (let i = from; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === 0x22) {
        for (i++; i < line.length; i++) {
          const d = line.charCodeAt(i);
          if (d === 0x5c) i++;
          else if (d === 0x22) break;
        }
      } else if (c === 0x5b || c === 0x7b) depth++;
      else if (c === 0x5d || c === 0x7d) {
        depth--;
        if (depth === 0) return c === 0x5d ? i + 1 : -1;
      }
    }
    return -1;
  }

  it('finds the same end as a char-by-char scan, escapes and unclosed strings included', () => {
    const fixed = ['[]', '["a\\\\"]', '["a\\"]"]', '["\\\\\\"",1]', '[{"a":"]"}]', '["', '["\\', '[1,[2]]x', '["a"]}', '[}', '["\\\\\\\\"]', JSON.stringify([{ a: 'x"]\\', b: ['\\'] }])];
    for (const t of fixed) expect(arrayEnd(t, 0), t).toBe(reference(t, 0));
    // a fixed pseudo-random sweep over the characters that matter
    const alphabet = '[]{}"\\a,';
    let seed = 7;
    for (let n = 0; n < 50_000; n++) {
      let t = '[';
      for (let k = 0; k < 1 + (n % 16); k++) {
        seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
        t += alphabet[seed % alphabet.length];
      }
      expect(arrayEnd(t, 0) === reference(t, 0), t).toBe(true);
    }
  });
});
