/**
 * The after-action results of one exercise, from its log (replayed) or from a state and its events.
 * Pure and deterministic: the same log gives the same results, byte for byte, in Node and the browser.
 */
import { metrics, own, type RampartsLog, stateHash, TACTICS } from '../../engine/index.ts';
import { exerciseClock } from '../lib/timestamps.ts';
import { exerciseMarking, loadExercise, mean, pickText, round2, teamColor, teamLabels, type ExerciseRecord } from './exercise.ts';
import { buildTimeline } from './timeline.ts';
import { redStepResults } from './red-steps.ts';
import { techniqueCoverage } from './techniques.ts';
import { injectResults } from './injects.ts';
import { serviceResults } from './services.ts';
import { intelResults, timeToProtect } from './intel.ts';
import { teamResults } from './teams.ts';
import { capabilityAnalysis } from './ratings.ts';
import { findings } from './findings.ts';
import { discussionResults, teamRatings } from './team-ratings.ts';
import { improvementPlan } from './plan.ts';
import { reported } from '../whatif/finding.ts';
import type { AarOverview, AarResults } from './types.ts';

export interface AarOptions {
  /** Language of the texts (scenario texts given per language); default English. */
  lang?: string;
}

function overview(x: ExerciseRecord, endMs: number, endReason: string | null, lang: string): AarOverview {
  const { state, log, events } = x;
  const sc = state.scenario;
  const clock = exerciseClock(sc.meta.startDate);
  const header = log.header.scenario;
  const labels = teamLabels(state, lang);
  return {
    scenario: {
      id: sc.meta.id,
      title: pickText(sc.meta.title, lang),
      version: sc.meta.version,
      description: pickText(sc.meta.description, lang),
      hash: state.scenarioHash,
      ...(sc.meta.tlp ? { tlp: sc.meta.tlp } : {}),
      authors: [...(header.meta.authors ?? [])],
    },
    exercise: {
      seed: state.seed,
      mode: state.mode,
      startDate: sc.meta.startDate,
      startIso: clock.iso(0),
      endMs,
      endIso: clock.iso(endMs),
      plannedMs: sc.meta.duration,
      ended: state.phase === 'ended',
      endReason,
      stateHash: stateHash(state),
    },
    teams: sc.teams.map((t) => ({
      id: t.id,
      name: pickText(t.name, lang),
      label: labels.get(t.id) ?? t.id,
      role: t.role,
      ...(t.nation ? { nation: t.nation } : {}),
      ...(t.organisation ? { organisation: pickText(t.organisation, lang) } : {}),
      color: teamColor(state, t.id),
    })),
    blueTeams: sc.blue.map((b) => b.id),
    campaigns: sc.campaigns.map((c) => ({
      id: c.id,
      name: pickText(c.name, lang),
      ...(c.actor ? { actor: c.actor } : {}),
      ...(c.description ? { description: pickText(c.description, lang) } : {}),
      steps: c.steps.length,
      objectives: c.objectives.map((o) => ({ id: o.id, name: pickText(o.name, lang), achievedAt: own(state.objectives, o.id) ?? null })),
    })),
    objectives: sc.objectives.map((o) => ({ id: o.id, text: pickText(o.text, lang), capabilities: [...o.capabilities] })),
    capabilities: sc.capabilities.map((c) => ({ id: c.id, name: pickText(c.name, lang), tasks: c.tasks.map((t) => ({ id: t.id, name: pickText(t.name, lang) })) })),
    counts: {
      commands: log.records.length,
      events: events.length,
      alerts: Object.values(state.teams).reduce((n, t) => n + t.alerts.length, 0),
      reports: Object.keys(state.reports).length,
      injectsDelivered: Object.values(state.injects).reduce((n, i) => n + Object.values(i.teams).filter((t) => t.deliveredAt !== null).length, 0),
      sitreps: Object.keys(state.sitreps).length,
      ratings: state.ratings.length,
      actions: Object.keys(state.actions).length,
    },
  };
}

