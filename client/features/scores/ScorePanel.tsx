/** A team's score: current breakdown by category and the timeline of each category. */
import { useMemo } from 'react';
import type { ScoreView, TeamRef } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { CATEGORY_COLORS, ScoreChart, TEAM_PALETTE, type Series } from './ScoreChart.tsx';

export const CATEGORIES = ['availability', 'detection', 'response', 'reporting', 'cooperation', 'penalties'] as const;

export function ScoreBreakdown({ score }: { score: ScoreView }) {
  const t = useT();
  return (
    <dl className="score-breakdown">
      <div className="composite"><dt>{t('score.composite')}</dt><dd data-testid="score">{score.current.composite.toFixed(1)}</dd></div>
      {CATEGORIES.map((c) => (
        <div key={c}><dt>{t(`score.${c}`)}</dt><dd>{score.current[c].toFixed(1)}</dd></div>
      ))}
    </dl>
  );
}

export function ScorePanel({ score }: { score: ScoreView }) {
  const t = useT();
  const series = useMemo<Series[]>(() => (['composite', ...CATEGORIES] as const).map((c) => ({
    id: c, label: t(`score.${c}`), color: CATEGORY_COLORS[c] ?? '#fff',
    points: score.timeline.map((s) => ({ t: s.t, v: s[c] })),
  })), [score.timeline, t]);
  return (
    <div className="score-panel">
      <ScoreBreakdown score={score} />
      <ScoreChart series={series} title={t('score.overTime')} />
    </div>
  );
}

/** Composite score of every team over time (controller, evaluator). */
export function TeamsScoreChart({ teams, cursor }: { teams: { team: TeamRef; score: ScoreView }[]; cursor?: number }) {
  const t = useT();
  const lang = useLang();
  const series = useMemo<Series[]>(() => teams.map(({ team, score }, i) => ({
    id: team.id, label: localText(team.name, lang) || team.id, color: team.color ?? TEAM_PALETTE[i % TEAM_PALETTE.length] ?? '#fff',
    points: score.timeline.map((s) => ({ t: s.t, v: s.composite })),
  })), [teams, lang]);
  return <ScoreChart series={series} title={t('score.teamsOverTime')} {...(cursor !== undefined ? { cursor } : {})} />;
}
