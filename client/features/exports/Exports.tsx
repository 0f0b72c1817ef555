/**
 * The export menu of the consoles that may read the whole exercise (controller and evaluators): each
 * after-action product downloaded from the server, which writes it from the exercise's log with the
 * command line's code (the same bytes as `ramparts export`), in the seat's language and time zone.
 */
import type { ReactNode } from 'react';
import { RefusalMessage } from '../../net/RefusalMessage.tsx';
import { useState } from 'react';
import { useStore } from 'zustand';
import { EXPORT_DOWNLOADS, type ExportDownload } from '../../../protocol/exports.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { downloadBlob } from '../../lib/download.ts';
import { exerciseExport } from '../../net/api.ts';
import { prefsStore } from '../../store/prefs.ts';
import { useSession } from '../../store/react.ts';

/** The order of the menu: the reports first, then the data. */
const ORDER: readonly ExportDownload[] = ['aar-html', 'aar-md', 'stix', 'navigator', 'msel-csv', 'json', 'log', 'package'];

export function Exports() {
  const t = useT();
  const lang = useLang();
  const timeZone = useStore(prefsStore, (p) => p.timeZone);
  const exerciseId = useSession((s) => s.exerciseId);
  const token = useSession((s) => s.token);
  const [busy, setBusy] = useState<ExportDownload | null>(null);
  const [error, setError] = useState<ReactNode>(null);
  if (!exerciseId || !token) return null;
  const get = async (format: ExportDownload) => {
    setBusy(format);
    setError(null);
    const reply = await exerciseExport(exerciseId, token, format, { lang, tz: timeZone });
    setBusy(null);
    if (reply.ok) downloadBlob(reply.fileName, reply.blob);
    else
      setError(
        <>
          {t('export.failedShort')} <RefusalMessage reply={reply} />
        </>,
      );
  };
  return (
    <details className="exports" data-testid="exports">
      <summary data-testid="exports-menu">{t('export.menu')}</summary>
      <ul role="menu">
        {ORDER.filter((f) => EXPORT_DOWNLOADS.includes(f)).map((f) => (
          <li key={f} role="none">
            <button type="button" role="menuitem" disabled={busy !== null} aria-busy={busy === f} onClick={() => void get(f)} data-testid={`export-${f}`}>
              {t(`export.${f}`)}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <div role="alert" className="error">
          {error}
        </div>
      ) : null}
    </details>
  );
}
