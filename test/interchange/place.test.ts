/** Placing imported campaigns and injects into a base scenario: teams, tags, collisions, replacement. */
import { describe, expect, it } from 'vitest';
import { importAttackFlow, importCaldera, placeCampaign, placeInjects } from '../../interchange/index.ts';
import type { CampaignT, InjectT, StepT } from '../../engine/index.ts';
import { attackFlowText, loadBase, ransack, validationErrors } from './helpers.ts';

const campaignsOf = (s: Record<string, unknown>) => s.campaigns as CampaignT[];
function placed(base: Record<string, unknown>, c: CampaignT, options = {}): Record<string, unknown> {
  const r = placeCampaign(base, c, options);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  expect(validationErrors(r.value)).toEqual([]);
  return r.value;
}
function imported(r: ReturnType<typeof importCaldera>): CampaignT {
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}
const step = (id: string, extra: Partial<StepT> = {}): StepT => ({
  id,
  name: id,
  technique: 'T1566',
  tactic: 'initial-access',
  target: { pick: 1 },
  success: { base: 0.5 },
  effects: ['compromise'],
  ...extra,
});

describe('placeCampaign', () => {
  const ransackCampaign = imported(importCaldera(ransack().adversary, ransack().abilities));

  it('adds the campaign, renaming step ids taken by another campaign and following every reference', () => {
    const base = loadBase();
    const r = placeCampaign(base, ransackCampaign);
    if (!r.ok) throw new Error('refused');
    const [baseline, added] = campaignsOf(r.value);
    expect(baseline).toEqual(campaignsOf(base)[0]);
    // "find-files" is the baseline's; the import's own "find-files-2" keeps its id, so the first becomes -3.
    expect(added!.steps.map((s) => s.id).slice(0, 2)).toEqual(['find-files-3', 'identify-active-user']);
    expect(added!.steps[1]).toMatchObject({ requires: ['find-files-3'], target: { sameAs: 'find-files-3' } });
    expect(added!.steps[14]!.id).toBe('find-files-2');
    expect(r.diagnostics).toContainEqual({ severity: 'note', object: 'find-files', message: 'step id already used by another campaign; renamed find-files-3' });
    expect(validationErrors(r.value)).toEqual([]);
  });

  it('replaces the campaign with the same id and leaves the base untouched', () => {
    const base = loadBase();
    const before = structuredClone(base);
    const r = placeCampaign(base, ransackCampaign, { campaignId: 'baseline' });
    if (!r.ok) throw new Error('refused');
    expect(campaignsOf(r.value).map((c) => c.id)).toEqual(['baseline']);
    expect(campaignsOf(r.value)[0]!.steps[0]!.id).toBe('find-files');
    expect(base).toEqual(before);
    // The base's inject waiting for the replaced campaign's "encrypt" step now points nowhere: the
    // validator says so (the command line refuses to write such a scenario).
    expect(validationErrors(r.value)).toEqual(['placed: injects[1].when.stepDetected: no step "encrypt"']);
    placed({ ...base, injects: (base.injects as InjectT[]).filter((i) => i.id !== 'ministry-call' && i.id !== 'ministry-chase') }, ransackCampaign, { campaignId: 'baseline' });
  });

  it('aims every step at one team with --team (by name), or at the blue teams in turn', () => {
    const fixed = placed(loadBase(), ransackCampaign, { team: 'Oman CERT' });
    expect(campaignsOf(fixed)[1]!.steps[0]!.target).toEqual({ pick: 1, team: 'om' });
    const three: CampaignT = {
      id: 'three',
      name: 'Three roots',
      steps: [
        step('a'),
        step('b'),
        step('c'),
        step('a2', { requires: ['a'], target: { pick: 2 }, tactic: 'lateral-movement', technique: 'T1021' }),
        step('c2', { requires: ['c'], target: { sameAs: 'c' } }),
      ],
    };
    const s = placed(loadBase(), three);
    expect(campaignsOf(s)[1]!.steps.map((x) => x.target)).toEqual([{ pick: 1, team: 'kw' }, { pick: 1, team: 'om' }, { pick: 1, team: 'sa' }, { pick: 2, team: 'kw' }, { sameAs: 'c' }]);
  });

  it("prefers a team owning a node with the assets' tags and keeps the tags that node carries", () => {
    const notPetya = imported(importAttackFlow(attackFlowText('NotPetya.json')));
    const r = placeCampaign(loadBase(), notPetya);
    if (!r.ok) throw new Error('refused');
    expect(campaignsOf(r.value)[1]!.steps[0]!.target).toEqual({ tags: ['update-server'], pick: 1, team: 'sa' });
    expect(r.diagnostics).toContainEqual({
      severity: 'note',
      object: 'search-open-websites-domains',
      message: 'no node of team sa carries the tag(s) edrpou, m.e.doc, certificate-website; kept update-server',
    });
    expect(validationErrors(r.value)).toEqual([]);
  });

  it('shares an indicator another campaign already has (same kind and value) instead of duplicating it', () => {
    const cisa = imported(importAttackFlow(attackFlowText('CISA-AA22-138B-VMWare-Workspace-TA1.json')));
    const s = placed(loadBase(), cisa);
    const added = campaignsOf(s)[1]!;
    expect(added.indicators).toBeUndefined();
    expect(added.steps.find((x) => x.id === 'ingress-tool-transfer-2')!.indicators).toEqual(['ip-186.233.187.245']);
  });

  it('drops detection odds for sensors no target has, saying which', () => {
    const r = placeCampaign(loadBase(), ransackCampaign, { team: 'kw' });
    if (!r.ok) throw new Error('refused');
    // kw's nodes have edr, av, ids and siem but no dlp or ndr.
    for (const s of campaignsOf(r.value)[1]!.steps) expect(Object.keys(s.detection ?? {})).not.toContain('dlp');
    expect(r.diagnostics).toContainEqual(expect.objectContaining({ severity: 'note', message: expect.stringMatching(/^detection by dlp dropped from 6 step\(s\)/) }));
  });

  it('refuses an unknown team, a team without nodes and a base without a network', () => {
    expect(placeCampaign(loadBase(), ransackCampaign, { team: 'Qatar' }).diagnostics).toEqual([
      { severity: 'error', object: 'Qatar', message: 'no blue team with this id or name (blue teams: kw, om, sa)' },
    ]);
    const base = loadBase();
    (base.teams as object[]).push({ id: 'qa', role: 'blue', name: 'Qatar CERT' });
    expect(placeCampaign(base, ransackCampaign, { team: 'qa' }).diagnostics[0]!.message).toBe('this team owns no nodes to target');
    expect(placeCampaign({ teams: [] }, ransackCampaign).ok).toBe(false);
    expect(placeCampaign('campaigns: []', ransackCampaign).diagnostics[0]!.message).toBe('the base scenario is not a mapping');
  });
});

describe('placeInjects', () => {
  it('adds new injects and replaces those with the same id', () => {
    const base = loadBase();
    const news: InjectT = { id: 'news-1', title: 'Replaced', at: '2h', to: ['kw'], channel: 'email', from: { name: 'X' }, content: 'y' };
    const extra: InjectT = { ...news, id: 'extra', title: 'Added' };
    const r = placeInjects(base, [news, extra]);
    if (!r.ok) throw new Error('refused');
    const ids = (r.value.injects as InjectT[]).map((i) => [i.id, i.title]);
    expect(ids[0]).toEqual(['news-1', 'Replaced']);
    expect(ids.at(-1)).toEqual(['extra', 'Added']);
    expect(ids).toHaveLength((base.injects as unknown[]).length + 1);
    expect(r.diagnostics).toEqual([{ severity: 'note', object: 'news-1', message: "replaces the base scenario's inject with this id" }]);
    expect(validationErrors(r.value)).toEqual([]);
  });
});
