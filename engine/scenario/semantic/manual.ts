/** The situation manual's checks: texts and questions go to blue teams, a move's question ids are unique, evaluations name real tasks. */
import type { PathSegment } from '../../lib/diagnostic.ts';
import { defaultQuestionId } from '../../compile/moves.ts';
import type { Ctx } from './context.ts';
import { blueTeamRef } from './network.ts';
import { warnRepeats } from './ids.ts';
import { checkEvaluates } from './white.ts';

function recipients(ctx: Ctx, to: readonly string[] | undefined, path: PathSegment[]): void {
  to?.forEach((id, k) => {
    blueTeamRef(ctx, [...path, k], id, 'a recipient of the situation manual');
  });
  warnRepeats(ctx, to, path, 'team');
}

export function checkManual(ctx: Ctx): void {
  ctx.s.moves?.forEach((m, i) => {
    const base: PathSegment[] = ['moves', i];
    m.situations?.forEach((x, k) => recipients(ctx, x.to, [...base, 'situations', k, 'to']));
    const seen = new Map<string, number>();
    m.questions?.forEach((q, k) => {
      const path: PathSegment[] = [...base, 'questions', k];
      const object = typeof q === 'object' && Object.hasOwn(q, 'text') ? (q as { id?: string; to?: string[]; evaluation?: { capability?: string; task?: string } }) : null;
      if (object) recipients(ctx, object.to, [...path, 'to']);
      checkEvaluates(ctx, [...path, 'evaluation'], object?.evaluation);
      const id = object?.id ?? defaultQuestionId(k);
      const first = seen.get(id);
      if (first !== undefined) {
        ctx.error(
          object?.id !== undefined ? [...path, 'id'] : path,
          `question id "${id}" is used twice in move "${m.id}" (question ${first + 1} has it${object?.id === undefined ? ' and this question gets it by position' : ''}): give each question its own id`,
        );
      } else seen.set(id, k);
    });
  });
}
