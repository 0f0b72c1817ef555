/** A team's score: current breakdown by category and the timeline of each category. */
import { useMemo } from 'react';
import type { BlueScoreView, ScoreView, TeamRef } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { formatExerciseTime } from '../../i18n/time.ts';
import { CATEGORY_COLORS, ScoreChart, TEAM_PALETTE, type Series } from './ScoreChart.tsx';

export const CATEGORIES = ['availability', 'detection', 'response', 'reporting', 'cooperation', 'penalties'] as const;

/** A component's value, or "withheld" where a blue team may not see it yet (engine/sim/disclosure.ts). */
function Value({ v, testId }: { v: number | null; testId?: string }) {
  const t = useT();
  return v === null ? (
    <dd className="muted withheld" data-withheld="true" {...(testId ? { 'data-testid': testId } : {})}>
      {t('score.withheld')}
    </dd>
  ) : (
    <dd {...(testId ? { 'data-testid': testId } : {})}>{v.toFixed(1)}</dd>
  );
}

const isBlue = (score: ScoreView | BlueScoreView): score is BlueScoreView => 'releasedAt' in score;

export function ScoreBreakdown({ score }: { score: ScoreView | BlueScoreView }) {
  const t = useT();
  return (
    <dl className="score-breakdown">
      <div className="composite">
        <dt>{t('score.composite')}</dt>
        <Value v={score.current.composite} testId="score" />
      </div>
      {CATEGORIES.map((c) => (
        <div key={c}>
          <dt>{t(`score.${c}`)}</dt>
          <Value v={score.current[c]} />
        </div>
      ))}
    </dl>
  );
}

/** What a blue team reads about the components it does not see yet. */
function Withheld({ score }: { score: BlueScoreView }) {
  const t = useT();
  if (score.current.detection !== null) return null;
  return (
    <div className="score-withheld" data-testid="score-withheld">
      <p>
        {t('score.withheldNote')}
        {score.policy === 'known' ? ` ${t('score.knownNote')}` : ''}
      </p>
      {score.releasedAt !== null ? <p className="muted">{t('score.releasedUntil', { time: formatExerciseTime(score.releasedAt) })}</p> : null}
    </div>
  );
}

export function ScorePanel({ score }: { score: ScoreView | BlueScoreView }) {
  const t = useT();
  const series = useMemo<Series[]>(
    () =>
      (['composite', ...CATEGORIES] as const).map((c) => ({
        id: c,
        label: t(`score.${c}`),
        color: CATEGORY_COLORS[c] ?? '#fff',
        // Withheld samples (those after the last release) are left out.
        points: score.timeline.flatMap((s) => {
          const v = s[c];
          return v === null ? [] : [{ t: s.t, v }];
        }),
      })),
    [score.timeline, t],
  );
  return (
    <div className="score-panel">
      <ScoreBreakdown score={score} />
      {isBlue(score) ? <Withheld score={score} /> : null}
      <ScoreChart series={series.filter((s) => s.points.length > 0)} title={t('score.overTime')} />
    </div>
  );
}

/** Composite score of every team over time (controller, evaluator). */
export function TeamsScoreChart({ teams, cursor }: { teams: { team: TeamRef; score: ScoreView }[]; cursor?: number }) {
  const t = useT();
  const lang = useLang();
  const series = useMemo<Series[]>(
    () =>
      teams.map(({ team, score }, i) => ({
        id: team.id,
        label: localText(team.name, lang) || team.id,
        color: team.color ?? TEAM_PALETTE[i % TEAM_PALETTE.length] ?? '#fff',
        points: score.timeline.map((s) => ({ t: s.t, v: s.composite })),
      })),
    [teams, lang],
  );
  return <ScoreChart series={series} title={t('score.teamsOverTime')} {...(cursor !== undefined ? { cursor } : {})} />;
}
