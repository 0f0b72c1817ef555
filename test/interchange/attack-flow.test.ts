/**
 * Attack Flow 2.0 -> campaign: technique mapping (revoked ids, drifted names, malformed ids, name-only
 * actions), the flow's logic as preconditions (edges, AND/OR operators, conditions' true and false
 * branches, transparent skipped actions), cycles, indicators and target tags.
 */
import { describe, expect, it } from 'vitest';
import { importAttackFlow } from '../../interchange/index.ts';
import type { CampaignT, StepT } from '../../engine/index.ts';
import { attackFlowText } from './helpers.ts';

function campaign(name: string): CampaignT {
  const r = importAttackFlow(attackFlowText(name), { file: name });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}
function stepOf(c: CampaignT, id: string): StepT {
  const s = c.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${c.steps.map((x) => x.id).join(', ')}`);
  return s;
}
const pre = (s: StepT) => ({ requires: s.requires ?? [], requiresAny: s.requiresAny ?? [] });

const flow = (objects: object[]) => ({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'attack-flow', id: 'attack-flow--1', name: 'Test flow', start_refs: [] }, ...objects] });
const action = (id: string, technique_id: string | undefined, name: string, effect_refs: string[] = []) => ({
  type: 'attack-action',
  id: `attack-action--${id}`,
  name,
  ...(technique_id ? { technique_id } : {}),
  effect_refs: effect_refs.map((r) => (r.includes('--') ? r : `attack-action--${r}`)),
});

describe('NotPetya: operators and conditions', () => {
  const c = campaign('NotPetya.json');

  it('an OR operator becomes requiresAny over its inputs', () => {
    // Credential harvester OR token impersonation -> "user escalated" (true) -> SMB lateral movement.
    expect(pre(stepOf(c, 'remote-services-smb-windows-admin-shares'))).toEqual({ requires: [], requiresAny: ['os-credential-harvester', 'access-token-impersonation'] });
  });

  it('an AND operator needs all of its inputs, each with its own logic', () => {
    // AND(escalated [an OR], "AV not running" after security software discovery) -> EternalBlue exploitation.
    expect(pre(stepOf(c, 'exploitation-of-remote-services'))).toEqual({
      requires: ['software-discovery-security-software-discovery'],
      requiresAny: ['os-credential-harvester', 'access-token-impersonation'],
    });
  });

  it("a condition's false branch continues from the condition's inputs as an alternative", () => {
    // "User escalated" false -> network configuration discovery: reachable once either escalation path ran.
    expect(pre(stepOf(c, 'system-network-configuration-discovery'))).toEqual({ requires: [], requiresAny: ['os-credential-harvester', 'access-token-impersonation'] });
    // AND("Kaspersky running" false, "able to move laterally" true) -> bootkit: the false branch needs the
    // discovery before it; the true branch needs AND(network discovery, OR(either rundll32 execution)).
    expect(pre(stepOf(c, 'pre-os-boot-bootkit'))).toEqual({
      requires: ['software-discovery-security-software-discovery', 'system-network-configuration-discovery'],
      requiresAny: ['system-binary-proxy-execution-rundll32', 'system-binary-proxy-execution-rundll32-2'],
    });
  });

  it('an action without a technique is skipped and the flow passes through it', () => {
    // "Malware Privilege Discovery" (N/A) sits between masquerading and the two privilege conditions.
    expect(pre(stepOf(c, 'os-credential-harvester'))).toEqual({ requires: ['masquerading'], requiresAny: [] });
    expect(pre(stepOf(c, 'access-token-impersonation'))).toEqual({ requires: ['masquerading'], requiresAny: [] });
    expect(c.steps.some((s) => /privilege-discovery/.test(s.id))).toBe(false);
  });

  it('steps come in flow order; a straight chain requires its predecessor and follows it to the same nodes', () => {
    expect(c.steps[0]!.id).toBe('search-open-websites-domains');
    expect(stepOf(c, 'data-destruction')).toMatchObject({ requires: ['system-shutdown-reboot-2'], target: { sameAs: 'system-shutdown-reboot-2' }, effects: ['wipe', 'disrupt-service'] });
    expect(stepOf(c, 'data-encrypted-for-impact').effects).toEqual(['encrypt', 'disrupt-service']);
    const index = new Map(c.steps.map((s, i) => [s.id, i]));
    for (const s of c.steps) for (const p of [...(s.requires ?? []), ...(s.requiresAny ?? [])]) expect(index.get(p)!).toBeLessThan(index.get(s.id)!);
  });

  it('maps techniques by id, tolerating old names, malformed ids and non-Enterprise ids', () => {
    const r = importAttackFlow(attackFlowText('NotPetya.json'));
    const said = (object: string) => r.diagnostics.filter((d) => d.object === `attack-action--${object}`);
    // T0866 is an ICS id; the name "Exploitation of Remote Services " matches T1210.
    expect(stepOf(c, 'exploitation-of-remote-services').technique).toBe('T1210');
    expect(said('efe3d7fe-9a22-4b05-a5af-1eb0f42aa41f')).toMatchObject([{ severity: 'warning', message: expect.stringMatching(/T0866.*mapped by its name to T1210/) }]);
    // T1218/011 read as T1218.011.
    expect(stepOf(c, 'system-binary-proxy-execution-rundll32-2').technique).toBe('T1218.011');
    expect(said('146b0928-071a-43e8-b115-5ab2c8934fe0')[0]?.message).toMatch(/T1218\/011.*T1218\.011/);
    // An old name: kept as the step's name, mapped by id, with a note.
    expect(stepOf(c, 'indicator-removal-on-host-clear-windows-event-logs').technique).toBe('T1070.001');
    expect(said('9f0ada89-d028-4c87-a1a4-4563705a70b3')).toMatchObject([{ severity: 'note', message: expect.stringContaining('"Indicator Removal: Clear Windows Event Logs"') }]);
    // The two N/A actions are skipped with a warning each.
    expect(said('3d221636-c915-4e2a-903a-e10047a1f34a')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('skipped') });
    expect(said('088db13a-256f-46ab-9024-a83859f0065b')[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('skipped') });
  });

  it('assets become target tags of the steps that act on them; threat actors name the actor', () => {
    expect(stepOf(c, 'search-open-websites-domains').target).toEqual({ tags: ['edrpou', 'm.e.doc', 'update-server', 'certificate-website'], pick: 1 });
    expect(c.actor).toContain('Pavel Valeryevich Frolov');
  });
});

describe('Shamoon', () => {
  const c = campaign('Shamoon.json');

  it('an AND operator joins both drops before the service is enabled', () => {
    expect(pre(stepOf(c, 'system-services'))).toEqual({ requires: ['ingress-tool-transfer-2', 'deobfuscate-decode-files-or-information-2'], requiresAny: [] });
  });

  it('a condition with only a true branch continues from its input', () => {
    // Obfuscated files -> "dropper received an argument" (true) -> decrypt strings.
    expect(pre(stepOf(c, 'deobfuscate-decode-files-or-information'))).toEqual({ requires: ['obfuscated-files-or-information'], requiresAny: [] });
    // The service creation splits into wiper and worm branches, both requiring it.
    expect(pre(stepOf(c, 'ingress-tool-transfer-3')).requires).toEqual(['create-or-modify-system-process-windows-service']);
    expect(pre(stepOf(c, 'ingress-tool-transfer-4')).requires).toEqual(['create-or-modify-system-process-windows-service']);
  });

  it('file observables (hashes written as free text) become indicators of the steps that drop them', () => {
    const maintenance = c.indicators?.find((i) => i.value === 'c3ab58b3154e5f5101ba74fccfd27a9ab445e41262cdf47e8cc3be7416a5904f');
    expect(maintenance).toMatchObject({ kind: 'sha256', description: 'MaintenaceSrv32.exe' });
    expect(stepOf(c, 'ingress-tool-transfer').indicators).toEqual([maintenance!.id]);
    // A file with a name and no hash is a filename indicator.
    expect(
      c.indicators
        ?.filter((i) => i.kind === 'filename')
        .map((i) => i.value)
        .sort(),
    ).toEqual(['averbh_noav.pnf', 'mdmnis5tQ1.pnf']);
    // Every indicator is used by some step, and every step's indicator exists.
    const ids = new Set(c.indicators?.map((i) => i.id));
    const used = new Set(c.steps.flatMap((s) => s.indicators ?? []));
    expect(used).toEqual(ids);
  });
});

describe('CISA AA22-138B', () => {
  const c = campaign('CISA-AA22-138B-VMWare-Workspace-TA1.json');

  it('tactic-only actions are skipped, the flow passes through them, and the IP becomes an indicator', () => {
    expect(c.steps.map((s) => s.technique)).not.toContain(undefined);
    expect(pre(stepOf(c, 'archive-collected-data'))).toEqual({ requires: ['exploitation-for-privilege-escalation'], requiresAny: [] });
    expect(c.indicators).toEqual([{ id: 'ip-186.233.187.245', kind: 'ipv4', value: '186.233.187.245' }]);
    expect(stepOf(c, 'ingress-tool-transfer-2').indicators).toEqual(['ip-186.233.187.245']);
    expect(stepOf(c, 'application-layer-protocol-web-protocols').target.tags).toEqual(['vmware-workspace-one-access']);
  });
});

describe('synthetic flows', () => {
  it('a revoked technique id maps to its replacement with a warning', () => {
    const r = importAttackFlow(flow([action('a', 'T1086', 'PowerShell')]));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(r.value.steps[0]).toMatchObject({ technique: 'T1059.001', tactic: 'execution', name: 'PowerShell' });
    expect(r.diagnostics).toEqual([
      { severity: 'warning', object: 'attack-action--a', message: 'T1086 is revoked in ATT&CK v18.1; mapped to its replacement T1059.001 (Command and Scripting Interpreter: PowerShell)' },
    ]);
  });

  it('an action with no technique id but an ATT&CK name is mapped by name', () => {
    const r = importAttackFlow(flow([action('a', undefined, 'data destruction')]));
    expect(r.ok && r.value.steps[0]!.technique).toBe('T1485');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('mapped by its name to T1485') });
  });

  it("imports a flow that loops, cutting the edge back into the loop's first object in the file, with a warning naming the cut", () => {
    const r = importAttackFlow(
      flow([
        action('a', 'T1566', 'Phishing', ['b']),
        action('b', 'T1204', 'User Execution', ['c']),
        action('c', 'T1059', 'Command and Scripting Interpreter', ['a', 'd']),
        action('d', 'T1486', 'Data Encrypted for Impact', []),
      ]),
    );
    expect(r.ok).toBe(true);
    expect(r.diagnostics).toContainEqual({
      severity: 'warning',
      object: 'attack-action--c',
      message:
        "the flow loops back on itself (attack-action--a -> attack-action--b -> attack-action--c -> attack-action--a); cut the edge attack-action--c -> attack-action--a (into the loop's first object in the file), so that attack-action--a does not require its own later steps",
    });
    if (!r.ok) return;
    expect(r.value.steps.map((s) => [s.id, s.requires ?? []])).toEqual([
      ['phishing', []],
      ['user-execution', ['phishing']],
      ['command-and-scripting-interpreter', ['user-execution']],
      ['data-encrypted-for-impact', ['command-and-scripting-interpreter']],
    ]);
  });

  it('cuts a self-loop through an operator the same way', () => {
    const r = importAttackFlow(
      flow([action('a', 'T1566', 'Phishing', ['attack-operator--x']), { type: 'attack-operator', id: 'attack-operator--x', operator: 'OR', effect_refs: ['attack-action--a'] }]),
    );
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message)).toEqual([
      expect.stringMatching(/^the flow loops back on itself \(attack-action--a -> attack-operator--x -> attack-action--a\); cut the edge attack-operator--x -> attack-action--a/),
    ]);
  });

  it('refuses a file of another shape in one line that says what each accepted format looks like', () => {
    for (const input of [{ hello: 'world' }, [1, 2], { objects: [{ a: 1 }, { b: 2 }] }, { schema: 'attack_flow_v2', objects: [{ x: 1 }, { y: 2 }] }]) {
      const r = importAttackFlow(JSON.stringify(input));
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]!.message).toMatch(/STIX 2\.1 bundle as Attack Flow exports it \(\{"type": "bundle", .*\) or an Attack Flow Builder file \(\.afb: \{"schema": "attack_flow_v2"/);
    }
    const many = importAttackFlow({ type: 'bundle', objects: Array.from({ length: 500 }, (_, i) => ({ n: i })) });
    expect(many.diagnostics).toEqual([
      { severity: 'error', object: 'objects[0]', message: '500 of 500 objects have no "type" and "id" (objects[0], objects[1], objects[2], ...): every STIX object needs both' },
    ]);
  });

  it('widens an OR of ANDs to requiresAny over all its steps, with a warning', () => {
    const r = importAttackFlow(
      flow([
        action('a', 'T1566', 'Phishing', ['attack-operator--or']),
        action('b', 'T1133', 'External Remote Services', ['attack-operator--and']),
        action('c', 'T1078', 'Valid Accounts', ['attack-operator--and']),
        { type: 'attack-operator', id: 'attack-operator--and', operator: 'AND', effect_refs: ['attack-operator--or'] },
        { type: 'attack-operator', id: 'attack-operator--or', operator: 'OR', effect_refs: ['attack-action--d'] },
        action('d', 'T1059', 'Command and Scripting Interpreter'),
      ]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(pre(r.value.steps.find((s) => s.technique === 'T1059')!)).toEqual({ requires: [], requiresAny: ['phishing', 'external-remote-services', 'valid-accounts'] });
    expect(r.diagnostics).toContainEqual({ severity: 'warning', object: 'attack-action--d', message: expect.stringContaining('widened') });
  });

  it('an AND of a step and an OR already satisfied by it needs just the step', () => {
    const r = importAttackFlow(
      flow([
        action('a', 'T1566', 'Phishing', ['attack-operator--or', 'attack-operator--and']),
        action('b', 'T1133', 'External Remote Services', ['attack-operator--or']),
        { type: 'attack-operator', id: 'attack-operator--or', operator: 'OR', effect_refs: ['attack-operator--and'] },
        { type: 'attack-operator', id: 'attack-operator--and', operator: 'AND', effect_refs: ['attack-action--d'] },
        action('d', 'T1059', 'Command and Scripting Interpreter'),
      ]),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    expect(pre(r.value.steps.find((s) => s.technique === 'T1059')!)).toEqual({ requires: ['phishing'], requiresAny: [] });
  });

  it('reports bundles that are not bundles, bad operators and dangling references', () => {
    expect(importAttackFlow('{"type": "bundle"').diagnostics[0]!.message).toMatch(/^not valid JSON/);
    expect(importAttackFlow('[1, 2]').diagnostics[0]!.message).toMatch(/^not an Attack Flow: expected a STIX 2.1 bundle/);
    expect(importAttackFlow({ type: 'bundle', objects: [{ id: 'x' }] }).diagnostics[0]).toMatchObject({ object: 'objects[0]', message: expect.stringContaining('no "type" and "id"') });
    const bad = importAttackFlow(flow([action('a', 'T1566', 'Phishing', ['attack-operator--x']), { type: 'attack-operator', id: 'attack-operator--x', operator: 'XOR', effect_refs: [] }]));
    expect(bad.diagnostics).toContainEqual({ severity: 'error', object: 'attack-operator--x', message: 'operator "XOR" is neither AND nor OR' });
    const dangling = importAttackFlow(flow([action('a', 'T1566', 'Phishing', ['attack-action--gone'])]));
    expect(dangling.ok).toBe(true);
    expect(dangling.diagnostics).toContainEqual({ severity: 'warning', object: 'attack-action--a', message: expect.stringContaining('attack-action--gone, which is not in the bundle') });
    const empty = importAttackFlow(flow([action('a', 'N/A', 'N/A')]));
    expect(empty.ok).toBe(false);
    expect(empty.diagnostics.at(-1)!.message).toMatch(/nothing to import/);
  });
});
