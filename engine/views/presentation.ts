/**
 * The presentation view: what the projector shows the whole room. Only what every team may see: the
 * clock, the blue teams' names, the current move's title and the description every team reads, the
 * move's questions put to every team with which teams answered (never what they answered), and the
 * list of moves. Never a situation or question addressed to some teams only, an inject, an answer's
 * text, a grade, a criterion, a score or anything of the ground truth.
 */
import type { CMove, CTeam } from '../compile/types.ts';
import { answerOf, begun } from '../sim/discussion.ts';
import { movesInOrder } from '../sim/moves.ts';
import type { ExerciseState } from '../sim/state.ts';
import { clockView } from './common.ts';
import type { PresentationView } from './types.ts';

export function presentationView(s: ExerciseState): PresentationView {
  const sc = s.scenario;
  const teams = sc.blue.map((b) => {
    const t = sc.teams[sc.teamIndex.get(b.id) as number] as CTeam;
    return { id: t.id, name: t.name, ...(t.color === undefined ? {} : { color: t.color }) };
  });
  const current = s.move === null ? undefined : sc.moves.find((m) => m.id === s.move);
  return {
    kind: 'presentation',
    clock: clockView(s),
    scenario: { title: sc.meta.title },
    teams,
    moves: movesInOrder(s).map((m) => ({ id: m.id, title: m.title, start: m.start, begun: begun(s, m) })),
    move:
      current && begun(s, current)
        ? roomMove(
            s,
            current,
            teams.map((t) => t.id),
          )
        : null,
  };
}

/** The current move as the room sees it: questions for every team only, with the teams that answered. */
function roomMove(s: ExerciseState, m: CMove, blue: string[]): NonNullable<PresentationView['move']> {
  return {
    id: m.id,
    title: m.title,
    start: m.start,
    ...(m.description === undefined ? {} : { description: m.description }),
    questions: m.questions
      .filter((q) => q.to === null)
      .map((q) => ({
        id: q.id,
        text: q.text,
        answered: blue.filter((team) => answerOf(s, m.id, q.id, team) !== undefined),
      })),
  };
}
