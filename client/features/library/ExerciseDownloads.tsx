/** The after-action downloads of an exercise in the library, in the operator's language and time zone. */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { ExportDownload } from '../../../protocol/exports.ts';
import { useLang, useT } from '../../i18n/react.tsx';
import { downloadBlob } from '../../lib/download.ts';
import { libraryExport } from '../../net/library-api.ts';
import { prefsStore } from '../../store/prefs.ts';
import { refusalSentence } from './operator.ts';

/** What the library offers: the log, the package, the AAR in HTML and Markdown, STIX, the Navigator layer. */
export const LIBRARY_DOWNLOADS: readonly ExportDownload[] = ['log', 'package', 'aar-html', 'aar-md', 'stix', 'navigator'];

export function ExerciseDownloads({ operator, exerciseId, onError }: { operator: string; exerciseId: string; onError: (m: string) => void }) {
  const t = useT();
  const lang = useLang();
  const tz = useStore(prefsStore, (p) => p.timeZone);
  const [busy, setBusy] = useState<ExportDownload | null>(null);
  const get = async (format: ExportDownload) => {
    setBusy(format);
    const reply = await libraryExport(operator, exerciseId, format, { lang, tz });
    setBusy(null);
    if (reply.ok) downloadBlob(reply.fileName, reply.blob);
    else onError(refusalSentence(t, reply));
  };
  return (
    <details className="exports" data-testid="library-downloads">
      <summary>{t('library.downloads')}</summary>
      <ul role="menu">
        {LIBRARY_DOWNLOADS.map((f) => (
          <li key={f} role="none">
            <button type="button" role="menuitem" disabled={busy !== null} aria-busy={busy === f} onClick={() => void get(f)} data-testid={`download-${f}`}>
              {t(`export.${f}`)}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
