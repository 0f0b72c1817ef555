/**
 * The presentation view: the projector's page for the room, opened with its own link (the
 * `presentation` seat). Read-only and kept in sync over the socket like every console: the clock, the
 * current move with the situation every team reads, the questions put to every team with a live tally
 * of which teams answered (never what), and the moves of the drill. The server's presentation
 * projection holds nothing else, so nothing team-only can reach the wall.
 */
import type { PresentationView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { LocalMarkdown } from '../manual/ManualPanel.tsx';
import { ConnectionBadge } from '../shell/ConsoleHeader.tsx';
import { Clock, SimTime } from '../shell/Clock.tsx';
import { PrefsPicker } from '../shell/Prefs.tsx';

type Move = NonNullable<PresentationView['move']>;

function Tally({ question, teams }: { question: Move['questions'][number]; teams: PresentationView['teams'] }) {
  const t = useT();
  const lang = useLang();
  return (
    <ul className="tally" aria-label={t('present.tally', { answered: question.answered.length, teams: teams.length })}>
      {teams.map((team) => {
        const done = question.answered.includes(team.id);
        return (
          <li key={team.id} className={done ? 'answered' : 'waiting'} data-team={team.id} data-answered={done}>
            <span aria-hidden="true">{done ? '✓' : '…'}</span> {localText(team.name, lang) || team.id}
            <span className="sr-only"> {t(done ? 'present.answered' : 'present.waiting')}</span>
          </li>
        );
      })}
    </ul>
  );
}

function CurrentMove({ move, teams }: { move: Move; teams: PresentationView['teams'] }) {
  const t = useT();
  return (
    <section className="present-move" data-move={move.id}>
      <h2 data-testid="present-move">
        <LocalTextView text={move.title} />
      </h2>
      {move.description !== undefined ? (
        <div className="present-situation">
          <LocalMarkdown text={move.description} />
        </div>
      ) : null}
      {move.questions.length > 0 ? (
        <>
          <h3>{t('present.questions')}</h3>
          <ol className="present-questions">
            {move.questions.map((q) => (
              <li key={q.id} data-question={q.id}>
                <p className="present-q">
                  <LocalTextView text={q.text} />
                </p>
                <p className="muted">{t('present.tally', { answered: q.answered.length, teams: teams.length })}</p>
                <Tally question={q} teams={teams} />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

export default function PresentationPage() {
  const t = useT();
  const view = useSession((s) => s.view as PresentationView);
  return (
    <div className="presentation" data-console="presentation">
      <header className="present-head">
        <h1>
          <LocalTextView text={view.scenario.title} />
        </h1>
        <Clock clock={view.clock} />
        <div className="head-end">
          <ConnectionBadge />
          <PrefsPicker />
        </div>
      </header>
      <main className="present-main">
        {view.move ? <CurrentMove move={view.move} teams={view.teams} /> : <p className="present-wait">{t(view.clock.phase === 'ended' ? 'present.ended' : 'present.notStarted')}</p>}
        <aside className="present-agenda" aria-label={t('present.moves')}>
          <h3>{t('present.moves')}</h3>
          <ol>
            {view.moves.map((m) => (
              <li key={m.id} className={m.id === view.move?.id ? 'current' : m.begun ? 'done' : 'ahead'} aria-current={m.id === view.move?.id ? 'step' : undefined}>
                <SimTime t={m.start} /> <LocalTextView text={m.title} />
              </li>
            ))}
          </ol>
        </aside>
      </main>
    </div>
  );
}
