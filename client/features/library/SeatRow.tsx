/** One seat of an exercise in the library: joined or not, and its link re-issued (shown once) or revoked. */
import { useState } from 'react';
import type { LibraryExercise } from '../../../protocol/index.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { libraryApi } from '../../net/library-api.ts';
import { seatUrl } from '../lobby/SeatLinks.tsx';
import { refusalSentence } from './operator.ts';

type Seat = LibraryExercise['seats'][number];

export function SeatRow({ exerciseId, seat, operator, onError }: { exerciseId: string; seat: Seat; operator: string; onError: (m: string) => void }) {
  const t = useT();
  const [link, setLink] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const [busy, setBusy] = useState(false);
  const reissue = async () => {
    setBusy(true);
    const reply = await libraryApi.reissue(operator, exerciseId, seat.seat);
    setBusy(false);
    if (reply.ok) {
      setLink(seatUrl(reply.seat.link));
      setRevoked(false);
    } else onError(refusalSentence(t, reply));
  };
  const revoke = async () => {
    setBusy(true);
    const reply = await libraryApi.revoke(operator, exerciseId, seat.seat);
    setBusy(false);
    if (reply.ok) {
      setLink(null);
      setRevoked(true);
    } else onError(refusalSentence(t, reply));
  };
  return (
    <tr data-seat={seat.seat}>
      <th scope="row">
        {t(`role.${seat.role}`)}
        {seat.name ? (
          <>
            {' '}
            · <LocalTextView text={seat.name} />
          </>
        ) : seat.team ? (
          ` · ${seat.team}`
        ) : (
          ''
        )}
      </th>
      <td>{seat.connected > 0 ? t('library.seatJoined', { count: seat.connected }) : t('library.seatAway')}</td>
      <td>
        {link ? (
          <input className="mono link-field" readOnly value={link} aria-label={t('seats.linkFor', { seat: seat.seat })} onFocus={(e) => e.target.select()} dir="ltr" data-testid="new-link" />
        ) : null}
        {revoked ? <span className="muted">{t('library.revoked')}</span> : null}
      </td>
      <td className="row-actions">
        <button type="button" disabled={busy} onClick={() => void reissue()} data-testid="reissue">
          {t('library.reissue')}
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => void revoke()} data-testid="revoke">
          {t('library.revoke')}
        </button>
      </td>
    </tr>
  );
}
