/**
 * The ways the replay fuzz (fuzz-replay.test.ts) damages the original log and package of
 * fuzz-replay-cases.ts: lines truncated, swapped, deleted, duplicated or replaced by garbage, a
 * record's or the header's fields changed, neutral changes (spacing, key order, CRLF, blank lines),
 * cuts after a whole record, and packages damaged and in about half the cases resealed. Each input is
 * reproduced from its seed and index alone.
 */
import { packageChecksum } from '../../interchange/index.ts';
import { chance, int, mutateBytes, mutateValue, pick, rngFor, type Rng } from './fuzz-mutate.ts';
import { NASTY_STRINGS, NASTY_VALUES } from './fuzz-mutate-strings.ts';
import { ORIGINAL_LINES, ORIGINAL_TEXT, PACKAGE, type MutatedLog } from './fuzz-replay-cases.ts';

export const GARBAGE: readonly string[] = [
  '',
  'x',
  '{',
  '}',
  '[]',
  'null',
  '42',
  '"record"',
  '{"t":0}',
  '{"t":-1,"command":{}}',
  '\u0000\u0001\u0002',
  '\uFEFF{}',
  '<html>',
  'PK\u0003\u0004',
  '{"format":"ramparts-log","version":1}',
  '{"format":"ramparts-log","version":2,"scenario":{},"scenarioHash":"","seed":1,"mode":"headless"}',
  'x'.repeat(10_000),
];

export function mutateRecordValue(r: Rng, rec: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(rec);
  const cmd = out.command as Record<string, unknown> | undefined;
  switch (int(r, 9)) {
    case 0: // time moved
      out.t = pick(r, [-1, 0, 1, (out.t as number) + 1, (out.t as number) - 1, (out.t as number) * 2, 1.5, 2 ** 53, '0', null]);
      break;
    case 1: // the sender changed (acting for another team, or as another role)
      if (cmd)
        cmd.actor = pick(r, [
          { role: 'white' },
          { role: 'red' },
          { role: 'system' },
          { role: 'blue', team: 'om' },
          { role: 'blue', team: 'kw' },
          { role: 'blue', team: 'nowhere' },
          { role: 'evaluator' },
          null,
          'white',
          {},
        ]);
      break;
    case 2: // the command type changed
      if (cmd) cmd.type = pick(r, ['start', 'pause', 'resume', 'end', 'advance', 'sitrep', 'action', 'nope', '', 7]);
      break;
    case 3: // a command field changed
      if (cmd) {
        const keys = Object.keys(cmd).filter((k) => k !== 'type' && k !== 'actor');
        const k = keys.length > 0 ? pick(r, keys) : 'extra';
        cmd[k] = chance(r, 0.5) ? pick(r, NASTY_VALUES) : typeof cmd[k] === 'string' ? `${cmd[k] as string}${pick(r, ['.', ' ', 'x'])}` : pick(r, NASTY_VALUES);
      }
      break;
    case 4: // the recorded events changed
      if (Array.isArray(out.events) && out.events.length > 0) out.events = mutateValue(r, out.events);
      else out.events = pick(r, [[], [{}], 'events', null]);
      break;
    case 5: // events left out (neutral: replay regenerates them)
      delete out.events;
      break;
    case 6: // a key renamed or deleted
      if (chance(r, 0.5)) delete out[pick(r, ['t', 'command', 'events'])];
      else out[pick(r, ['T', 'cmd', 'event', 'seq', 'hash'])] = out.command;
      break;
    case 7: // seq or hash fields inside the events
      if (Array.isArray(out.events) && out.events.length > 0) {
        const e = out.events[int(r, out.events.length)] as Record<string, unknown>;
        e[pick(r, ['seq', 't', 'type', 'hash'])] = pick(r, [0, -1, 1e9, 'x', null, (e.seq as number) + 1]);
      }
      break;
    default: // anything, anywhere in the record
      return mutateValue(r, out) as Record<string, unknown>;
  }
  return out;
}

export function mutateHeader(r: Rng, h: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(h);
  switch (int(r, 7)) {
    case 0:
      out.version = pick(r, [0, 2, '1', 1.0001, null, -1]);
      break;
    case 1:
      out.format = pick(r, ['ramparts-package', 'Ramparts-Log', '', null, 'ramparts-log ']);
      break;
    case 2:
      out.seed = pick(r, [43, 0, -1, 1.5, '42', 2 ** 53, null]);
      break;
    case 3:
      out.mode = pick(r, ['realtime', 'tabletop', 'live', '', null]);
      break;
    case 4:
      out.scenarioHash = pick(r, ['', '0'.repeat(64), (out.scenarioHash as string).replace(/^./, (c) => (c === 'a' ? 'b' : 'a')), null]);
      break;
    case 5:
      out.scenario = mutateValue(r, out.scenario);
      break;
    default:
      return mutateValue(r, out) as Record<string, unknown>;
  }
  return out;
}

