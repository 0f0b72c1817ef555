/**
 * The coalition tabletop (scenarios/coalition-tabletop.yaml) is what issue #14 asks for: a regional
 * information-sharing drill for four or more partner CERTs, in moves with situations, questions,
 * per-team injects and evaluation criteria in English and Arabic, and its decision points change
 * what happens: good decisions keep the consequence injects away that inaction brings.
 */
import { describe, expect, it } from 'vitest';
import { compileScenario, durationMs, runHeadless, TLP_LEVELS, type Command, type HeadlessInput } from '../../engine/index.ts';
import { blueTeams, languagesOf, loadBundled } from './bundled-helpers.ts';

const FILE = 'coalition-tabletop.yaml';
const { scenario: s } = loadBundled(FILE);
const injects = s.injects ?? [];
const moves = s.moves ?? [];
const recipients = (i: (typeof injects)[number]): string[] => (i.to === 'all-blue' ? blueTeams(s).map((t) => t.id) : i.to);

describe('coalition-tabletop.yaml', () => {
  it('is a tabletop for four or more partner CERTs of different nations, in both languages', () => {
    expect(s.meta.modes).toEqual(['tabletop']);
    const blue = blueTeams(s);
    expect(blue.length).toBeGreaterThanOrEqual(4);
    expect(new Set(blue.map((t) => t.nation)).size).toBe(blue.length);
    expect(new Set(blue.map((t) => t.language))).toEqual(new Set(['en', 'ar']));
  });

  it('runs in moves that open with an information-sharing module and end with a hot wash, each with a situation and questions', () => {
    expect(moves.length).toBeGreaterThanOrEqual(4);
    expect(moves[0]?.module).toBe('intelligence-sharing');
    expect(moves.at(-1)?.module).toBe('hot-wash');
    for (const m of moves) {
      expect(m.description, m.id).toBeDefined();
      expect(m.questions?.length ?? 0, m.id).toBeGreaterThanOrEqual(3);
    }
  });

  it("opens with each nation's own starting position for it alone, and asks each in the hot wash about its own decisions", () => {
    const blue = blueTeams(s)
      .map((t) => t.id)
      .sort();
    const first = compileScenario(s).moves[0]!;
    expect(first.situations.flatMap((x) => x.to).sort()).toEqual(blue);
    const wash = compileScenario(s).moves.at(-1)!;
    const ownQuestions = wash.questions.filter((q) => q.to !== null);
    expect(ownQuestions.flatMap((q) => q.to ?? []).sort()).toEqual(blue);
    expect(ownQuestions.every((q) => q.to?.length === 1)).toBe(true);
  });

  it('gives every team injects of its own, not only broadcasts, in every move before the hot wash', () => {
    for (const m of moves.filter((x) => x.module !== 'hot-wash')) {
      for (const t of blueTeams(s)) {
        const own = injects.filter((i) => i.move === m.id && i.to !== 'all-blue' && i.to.includes(t.id));
        expect(own.length, `${t.id} in ${m.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('plays the four threads of the drill: a shared advisory, conflicting TLP, assistance across borders, a joint statement', () => {
    expect(new Set(injects.map((i) => i.tlp))).toEqual(new Set(TLP_LEVELS));
    const strictToOne = injects.filter((i) => i.tlp === 'AMBER+STRICT' && recipients(i).length === 1);
    const strictToAll = injects.filter((i) => i.tlp === 'AMBER+STRICT' && i.to === 'all-blue');
    expect(strictToOne.length).toBeGreaterThan(0);
    expect(strictToAll.length).toBeGreaterThan(0);
    const expecting = (kind: string) => injects.filter((i) => i.evaluation?.expects?.some((e) => e.action === kind)).flatMap(recipients);
    expect(expecting('share-intel').length).toBeGreaterThan(0);
    const askers = new Set(expecting('request-assistance'));
    const granters = new Set(expecting('grant-assistance'));
    expect([...granters].some((g) => [...askers].some((a) => a !== g))).toBe(true);
    const statement = injects.filter((i) => i.to === 'all-blue' && i.evaluation?.capability === 'public-info' && i.evaluation?.expects?.some((e) => e.action === 'respond-inject'));
    expect(statement.length).toBeGreaterThan(0);
  });

  it('assigns every inject to a move and a critical task, with discussion questions, delivered inside its move', () => {
    const byId = new Map(moves.map((m) => [m.id, m]));
    const starts = moves.map((m) => durationMs(m.start));
    for (const i of injects) {
      const m = byId.get(i.move ?? '');
      expect(m, i.id).toBeDefined();
      expect(i.evaluation?.task, i.id).toBeDefined();
      expect(i.questions?.length ?? 0, i.id).toBeGreaterThan(0);
      if (i.at === undefined || !m) continue;
      const k = moves.indexOf(m);
      expect(durationMs(i.at), i.id).toBeGreaterThanOrEqual(starts[k] ?? 0);
      expect(durationMs(i.at), i.id).toBeLessThan(starts[k + 1] ?? Infinity);
    }
  });

  it('gives every text participants read in English and Arabic, including what they are asked to do', () => {
    const texts: [string, unknown][] = [];
    // A question is its text, or { id?, text, to? } when it is put to some teams only.
    const questionText = (q: unknown): unknown => (typeof q === 'object' && q !== null && 'text' in q ? q.text : q);
    for (const m of moves) {
      texts.push([m.id, m.title], [m.id, m.description], ...(m.questions ?? []).map((q): [string, unknown] => [m.id, questionText(q)]));
      for (const x of m.situations ?? []) texts.push([`${m.id} situation for ${x.to.join(', ')}`, x.text]);
    }
    for (const i of injects) {
      texts.push([i.id, i.title], [i.id, i.content], [i.id, i.from.name], ...(i.questions ?? []).map((q): [string, unknown] => [i.id, q]));
      if (i.from.organisation) texts.push([i.id, i.from.organisation]);
      for (const a of i.asks ?? []) texts.push([`${i.id} asks`, a]);
      if (i.evaluation?.rubric !== undefined) texts.push([`${i.id} rubric`, i.evaluation.rubric]);
    }
    for (const c of s.capabilities ?? []) texts.push([c.id, c.name], ...c.tasks.map((t): [string, unknown] => [t.id, t.name]));
    for (const [where, text] of texts) expect(languagesOf(text), where).toEqual(['ar', 'en']);
  });

  it('gives every inject a rubric in both languages and what each team is asked, apart from the expected actions', () => {
    for (const i of injects) {
      expect(languagesOf(i.evaluation?.rubric), i.id).toEqual(['ar', 'en']);
      expect(i.asks?.length ?? 0, i.id).toBeGreaterThan(0);
      for (const e of i.evaluation?.expects ?? []) expect(e.description, i.id).toBeUndefined();
    }
  });
});

describe('coalition-tabletop.yaml decision points', () => {
  const compiled = compileScenario(s);
  const at = (d: string, team: string, body: Record<string, unknown>): HeadlessInput => ({ at: durationMs(d), command: { ...body, actor: { role: 'blue', team } } as Command });
  const delivered = (inputs: HeadlessInput[]) => {
    const run = runHeadless(compiled, { mode: 'tabletop', inputs });
    expect(run.refused.map((r) => `${r.input.command.type}: ${r.message}`)).toEqual([]);
    return new Set(run.events.filter((e) => e.type === 'inject.delivered').map((e) => (e.data as { inject: string }).inject));
  };
  const CONSEQUENCES = ['c20-sah-mofa-updated', 'c25-hotfix-trojanised', 'c26-nak-second-transfer'];

  it('brings the consequence injects when nobody acts', () => {
    const got = delivered([]);
    for (const c of CONSEQUENCES) expect(got.has(c), c).toBe(true);
  });

  it('keeps them away when Sahiliya holds the update, shares the second C2 that Nakhiliya applies, and Murjan stops the vendor portal and revokes the keys', () => {
    const report = (title: string, indicators: string[]) => ({ title, text: 'own observation', indicators, tlp: 'AMBER' });
    const got = delivered([
      at('5h30m', 'xs', { type: 'action', action: 'hold-or-patch', target: { node: 'xs-mofa-corr01' } }),
      at('1d1h30m', 'xn', { type: 'request-assistance', to: 'xr', text: 'Triage and imaging of two servers on site; images stay in Nakhiliya' }),
      at('1d2h30m', 'xr', { type: 'grant-assistance', request: 'xn-H1' }),
      at('1d3h', 'xm', { type: 'action', action: 'isolate', target: { node: 'xm-waraq-upd01' } }),
      at('1d3h', 'xm', { type: 'action', action: 'reset-credentials', target: { node: 'xm-waraq-build01' } }),
      at('1d3h10m', 'xr', { type: 'action', action: 'forensics', target: { node: 'xn-mofa-corr01' } }),
      at('1d3h30m', 'xs', { type: 'share-intel', partners: ['xn', 'xr', 'xm'], report: report('Second C2', ['cdn.static-waraqcloud.example', '198.51.100.61']) }),
      at('1d4h', 'xn', { type: 'apply-intel', report: 'xs-R1' }),
    ]);
    for (const c of CONSEQUENCES) expect(got.has(c), c).toBe(false);
    expect(got.has('c22-joint-statement-draft')).toBe(true);
  });
});
