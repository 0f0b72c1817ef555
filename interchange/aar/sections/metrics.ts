/** The AAR/IP's performance metrics: scores, detection and response, red steps, injects, services, intelligence, time to protect, ATT&CK coverage. */
import { own } from '../../../engine/index.ts';
import { tacticName } from '../i18n/messages.ts';
import { num, pct } from '../format.ts';
import type { AarSection } from '../model.ts';

export const metricsSection: AarSection = {
  id: 'performance-metrics',
  heading: (m) => m['section.metrics'],
  write(ctx, w) {
    const { r, m, b, dur, when, lang } = ctx;
    const short = ctx.label;
    const name = (t: { name: string }): string => b.auto(t.name);
    const label = (t: { label: string }): string => b.auto(t.label);
    const pair = (a: string, c: string): string => b.ltr(`${a} / ${c}`);
    const technique = (id: string, title: string): string => b.ltr(`${id} ${title}`);
    const status = (s: string): string => (m[`status.${s as 'pending'}`] as string | undefined) ?? s;

    w.h3(m['metrics.scores']);
    w.table(
      [m.team, m['score.composite'], m['score.availability'], m['score.detection'], m['score.response'], m['score.reporting'], m['score.cooperation'], m['score.penalties']],
      r.teams.map((t) => [
        name(t),
        num(t.score.composite),
        num(t.score.availability),
        num(t.score.detection),
        num(t.score.response),
        num(t.score.reporting),
        num(t.score.cooperation),
        num(t.score.penalties),
      ]),
    );

    w.h3(m['metrics.detection']);
    w.table(
      [m.team, m['detection.attempts'], m['detection.detected'], m['detection.ttd'], m['detection.compromises'], m['detection.contained'], m['detection.ttc'], m['detection.alerts']],
      r.teams.map((t) => [
        name(t),
        t.detection.attempts,
        `${t.detection.detected} (${pct(t.detection.rate)})`,
        `${dur(t.detection.meanTimeToDetect)} / ${dur(t.detection.medianTimeToDetect)}`,
        t.response.episodes,
        t.response.contained,
        dur(t.response.meanTimeToContain),
        `${t.detection.alerts} (${t.detection.falsePositives})`,
      ]),
    );

    w.h3(m['metrics.steps']);
    w.table(
      [m['steps.step'], m['steps.technique'], m['steps.tactic'], m['steps.status'], m.team, m['steps.first'], m['steps.detectedAfter'], m['steps.containedAfter']],
      r.redSteps.flatMap((s) => {
        const head = [b.ltr(s.id), technique(s.technique, s.techniqueName), b.auto(tacticName(s.tactic, lang)), status(s.status)];
        if (s.teams.length === 0) return [[...head, '—', when(s.startedAt), '—', '—']];
        return s.teams.map((t) => [
          ...head,
          short(t.team),
          when(t.firstAttemptAt),
          t.detectedAt === null ? m['steps.notDetected'] : dur(t.timeToDetect),
          t.nodesToContain === 0 ? '—' : t.containedAt === null ? m['steps.partlyContained'](String(t.nodesContained), String(t.nodesToContain)) : dur(t.timeToContain),
        ]);
      }),
    );

    w.h3(m['metrics.injects']);
    w.table(
      [m.team, m['injects.delivered'], m['injects.acknowledged'], m['injects.tta'], m['injects.answered'], m['injects.ttr'], m['analysis.metMissed'], m['analysis.meanGrade']],
      r.teams.map((t) => [
        name(t),
        t.injects.delivered,
        t.injects.acknowledged,
        dur(t.injects.meanTimeToAck),
        t.injects.answered,
        dur(t.injects.meanTimeToAnswer),
        pair(String(t.injects.expectationsMet), String(t.injects.expectationsMissed)),
        num(t.injects.meanGrade),
      ]),
    );
    w.table(
      [m['injects.inject'], m['injects.capTask'], ...r.teams.map((t) => m['injects.ackAnswer'](label(t)))],
      r.injects.map((i) => [
        `${b.ltr(i.id)}: ${b.auto(i.title)}`,
        i.capability ? b.ltr(`${i.capability}${i.task ? ` / ${i.task}` : ''}`) : '—',
        ...r.teams.map((t) => {
          const x = i.teams.find((y) => y.team === t.id);
          return x ? `${dur(x.timeToAck)} / ${dur(x.timeToAnswer)}` : '';
        }),
      ]),
    );

    w.h3(m['metrics.services']);
    w.table(
      [m.team, m['services.service'], m['services.criticality'], m['services.availability'], m['services.target'], m['services.downtime'], m['services.outages']],
      r.services.map((s) => [short(s.team), b.auto(s.name), s.criticality, pct(s.availability, 2), pct(s.target, 2), dur(s.downtimeMs), s.outages]),
    );

    w.h3(m['metrics.intel']);
    w.table(
      [m['intel.report'], m['intel.from'], m['intel.to'], m['intel.at'], m['intel.tlp'], m['intel.technique'], m['intel.indicators'], m['intel.appliedBy'], m['intel.blocked']],
      r.intel.map((x) => [
        `${b.ltr(x.id)}: ${b.auto(x.title)}`,
        short(x.from),
        x.to.map((t) => b.ltr(t)).join(m.listSep),
        when(x.t),
        b.ltr(`TLP:${x.tlp}`),
        x.technique === undefined ? '—' : b.ltr(x.technique),
        x.indicators,
        x.appliedBy.map((a) => `${b.ltr(a.team)} (${dur(a.delay)})`).join(m.listSep) || '—',
        x.blockedAttempts,
      ]),
    );

    w.h3(m['metrics.ttp']);
    w.p(m['ttp.text']);
    w.table(
      [m['ttp.indicator'], m['ttp.kind'], m['ttp.firstSeen'], m['ttp.by'], m['ttp.everywhere'], m['ttp.perTeam']],
      r.timeToProtect.map((x) => {
        const teams = Object.entries(x.teams);
        return [
          b.ltr(x.value),
          b.ltr(x.kind),
          when(x.firstSeen),
          x.firstSeenBy === null ? '—' : b.ltr(x.firstSeenBy),
          teams.length === 0 ? m['ttp.notReused'] : x.blockedEverywhereAfter === null ? m.never : dur(x.blockedEverywhereAfter),
          teams.map(([t, d]) => `${b.ltr(t)}: ${d === null ? m.never : dur(d)}`).join(m.listSep) || '—',
        ];
      }),
    );

    w.h3(m['metrics.coverage']);
    w.p(m['coverage.text']);
    w.table(
      [m['steps.tactic'], m['steps.technique'], ...r.teams.map(label), m['chart.coalition']],
      r.techniques.map((x) => [
        b.auto(tacticName(x.tactic, lang)),
        technique(x.technique, x.name),
        ...r.teams.map((t) => {
          const c = own(x.teams, t.id);
          return c ? num(c.score, 0) : '';
        }),
        num(x.coalition.score, 0),
      ]),
    );
  },
};
