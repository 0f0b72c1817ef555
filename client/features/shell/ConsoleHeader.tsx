/** The bar on top of every console: scenario, seat, clock, connection, notices, language and zone. */
import type { ReactNode } from 'react';
import { LocalTextView, useT } from '../../i18n/react.tsx';
import { useSession } from '../../store/react.ts';
import { Clock } from './Clock.tsx';
import { PrefsPicker } from './Prefs.tsx';

export function ConnectionBadge() {
  const t = useT();
  const status = useSession((s) => s.status);
  return (
    <span className={`conn conn-${status}`} role="status" data-testid="connection">
      {t(`conn.${status}`)}
    </span>
  );
}

export function ConsoleHeader({ seatLabel, children }: { seatLabel: ReactNode; children?: ReactNode }) {
  const t = useT();
  const scenario = useSession((s) => s.scenario);
  const clock = useSession((s) => (s.view ? s.view.clock : null));
  const notices = useSession((s) => s.notices);
  const error = useSession((s) => s.error);
  return (
    <header className="console-head">
      <div className="brand">
        <span className="logo" aria-hidden="true">
          ▙
        </span>
        <div>
          <h1>{scenario ? <LocalTextView text={scenario.title} /> : t('app.name')}</h1>
          <p className="seat">{seatLabel}</p>
        </div>
      </div>
      {clock ? <Clock clock={clock} /> : null}
      {children}
      <div className="head-end">
        <ConnectionBadge />
        <PrefsPicker />
      </div>
      {notices.length > 0 || error ? (
        <div className="notices" role="alert">
          {notices.map((n) => (
            <p key={n.code}>{t(`notice.${n.code}`)}</p>
          ))}
          {error ? (
            <p className="error">
              {error.code}: {error.message}
            </p>
          ) : null}
        </div>
      ) : null}
    </header>
  );
}
