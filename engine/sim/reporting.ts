/** Situation reports, white-cell adjudication of sitreps and inject answers, and evaluator ratings (answers to a move's questions: discussion.ts). */
import { injectNext } from '../machines/index.ts';
import { type Ctx, team, WHITE } from './ctx.ts';
import type { Rating, Severity } from '../scenario/vocabulary.ts';
import type { RatingRt, ScoreRt, TeamRt } from './state.ts';
import { type Refusal, refuse } from './refusal.ts';
import { meetExpectations } from './injects.ts';
import { hasOwnKey, own, setOwn } from '../lib/own.ts';
import { touchInject, touchSitrep } from './changes.ts';

export function fileSitrep(ctx: Ctx, teamId: string, text: string, severity: Severity): void {
  const s = ctx.state;
  const t = own(s.teams, teamId) as TeamRt;
  const id = `${teamId}-S${++t.counters.sitrep}`;
  touchSitrep(s, id);
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

/**
 * The white cell grades (or re-grades) a sitrep or an inject answer. The event records who graded and
 * the grade it replaced (`previous`, null the first time): the log holds the history of every grade.
 */
export function adjudicate(ctx: Ctx, by: string, item: Item, grade: number, comment: string | undefined): Refusal | void {
  const s = ctx.state;
  if (item.kind === 'sitrep') {
    const r = own(s.sitreps, item.id);
    if (!r) return refuse('NOT_FOUND', `no sitrep "${item.id}"`);
    touchSitrep(s, r.id);
    const previous = r.grade;
    countGrade((own(s.teams, r.team) as TeamRt).score, previous, grade);
    r.grade = grade;
    r.comment = comment ?? null;
    ctx.emit('adjudicated', 'white', { item, team: r.team, grade, comment: r.comment, by, previous }, [team(r.team)]);
    return;
  }
  const inj = own(s.injects, item.inject);
  const tr = inj && own(inj.teams, item.team);
  if (!tr) return refuse('NOT_FOUND', `team "${item.team}" has no inject "${item.inject}"`);
  const next = injectNext(tr.s, 'EVALUATE');
  if (!next) return refuse('WRONG_PHASE', `inject "${item.inject}" of team "${item.team}" is ${tr.s}: there is no answer to grade yet`);
  touchInject(s, item.inject);
  const previous = tr.grade;
  countGrade((own(s.teams, item.team) as TeamRt).score, previous, grade);
  tr.s = next;
  tr.grade = grade;
  tr.comment = comment ?? null;
  ctx.emit('inject.evaluated', 'white', { inject: item.inject, team: item.team, grade, comment: tr.comment, by, previous }, [team(item.team)]);
}

/** What a rating is of: a capability or one of its critical tasks, for one blue team or (no team) the exercise. */
export interface RatedItem {
  capability: string;
  task: string | undefined;
  team: string | undefined;
}

/** The latest rating of an item (same capability, task and team), if any. */
export function latestRatingOf(ratings: readonly RatingRt[], item: RatedItem): RatingRt | undefined {
  for (let i = ratings.length - 1; i >= 0; i--) {
    const r = ratings[i] as RatingRt;
    if (r.capability === item.capability && r.task === item.task && r.team === item.team) return r;
  }
  return undefined;
}

/**
 * An evaluator (or the white cell) rates an item P/S/M/U. Every rating is kept in order (the state's
 * `ratings` is the history); the event names the rating it replaced (`previous`, null the first time).
 */
export function rate(ctx: Ctx, by: string, item: RatedItem, rating: Rating, note: string | undefined): Refusal | void {
  const s = ctx.state;
  const { capability, task, team: teamId } = item;
  const cap = s.scenario.capabilities.find((c) => c.id === capability);
  if (!cap) return refuse('NOT_FOUND', `no capability "${capability}" in the scenario`);
  if (task !== undefined && !cap.tasks.some((t) => t.id === task)) return refuse('NOT_FOUND', `capability "${capability}" has no task "${task}"`);
  if (teamId !== undefined && !hasOwnKey(s.teams, teamId)) return refuse('NOT_FOUND', `no blue team "${teamId}" in the exercise`);
  const previous = latestRatingOf(s.ratings, item)?.rating ?? null;
  const r: RatingRt = {
    t: s.clock,
    by,
    capability,
    rating,
    ...(task === undefined ? {} : { task }),
    ...(teamId === undefined ? {} : { team: teamId }),
    ...(note === undefined ? {} : { note }),
  };
  s.ratings.push(r);
  ctx.emit('rating', by, { ...r, previous }, WHITE);
}
