/** The AAR/IP's appendices: A, the improvement plan; B, the participants; C, the method. */
import type { AarSection } from '../model.ts';

export const planSection: AarSection = {
  id: 'appendix-a-improvement-plan',
  heading: (m) => m['section.plan'],
  write({ r, m, b, dates, cap }, w) {
    w.table(
      [m['plan.id'], m['plan.capability'], m['plan.issue'], m['plan.action'], m['plan.element'], m['plan.owner'], m['plan.priority'], m['plan.start'], m['plan.due']],
      r.improvementPlan.map((x) => [
        b.ltr(x.id),
        `${cap(x.capability)}${x.task ? ` / ${b.ltr(x.task)}` : ''}`,
        `${b.ltr(x.finding)}: ${x.issue}`,
        x.correctiveAction,
        m[`element.${x.element}`],
        b.auto(x.ownerName),
        m[`priority.${x.priority}`],
        dates.date(x.startDate),
        dates.date(x.dueDate),
      ]),
    );
  },
};

export const participantsSection: AarSection = {
  id: 'appendix-b-exercise-participants',
  heading: (m) => m['section.participants'],
  write({ r, m, b }, w) {
    const role = (x: string): string => (m[`role.${x as 'blue'}`] as string | undefined) ?? x;
    w.table(
      [m.team, m['participants.role'], m['participants.nation'], m['participants.organisation']],
      r.overview.teams.map((t) => [b.auto(t.name), role(t.role), t.nation === undefined ? '—' : b.ltr(t.nation), t.organisation === undefined ? '—' : b.auto(t.organisation)]),
    );
  },
};

export const methodSection: AarSection = {
  id: 'appendix-c-method',
  heading: (m) => m['section.method'],
  write({ r, m, b, dur, dates, list }, w) {
    const o = r.overview;
    w.p(m['method.text'](b.ltr(o.scenario.hash), b.ltr(o.exercise.seed), dur(r.scoring.detectionHalfLife), dur(r.scoring.responseTarget)) + m['method.times'](b.ltr(dates.zone)));
    const rules = list([...new Set(r.improvements.map((f) => f.rule))].map((x) => b.ltr(x)));
    w.list([
      [{ text: m['method.ttd'], bold: true }, { text: m['method.ttdText'] }],
      [{ text: m['method.ttc'], bold: true }, { text: m['method.ttcText'] }],
      [{ text: m['method.ratings'], bold: true }, { text: m['method.ratingsText'] }],
      [{ text: m['method.findings'], bold: true }, { text: m['method.findingsText'] }],
      [{ text: m['method.plan'], bold: true }, { text: m['method.planText'](r.strengths.length, r.improvements.length, rules) }],
    ]);
  },
};
