/**
 * The MSEL board: every inject (scheduled time or condition, channel) with its status per blue team.
 * One column per nation, as narrow as its status: the time and channel sit under the inject's title,
 * a due time under its status, so five nations fit the controller's workspace at 1440 px.
 */
import type { EvaluatorView, MselRow, WhiteView } from '../../../engine/types.ts';
import { localText } from '../../../engine/constants.ts';
import { LocalTextView, useLang, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { SimTime } from '../shell/Clock.tsx';
import { Empty } from '../shell/Bits.tsx';
import { TeamAbbr } from './TeamStatus.tsx';
import { teamLabels } from '../lobby/labels.ts';

function Cell({ row, team }: { row: MselRow; team: string }) {
  const t = useT();
  const cell = row.teams[team];
  if (!cell) return <td className="muted">—</td>;
  const late = cell.expects.some((x) => x.met === false);
  return (
    <td className={`msel-cell s-${cell.status}${late ? ' late' : ''}`} data-team={team} data-status={cell.status}>
      <span className="status-chip">{t(`inject.${cell.status}`)}</span>
      {cell.grade !== null ? <span className="mono"> {cell.grade}</span> : null}
      {cell.status === 'scheduled' && cell.due !== null ? (
        <span className="msel-due muted small-text">
          <SimTime t={cell.due} />
        </span>
      ) : null}
      {late ? <span className="msel-due bad small-text">{t('inbox.missed')}</span> : null}
    </td>
  );
}

export function MselBoardOf({ msel, teams }: { msel: MselRow[]; teams: WhiteView['teams'][number][] }) {
  const t = useT();
  const lang = useLang();
  const blue = teams.filter((tm) => tm.role === 'blue');
  const labels = teamLabels(blue, lang);
  if (msel.length === 0) return <Empty>{t('msel.empty')}</Empty>;
  const rows = [...msel].sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity));
  return (
    <div className="table-scroll msel-scroll">
      <table className="msel">
        <thead>
          <tr>
            <th scope="col">{t('msel.inject')}</th>
            {blue.map((tm) => {
              const full = localText(tm.name, lang) || tm.id;
              return (
                <th key={tm.id} scope="col" className="msel-team" data-team={tm.id}>
                  <TeamAbbr id={tm.id} nation={labels.get(tm.id)} name={full} />
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.inject} data-inject={row.inject}>
              <th scope="row">
                <LocalTextView text={row.title} />
                {row.adhoc ? <span className="chip">{t('msel.adhoc')}</span> : null}
                <span className="msel-meta muted small-text">
                  {row.at !== null ? <SimTime t={row.at} /> : null}
                  {row.conditional ? <span className="chip">{t('msel.conditional')}</span> : null}
                  <span>{t(`channel.${row.channel}`)}</span>
                </span>
              </th>
              {blue.map((tm) => (
                <Cell key={tm.id} row={row} team={tm.id} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MselBoard() {
  const msel = useSession((s) => (s.view as WhiteView | EvaluatorView).msel);
  const teams = useSession((s) => (s.view as WhiteView | EvaluatorView).teams);
  return <MselBoardOf msel={msel} teams={teams} />;
}
