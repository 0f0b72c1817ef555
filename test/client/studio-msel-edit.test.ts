/** The MSEL table's edits: written back into the YAML with its comments and formatting kept. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateScenarioText, parseScenarioText } from '../../engine/index.ts';
import { editInject, mselRows } from '../../client/features/studio/msel-edit.ts';

const GULF = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'gulf-shield.yaml'), 'utf8');

/** Lines that differ between two texts of the same line count (or null when the count changed). */
function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const out: string[] = [];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) out.push(`${i + 1}: ${y[i] ?? ''}`);
  return out;
}
const edited = (src: string, ...args: Parameters<typeof editInject> extends [string, ...infer R] ? R : never): string => {
  const r = editInject(src, ...args);
  if (!r.ok) throw new Error(r.message);
  return r.text;
};
const rowsOf = (text: string) => {
  const p = parseScenarioText(text, 'x.yaml');
  if (!p.ok) throw new Error('does not parse');
  return mselRows(p.value);
};

describe('MSEL table edits on gulf-shield', () => {
  it('reads a row per inject with its time, teams, channel, sender, content, expected answer and capability', () => {
    const rows = rowsOf(GULF);
    expect(rows).toHaveLength(55);
    expect(rows[0]).toMatchObject({ id: 'i01-startex', at: '0', to: 'all-blue', channel: 'briefing', from: 'Exercise Director', capability: 'op-coordination' });
    expect(rows[0]?.content).toContain('EXERCISE GULF SHIELD 2026');
  });

  it('changes only the edited value: one line for a time, a channel, a sender in a flow map, a capability', () => {
    const cases = [
      ['at', '15m', 'at: "15m"'],
      ['channel', 'email', 'channel: email'],
      ['from', 'Exercise Director General', 'name: { en: "Exercise Director General"'],
      ['capability', 'intel-sharing', 'capability: intel-sharing'],
    ] as const;
    for (const [field, cell, expected] of cases) {
      const out = edited(GULF, 0, field, cell);
      const diff = changedLines(GULF, out);
      expect(diff, field).toHaveLength(1);
      expect(diff[0]).toContain(expected);
      expect(rowsOf(out)[0]?.[field]).toBe(cell);
    }
  });

  it('keeps every comment and the Arabic texts, and the result still validates', () => {
    const out = edited(edited(GULF, 1, 'to', 'xs, xr'), 0, 'content', '**STARTEX**\n\nAcknowledge this message.');
    const comments = (s: string) => s.split('\n').filter((l) => l.trim().startsWith('#'));
    expect(comments(out)).toEqual(comments(GULF));
    expect(out).toContain('ar: |\n        **تمرين درع الخليج 2026');
    expect(rowsOf(out)[0]?.content).toBe('**STARTEX**\n\nAcknowledge this message.');
    expect(rowsOf(out)[1]?.to).toBe('xs, xr');
    expect(validateScenarioText(out, 'gulf.yaml').ok).toBe(true);
  });

  it('adds a missing field where it belongs: a block map gets a line, a flow map an entry', () => {
    const src = ['# the MSEL', 'injects:', '  - id: a # first', '    channel: news', '    from: { role: EXCON }', '  - id: b'].join('\n');
    const withAnswer = edited(src, 0, 'answer', 'Patch the VPN');
    expect(withAnswer).toBe(src.replace('    from: { role: EXCON }', '    from: { role: EXCON }\n    evaluation: { answer: Patch the VPN }'));
    expect(edited(src, 0, 'from', 'CERT')).toContain('from: { role: EXCON, name: CERT }');
    expect(edited(src, 1, 'channel', 'phone')).toBe(`${src}\n    channel: phone`);
    expect(editInject(src, 5, 'channel', 'x')).toMatchObject({ ok: false });
  });
});
