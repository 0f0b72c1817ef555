/** The AAR/IP's opening sections: exercise overview, executive summary (with the charts), objectives. */
import { RATINGS } from '../../../engine/index.ts';
import { parseIsoDateTime } from '../../lib/timestamps.ts';
import { pct } from '../format.ts';
import type { AarSection } from '../model.ts';
import type { Finding } from '../types.ts';

/**
 * The findings an executive summary leads with: high priority first, then one per rule in turn (so a
 * dozen rating findings do not crowd out the rest), shown in the order observed.
 */
export function highlights(fs: readonly Finding[], n: number): Finding[] {
  const rank = (f: Finding): number => (f.priority === 'high' ? 0 : f.priority === 'medium' ? 1 : 2);
  const queue = [...fs].sort((a, b) => rank(a) - rank(b));
  const out: Finding[] = [];
  const rules = new Set<string>();
  for (let pass = 0; pass < 2 && out.length < n; pass++) {
    for (const f of queue) {
      if (out.length >= n || out.includes(f)) continue;
      if (pass === 0 && rules.has(f.rule)) continue;
      rules.add(f.rule);
      out.push(f);
    }
  }
  return out.sort((a, b) => fs.indexOf(a) - fs.indexOf(b));
}

const HIGHLIGHTS = 5;

export const overviewSection: AarSection = {
  id: 'exercise-overview',
  heading: (m) => m['section.overview'],
  write({ r, m, b, dates, dur }, w) {
    const o = r.overview;
    const x = o.exercise;
    const start = parseIsoDateTime(x.startIso) ?? 0;
    const items: [string, string][] = [
      [m['overview.name'], b.auto(o.scenario.title)],
      [m['overview.dates'], m['overview.datesValue'](dates.dateTime(start), dates.dateTime(start + x.endMs), dur(x.endMs), dur(x.plannedMs), x.endReason === 'white')],
      [m['overview.scope'], m['overview.scopeValue'](m[`mode.${x.mode as 'realtime'}`] ?? x.mode, o.blueTeams.length, o.counts.commands, o.counts.events)],
      [m['overview.capabilities'], o.capabilities.map((c) => b.auto(c.name)).join(m.itemSep) || '—'],
      [m['overview.objectives'], o.objectives.map((k) => `${b.ltr(k.id)}: ${b.auto(k.text)}`).join(' ') || '—'],
      [m['overview.threat'], o.campaigns.map((c) => `${b.auto(c.name)}${c.actor ? ` (${b.auto(c.actor)})` : ''}`).join(m.itemSep)],
      [m['overview.scenario'], b.auto(o.scenario.description)],
      [
        m['overview.organisations'],
        o.teams
          .filter((t) => t.role === 'blue')
          .map((t) => b.auto(t.name))
          .join(m.itemSep),
      ],
      [m['overview.contact'], o.scenario.authors.map((a) => b.auto(a)).join(m.listSep) || m['overview.contactDefault']],
    ];
    w.table([m['overview.item'], m['overview.details']], items);
  },
};

export const summarySection: AarSection = {
  id: 'executive-summary',
  heading: (m) => m['section.summary'],
  write({ r, m, dur }, w) {
    const c = r.coalition;
    w.p(
      m['summary.text']({
        attempts: c.attempts,
        detected: c.detected,
        rate: pct(c.attempts > 0 ? c.detected / c.attempts : null),
        ttd: dur(c.meanTimeToDetect),
        achieved: c.redObjectives.achieved,
        objectives: c.redObjectives.total,
        shared: c.reportsShared,
        applied: c.reportsApplied,
        blocked: c.indicatorsBlockedEverywhere,
        seen: c.indicatorsSeen,
        ttp: c.meanTimeToProtect === null ? null : dur(c.meanTimeToProtect),
      }),
    );
    const lead = (title: string, fs: readonly Finding[]): void => {
      w.p({ text: title, bold: true });
      const shown = highlights(fs, HIGHLIGHTS);
      w.findings(shown);
      if (shown.length < fs.length) w.p({ text: m['summary.more'](shown.length, fs.length, m['section.analysis']), italic: true });
    };
    lead(m['summary.strengths'], r.strengths);
    lead(m['summary.improvements'], r.improvements);
    w.chart('scores', m['chart.scores.title'], m['chart.scores.caption']);
    w.chart('swimlanes', m['chart.swimlanes.title'], m['chart.swimlanes.caption']);
    w.chart('heatmap', m['chart.heatmap.title'], m['chart.heatmap.caption']);
  },
};

export const objectivesSection: AarSection = {
  id: 'exercise-objectives-and-core-capabilities',
  heading: (m) => m['section.objectives'],
  write({ r, m, b, cap }, w) {
    const rating = (id: string): string => {
      const x = r.capabilities.find((k) => k.id === id)?.rating;
      return x ? b.ltr(x) : m.notRated;
    };
    w.table(
      [m['objectives.objective'], m['objectives.capability'], m['objectives.rating']],
      r.overview.objectives.flatMap((x) => x.capabilities.map((cid) => [`${b.ltr(x.id)}: ${b.auto(x.text)}`, cap(cid), rating(cid)])),
    );
    w.p(m['objectives.ratings'](RATINGS.map((k) => `${b.ltr(k)} = ${m[`rating.${k}`]}`).join(m.itemSep)));
  },
};