/** Input `index` of `seed`: the original log damaged in one of a dozen ways. */
export function mutatedLog(seed: string, index: number): MutatedLog {
  const r = rngFor(`${seed}#${index}`);
  const lines = [...ORIGINAL_LINES];
  const n = lines.length;
  const rec = 1 + int(r, n - 1); // a record line (0-based)
  const text = (ls: string[]) => `${ls.join('\n')}\n`;
  switch (int(r, 14)) {
    case 0: {
      // truncated anywhere
      const at = int(r, ORIGINAL_TEXT.length);
      return { text: ORIGINAL_TEXT.slice(0, at), how: `truncated at ${at}`, firstTouched: ORIGINAL_TEXT.slice(0, at).split('\n').length };
    }
    case 1: {
      // bytes flipped, inserted, deleted
      const bytes = mutateBytes(r, Buffer.from(ORIGINAL_TEXT, 'utf8'));
      const text0 = new TextDecoder().decode(bytes);
      let first = 0;
      while (first < text0.length && text0[first] === ORIGINAL_TEXT[first]) first++;
      return { text: text0, how: 'bytes', firstTouched: ORIGINAL_TEXT.slice(0, first).split('\n').length };
    }
    case 2: {
      // two lines swapped
      const j = int(r, n);
      [lines[rec], lines[j]] = [lines[j] as string, lines[rec] as string];
      return { text: text(lines), how: `lines ${rec + 1} and ${j + 1} swapped`, firstTouched: Math.min(rec, j) + 1 };
    }
    case 3: {
      // a line deleted
      const j = int(r, n);
      lines.splice(j, 1);
      return { text: text(lines), how: `line ${j + 1} deleted`, firstTouched: j + 1 };
    }
    case 4: {
      // a line duplicated
      lines.splice(rec, 0, lines[rec] as string);
      return { text: text(lines), how: `line ${rec + 1} duplicated`, firstTouched: rec + 1 };
    }
    case 5: {
      // garbage line
      const j = int(r, n + 1);
      lines.splice(j, chance(r, 0.5) ? 1 : 0, pick(r, GARBAGE));
      return { text: text(lines), how: `garbage at line ${j + 1}`, firstTouched: j + 1 };
    }
    case 6:
    case 7:
    case 8: {
      // a record's fields
      const value = mutateRecordValue(r, JSON.parse(lines[rec] as string) as Record<string, unknown>);
      lines[rec] = JSON.stringify(value) ?? 'null';
      return { text: text(lines), how: `record line ${rec + 1} changed`, firstTouched: rec + 1 };
    }
    case 9: {
      // the header's fields
      lines[0] = JSON.stringify(mutateHeader(r, JSON.parse(lines[0] as string) as Record<string, unknown>)) ?? 'null';
      return { text: text(lines), how: 'header changed', firstTouched: 1 };
    }
    case 10: {
      // neutral: spacing, key order, CRLF, blank lines
      const k = int(r, 4);
      if (k === 0) return { text: ORIGINAL_LINES.join('\r\n'), how: 'CRLF', firstTouched: 1 };
      if (k === 1) return { text: `${ORIGINAL_LINES.map((l) => JSON.stringify(JSON.parse(l), null, 0).replace(/,"/g, ', "')).join('\n')}\n\n\n`, how: 'spacing', firstTouched: 1 };
      if (k === 2) {
        const reorder = (v: unknown): unknown =>
          Array.isArray(v)
            ? v.map(reorder)
            : v && typeof v === 'object'
              ? Object.fromEntries(
                  Object.entries(v)
                    .reverse()
                    .map(([a, b]) => [a, reorder(b)]),
                )
              : v;
        lines[rec] = JSON.stringify(reorder(JSON.parse(lines[rec] as string)));
        return { text: text(lines), how: `keys of line ${rec + 1} reordered`, firstTouched: rec + 1 };
      }
      lines.splice(rec, 0, '', '   ');
      return { text: text(lines), how: `blank lines before line ${rec + 1}`, firstTouched: rec + 1 };
    }
    case 11: {
      // cut after a whole record (the log of an earlier moment)
      const keep = 1 + int(r, n);
      return { text: text(lines.slice(0, keep)), how: `cut after line ${keep}`, firstTouched: keep + 1 };
    }
    case 12: {
      // wrong version, or no header
      if (chance(r, 0.5)) lines[0] = (lines[0] as string).replace('"version":1', `"version":${pick(r, ['2', '0', '"1"', 'null'])}`);
      else lines.shift();
      return { text: text(lines), how: 'version or header', firstTouched: 1 };
    }
    default: {
      // a nasty string in a record's text
      const value = JSON.parse(lines[rec] as string) as { command: Record<string, unknown> };
      const key = ['text', 'action', 'to', 'inject'].find((k) => typeof value.command[k] === 'string') ?? 'text';
      value.command[key] = pick(r, NASTY_STRINGS);
      lines[rec] = JSON.stringify(value);
      return { text: text(lines), how: `nasty ${key} at line ${rec + 1}`, firstTouched: rec + 1 };
    }
  }
}

/** Package input `index` of `seed`: damaged, and in about half the cases resealed (checksum recomputed). */
export function mutatedPackage(seed: string, index: number): { text: string; how: string; resealed: boolean } {
  const r = rngFor(`${seed}:package#${index}`);
  const kind = int(r, 6);
  if (kind === 0) return { text: new TextDecoder().decode(mutateBytes(r, Buffer.from(PACKAGE.text, 'utf8'))), how: 'bytes', resealed: false };
  if (kind === 1) return { text: `${JSON.stringify(PACKAGE.package, null, pick(r, [0, 1, 2, '\t']))}\n`, how: 'reformatted', resealed: false };
  const pkg = structuredClone(PACKAGE.package) as unknown as Record<string, unknown>;
  let how: string;
  if (kind === 2) {
    const key = pick(
      r,
      Object.keys(pkg).filter((k) => k !== 'log' && k !== 'checksum'),
    );
    pkg[key] = mutateValue(r, pkg[key]);
    how = `field ${key}`;
  } else if (kind === 3) {
    pkg.version = pick(r, [2, 0, '1', null]);
    how = 'version';
  } else {
    const m = mutatedLog(`${seed}:package-log`, index);
    pkg.log = m.text;
    how = `log: ${m.how}`;
  }
  const resealed = chance(r, 0.5);
  if (resealed) pkg.checksum = packageChecksum(pkg);
  return { text: JSON.stringify(pkg), how, resealed };
}
