/** The seat links of a new exercise, to copy and hand out; each opens its seat's console. */
import { useState } from 'react';
import type { CreateExerciseResponse } from '../../../protocol/index.ts';
import { LocalTextView, useT } from '../../i18n/react.tsx';

export function seatUrl(link: string, origin = window.location.origin): string {
  return `${origin}${window.location.pathname.replace(/\/$/, '')}${link.startsWith('/') ? link : `/${link}`}`;
}

export function SeatLinks({ created, onDone }: { created: CreateExerciseResponse; onDone: () => void }) {
  const t = useT();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (seat: string, url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(seat);
    } catch {
      setCopied(null); // clipboard refused (insecure context): the link is selectable in the table
    }
  };
  return (
    <section className="panel" aria-labelledby="seats-title" data-exercise={created.exerciseId}>
      <h2 id="seats-title">{t('seats.title')}</h2>
      <p>
        <LocalTextView text={created.scenario.title} /> · {t(`mode.${created.mode}`)} · {t('seats.seed', { seed: created.seed })}
      </p>
      <p className="warning" role="note">
        {t('seats.once')}
      </p>
      <table className="seat-table">
        <thead>
          <tr>
            <th scope="col">{t('seats.seat')}</th>
            <th scope="col">{t('seats.link')}</th>
            <th scope="col">
              <span className="sr-only">{t('seats.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {created.seats.map((s) => {
            const url = seatUrl(s.link);
            return (
              <tr key={s.seat} data-seat={s.seat}>
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
                <td>
                  <input className="mono link-field" readOnly value={url} aria-label={t('seats.linkFor', { seat: s.seat })} onFocus={(e) => e.target.select()} dir="ltr" />
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => void copy(s.seat, url)}>
                    {copied === s.seat ? t('seats.copied') : t('seats.copy')}
                  </button>
                  <a className="button" href={url} target="_blank" rel="noreferrer noopener">
                    {t('seats.open')}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" onClick={onDone}>
        {t('seats.done')}
      </button>
    </section>
  );
}
