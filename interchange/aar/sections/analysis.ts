/** The AAR/IP's analysis of core capabilities: ratings per critical task with their evidence, strengths and areas for improvement. */
import { num } from '../format.ts';
import type { AarContext, AarSection } from '../model.ts';
import { writeWhatIf } from './whatif.ts';

/** Each evaluator's rating with its note: `Lead evaluator: S (slow to share); evaluator: M`. */
const ratingList = ({ m, b }: AarContext, rs: readonly { by: string; rating: string; note?: string }[]): string =>
  rs.map((x) => m.byRating(b.auto(x.by), b.ltr(x.rating), x.note === undefined || x.note === '' ? null : b.auto(x.note))).join(m.itemSep);

export const analysisSection: AarSection = {
  id: 'analysis-of-core-capabilities',
  heading: (m) => m['section.analysis'],
  write(ctx, w) {
    const { r, m, b } = ctx;
    for (const cap of r.capabilities) {
      w.h3(`${b.auto(cap.name)}${cap.rating ? ` (${b.ltr(cap.rating)})` : ''}`);
      const source = cap.ratingSource === null ? m.notRated : m[`analysis.source.${cap.ratingSource}`];
      if (cap.objectives.length > 0) w.p(m['analysis.objectives'](cap.objectives.map((o) => b.ltr(o)).join(m.listSep), source));
      if (cap.ratings.length > 0) w.p(m['analysis.capabilityRatings'](ratingList(ctx, cap.ratings)));
      w.table(
        [m['analysis.task'], m['objectives.rating'], m['analysis.notes'], m['analysis.injects'], m['analysis.answered'], m['analysis.metMissed'], m['analysis.meanGrade']],
        cap.tasks.map((t) => [
          b.auto(t.name),
          t.rating === null ? '—' : b.ltr(t.rating),
          ratingList(ctx, t.ratings) || '—',
          t.evidence.injects,
          b.ltr(`${t.evidence.answered}/${t.evidence.deliveries}`),
          b.ltr(`${t.evidence.expectationsMet} / ${t.evidence.expectationsMissed}`),
          num(t.evidence.meanGrade),
        ]),
      );
      w.p({ text: m['analysis.strengths'], bold: true });
      w.findings(r.strengths.filter((f) => f.capability === cap.id));
      w.p({ text: m['analysis.improvements'], bold: true });
      w.findings(r.improvements.filter((f) => f.capability === cap.id));
    }
    const loose = [...r.strengths, ...r.improvements].filter((f) => f.capability === null);
    if (loose.length > 0) {
      w.h3(m['analysis.loose']);
      w.findings(loose);
    }
    writeWhatIf(ctx, w, r.whatIf ?? []);
  },
};
