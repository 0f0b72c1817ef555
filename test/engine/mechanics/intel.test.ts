/** Joint defense: intelligence shared under TLP, applied indicators protecting partners. */
import { describe, expect, it } from 'vitest';
import { project, step } from '../../../engine/index.ts';
import { advance, blue, HOUR, MIN, must, started } from '../fixtures.ts';

/** KW is hit at 40m and alerted to the c2 domain; exploit-sa (using c2) hits SA at 2h40m. */
function kwSharesC2(tlp: 'CLEAR' | 'GREEN' | 'AMBER' | 'AMBER+STRICT' | 'RED' = 'AMBER') {
  const s = started();
  advance(s, HOUR);
  const c2 = s.teams.kw!.alerts[0]!.indicators[0]!;
  must(s, {
    type: 'share-intel',
    actor: blue('kw'),
    partners: ['sa'],
    report: { title: 'C2 domain', text: 'Seen on our web server', indicators: [c2], technique: 'T1190', tlp },
  });
  return { s, c2, report: s.teams.kw!.sent[0]! };
}

describe('intelligence sharing', () => {
  it('an indicator shared and applied protects the partner', () => {
    const { s, c2, report } = kwSharesC2();
    must(s, { type: 'apply-intel', report, actor: blue('sa') });
    advance(s, 3 * HOUR);
    const sa = s.nodes[s.scenario.nodeIndex.get('sa-web') as number]!;
    expect(s.teams.sa!.blocked[c2]).toBe(HOUR + MIN);
    expect(sa.integrity).toBe('clean');
    expect(s.attempts.find((a) => a.team === 'sa')).toMatchObject({ ok: false, p: 0, reason: 'indicator blocked' });
    // The block itself is what SA observes.
    expect(s.teams.sa!.alerts.some((a) => a.source === 'block' && a.indicators.includes(c2))).toBe(true);
  });

  it('without applying it, the partner is compromised', () => {
    const { s } = kwSharesC2();
    advance(s, 3 * HOUR);
    expect(s.nodes[s.scenario.nodeIndex.get('sa-web') as number]!.integrity).toBe('compromised');
  });

  it('the report reaches only the named partners; the sender sees who applied it', () => {
    const { s, report } = kwSharesC2();
    expect(project(s, { role: 'blue', team: 'sa' }).intel.received.map((r) => r.id)).toEqual([report]);
    expect(project(s, { role: 'blue', team: 'qa' }).intel.received).toEqual([]);
    must(s, { type: 'apply-intel', report, actor: blue('sa') });
    advance(s, 2 * HOUR);
    expect(project(s, { role: 'blue', team: 'kw' }).intel.sent[0]?.appliedBy).toEqual({ sa: HOUR + MIN });
    expect(step(s, { type: 'apply-intel', report, actor: blue('qa') })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('TLP: an indicator received under AMBER may not be passed on; under GREEN not as CLEAR', () => {
    const amber = kwSharesC2('AMBER');
    const share = (tlp: 'CLEAR' | 'GREEN', s = amber.s, c2 = amber.c2) =>
      step(s, { type: 'share-intel', actor: blue('sa'), partners: ['qa'], report: { title: 'fwd', text: 'fwd', indicators: [c2], tlp } });
    expect(share('GREEN')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(amber.s.teams.sa!.sent).toEqual([]);
    const green = kwSharesC2('GREEN');
    expect(share('CLEAR', green.s, green.c2)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(share('GREEN', green.s, green.c2)).toMatchObject({ ok: true });
    expect(green.s.reports['sa-R1']?.tlp).toBe('GREEN');
  });

  it('an indicator a team observed itself is its own to share', () => {
    const { s, c2 } = kwSharesC2('RED');
    const r = step(s, { type: 'share-intel', actor: blue('kw'), partners: ['qa'], report: { title: 'again', text: 'x', indicators: [c2], tlp: 'CLEAR' } });
    expect(r.ok).toBe(true);
  });

  it('sharing counts for cooperation: sender when a partner applies, partner when it applies', () => {
    const { s, report } = kwSharesC2();
    must(s, { type: 'apply-intel', report, actor: blue('sa') });
    advance(s, 2 * HOUR);
    expect(s.teams.kw!.score.current.cooperation).toBe(25);
    expect(s.teams.sa!.score.current.cooperation).toBe(10);
    expect(s.teams.qa!.score.current.cooperation).toBe(0);
  });

  it('the coalition metric measures first detection to block by every team later targeted', () => {
    const { s, c2, report } = kwSharesC2();
    must(s, { type: 'apply-intel', report, actor: blue('sa') });
    advance(s, 3 * HOUR);
    const first = s.coalition.firstSeen[c2]!;
    const m = project(s, { role: 'white' }).coalition.find((x) => x.value === c2)!;
    expect(m.teams).toEqual({ sa: HOUR + MIN - first });
    expect(m.blockedEverywhereAfter).toBe(HOUR + MIN - first);
  });
});
