/** CALDERA adversary profile -> campaign: order, chaining, technique and tactic mapping, located errors. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCaldera } from '../../interchange/index.ts';
import { ransack, samples } from './helpers.ts';

interface Derived {
  steps: { step: number; ability_id: string; tactic: string; technique_id: string; ability_name: string }[];
}
const derived = JSON.parse(readFileSync(join(samples, 'caldera-stockpile-ransack/ransack-steps.derived.json'), 'utf8')) as Derived;

const ability = (id: string, name: string, tactic: string, attackId: string) => `- id: ${id}\n  name: ${name}\n  tactic: ${tactic}\n  technique:\n    attack_id: ${attackId}\n`;

describe('CALDERA Ransack', () => {
  const { adversary, abilities } = ransack();
  const r = importCaldera(adversary, abilities);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  const c = r.value;

  it('keeps atomic_ordering: the same abilities, techniques and tactics as the derived summary', () => {
    expect(c).toMatchObject({ id: 'ransack', name: 'Ransack', description: 'Discover host details and steal sensitive files', mode: 'scripted' });
    expect(c.steps.map((s) => [s.name, s.technique, s.tactic])).toEqual(derived.steps.map((d) => [d.ability_name, d.technique_id, d.tactic]));
  });

  it('chains every step to the previous one, on the same nodes; a repeated ability gets its own id', () => {
    c.steps.forEach((s, i) => {
      if (i === 0) {
        expect(s).toMatchObject({ target: { pick: 1 }, timing: { at: '15m' } });
        expect(s.requires).toBeUndefined();
      } else {
        const prev = c.steps[i - 1]!.id;
        expect(s).toMatchObject({ requires: [prev], target: { sameAs: prev }, timing: { after: '2m' } });
      }
    });
    expect(c.steps[0]!.id).toBe('find-files');
    expect(c.steps[14]!.id).toBe('find-files-2');
    expect(new Set(c.steps.map((s) => s.id)).size).toBe(18);
  });

  it('gives effects by tactic: collection compromises, exfiltration exfiltrates', () => {
    expect(c.steps[0]!.effects).toEqual(['compromise']);
    expect(c.steps[17]!).toMatchObject({ technique: 'T1041', tactic: 'exfiltration', effects: ['exfiltrate'] });
  });

  it('takes the campaign id, first target and start from the options', () => {
    const o = importCaldera(adversary, abilities, { campaignId: 'ransack-kw', target: { team: 'kw', kind: ['workstation'] }, start: '1h' });
    if (!o.ok) throw new Error(JSON.stringify(o.diagnostics));
    expect(o.value.id).toBe('ransack-kw');
    expect(o.value.steps[0]).toMatchObject({ target: { team: 'kw', kind: ['workstation'] }, timing: { at: '1h', duration: '5m' } });
  });
});

describe('CALDERA profiles in other shapes and with problems', () => {
  const files = [
    { file: 'a.yml', text: ability('a1', 'Find files', 'collection', 'T1005') },
    { file: 'b.yml', text: `---\n${ability('b1', 'Use PowerShell', 'execution', 'T1086')}` },
    { file: 'c.yml', text: ability('c1', 'Odd', 'discovery', 'T9999') },
    { file: 'd.yml', text: ability('d1', 'Exfil', 'Exfil', 'T1041') + ability('d2', 'Dump LSASS', 'privilege-escalation', 'T1003.001') },
  ];

  it('reads the older phases layout in phase order, lists of abilities per file, revoked ids', () => {
    const r = importCaldera({ file: 'adv.yml', text: 'id: x\nname: Older\nphases:\n  2: [d1]\n  1: [a1, b1]\n' }, files);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.steps.map((s) => [s.id, s.technique, s.tactic])).toEqual([
      ['find-files', 'T1005', 'collection'],
      ['use-powershell', 'T1059.001', 'execution'],
      ['exfil', 'T1041', 'exfiltration'],
    ]);
    expect(r.diagnostics).toEqual([{ severity: 'warning', file: 'b.yml', object: 'b1', message: expect.stringContaining('T1086 is revoked in ATT&CK v18.1; mapped to its replacement T1059.001') }]);
  });

  it('skips an ability with an unknown technique and chains across it', () => {
    const r = importCaldera({ file: 'adv.yml', text: 'id: x\nname: Skip\natomic_ordering: [a1, c1, d1]\n' }, files);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.steps.map((s) => [s.id, s.requires])).toEqual([
      ['find-files', undefined],
      ['exfil', ['find-files']],
    ]);
    expect(r.diagnostics).toEqual([{ severity: 'warning', file: 'c.yml', object: 'c1', message: expect.stringContaining('"T9999" is not in ATT&CK Enterprise v18.1; step 2 skipped') }]);
  });

  it("uses the technique's own tactic when the ability names another", () => {
    const r = importCaldera({ file: 'adv.yml', text: 'name: T\natomic_ordering: [d2]\n' }, files);
    expect(r.ok && r.value.steps[0]!.tactic).toBe('credential-access');
    expect(r.diagnostics).toEqual([{ severity: 'note', file: 'd.yml', object: 'd2', message: 'tactic "privilege-escalation" is not one of T1003.001\'s; using credential-access' }]);
  });

  it('names the adversary file and the ability id of every missing ability', () => {
    const r = importCaldera({ file: 'adv.yml', text: 'id: x\nname: Gone\natomic_ordering: [a1, nope-1, nope-2]\n' }, files);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual([
      { severity: 'error', file: 'adv.yml', object: 'nope-1', message: expect.stringContaining('step 2: no ability with this id') },
      { severity: 'error', file: 'adv.yml', object: 'nope-2', message: expect.stringContaining('step 3: no ability with this id') },
    ]);
  });

  it('refuses broken YAML, non-profiles and empty orderings with the file named', () => {
    expect(importCaldera({ file: 'adv.yml', text: 'name: [unclosed' }, files).diagnostics[0]).toMatchObject({
      severity: 'error',
      file: 'adv.yml',
      message: expect.stringMatching(/^not valid YAML at line 1/),
    });
    expect(importCaldera({ file: 'adv.yml', text: '- just\n- a list\n' }, files).diagnostics[0]!.message).toMatch(/not a CALDERA adversary profile/);
    expect(importCaldera({ file: 'adv.yml', text: 'name: Empty\natomic_ordering: []\n' }, files).diagnostics[0]!.message).toMatch(/no atomic_ordering/);
    const badAbility = importCaldera({ file: 'adv.yml', text: 'name: X\natomic_ordering: [a1]\n' }, [...files, { file: 'z.yml', text: 'x: "' }]);
    expect(badAbility.diagnostics).toContainEqual({ severity: 'error', file: 'z.yml', message: expect.stringMatching(/^not valid YAML/) });
  });
});
