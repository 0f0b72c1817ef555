/** Situation reports, white-cell adjudication of sitreps and inject answers, and evaluator ratings (answers to a move's questions: discussion.ts). */
import { injectNext } from '../machines/index.ts';
import { type Ctx, team, WHITE } from './ctx.ts';
import type { Rating, Severity } from '../scenario/vocabulary.ts';
import type { ScoreRt, TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { meetExpectations } from './injects.ts';
import { own, setOwn } from '../lib/own.ts';

export function fileSitrep(ctx: Ctx, teamId: string, text: string, severity: Severity): void {
  const s = ctx.state;
  const t = own(s.teams, teamId) as TeamRt;
  const id = `${teamId}-S${++t.counters.sitrep}`;
  setOwn(s.sitreps, id, { id, team: teamId, t: s.clock, text, severity, grade: null, comment: null });
  t.sitreps.push(id);
  ctx.emit('sitrep.filed', `blue:${teamId}`, { id, team: teamId, text, severity }, [team(teamId)]);
  meetExpectations(ctx, teamId, 'sitrep');
}

type Item = { kind: 'sitrep'; id: string } | { kind: 'answer'; inject: string; team: string };

/** A grade given (or changed) counts once in the team's reporting score. */
export function countGrade(sc: ScoreRt, previous: number | null, grade: number): void {
  if (previous === null) sc.graded++;
  else sc.gradeSum -= previous;
  sc.gradeSum += grade;
}

export function adjudicate(ctx: Ctx, item: Item, grade: number, comment: string | undefined): Refusal | void {
  const s = ctx.state;
  if (item.kind === 'sitrep') {
    const r = own(s.sitreps, item.id);
    if (!r) return refuse('NOT_FOUND', `no sitrep "${item.id}"`);
    countGrade((own(s.teams, r.team) as TeamRt).score, r.grade, grade);
    r.grade = grade;
    r.comment = comment ?? null;
    ctx.emit('adjudicated', 'white', { item, team: r.team, grade, comment: r.comment }, [team(r.team)]);
    return;
  }
  const inj = own(s.injects, item.inject);
  const tr = inj && own(inj.teams, item.team);
  if (!tr) return refuse('NOT_FOUND', `team "${item.team}" has no inject "${item.inject}"`);
  const next = injectNext(tr.s, 'EVALUATE');
  if (!next) return refuse('WRONG_PHASE', `inject "${item.inject}" of team "${item.team}" is ${tr.s}: there is no answer to grade yet`);
  countGrade((own(s.teams, item.team) as TeamRt).score, tr.grade, grade);
  tr.s = next;
  tr.grade = grade;
  tr.comment = comment ?? null;
  ctx.emit('inject.evaluated', 'white', { inject: item.inject, team: item.team, grade, comment: tr.comment }, [team(item.team)]);
}

export function rate(ctx: Ctx, by: string, capability: string, task: string | undefined, rating: Rating, note: string | undefined): Refusal | void {
  const s = ctx.state;
  const cap = s.scenario.capabilities.find((c) => c.id === capability);
  if (!cap) return refuse('NOT_FOUND', `no capability "${capability}" in the scenario`);
  if (task !== undefined && !cap.tasks.some((t) => t.id === task)) return refuse('NOT_FOUND', `capability "${capability}" has no task "${task}"`);
  const r = { t: s.clock, by, capability, rating, ...(task === undefined ? {} : { task }), ...(note === undefined ? {} : { note }) };
  s.ratings.push(r);
  ctx.emit('rating', by, r, WHITE);
}
