/**
 * ATT&CK Navigator layer (format 4.5): the techniques red used, scored by how a team (or the
 * coalition) detected them. Score 0..100 is the mean detection credit over red's attempts: 100 when the
 * team was alerted at once, halving every detection half-life of delay, 0 when never alerted (see
 * aar/techniques.ts). The colour comes from the layer's gradient (red 0, yellow 50, green 100).
 */
import { ATTACK_DOMAIN, ATTACK_VERSION, technique as attackTechnique, type TlpLevel, own } from '../../engine/index.ts';
import type { AarResults, TechniqueTeamCoverage } from '../aar/types.ts';
import { human } from '../aar/format.ts';

export const NAVIGATOR_VERSION = '5.1.0';
export const LAYER_VERSION = '4.5';

export interface NavigatorMetadata {
  name: string;
  value: string;
}
export interface NavigatorTechnique {
  techniqueID: string;
  tactic?: string;
  score: number;
  comment: string;
  enabled: boolean;
  metadata: NavigatorMetadata[];
  showSubtechniques: boolean;
}
export interface NavigatorLayer {
  name: string;
  versions: { attack: string; navigator: string; layer: string };
  domain: string;
  description: string;
  sorting: number;
  layout: { layout: 'side'; showID: boolean; showName: boolean; showAggregateScores: boolean; countUnscored: boolean; aggregateFunction: 'average'; expandedSubtechniques: 'annotated' };
  hideDisabled: boolean;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: { label: string; color: string }[];
  metadata: NavigatorMetadata[];
  showTacticRowBackground: boolean;
  tacticRowBackground: string;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
  selectVisibleTechniques: boolean;
}

export const GRADIENT = ['#ff6666', '#ffe766', '#8ec843'];

export type NavigatorResult = { ok: true; layer: NavigatorLayer } | { ok: false; message: string };

function describe(c: TechniqueTeamCoverage, steps: string[]): { comment: string; metadata: NavigatorMetadata[] } {
  const comment =
    c.detected === 0
      ? `Never detected in ${c.attempts} attempt(s) (steps: ${steps.join(', ')}).`
      : `Detected ${c.detected} of ${c.attempts} attempt(s), mean delay ${human(c.meanDelay)} (steps: ${steps.join(', ')}).`;
  return {
    comment,
    metadata: [
      { name: 'red steps', value: steps.join(', ') },
      { name: 'attempts', value: String(c.attempts) },
      { name: 'detected', value: String(c.detected) },
      { name: 'mean time to detect', value: human(c.meanDelay) },
      { name: 'detection score', value: String(c.score) },
    ],
  };
}

/**
 * The layer for one blue team (`team`) or, without it, for the coalition (an attempt counts as
 * detected when any team was alerted to it). Refuses an unknown team as a value.
 */
export function navigatorLayer(results: AarResults, options: { team?: string; tlp?: TlpLevel } = {}): NavigatorResult {
  const { team } = options;
  const t = team === undefined ? undefined : results.teams.find((x) => x.id === team);
  if (team !== undefined && !t) {
    return { ok: false, message: `no blue team "${team}" in this exercise (teams: ${results.teams.map((x) => x.id).join(', ')})` };
  }
  const who = t ? t.name : 'Coalition';
  const techniques: NavigatorTechnique[] = [];
  for (const row of results.techniques) {
    const c = t ? own(row.teams, t.id) : row.coalition;
    if (!c || c.attempts === 0) continue;
    const tactics = attackTechnique(row.technique)?.tactics ?? [];
    const { comment, metadata } = describe(c, row.steps);
    techniques.push({
      techniqueID: row.technique,
      ...(tactics.includes(row.tactic) ? { tactic: row.tactic } : {}),
      score: c.score,
      comment,
      enabled: true,
      metadata,
      showSubtechniques: false,
    });
  }
  const o = results.overview;
  const half = human(results.scoring.detectionHalfLife);
  return {
    ok: true,
    layer: {
      name: `${o.scenario.title}: ${who} detection coverage`,
      versions: { attack: ATTACK_VERSION.split('.')[0] as string, navigator: NAVIGATOR_VERSION, layer: LAYER_VERSION },
      domain: ATTACK_DOMAIN,
      description:
        `ATT&CK techniques red used in ${o.scenario.id} (seed ${o.exercise.seed}) against ${t ? t.name : 'the coalition'}, ` +
        `scored by detection: 100 = alerted at once, halving every ${half} of delay, 0 = never detected${t ? '' : ' by any team'}.`,
      sorting: 3,
      layout: { layout: 'side', showID: true, showName: true, showAggregateScores: false, countUnscored: false, aggregateFunction: 'average', expandedSubtechniques: 'annotated' },
      hideDisabled: false,
      techniques,
      gradient: { colors: [...GRADIENT], minValue: 0, maxValue: 100 },
      legendItems: [
        { label: 'Never detected (0)', color: GRADIENT[0] as string },
        { label: `Detected after about ${half} (50)`, color: GRADIENT[1] as string },
        { label: 'Detected at once (100)', color: GRADIENT[2] as string },
      ],
      metadata: [
        { name: 'exercise', value: o.scenario.title },
        { name: 'scenario', value: `${o.scenario.id} ${o.scenario.version}` },
        { name: 'scenario sha256', value: o.scenario.hash },
        { name: 'seed', value: String(o.exercise.seed) },
        { name: 'team', value: t ? `${t.name} (${t.id})` : 'coalition (all blue teams)' },
        { name: 'exercise start', value: o.exercise.startIso },
        { name: 'TLP', value: `TLP:${options.tlp ?? results.marking}` },
        { name: 'generated by', value: 'Ramparts' },
      ],
      showTacticRowBackground: false,
      tacticRowBackground: '#dddddd',
      selectTechniquesAcrossTactics: true,
      selectSubtechniquesWithParent: false,
      selectVisibleTechniques: false,
    },
  };
}

/** The layer as the file Navigator opens (two-space JSON, final newline). */
export function navigatorJson(layer: NavigatorLayer): string {
  return `${JSON.stringify(layer, null, 2)}\n`;
}