/** After-action results from an exercise record (a log with its replayed state and events). */
export function buildAarResults(x: ExerciseRecord, options: AarOptions = {}): AarResults {
  const lang = options.lang ?? 'en';
  const { state, events } = x;
  const tl = buildTimeline(events);
  const endMs = state.endedAt ?? state.clock;
  const m = metrics(state);
  const redSteps = redStepResults(state, tl, lang);
  const techniques = techniqueCoverage(
    state,
    tl,
    TACTICS.map((t) => t.shortname),
  );
  const injects = injectResults(state, lang);
  const services = serviceResults(state, tl, endMs, lang);
  const intel = intelResults(state, tl);
  const ttp = timeToProtect(state, tl);
  const teams = teamResults(state, tl, m.teams, injects, intel, services, lang);
  const capabilities = capabilityAnalysis(state, injects, lang);
  const sc = state.scenario.scoring;
  const scoring = { detectionHalfLife: sc.detectionHalfLife, responseTarget: sc.responseTarget, weights: { ...sc.weights } };
  const f = findings(state, { teams, capabilities, services, timeToProtect: ttp, techniques, injects, scoring, ranMs: endMs - (state.startedAt ?? endMs), lang });
  const clock = exerciseClock(state.scenario.meta.startDate);
  const names = new Map(teams.map((t) => [t.id, t.name]));

  const allAttempts = m.teams.reduce((n, t) => n + t.attempts, 0);
  const detected = m.teams.reduce((n, t) => n + t.detectedAttempts, 0);
  const ttdAll = state.attempts.filter((a) => a.reason !== 'unreachable' && a.detectedAt !== null).map((a) => (a.detectedAt as number) - a.t);
  const protectedAll = ttp.filter((p) => Object.keys(p.teams).length > 0 && p.blockedEverywhereAfter !== null);
  const meanTtp = mean(protectedAll.map((p) => p.blockedEverywhereAfter as number));
  const objectives = state.scenario.campaigns.reduce((n, c) => n + c.objectives.length, 0);

  return {
    format: 'ramparts-aar',
    version: 1,
    language: lang,
    marking: exerciseMarking(state).level,
    overview: overview(x, endMs, tl.endReason, lang),
    scoring,
    teams,
    coalition: {
      attempts: allAttempts,
      detected,
      meanTimeToDetect: ttdAll.length > 0 ? Math.round(mean(ttdAll) as number) : null,
      reportsShared: intel.length,
      reportsApplied: intel.reduce((n, r) => n + r.appliedBy.length, 0),
      indicatorsSeen: ttp.length,
      indicatorsBlockedEverywhere: protectedAll.length,
      meanTimeToProtect: meanTtp === null ? null : round2(meanTtp),
      redObjectives: { achieved: Object.keys(state.objectives).length, total: objectives },
    },
    redSteps,
    injects,
    services,
    intel,
    timeToProtect: ttp,
    techniques,
    capabilities,
    teamRatings: teamRatings(state, lang),
    discussion: discussionResults(state, lang),
    strengths: f.strengths,
    improvements: f.improvements,
    improvementPlan: improvementPlan(f.improvements, clock.at(endMs), names, lang),
    ...(x.whatIf && x.whatIf.length > 0 ? { whatIf: x.whatIf.map(reported) } : {}),
  };
}

/** After-action results straight from a log: replays it, then builds the results. */
export function aarFromLog(log: RampartsLog, options: AarOptions = {}): { ok: true; results: AarResults; exercise: ExerciseRecord } | { ok: false; message: string } {
  const r = loadExercise(log);
  if (!r.ok) return r;
  return { ok: true, results: buildAarResults(r.exercise, options), exercise: r.exercise };
}

/** The raw results as JSON text (the `json` export): stable key order, two-space indent, final newline. */
export function aarJson(results: AarResults): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}
