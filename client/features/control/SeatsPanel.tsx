/** The exercise's seats, how many people are connected to each, and new links (revoking the old). */
import type { ReactNode } from 'react';
import { RefusalMessage } from '../../net/RefusalMessage.tsx';
import { useCallback, useEffect, useState } from 'react';
import type { SeatLink, SeatListResponse } from '../../../protocol/index.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { listSeats, rotateSeatToken } from '../../net/api.ts';
import { useSession } from '../../store/react.ts';
import { seatUrl } from '../lobby/SeatLinks.tsx';

export function SeatsPanel() {
  const t = useT();
  const exerciseId = useSession((s) => s.exerciseId);
  const token = useSession((s) => s.token);
  const [seats, setSeats] = useState<SeatListResponse['seats'] | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  const [fresh, setFresh] = useState<SeatLink | null>(null);
  const refresh = useCallback(async () => {
    if (!exerciseId || !token) return;
    const reply = await listSeats(exerciseId, token);
    if (reply.ok) setSeats(reply.seats);
    else setError(<RefusalMessage reply={reply} />);
  }, [exerciseId, token]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const rotate = async (seat: string) => {
    if (!exerciseId || !token) return;
    const reply = await rotateSeatToken(exerciseId, seat, token);
    if (reply.ok) {
      setFresh(reply.seat);
      void refresh();
    } else setError(<RefusalMessage reply={reply} />);
  };
  return (
    <div className="seats">
      <button type="button" onClick={() => void refresh()}>
        {t('seats.refresh')}
      </button>
      {error ? (
        <div role="alert" className="error">
          {error}
        </div>
      ) : null}
      {fresh ? (
        <p className="warning">
          {t('seats.newLink', { seat: fresh.seat })}{' '}
          <input readOnly className="mono link-field" value={seatUrl(fresh.link)} dir="ltr" onFocus={(e) => e.target.select()} aria-label={t('seats.linkFor', { seat: fresh.seat })} />
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('seats.seat')}</th>
            <th scope="col">{t('seats.connected')}</th>
            <th scope="col">
              <span className="sr-only">{t('seats.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {seats?.map((s) => (
            <tr key={s.seat}>
              <th scope="row">
                {t(`role.${s.role}`)}
                {s.name ? (
                  <>
                    {' '}
                    · <LocalTextView text={s.name} />
                  </>
                ) : s.team ? (
                  ` · ${s.team}`
                ) : (
                  ''
                )}
              </th>
              <td className="mono">{s.connected}</td>
              <td>
                {s.role !== 'white' ? (
                  <button type="button" className="small" onClick={() => void rotate(s.seat)}>
                    {t('seats.rotate')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
