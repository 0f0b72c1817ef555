/**
 * The situation manual for the white cell and evaluators: any move (the current one first), its
 * situation with what is addressed to whom, and every question with every team's answer side by side
 * (grades from the adjudication queue). Read-only: grading is the adjudication tab's.
 */
import { useState } from 'react';
import type { WhiteManualMove, WhiteView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';
import { LocalMarkdown } from './ManualPanel.tsx';

type Teams = WhiteView['teams'];

function useTeamName(teams: Teams): (id: string) => string {
  const lang = useLang();
  return (id) => localText(teams.find((x) => x.id === id)?.name, lang) || id;
}

function Recipients({ to, teams }: { to: readonly string[] | null; teams: Teams }) {
  const t = useT();
  const name = useTeamName(teams);
  return <span className="chip recipients">{to === null ? t('manual.everyTeam') : to.map(name).join(', ')}</span>;
}

function Question({ q, teams }: { q: WhiteManualMove['questions'][number]; teams: Teams }) {
  const t = useT();
  const name = useTeamName(teams);
  const asked = teams.filter((x) => x.role === 'blue' && (q.to === null || q.to.includes(x.id)));
  return (
    <section className="board-question" data-question={q.id}>
      <h4>
        <LocalTextView text={q.text} /> <Recipients to={q.to} teams={teams} />
      </h4>
      <div className="answers-grid">
        {asked.map((team) => {
          const a = q.answers.find((x) => x.team === team.id);
          return (
            <article key={team.id} className={`answer-card${a ? '' : ' empty'}`} data-team={team.id}>
              <header>
                <strong>{name(team.id)}</strong>
                {a ? (
                  <>
                    {' '}
                    · <SimTime t={a.t} />
                  </>
                ) : null}
              </header>
              {a ? (
                <p dir="auto" className="prewrap">
                  {a.text}
                </p>
              ) : (
                <p className="muted">{t('manual.notAnswered')}</p>
              )}
              {a && a.grade !== null ? (
                <p className="mono">
                  {t('inbox.grade', { grade: a.grade })}
                  {a.comment ? ` · ${a.comment}` : ''}
                </p>
              ) : null}
            </article>
          );
        })}
      </div>
    </section>
  );
}

export function AnswersBoard({ moves, teams, current }: { moves: WhiteManualMove[]; teams: Teams; current: string | null }) {
  const t = useT();
  const lang = useLang();
  const [pick, setPick] = useState<string | null>(null);
  if (moves.length === 0) return <Empty>{t('manual.noMoves')}</Empty>;
  const move = moves.find((m) => m.id === (pick ?? current)) ?? (moves[0] as WhiteManualMove);
  return (
    <div className="answers-board">
      <label className="inline">
        {t('control.move')}
        <select value={move.id} onChange={(e) => setPick(e.target.value)} data-testid="board-move">
          {moves.map((m) => (
            <option key={m.id} value={m.id}>
              {localText(m.title, lang)}
              {m.begun ? '' : ` (${t('manual.notBegun')})`}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">
        <SimTime t={move.start} />
      </p>
      {move.description !== undefined ? <LocalMarkdown text={move.description} /> : null}
      {move.situations.map((s, i) => (
        <aside key={i} className="situation-for-team">
          <Recipients to={s.to} teams={teams} />
          <LocalMarkdown text={s.text} />
        </aside>
      ))}
      {move.questions.map((q) => (
        <Question key={q.id} q={q} teams={teams} />
      ))}
    </div>
  );
}

/** The board inside a white or evaluator console (both views carry the manual). */
export function ManualBoard() {
  const moves = useSession((s) => (s.view as WhiteView).moves);
  const teams = useSession((s) => (s.view as WhiteView).teams);
  const current = useSession((s) => (s.view as WhiteView).clock.move?.id ?? null);
  return <AnswersBoard moves={moves} teams={teams} current={current} />;
}
