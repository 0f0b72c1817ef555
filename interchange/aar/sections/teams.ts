/**
 * The AAR/IP's evaluation by team: each rated team's P/S/M/U ratings per capability and critical task
 * with the history of every rating given, and the teams' answers to the moves' discussion questions.
 */
import type { AarSection } from '../model.ts';

export const teamsSection: AarSection = {
  id: 'evaluation-by-team',
  heading: (m) => m['section.teams'],
  write(ctx, w) {
    const { r, m, b, when, team } = ctx;
    if (r.teamRatings.length === 0) w.p(m['teams.noRatings']);
    for (const tr of r.teamRatings) {
      w.h3(team(tr.team));
      w.table(
        [m['teams.item'], m['objectives.rating'], m['teams.history']],
        tr.rows.map((row) => [
          b.auto(row.name),
          row.rating === null ? '—' : b.ltr(row.rating),
          row.history
            .map(
              (h) => `${m.byRating(b.auto(h.by), b.ltr(h.previous === null ? h.rating : `${h.previous} → ${h.rating}`), h.note === undefined || h.note === '' ? null : b.auto(h.note))} ${when(h.t)}`,
            )
            .join(m.itemSep),
        ]),
      );
    }
    w.h3(m['teams.discussion']);
    if (r.discussion.length === 0) w.p(m['teams.noAnswers']);
    for (const q of r.discussion) {
      w.p({ text: `${b.auto(q.moveTitle)}: `, bold: true }, b.auto(q.text));
      w.table(
        [m.team, m['teams.when'], m['teams.answer'], m['teams.grade']],
        q.answers.map((a) => [team(a.team), when(a.t), b.auto(a.text), a.grade === null ? '—' : `${a.grade}${a.comment === undefined ? '' : ` (${b.auto(a.comment)})`}`]),
      );
    }
  },
};
